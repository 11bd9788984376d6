package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdnn.BatchNorm2d;
import dev.jdnn.BatchNorm2dPlan;
import dev.jdnn.Layout;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * NHWC batch norm read as rows of {@code lcm(c, lanes)} floats: channel counts that are and are not
 * multiples of the vector length at every species width, pixel counts whose floats end on a whole
 * row and ones that leave a few floats after the last row (the scalar leftover), one image smaller
 * than a row, and a channel count whose row would be too wide (the masked pixel rows), each against
 * naive in all three passes, and the same bits from the same plan twice.
 */
class VectorBatchNorm2dPlanTest extends PlanTestAgainstNaive {
    @Test
    void rowsAreWholeVectorsWhereTheyFit() {
        int lanes = SegmentVectors.LANES;
        assertThat(VectorBatchNorm2dPlan.rowWidth(6)).isEqualTo(lanes * 6 / gcd(6, lanes));
        assertThat(VectorBatchNorm2dPlan.rowWidth(lanes)).isEqualTo(lanes);
        assertThat(VectorBatchNorm2dPlan.rowWidth(2 * lanes)).isEqualTo(2 * lanes);
        assertThat(VectorBatchNorm2dPlan.rowWidth(1)).isEqualTo(lanes);
        assertThat(VectorBatchNorm2dPlan.rowWidth(1021)).as("lcm above the widest row").isEqualTo(1021);
    }

    @Test
    void nhwcRowsAndLeftoversMatchNaive() {
        SplittableRandom random = new SplittableRandom(47);
        int[][] shapes = {
            {64, 6, 28, 28}, {3, 6, 5, 7}, {1, 3, 1, 1}, {2, 1, 9, 7}, {2, 5, 3, 3}, {1, 7, 3, 5},
            {2, 10, 4, 5}, {3, 12, 3, 3}, {2, 15, 6, 5}, {2, 16, 3, 3}, {2, 17, 5, 3}, {1, 24, 7, 7},
            {2, 33, 5, 3}, {1, 1021, 2, 3},
        };
        for (int[] d : shapes) {
            Shape shape = Shape.of(d[0], d[1], d[2], d[3]);
            BatchNorm2d op = BatchNorm2d.of(d[1]);
            float[][] inputs = inputs(shape, random);
            float[][] vector;
            try (BatchNorm2dPlan plan = new VectorBatchNorm2dPlan(op, shape, Layout.NHWC, pool)) {
                vector = run(plan, shape, inputs);
                float[][] again = run(plan, shape, inputs);
                for (int i = 0; i < vector.length; i++) {
                    assertThat(again[i]).as("%s output %d, second call", shape, i).isEqualTo(vector[i]);
                }
            }
            try (BatchNorm2dPlan plan = naive.plan(op, shape, Layout.NHWC)) {
                float[][] reference = run(plan, shape, inputs);
                String[] names = {"y", "mean", "variance", "inference y", "dx", "dGamma", "dBeta"};
                for (int i = 0; i < names.length; i++) {
                    assertClose(vector[i], reference[i], shape + " " + names[i]);
                }
            }
        }
    }

    /** x, dy (in NHWC order), gamma, beta: x has a mean of 3 and a spread of 2 per channel. */
    private static float[][] inputs(Shape shape, SplittableRandom random) {
        int count = (int) shape.elementCount();
        int c = shape.dim(1);
        float[] x = new float[count];
        float[] dy = new float[count];
        for (int i = 0; i < count; i++) {
            x[i] = (float) (3 + random.nextDouble(-2, 2));
            dy[i] = (float) random.nextDouble(-1, 1);
        }
        float[] gamma = new float[c];
        float[] beta = new float[c];
        for (int ch = 0; ch < c; ch++) {
            gamma[ch] = (float) random.nextDouble(0.5, 1.5);
            beta[ch] = (float) random.nextDouble(-1, 1);
        }
        return new float[][] {x, dy, gamma, beta};
    }

    /** {y, mean, variance, inference y, dx, dGamma, dBeta}; stale values in every output. */
    private static float[][] run(BatchNorm2dPlan plan, Shape shape, float[][] inputs) {
        Shape channels = Shape.of(shape.dim(1));
        try (Tensor x = Tensor.allocate(shape, Layout.NHWC);
                Tensor dy = Tensor.allocate(shape, Layout.NHWC);
                Tensor y = Tensor.allocate(shape, Layout.NHWC);
                Tensor inference = Tensor.allocate(shape, Layout.NHWC);
                Tensor dx = Tensor.allocate(shape, Layout.NHWC);
                Tensor gamma = Tensor.allocate(channels);
                Tensor beta = Tensor.allocate(channels);
                Tensor mean = Tensor.allocate(channels);
                Tensor variance = Tensor.allocate(channels);
                Tensor dGamma = Tensor.allocate(channels);
                Tensor dBeta = Tensor.allocate(channels)) {
            x.copyFrom(inputs[0]);
            dy.copyFrom(inputs[1]);
            gamma.copyFrom(inputs[2]);
            beta.copyFrom(inputs[3]);
            for (Tensor t : new Tensor[] {y, inference, dx, mean, variance, dGamma, dBeta}) {
                t.fill(7f);
            }
            plan.forwardTraining(x, gamma, beta, y, mean, variance);
            plan.forwardInference(x, gamma, beta, mean, variance, inference);
            plan.backward(x, dy, gamma, mean, variance, dx, dGamma, dBeta);
            return new float[][] {y.toArray(), mean.toArray(), variance.toArray(), inference.toArray(), dx.toArray(),
                dGamma.toArray(), dBeta.toArray()};
        }
    }

    private static void assertClose(float[] actual, float[] expected, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).as("%s [%d]", what, i)
                    .isCloseTo(expected[i], Offset.offset(2e-4 * (1 + Math.abs(expected[i]))));
        }
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
