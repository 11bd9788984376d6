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
 * The vector pooling kernels straight against the naive backend's plans (no validation in
 * between), over geometries that take the vector rows, the scalar edges and the scalar fallback,
 * and the NaN / infinity / divisor cases of issue 12 (items 5 and 12).
 */
class VectorPool2dPlanTest extends PlanTestAgainstNaive {
    @Test
    void matchesNaiveOverRandomGeometriesBothKindsAndPasses() {
        SplittableRandom random = new SplittableRandom(13);
        int[] widths = {1, 2, 7, 15, 16, 17, 31, 33, 40};
        for (int round = 0; round < 300; round++) {
            int kh = 1 + random.nextInt(4);
            int kw = 1 + random.nextInt(4);
            // Any padding below the kernel on each side (DESIGN.md); while the api still holds to
            // PyTorch's half-kernel limit, paddings it refuses are clamped to that limit.
            Padding wide = new Padding(random.nextInt(kh), random.nextInt(kw), random.nextInt(kh), random.nextInt(kw));
            Pool2d.Kind kind = random.nextBoolean() ? Pool2d.Kind.MAX : Pool2d.Kind.AVG;
            Pool2d op = legal(new Pool2d(kind, kh, kw, 1 + random.nextInt(3), 1 + random.nextInt(3), Padding.NONE,
                    random.nextBoolean(), random.nextBoolean()), wide);
            int h = Math.max(kh, 1 + random.nextInt(12));
            int w = Math.max(kw, widths[random.nextInt(widths.length)]);
            Shape shape = Shape.of(1 + random.nextInt(2), 1 + random.nextInt(3), h, w);
            float[] x = new float[(int) shape.elementCount()];
            for (int i = 0; i < x.length; i++) {
                // Few distinct values, so windows hold ties and the first-maximum rule matters.
                x[i] = random.nextInt(5) - 2f;
            }
            assertAgreesWithNaive(op, shape, x, random, "round " + round + ": " + op + " on " + shape);
        }
    }

    @Test
    void hotShapesAgreeWithNaive() {
        SplittableRandom random = new SplittableRandom(14);
        assertAgreesWithNaive(Pool2d.max(2, 2), Shape.of(2, 3, 32, 32), randomFloats(2 * 3 * 32 * 32, random),
                random, "pool_cifar-like");
        assertAgreesWithNaive(Pool2d.max(3, 2).padding(1), Shape.of(1, 2, 112, 112),
                randomFloats(2 * 112 * 112, random), random, "pool_stem-like");
        assertAgreesWithNaive(Pool2d.avg(2, 2), Shape.of(3, 6, 28, 28), randomFloats(3 * 6 * 28 * 28, random),
                random, "pool_lenet-like");
        assertAgreesWithNaive(Pool2d.avg(3, 1).padding(new Padding(1, 0, 1, 1)).countIncludePad(false),
                Shape.of(1, 2, 9, 45), randomFloats(2 * 9 * 45, random), random, "asymmetric padding, stride 1");
        // Issue 12 item 8's case (top 1, left 0, bottom 2, right 1, kernel 3), where the api allows it yet.
        Pool2d avg3 = legal(Pool2d.avg(3, 1), new Padding(1, 0, 2, 1));
        assertAgreesWithNaive(avg3, Shape.of(1, 2, 9, 45), randomFloats(2 * 9 * 45, random), random, avg3.toString());
        assertAgreesWithNaive(avg3.countIncludePad(false), Shape.of(2, 1, 5, 20), randomFloats(2 * 5 * 20, random),
                random, avg3 + " padding excluded");
    }

    @Test
    void maxBackwardAddsEachCellsGradientsInOutputOrderBitForBit() {
        // Overlapping windows (kernel above stride) route several gradients to one cell; float sums
        // in another order round differently, so dx must equal, bit for bit, the scalar definition:
        // outputs in row-major order, each gradient added in float to its window's first NaN, else
        // first maximum. Ties, NaN, -Inf and all -Inf windows, odd widths and vector tails,
        // strides 1 to 3 (3 takes the scalar path), kernels 2 to 4, padding, ceil mode, and rows
        // below every window (stride above kernel), which dx must still zero.
        SplittableRandom random = new SplittableRandom(15);
        int[] widths = {3, 7, 15, 16, 17, 31, 33, 40, 67};
        for (int round = 0; round < 200; round++) {
            int k = 2 + random.nextInt(3);
            int s = 1 + random.nextInt(3);
            Pool2d op = legal(Pool2d.max(k, s).ceilMode(random.nextBoolean()),
                    new Padding(random.nextInt(k), random.nextInt(k), random.nextInt(k), random.nextInt(k)));
            int h = k + random.nextInt(10);
            int w = Math.max(k, widths[random.nextInt(widths.length)]);
            Shape shape = Shape.of(1, 1 + random.nextInt(3), h, w);
            float[] x = new float[(int) shape.elementCount()];
            for (int i = 0; i < x.length; i++) {
                int pick = random.nextInt(40);
                x[i] = pick == 0 ? Float.NaN : pick < 4 ? Float.NEGATIVE_INFINITY : random.nextInt(3);
            }
            float[] dy = randomFloats((int) op.outputShape(shape).elementCount(), random);
            float[] dx = run(op, shape, x, dy)[1];
            float[] expected = maxBackwardInOutputOrder(op, shape, x, dy);
            for (int i = 0; i < dx.length; i++) {
                assertThat(Float.floatToRawIntBits(dx[i])).as("round %d: %s on %s, dx[%d]", round, op, shape, i)
                        .isEqualTo(Float.floatToRawIntBits(expected[i]));
            }
        }
    }

    /** dx of max pooling, one output at a time in row-major order, each gradient added in float. */
    private static float[] maxBackwardInOutputOrder(Pool2d op, Shape shape, float[] x, float[] dy) {
        Shape out = op.outputShape(shape);
        int h = shape.dim(2);
        int w = shape.dim(3);
        int oh = out.dim(2);
        int ow = out.dim(3);
        float[] dx = new float[x.length];
        for (int plane = 0; plane < shape.dim(0) * shape.dim(1); plane++) {
            for (int yo = 0; yo < oh; yo++) {
                for (int xo = 0; xo < ow; xo++) {
                    int top = yo * op.strideH() - op.padding().top();
                    int left = xo * op.strideW() - op.padding().left();
                    int best = -1;
                    for (int ih = Math.max(0, top); ih < Math.min(h, top + op.kernelH()); ih++) {
                        for (int iw = Math.max(0, left); iw < Math.min(w, left + op.kernelW()); iw++) {
                            int at = plane * h * w + ih * w + iw;
                            float v = x[at];
                            if (best < 0 || v > x[best] || (v != v && x[best] == x[best])) {
                                best = at;
                            }
                        }
                    }
                    dx[best] += dy[(plane * oh + yo) * ow + xo];
                }
            }
        }
        return dx;
    }

    @Test
    void maxPoolPropagatesNaNAndRoutesTheGradientToTheFirstNaN() {
        Shape shape = Shape.of(1, 1, 2, 2);
        float[] x = {1f, Float.NaN, 0.5f, 0.25f};
        float[][] result = run(Pool2d.max(2, 2), shape, x, new float[] {3f});
        assertThat(result[0][0]).isNaN();
        assertThat(result[1]).containsExactly(0f, 3f, 0f, 0f);
    }

    @Test
    void maxPoolRulesHoldOnTheVectorPathToo() {
        // One row of 2x2/2 windows across 80 columns: 40 outputs, two full vectors at 128-512 bits.
        int w = 80;
        float[] x = new float[2 * w];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 7;
        }
        x[2 * 5 + 1] = Float.NaN;
        x[w + 2 * 5] = Float.NaN; // window 5: two NaNs, the first in row order is (0, 11)
        for (int c = 2 * 9; c < 2 * 9 + 2; c++) {
            x[c] = Float.NEGATIVE_INFINITY;
            x[w + c] = Float.NEGATIVE_INFINITY; // window 9: only -Inf
        }
        x[2 * 20] = 6f;
        x[2 * 20 + 1] = 6f;
        x[w + 2 * 20] = 6f;
        x[w + 2 * 20 + 1] = 6f; // window 20: four equal maxima
        float[] dy = new float[w / 2];
        for (int i = 0; i < dy.length; i++) {
            dy[i] = i + 1;
        }
        float[][] result = run(Pool2d.max(2, 2), Shape.of(1, 1, 2, w), x, dy);
        assertThat(result[0][5]).isNaN();
        assertThat(result[0][9]).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(result[0][20]).isEqualTo(6f);
        assertThat(result[1][2 * 5 + 1]).isEqualTo(6f);
        assertThat(result[1][w + 2 * 5]).isZero();
        assertThat(result[1][2 * 9]).isEqualTo(10f);
        assertThat(result[1][2 * 20]).isEqualTo(21f);
        assertThat(result[1][2 * 20 + 1]).isZero();
        assertAgreesWithNaive(Pool2d.max(2, 2), Shape.of(1, 1, 2, w), x, new SplittableRandom(1), "NaN row");
    }

    @Test
    void signedZerosKeepTheFirstMaximumOnTheVectorPath() {
        // One row of 2x2/2 windows across 80 columns (vector path): window i reads -0.0 first when i
        // is even, +0.0 first when odd, and the first maximum wins, as in naive.
        int w = 80;
        float[] x = new float[2 * w];
        for (int i = 0; i < w / 2; i++) {
            float first = i % 2 == 0 ? -0f : 0f;
            float other = i % 2 == 0 ? 0f : -0f;
            x[2 * i] = first;
            x[2 * i + 1] = other;
            x[w + 2 * i] = other;
            x[w + 2 * i + 1] = other;
        }
        Shape shape = Shape.of(1, 1, 2, w);
        float[] y = run(Pool2d.max(2, 2), shape, x, new float[w / 2])[0];
        try (Pool2dPlan plan = naive.plan(Pool2d.max(2, 2), shape);
                Tensor xt = Tensor.of(shape, x);
                Tensor expected = Tensor.allocate(plan.outputShape())) {
            plan.forward(xt, expected);
            float[] reference = expected.toArray();
            for (int i = 0; i < w / 2; i++) {
                assertThat(Float.floatToIntBits(y[i])).as("window %d", i)
                        .isEqualTo(Float.floatToIntBits(i % 2 == 0 ? -0f : 0f))
                        .isEqualTo(Float.floatToIntBits(reference[i]));
            }
        }
    }

    @Test
    void paddedCellsNeverTakePartInMaxPooling() {
        // All real cells negative: a padded 0 would win if padding took part.
        float[] x = {-3f, -2f, -5f, -4f};
        float[][] result = run(Pool2d.max(3, 1).padding(1), Shape.of(1, 1, 2, 2), x, new float[] {1f, 1f, 1f, 1f});
        assertThat(result[0]).containsExactly(-2f, -2f, -2f, -2f);
        assertThat(result[1]).containsExactly(0f, 4f, 0f, 0f);
    }

    @Test
    void averageDivisorOfAWindowLargerThanAnIntCountIsExact() {
        // 46341 x 46341 = 2,147,488,281 cells: an int product wraps to a negative divisor.
        Pool2d op = Pool2d.avg(46341, 1).padding(23170);
        float[][] result = run(op, Shape.of(1, 1, 1, 1), new float[] {3f}, new float[] {5f});
        double cells = 46341.0 * 46341.0;
        assertThat(result[0][0]).isEqualTo((float) (3.0 / cells));
        assertThat(result[1][0]).isEqualTo((float) (5.0 / cells));
    }

    /** {@code op} with padding {@code wide}, or with each side clamped to half the kernel if the api refuses it. */
    private static Pool2d legal(Pool2d op, Padding wide) {
        try {
            return op.padding(wide);
        } catch (IllegalArgumentException halfKernelLimit) {
            return op.padding(new Padding(Math.min(wide.top(), op.kernelH() / 2), Math.min(wide.left(), op.kernelW() / 2),
                    Math.min(wide.bottom(), op.kernelH() / 2), Math.min(wide.right(), op.kernelW() / 2)));
        }
    }

    private static float[] randomFloats(int count, SplittableRandom random) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return values;
    }

    /** {forward y, backward dx} of the vector plan. */
    private static float[][] run(Pool2d op, Shape shape, float[] x, float[] dy) {
        try (VectorPool2dPlan plan = new VectorPool2dPlan(op, shape, pool);
                Tensor xt = Tensor.of(shape, x);
                Tensor y = Tensor.allocate(plan.outputShape());
                Tensor dyt = Tensor.of(plan.outputShape(), dy);
                Tensor dx = Tensor.allocate(shape)) {
            plan.forward(xt, y);
            plan.backward(xt, dyt, dx);
            return new float[][] {y.toArray(), dx.toArray()};
        }
    }

    private static void assertAgreesWithNaive(Pool2d op, Shape shape, float[] x, SplittableRandom random,
            String what) {
        Shape out = op.outputShape(shape);
        float[] dy = randomFloats((int) out.elementCount(), random);
        float[][] vector = run(op, shape, x, dy);
        try (Pool2dPlan plan = naive.plan(op, shape);
                Tensor xt = Tensor.of(shape, x);
                Tensor y = Tensor.allocate(out);
                Tensor dyt = Tensor.of(out, dy);
                Tensor dx = Tensor.allocate(shape)) {
            plan.forward(xt, y);
            plan.backward(xt, dyt, dx);
            assertClose(vector[0], y.toArray(), what + " forward");
            assertClose(vector[1], dx.toArray(), what + " backward");
        }
    }

    private static void assertClose(float[] actual, float[] expected, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            if (Float.isNaN(expected[i])) {
                assertThat(actual[i]).as("%s [%d]", what, i).isNaN();
            } else {
                assertThat((double) actual[i]).as("%s [%d]", what, i)
                        .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-5 * (1 + Math.abs(expected[i]))));
            }
        }
    }
}
