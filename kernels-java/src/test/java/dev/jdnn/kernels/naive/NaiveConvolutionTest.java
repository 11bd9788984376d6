package dev.jdnn.kernels.naive;

import dev.jdnn.Backend;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Padding;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NaiveConvolutionTest {
    private final Backend backend = Backends.open("naive");
    private final ScratchTensors tensors = new ScratchTensors(42);

    @AfterEach
    void close() {
        tensors.close();
        backend.close();
    }

    @Test
    void horizontalEdgeFilterOnAPatchGivesTheHandWorkedSums() {
        Tensor patch = tensors.of(Shape.nchw(1, 1, 6, 8),
                200, 199, 189, 180, 150, 120, 100, 90,
                203, 23, 34, 60, 80, 100, 110, 120,
                177, 12, 22, 30, 40, 50, 60, 70,
                10, 20, 30, 40, 50, 60, 70, 80,
                90, 80, 70, 60, 50, 40, 30, 20,
                5, 15, 25, 35, 45, 55, 65, 75);
        Tensor filter = tensors.of(Shape.nchw(1, 1, 3, 3),
                1, 1, 1,
                0, 0, 0,
                -1, -1, -1);
        Conv2d op = Conv2d.of(1, 1, 3).bias(false);
        try (Conv2dPlan plan = backend.plan(op, patch.shape())) {
            Tensor y = tensors.output(plan.outputShape());
            plan.forward(patch, filter, null, y);

            // Each output is (sum of the window's top row) - (sum of its bottom row). The first:
            // (200 + 199 + 189) - (177 + 12 + 22) = 588 - 211 = 377 (not the 328 a tutorial prints).
            // Second in row 0: (199 + 189 + 180) - (12 + 22 + 30) = 568 - 64 = 504.
            // First in row 1: (203 + 23 + 34) - (10 + 20 + 30) = 260 - 60 = 200.
            assertThat(y.shape()).isEqualTo(Shape.nchw(1, 1, 4, 6));
            assertThat(y.toArray()).containsExactly(
                    377, 504, 427, 330, 220, 130,
                    200, 27, 54, 90, 110, 120,
                    -29, -146, -88, -30, 30, 90,
                    15, 15, 15, 15, 15, 15);
        }
    }

    @Test
    void twoFiltersWithBiasStrideTwoPadOneTurnFiveByFiveByThreeIntoThreeByThreeByTwo() {
        Tensor x = tensors.of(Shape.nchw(1, 3, 5, 5),
                1, 0, 2, 1, 0, 2, 1, 0, 0, 1, 0, 2, 2, 1, 0, 1, 1, 0, 2, 2, 0, 1, 2, 0, 1,
                2, 1, 1, 0, 0, 0, 0, 2, 1, 2, 1, 2, 0, 0, 1, 2, 0, 1, 1, 0, 1, 1, 0, 2, 2,
                0, 2, 1, 2, 1, 1, 0, 0, 2, 0, 2, 1, 2, 0, 0, 0, 0, 1, 1, 2, 1, 2, 0, 1, 0);
        Tensor w = tensors.of(Shape.nchw(2, 3, 3, 3),
                1, 0, -1, 0, 1, 0, -1, 0, 1,
                0, 1, 0, 1, -1, 1, 0, 1, 0,
                -1, -1, 0, 0, 0, 1, 1, 0, 0,
                0, 0, 1, 1, 0, 0, 0, -1, 0,
                1, 1, 1, 0, 0, 0, -1, 0, -1,
                0, 1, -1, -1, 1, 0, 0, 0, 1);
        Tensor b = tensors.of(Shape.of(2), 1, -2);
        Conv2d op = Conv2d.of(3, 2, 3).stride(2).padding(1);
        try (Conv2dPlan plan = backend.plan(op, x.shape())) {
            Tensor y = tensors.output(plan.outputShape());
            plan.forward(x, w, b, y);

            // Worked out independently in float64 with numpy (np.pad, then the sum of
            // window * filter + bias at rows and columns 0, 2, 4 of the padded input).
            // The first output of filter 0 sees only input cells (0..1, 0..1), which meet filter
            // taps (1..2, 1..2): channel 0: 1*1 + 0*0 + 2*0 + 1*1 = 2; channel 1: 2*(-1) + 1*1
            // + 0*0 + 0*0 = -1; channel 2: 0*0 + 2*1 + 1*0 + 0*0 = 2; so 2 - 1 + 2 + bias 1 = 4.
            assertThat(y.shape()).isEqualTo(Shape.nchw(1, 2, 3, 3));
            assertThat(y.toArray()).containsExactly(
                    4, 6, 5,
                    4, 10, -1,
                    4, 6, 1,
                    -4, -2, -4,
                    1, 2, -1,
                    2, 1, 0);
        }
    }
}
