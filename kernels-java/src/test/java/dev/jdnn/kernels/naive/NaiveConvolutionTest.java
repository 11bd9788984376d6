package dev.jdnn.kernels.naive;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Layout;
import dev.jdnn.Padding;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The naive convolution against hand-worked examples and against central finite differences.
 * Inputs, weights and the upstream gradient are multiples of 1/8 and the step is 1/4, so the
 * float forward pass is exact and the loss {@code sum(y * g)}, linear in each argument, has an
 * exact difference quotient: the gradients must agree to rounding noise only.
 */
class NaiveConvolutionTest {
    private static final float STEP = 0.25f;
    private static final double TOLERANCE = 1e-6;

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

    /**
     * The edge filter with a fused ReLU: the hand-worked sums above, negatives cut to 0; the
     * backward passes still take the pre-activation gradient, so they equal the unfused plan's.
     */
    @Test
    void fusedReluCutsTheHandWorkedSumsAndLeavesTheBackwardPassesAlone() {
        Shape input = Shape.nchw(1, 1, 4, 4);
        Tensor x = tensors.of(input, 1, 2, 3, 4, 8, 7, 6, 5, 1, 1, 1, 1, 0, 2, 0, 2);
        Tensor filter = tensors.of(Shape.nchw(1, 1, 3, 3), 1, 1, 1, 0, 0, 0, -1, -1, -1);
        Conv2d op = Conv2d.of(1, 1, 3).bias(false);
        try (Conv2dPlan fused = backend.plan(op.activation(Activation.RELU), input);
             Conv2dPlan plain = backend.plan(op, input)) {
            Tensor y = tensors.output(fused.outputShape());
            fused.forward(x, filter, null, y);
            // (1+2+3)-(1+1+1) = 3, (2+3+4)-3 = 6, (8+7+6)-(0+2+0) = 19, (7+6+5)-(2+0+2) = 14.
            assertThat(y.toArray()).containsExactly(3, 6, 19, 14);
            Tensor negated = tensors.of(Shape.nchw(1, 1, 3, 3), -1, -1, -1, 0, 0, 0, 1, 1, 1);
            fused.forward(x, negated, null, y);
            assertThat(y.toArray()).containsExactly(0, 0, 0, 0);

            Tensor dy = tensors.of(fused.outputShape(), 1, -2, 0.5f, 3);
            Tensor dxFused = tensors.output(input);
            Tensor dxPlain = tensors.output(input);
            fused.backwardData(dy, filter, dxFused);
            plain.backwardData(dy, filter, dxPlain);
            assertThat(dxFused.toArray()).containsExactly(dxPlain.toArray());
        }
    }

    /** NHWC in and out: the same logical results as NCHW, each element where the layout puts it. */
    @Test
    void nhwcPlanGivesTheNchwResultsInChannelsLastOrder() {
        Conv2d op = new Conv2d(3, 4, 3, 2, 2, 1, new Padding(1, 0, 2, 1), 1, 2, 1, true);
        Shape input = Shape.nchw(2, 3, 6, 5);
        Tensor x = tensors.dyadic(input);
        Tensor w = tensors.dyadic(op.weightShape());
        Tensor b = tensors.dyadic(op.biasShape());
        try (Conv2dPlan nchw = backend.plan(op, input); Conv2dPlan nhwc = backend.plan(op, input, Layout.NHWC)) {
            ElementIndex in = LayoutPermutation.nhwc(input);
            ElementIndex out = LayoutPermutation.nhwc(nchw.outputShape());
            Tensor y = tensors.output(nchw.outputShape());
            Tensor yNhwc = tensors.output(nchw.outputShape(), Layout.NHWC);
            nchw.forward(x, w, b, y);
            nhwc.forward(LayoutPermutation.permute(tensors, x, in), w, b, yNhwc);
            assertThat(yNhwc.toArray()).containsExactly(LayoutPermutation.permute(tensors, y, out).toArray());

            Tensor dy = tensors.dyadic(nchw.outputShape());
            Tensor dx = tensors.output(input);
            Tensor dxNhwc = tensors.output(input, Layout.NHWC);
            nchw.backwardData(dy, w, dx);
            nhwc.backwardData(LayoutPermutation.permute(tensors, dy, out), w, dxNhwc);
            assertThat(dxNhwc.toArray()).containsExactly(LayoutPermutation.permute(tensors, dx, in).toArray());

            Tensor dw = tensors.output(op.weightShape());
            Tensor dwNhwc = tensors.output(op.weightShape());
            Tensor db = tensors.output(op.biasShape());
            Tensor dbNhwc = tensors.output(op.biasShape());
            nchw.backwardWeights(x, dy, dw, db);
            nhwc.backwardWeights(LayoutPermutation.permute(tensors, x, in), LayoutPermutation.permute(tensors, dy, out),
                    dwNhwc, dbNhwc);
            assertThat(dwNhwc.toArray()).containsExactly(dw.toArray());
            assertThat(dbNhwc.toArray()).containsExactly(db.toArray());
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

    @Test
    void groupedDilatedConvolutionWithAsymmetricPaddingGivesTheHandWorkedSums() {
        Tensor x = tensors.of(Shape.nchw(1, 2, 3, 3),
                1, 2, 3, 4, 5, 6, 7, 8, 9,
                9, 8, 7, 6, 5, 4, 3, 2, 1);
        Tensor w = tensors.of(Shape.nchw(2, 1, 2, 2),
                1, 2, 3, 4,
                2, -1, -1, 1);
        Conv2d op = new Conv2d(2, 2, 2, 2, 1, 1, new Padding(1, 0, 0, 1), 2, 2, 2, false);
        try (Conv2dPlan plan = backend.plan(op, x.shape())) {
            Tensor y = tensors.output(plan.outputShape());
            plan.forward(x, w, null, y);

            // Two groups: output channel k sees only input channel k. With dilation 2 the taps of
            // window (oh, ow) are input rows oh - 1 and oh + 1 (the padding adds a row on top) and
            // columns ow and ow + 2 (column 3 is the right padding). Channel 0 at (0, 0): row -1
            // is padding, row 1 gives 3*4 + 4*6 = 36; at (1, 0): 1*1 + 2*3 + 3*7 + 4*9 = 64.
            // Channel 1 at (1, 1): 2*8 + (-1)*2 = 14, columns 3 being padding. Checked with numpy.
            assertThat(y.shape()).isEqualTo(Shape.nchw(1, 2, 2, 2));
            assertThat(y.toArray()).containsExactly(
                    36, 15,
                    64, 26,
                    -2, -5,
                    9, 14);
        }
    }

    static Stream<Arguments> configurations() {
        return Stream.of(
                Arguments.of("stride 2x1, padding (1,0,2,1), dilation 2x1, 2 groups",
                        new Conv2d(4, 6, 3, 2, 2, 1, new Padding(1, 0, 2, 1), 2, 1, 2, true), Shape.nchw(2, 4, 7, 6)),
                Arguments.of("depthwise 3x3, stride 2, padding (0,1,1,2)",
                        new Conv2d(3, 3, 3, 3, 2, 2, new Padding(0, 1, 1, 2), 1, 1, 3, true), Shape.nchw(1, 3, 6, 7)),
                Arguments.of("two outputs per input channel, dilation 1x2, padding (1,1,1,0)",
                        new Conv2d(2, 4, 3, 3, 1, 2, new Padding(1, 1, 1, 0), 1, 2, 2, true), Shape.nchw(1, 2, 5, 6)),
                Arguments.of("stride 3, dilation 3, padding (2,1,0,2), no bias",
                        new Conv2d(2, 3, 2, 3, 3, 3, new Padding(2, 1, 0, 2), 3, 3, 1, false), Shape.nchw(2, 2, 8, 9)),
                Arguments.of("1x1, stride 2 that skips rows and columns, 2 groups",
                        new Conv2d(4, 2, 1, 1, 2, 2, Padding.NONE, 1, 1, 2, true), Shape.nchw(1, 4, 5, 5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void backwardDataMatchesCentralDifferences(String name, Conv2d op, Shape input) {
        try (Conv2dPlan plan = backend.plan(op, input)) {
            Problem p = new Problem(plan);
            Tensor dx = tensors.output(input);
            plan.backwardData(p.g, p.w, dx);

            double[] numeric = GradientCheck.numeric(p.x, STEP, p::loss);
            TensorAssertions.assertClose("dx", dx, numeric, TOLERANCE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void backwardWeightsMatchesCentralDifferences(String name, Conv2d op, Shape input) {
        try (Conv2dPlan plan = backend.plan(op, input)) {
            Problem p = new Problem(plan);
            Tensor dw = tensors.output(op.weightShape());
            Tensor db = op.bias() ? tensors.output(op.biasShape()) : null;
            plan.backwardWeights(p.x, p.g, dw, db);

            TensorAssertions.assertClose("dw", dw, GradientCheck.numeric(p.w, STEP, p::loss), TOLERANCE);
            if (op.bias()) {
                TensorAssertions.assertClose("db", db, GradientCheck.numeric(p.b, STEP, p::loss), TOLERANCE);
            }
        }
    }

    /** Random operands for one plan and the loss {@code sum(conv(x, w, b) * g)}. */
    private final class Problem {
        final Conv2dPlan plan;
        final Tensor x;
        final Tensor w;
        final Tensor b;
        final Tensor g;
        final Tensor y;

        Problem(Conv2dPlan plan) {
            Conv2d op = plan.op();
            this.plan = plan;
            this.x = tensors.dyadic(plan.inputShape());
            this.w = tensors.dyadic(op.weightShape());
            this.b = op.bias() ? tensors.dyadic(op.biasShape()) : null;
            this.g = tensors.dyadic(plan.outputShape());
            this.y = tensors.output(plan.outputShape());
        }

        double loss() {
            plan.forward(x, w, b, y);
            return GradientCheck.weightedSum(y, g);
        }
    }
}
