package dev.jdnn.kernels.naive;

import dev.jdnn.Backend;
import dev.jdnn.Backends;
import dev.jdnn.Layout;
import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Naive max and average pooling against hand-worked examples and central finite differences.
 * Max pooling is checked on pairwise distinct multiples of 1/8 with a step of 1/32, so no
 * perturbation changes a window's argmax and the difference quotient is exact. Average pooling
 * is linear; its only error is the float rounding of the divided outputs.
 */
class NaivePoolingTest {
    private static final Shape FOUR_BY_FOUR = Shape.nchw(1, 1, 4, 4);
    private static final float[] FOUR_BY_FOUR_VALUES = {
        1, 3, 2, 4,
        5, 7, 6, 8,
        9, 2, 4, 4,
        3, 1, 4, 0};

    private final Backend backend = Backends.open("naive");
    private final ScratchTensors tensors = new ScratchTensors(7);

    @AfterEach
    void close() {
        tensors.close();
        backend.close();
    }

    @Test
    void maxPoolTwoByTwoStrideTwoTakesEachWindowsMaximum() {
        Tensor y = forward(Pool2d.max(2, 2), FOUR_BY_FOUR, FOUR_BY_FOUR_VALUES);
        // Windows {1,3,5,7}, {2,4,6,8}, {9,2,3,1}, {4,4,4,0}.
        assertThat(y.toArray()).containsExactly(7, 8, 9, 4);
    }

    @Test
    void maxPoolBackwardRoutesGradientToFirstMaximum() {
        Tensor dx = backward(Pool2d.max(2, 2), FOUR_BY_FOUR, FOUR_BY_FOUR_VALUES, 1, 2, 3, 4);
        // 7 at (1,1), 8 at (1,3), 9 at (2,0); the last window {4,4,4,0} ties, and its first 4 in
        // row-major order is (2,2).
        assertThat(dx.toArray()).containsExactly(
                0, 0, 0, 0,
                0, 1, 0, 2,
                3, 0, 4, 0,
                0, 0, 0, 0);
    }

    /**
     * The workspace keeps the forward's argmax: after the forward, x is overwritten with values whose
     * maxima lie elsewhere, and the workspace backward still routes as the forward saw it (it never
     * reads x again), while the recomputing backward follows the new x.
     */
    @Test
    void workspaceBackwardRoutesThroughTheForwardsArgmaxNotTheCurrentInput() {
        try (Pool2dPlan plan = backend.plan(Pool2d.max(2, 2), FOUR_BY_FOUR); Workspace ws = plan.newWorkspace()) {
            Tensor x = tensors.of(FOUR_BY_FOUR, FOUR_BY_FOUR_VALUES);
            Tensor y = tensors.output(plan.outputShape());
            plan.forward(x, y, ws);
            assertThat(y.toArray()).containsExactly(7, 8, 9, 4);
            x.copyFrom(new float[] {9, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 9});
            Tensor dy = tensors.of(plan.outputShape(), 1, 2, 3, 4);
            Tensor fromWorkspace = tensors.output(FOUR_BY_FOUR);
            plan.backward(ws, dy, fromWorkspace);
            assertThat(fromWorkspace.toArray()).containsExactly(
                    0, 0, 0, 0,
                    0, 1, 0, 2,
                    3, 0, 4, 0,
                    0, 0, 0, 0);
            Tensor recomputed = tensors.output(FOUR_BY_FOUR);
            plan.backward(x, dy, recomputed);
            assertThat(recomputed.toArray()).containsExactly(
                    1, 0, 2, 0,
                    0, 0, 0, 0,
                    3, 0, 0, 0,
                    0, 0, 0, 4);
        }
    }

    /** Average pooling needs nothing from the forward: its workspace backward is the plain backward. */
    @Test
    void averageWorkspaceBackwardEqualsThePlainBackward() {
        try (Pool2dPlan plan = backend.plan(Pool2d.avg(2, 2), FOUR_BY_FOUR); Workspace ws = plan.newWorkspace()) {
            Tensor x = tensors.of(FOUR_BY_FOUR, FOUR_BY_FOUR_VALUES);
            plan.forward(x, tensors.output(plan.outputShape()), ws);
            Tensor dx = tensors.output(FOUR_BY_FOUR);
            plan.backward(ws, tensors.of(plan.outputShape(), 1, 2, 3, 4), dx);
            assertThat(dx.toArray()).containsExactly(
                    0.25f, 0.25f, 0.5f, 0.5f,
                    0.25f, 0.25f, 0.5f, 0.5f,
                    0.75f, 0.75f, 1, 1,
                    0.75f, 0.75f, 1, 1);
        }
    }

    /** Two channels in NHWC: the 4x4 example in channel 0, its negation in channel 1, interleaved in memory. */
    @Test
    void nhwcMaxPoolingPoolsEachChannelOfTheInterleavedMemory() {
        Shape input = Shape.nchw(1, 2, 4, 4);
        float[] interleaved = new float[32];
        for (int i = 0; i < 16; i++) {
            interleaved[2 * i] = FOUR_BY_FOUR_VALUES[i];
            interleaved[2 * i + 1] = -FOUR_BY_FOUR_VALUES[i];
        }
        try (Pool2dPlan plan = backend.plan(Pool2d.max(2, 2), input, Layout.NHWC); Workspace ws = plan.newWorkspace()) {
            Tensor y = tensors.output(plan.outputShape(), Layout.NHWC);
            plan.forward(tensors.of(input, Layout.NHWC, interleaved), y, ws);
            // Channel 0 maxima 7, 8, 9, 4; channel 1 (negated) maxima -1, -2, -1, 0; pixel by pixel.
            assertThat(y.toArray()).containsExactly(7, -1, 8, -2, 9, -1, 4, -0f);
            Tensor dx = tensors.output(input, Layout.NHWC);
            plan.backward(ws, tensors.of(plan.outputShape(), Layout.NHWC, 1, 10, 2, 20, 3, 30, 4, 40), dx);
            float[] expected = new float[32];
            // Channel 0 as in maxPoolBackwardRoutesGradientToFirstMaximum; channel 1's minima of the
            // original: 1 at (0,0), 2 at (0,2), 1 at (3,1), 0 at (3,3).
            expected[2 * 5] = 1;
            expected[2 * 7] = 2;
            expected[2 * 8] = 3;
            expected[2 * 10] = 4;
            expected[2 * 0 + 1] = 10;
            expected[2 * 2 + 1] = 20;
            expected[2 * 13 + 1] = 30;
            expected[2 * 15 + 1] = 40;
            assertThat(dx.toArray()).containsExactly(expected);
        }
    }

    @Test
    void averagePoolTwoByTwoStrideTwoTakesEachWindowsMean() {
        Tensor y = forward(Pool2d.avg(2, 2), FOUR_BY_FOUR, FOUR_BY_FOUR_VALUES);
        // (1+3+5+7)/4 = 4, (2+4+6+8)/4 = 5, (9+2+3+1)/4 = 3.75, (4+4+4+0)/4 = 3.
        assertThat(y.toArray()).containsExactly(4, 5, 3.75f, 3);
    }

    @Test
    void averagePoolBackwardSpreadsEachGradientEvenlyOverItsWindow() {
        Tensor dx = backward(Pool2d.avg(2, 2), FOUR_BY_FOUR, FOUR_BY_FOUR_VALUES, 1, 2, 3, 4);
        assertThat(dx.toArray()).containsExactly(
                0.25f, 0.25f, 0.5f, 0.5f,
                0.25f, 0.25f, 0.5f, 0.5f,
                0.75f, 0.75f, 1, 1,
                0.75f, 0.75f, 1, 1);
    }

    @Test
    void maxPoolingIgnoresPaddingEvenWhenEveryRealCellIsNegative() {
        Tensor y = forward(Pool2d.max(2, 1).padding(1), Shape.nchw(1, 1, 2, 2), -1, -2, -3, -4);
        // Each 2x2 window over the input padded by one keeps only its real cells.
        assertThat(y.toArray()).containsExactly(
                -1, -1, -2,
                -1, -1, -2,
                -3, -3, -4);
    }

    /*
     * Input 1..16 as 4x4, window 3, stride 2, padding 1, ceilMode: 3x3 windows starting at rows
     * (and columns) -1, 1, 3. Real rows per window: {0,1}, {1,2,3}, {3}; rows inside the padded
     * input (which ends at row 4): 3, 3, 2, because the last window's third row (5) lies beyond
     * the padding and PyTorch does not count it even with countIncludePad.
     * With x = 4i + j + 1 the window sums are |C| * sum(4i) + |R| * sum(j + 1):
     * row sums of 4i: 4, 24, 12; column sums of j + 1: 3, 9, 4; so the 3x3 sums are
     * 14 30 12 / 57 99 36 / 27 45 16.
     */
    private static final float[] ONE_TO_SIXTEEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

    private static Pool2d ceilModeAverage(boolean countIncludePad) {
        return Pool2d.avg(3, 2).padding(1).ceilMode(true).countIncludePad(countIncludePad);
    }

    @Test
    void ceilModeAverageCountingPaddingDividesByCellsInsideThePaddedInput() {
        Tensor y = forward(ceilModeAverage(true), FOUR_BY_FOUR, ONE_TO_SIXTEEN);
        // Divisors: rows 3, 3, 2 times columns 3, 3, 2.
        TensorAssertions.assertClose("y", y, new double[] {14 / 9.0, 30 / 9.0, 12 / 6.0,
                57 / 9.0, 99 / 9.0, 36 / 6.0,
                27 / 6.0, 45 / 6.0, 16 / 4.0}, 1e-6);
    }

    @Test
    void ceilModeAverageExcludingPaddingDividesByRealCells() {
        Tensor y = forward(ceilModeAverage(false), FOUR_BY_FOUR, ONE_TO_SIXTEEN);
        // Divisors: rows 2, 3, 1 times columns 2, 3, 1; e.g. the first window is mean(1, 2, 5, 6).
        TensorAssertions.assertClose("y", y, new double[] {3.5, 5, 6,
                9.5, 11, 12,
                13.5, 15, 16}, 1e-6);
    }

    @Test
    void ceilModeAverageCountingPaddingBackwardSharesByThatDivisor() {
        Tensor dx = backward(ceilModeAverage(true), FOUR_BY_FOUR, ONE_TO_SIXTEEN, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        // With dy = 1 everywhere, dx(i, j) = a(i) * a(j) where a sums 1/rowDivisor over the
        // windows holding a row: row 0 in window 0 (1/3), row 1 in windows 0 and 1 (2/3),
        // row 2 in window 1 (1/3), row 3 in windows 1 and 2 (1/3 + 1/2 = 5/6).
        TensorAssertions.assertClose("dx", dx, outer(1 / 3.0, 2 / 3.0, 1 / 3.0, 5 / 6.0), 1e-6);
    }

    @Test
    void ceilModeAverageExcludingPaddingBackwardSharesByRealCellCount() {
        Tensor dx = backward(ceilModeAverage(false), FOUR_BY_FOUR, ONE_TO_SIXTEEN, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        // As above with real-row divisors 2, 3, 1: 1/2, 1/2 + 1/3, 1/3, 1/3 + 1.
        TensorAssertions.assertClose("dx", dx, outer(1 / 2.0, 5 / 6.0, 1 / 3.0, 4 / 3.0), 1e-6);
    }

    static List<Pool2d> geometries() {
        List<Pool2d> windows = List.of(
                Pool2d.max(3, 2).padding(1).ceilMode(true),
                Pool2d.max(2, 1).kernel(2, 3).stride(1, 2).padding(new Padding(1, 0, 0, 1)),
                Pool2d.max(3, 3).ceilMode(true),
                Pool2d.max(3, 1).padding(new Padding(0, 1, 1, 0)));
        List<Pool2d> all = new ArrayList<>();
        for (Pool2d window : windows) {
            all.add(window);
            Pool2d average = new Pool2d(Pool2d.Kind.AVG, window.kernelH(), window.kernelW(), window.strideH(),
                    window.strideW(), window.padding(), true, window.ceilMode());
            all.add(average);
            all.add(average.countIncludePad(false));
        }
        return all;
    }

    @ParameterizedTest
    @MethodSource("geometries")
    void backwardMatchesCentralDifferences(Pool2d op) {
        try (Pool2dPlan plan = backend.plan(op, Shape.nchw(2, 2, 7, 8))) {
            boolean max = op.kind() == Pool2d.Kind.MAX;
            Tensor x = max ? tensors.distinct(plan.inputShape()) : tensors.dyadic(plan.inputShape());
            Tensor g = tensors.dyadic(plan.outputShape());
            Tensor y = tensors.output(plan.outputShape());
            Tensor dx = tensors.output(plan.inputShape());
            plan.backward(x, g, dx);

            double[] numeric = GradientCheck.numeric(x, max ? 1 / 32f : 1f, () -> {
                plan.forward(x, y);
                return GradientCheck.weightedSum(y, g);
            });
            TensorAssertions.assertClose("dx", dx, numeric, max ? 1e-6 : 5e-5);
        }
    }

    @Test
    void avgPoolDivisorOfAHugeWindowDoesNotOverflowInt() {
        // 46341 x 46341 = 2147488281 cells, past Integer.MAX_VALUE: the int product went negative.
        Tensor y = forward(Pool2d.avg(46341, 1).padding(23170), Shape.nchw(1, 1, 1, 1), 1f);
        assertThat(y.toArray()).containsExactly((float) (1.0 / (46341.0 * 46341.0)));
        // 65536 x 65536 = 2^32 cells: the int product was 0 and the result Infinity.
        Tensor y2 = forward(Pool2d.avg(65536, 1).padding(32768), Shape.nchw(1, 1, 1, 1), 3f);
        assertThat(y2.toArray()).containsExactly(0x3p-32f, 0x3p-32f, 0x3p-32f, 0x3p-32f);
        Tensor dx = backward(Pool2d.avg(65536, 1).padding(32768), Shape.nchw(1, 1, 1, 1), new float[] {3f}, 1, 1, 1, 1);
        assertThat(dx.toArray()).containsExactly(0x4p-32f);
    }

    static List<Pool2d> paddingOverHalfTheKernel() {
        Padding asymmetric = new Padding(1, 0, 2, 1);
        return List.of(
                Pool2d.avg(3, 1).padding(asymmetric),
                Pool2d.avg(3, 1).padding(asymmetric).countIncludePad(false),
                Pool2d.avg(3, 2).padding(new Padding(2, 2, 2, 2)).ceilMode(true),
                Pool2d.avg(3, 2).padding(new Padding(2, 1, 0, 2)).ceilMode(true).countIncludePad(false),
                Pool2d.max(3, 1).padding(asymmetric),
                Pool2d.max(3, 2).padding(new Padding(2, 2, 2, 2)).ceilMode(true));
    }

    /**
     * Padding wider than half the kernel (allowed since issue #12 item 8) against pooling written
     * out over an explicitly padded copy of the input: zeros for average pooling, whose divisor
     * counts padded cells only with countIncludePad, and -Inf for max pooling, so padding never wins.
     */
    @ParameterizedTest
    @MethodSource("paddingOverHalfTheKernel")
    void paddingOverHalfTheKernelMatchesAnExplicitlyPaddedInput(Pool2d op) {
        Shape input = Shape.nchw(1, 1, 4, 5);
        float[] values = new float[20];
        for (int i = 0; i < values.length; i++) {
            values[i] = -1 - (i * 7 % 20) / 4f;
        }
        Tensor y = forward(op, input, values);
        Shape out = op.outputShape(input);
        Padding p = op.padding();
        int ph = 4 + p.top() + p.bottom();
        int pw = 5 + p.left() + p.right();
        float[] expected = new float[(int) out.elementCount()];
        for (int oh = 0; oh < out.dim(2); oh++) {
            for (int ow = 0; ow < out.dim(3); ow++) {
                double max = Double.NEGATIVE_INFINITY;
                double sum = 0;
                int real = 0;
                int inside = 0;
                for (int r = 0; r < op.kernelH(); r++) {
                    for (int c = 0; c < op.kernelW(); c++) {
                        int row = oh * op.strideH() + r;
                        int col = ow * op.strideW() + c;
                        if (row >= ph || col >= pw) {
                            continue; // past the padding in ceil mode: neither real nor padding
                        }
                        inside++;
                        int ih = row - p.top();
                        int iw = col - p.left();
                        if (ih >= 0 && ih < 4 && iw >= 0 && iw < 5) {
                            real++;
                            sum += values[ih * 5 + iw];
                            max = Math.max(max, values[ih * 5 + iw]);
                        }
                    }
                }
                assertThat(real).as("every window holds a real cell").isPositive();
                expected[oh * out.dim(3) + ow] = (float) (op.kind() == Pool2d.Kind.MAX ? max
                        : sum / (op.countIncludePad() ? inside : real));
            }
        }
        assertThat(y.toArray()).containsExactly(expected);
    }

    private Tensor forward(Pool2d op, Shape input, float... values) {
        try (Pool2dPlan plan = backend.plan(op, input)) {
            Tensor y = tensors.output(plan.outputShape());
            plan.forward(tensors.of(input, values), y);
            return y;
        }
    }

    private Tensor backward(Pool2d op, Shape input, float[] values, float... dy) {
        try (Pool2dPlan plan = backend.plan(op, input)) {
            Tensor dx = tensors.output(input);
            plan.backward(tensors.of(input, values), tensors.of(plan.outputShape(), dy), dx);
            return dx;
        }
    }

    private static double[] outer(double... a) {
        double[] result = new double[a.length * a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                result[i * a.length + j] = a[i] * a[j];
            }
        }
        return result;
    }
}
