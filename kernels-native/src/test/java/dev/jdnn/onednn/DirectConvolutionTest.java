package dev.jdnn.onednn;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Padding;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Convolutions whose stride skips most of the input run in {@link DirectConvolution}: same results
 * as {@code naive}, at a cost that follows the work (oneDNN's backward data took over a minute on
 * the issue's 1x1 convolution with stride and padding 30000 over one cell).
 */
class DirectConvolutionTest {
    private static Backend onednn;
    private static Backend naive;

    @BeforeAll
    static void open() {
        onednn = Backends.open("onednn", new BackendConfig(1));
        naive = Backends.open("naive");
    }

    @AfterAll
    static void close() {
        onednn.close();
        naive.close();
    }

    @Test
    void sparseStridesAreTheOnlyGeometriesSentHere() {
        assertThat(DirectConvolution.suits(Conv2d.of(2, 2, 1).stride(30000).padding(30000))).isTrue();
        assertThat(DirectConvolution.suits(Conv2d.of(2, 2, 3).stride(25, 1))).isTrue();
        assertThat(DirectConvolution.suits(Conv2d.of(2, 2, 3).stride(24).dilation(1))).isFalse();
        assertThat(DirectConvolution.suits(Conv2d.of(2, 2, 3).stride(25).dilation(2))).isFalse();
        assertThat(DirectConvolution.suits(Conv2d.of(64, 128, 1).stride(2))).isFalse();
    }

    @Test
    void theIssuesOneByOneConvolutionWithStrideAndPadding30000RunsInMillisecondsAndMatchesNaive() {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                new NaiveComparison(onednn, naive, 5).conv(Conv2d.of(2, 2, 1).stride(30000).padding(30000),
                        Shape.nchw(1, 2, 1, 1)));
    }

    @Test
    void sparseStridesWithGroupsDilationAsymmetricPaddingAndNoBiasMatchNaive() {
        NaiveComparison compare = new NaiveComparison(onednn, naive, 6);
        compare.conv(Conv2d.of(4, 6, 2).stride(20, 17).padding(new Padding(3, 1, 0, 2)).groups(2),
                Shape.nchw(2, 4, 45, 40));
        compare.conv(Conv2d.of(3, 2, 3).stride(1, 30).dilation(2, 1).bias(false), Shape.nchw(1, 3, 9, 70));
        compare.conv(Conv2d.of(2, 2, 1).stride(300), Shape.nchw(1, 2, 601, 601));
        compare.conv(Conv2d.of(2, 3, 2).stride(50).padding(60), Shape.nchw(2, 2, 5, 7));
    }

    @Test
    void theDirectPathTakesTheNonFiniteRulesForPaddedCells() {
        Conv2d op = Conv2d.of(1, 1, 3).stride(40).padding(1);
        Shape input = Shape.nchw(1, 1, 2, 2);
        try (Arena arena = Arena.ofShared(); Conv2dPlan plan = onednn.plan(op, input)) {
            Tensor x = Tensor.allocate(input, arena);
            x.copyFrom(new float[] {1, 2, 3, 4});
            Tensor w = Tensor.allocate(op.weightShape(), arena);
            w.copyFrom(new float[] {Float.POSITIVE_INFINITY, 0, 0, 0, 1, 0, 0, 0, 0});
            Tensor b = Tensor.allocate(op.biasShape(), arena);
            Tensor y = Tensor.allocate(plan.outputShape(), arena);
            plan.forward(x, w, b, y);
            assertThat(y.toArray()).containsExactly(1);
        }
    }
}
