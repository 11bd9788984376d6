package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdnn.Conv2d;
import dev.jdnn.Shape;
import org.junit.jupiter.api.Test;

/**
 * The channels-last plan's own GEMM (pointwise convolutions): its products all have the input and
 * output channels as two of their dimensions, so the team's 1 MiB shared block of B is allocated
 * only where both channel counts let some product take that route, however many pixels there are.
 */
class ChannelsLastConv2dPlanTest {

    @Test
    void theSharedBlockOfBIsAllocatedOnlyWhereSomeProductCanUseIt() {
        // 40 x 40 pixels: 1,600 rows, above the shared route's 512 in every product.
        Shape input = Shape.of(1, 600, 40, 40);
        try (WorkerPool two = new WorkerPool(2)) {
            PackedGemm gemm = new PackedGemm(new GemmMicroKernel128());
            try (ChannelsLastConv2dPlan few = new ChannelsLastConv2dPlan(Conv2d.of(600, 6, 1), input, null, two, gemm)) {
                assertThat(few.preparedSharedB()).isFalse();
            }
            try (ChannelsLastConv2dPlan many = new ChannelsLastConv2dPlan(Conv2d.of(600, 600, 1), input, null, two,
                    gemm)) {
                assertThat(many.preparedSharedB()).isTrue();
            }
        }
    }
}
