package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The average backward over tiling windows, bit for bit against the general path's float sums and
 * equal to naive's: rows and columns past the
 * last window, several vectors of outputs per row with a partial last one, signed zeros, NaN and
 * infinities in dy, and a dx that held other values before.
 */
class TilingAverageBackwardTest extends PlanTestAgainstNaive {
    @Test
    void takesOnlyWindowsThatTileTheInput() {
        Shape lenet = Shape.of(2, 6, 28, 28);
        assertThat(tiling(Pool2d.avg(2, 2), lenet)).isNotNull();
        assertThat(tiling(avg(3), Shape.of(1, 1, 10, 9))).isNotNull();
        assertThat(tiling(Pool2d.avg(2, 1), lenet)).as("overlapping windows").isNull();
        assertThat(tiling(Pool2d.avg(3, 3), lenet)).as("width 3").isNull();
        assertThat(tiling(Pool2d.avg(2, 2).padding(1), lenet)).as("padded").isNull();
        assertThat(tiling(Pool2d.max(2, 2), lenet)).as("max pooling").isNull();
        Pool2d ceil = new Pool2d(Pool2d.Kind.AVG, 2, 2, 2, 2, Padding.NONE, true, true);
        assertThat(tiling(ceil, Shape.of(1, 1, 5, 5))).as("a last window past the input").isNull();
        assertThat(tiling(ceil, Shape.of(1, 1, 4, 6))).as("ceil mode with whole windows").isNotNull();
    }

    @Test
    void equalsNaiveBitForBit() {
        SplittableRandom random = new SplittableRandom(17);
        int[][] geometries = {
            {2, 3, 6, 28, 28}, {2, 2, 3, 29, 31}, {1, 1, 2, 5, 70}, {3, 1, 1, 11, 67}, {2, 1, 1, 2, 2},
            {2, 1, 2, 8, 33}, {2, 3, 1, 4, 96}, {3, 2, 2, 9, 17},
        };
        for (int[] g : geometries) {
            int kh = g[0];
            Shape shape = Shape.of(g[1], g[2], g[3], g[4]);
            Pool2d op = avg(kh);
            assertThat(tiling(op, shape)).as("%s on %s", op, shape).isNotNull();
            float[] dy = new float[(int) op.outputShape(shape).elementCount()];
            float[] special = {-0f, 0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
                -Float.MIN_VALUE};
            for (int i = 0; i < dy.length; i++) {
                dy[i] = random.nextInt(8) == 0 ? special[random.nextInt(special.length)]
                        : (float) random.nextDouble(-4, 4);
            }
            float[] fromNaive = backward(naive.plan(op, shape), shape, dy);
            float[] actual = backward(new VectorPool2dPlan(op, shape, pool), shape, dy);
            float[] sums = sumsInFloat(shape, kh, dy);
            for (int i = 0; i < actual.length; i++) {
                assertThat(Float.floatToRawIntBits(actual[i])).as("%s on %s, dx[%d] against 0f + dy / %d", op, shape, i,
                        2 * kh).isEqualTo(Float.floatToRawIntBits(sums[i]));
                // naive divides in double: a share that underflows keeps its sign there (-0.0 where this has +0.0)
                assertThat(actual[i] == fromNaive[i] || Float.isNaN(actual[i]) && Float.isNaN(fromNaive[i]))
                        .as("%s on %s, dx[%d] = %s, naive %s", op, shape, i, actual[i], fromNaive[i]).isTrue();
            }
        }
    }

    /** What the general path computes: each covered cell {@code 0f + dy / (2 kh)} in float, the rest 0. */
    private static float[] sumsInFloat(Shape shape, int kh, float[] dy) {
        int h = shape.dim(2);
        int w = shape.dim(3);
        int oh = h / kh;
        int ow = w / 2;
        float[] dx = new float[(int) shape.elementCount()];
        for (int plane = 0; plane < shape.dim(0) * shape.dim(1); plane++) {
            for (int r = 0; r < oh * kh; r++) {
                for (int c = 0; c < 2 * ow; c++) {
                    dx[(plane * h + r) * w + c] = 0f + dy[(plane * oh + r / kh) * ow + c / 2] / (2f * kh);
                }
            }
        }
        return dx;
    }

    /** A {@code kh} x 2 average with strides {@code kh} and 2. */
    private static Pool2d avg(int kh) {
        return new Pool2d(Pool2d.Kind.AVG, kh, 2, kh, 2, Padding.NONE, true, false);
    }

    private static TilingAverageBackward tiling(Pool2d op, Shape shape) {
        return TilingAverageBackward.of(op, new PoolWindows(op, shape));
    }

    /** dx of {@code plan} (closed after) from {@code dy}, into a dx that held NaN before. */
    private static float[] backward(Pool2dPlan plan, Shape shape, float[] dy) {
        float[] stale = new float[(int) shape.elementCount()];
        java.util.Arrays.fill(stale, Float.NaN);
        try (plan;
                Tensor x = Tensor.allocate(shape);
                Tensor dyt = Tensor.of(plan.outputShape(), dy);
                Tensor dx = Tensor.of(shape, stale)) {
            plan.backward(x, dyt, dx);
            return dx.toArray();
        }
    }
}
