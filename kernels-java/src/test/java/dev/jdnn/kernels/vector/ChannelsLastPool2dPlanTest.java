package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdnn.Layout;
import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.Workspace;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The NHWC pooling plan against naive's NHWC plan on every path: forward without and with a
 * workspace, backward from x and from the workspace (naive sums in double, so overlapping windows
 * may differ in the last bit; a misrouted gradient differs by a whole {@code dy}). The plan's two
 * backward passes add in the same order and must agree bit for bit. Channel counts below, at and
 * above a vector (whole vectors and the masked tail), overlapping and padded windows, and inputs
 * with ties, NaN and -Inf, so that the first-NaN / first-maximum routing and the masked adds of
 * the vectorised backward are checked lane by lane.
 */
class ChannelsLastPool2dPlanTest extends PlanTestAgainstNaive {
    @Test
    void everyPathMatchesNaive() {
        SplittableRandom random = new SplittableRandom(21);
        int[] channels = {1, 3, 6, 15, 16, 17, 33, 64};
        for (int round = 0; round < 120; round++) {
            int kh = 1 + random.nextInt(3);
            int kw = 1 + random.nextInt(3);
            Pool2d.Kind kind = random.nextBoolean() ? Pool2d.Kind.MAX : Pool2d.Kind.AVG;
            Padding padding = new Padding(random.nextInt(kh / 2 + 1), random.nextInt(kw / 2 + 1),
                    random.nextInt(kh / 2 + 1), random.nextInt(kw / 2 + 1));
            Pool2d op = new Pool2d(kind, kh, kw, 1 + random.nextInt(2), 1 + random.nextInt(2), padding,
                    random.nextBoolean(), false);
            Shape shape = Shape.of(1 + random.nextInt(3), channels[random.nextInt(channels.length)],
                    Math.max(kh, 1 + random.nextInt(7)), Math.max(kw, 1 + random.nextInt(7)));
            float[] x = new float[(int) shape.elementCount()];
            for (int i = 0; i < x.length; i++) {
                int pick = random.nextInt(40);
                // Few distinct values (ties), now and then a NaN or -Inf.
                x[i] = pick == 0 ? Float.NaN : pick == 1 ? Float.NEGATIVE_INFINITY : random.nextInt(4) - 1.5f;
            }
            assertAllPathsAgree(op, shape, x, random, "round " + round + ": " + op + " on " + shape);
        }
    }

    @Test
    void hotShapesMatchNaive() {
        SplittableRandom random = new SplittableRandom(22);
        assertAllPathsAgree(Pool2d.max(2, 2), Shape.of(2, 64, 8, 8), floats(2 * 64 * 64, random), random,
                "pool_cifar-like");
        assertAllPathsAgree(Pool2d.max(3, 2).padding(1), Shape.of(1, 64, 12, 12), floats(64 * 144, random), random,
                "pool_stem-like");
        assertAllPathsAgree(Pool2d.avg(2, 2), Shape.of(3, 6, 28, 28), floats(3 * 6 * 784, random), random,
                "pool_lenet-like");
    }

    @Test
    void tilingWindowsAtEveryChannelCountMatchNaive() {
        // The forward's tails load and store whole vectors past the pixel's channels except at an
        // image's last pixels (with and without a workspace); three images over two workers, ties,
        // NaN, -Inf, and gradients with -0.0 and NaN (0 + dy, as the scatter adds).
        SplittableRandom random = new SplittableRandom(23);
        for (int c : new int[] {1, 3, 6, 15, 16, 17, 33}) {
            for (int k : new int[] {2, 3}) {
                Shape shape = Shape.of(3, c, 2 * k, 3 * k);
                float[] x = new float[(int) shape.elementCount()];
                for (int i = 0; i < x.length; i++) {
                    int pick = random.nextInt(40);
                    x[i] = pick == 0 ? Float.NaN : pick == 1 ? Float.NEGATIVE_INFINITY : random.nextInt(4) - 1.5f;
                }
                Pool2d op = Pool2d.max(k, k);
                float[] dy = floats((int) op.outputShape(shape).elementCount(), random);
                for (int i = 0; i < dy.length; i += 5) {
                    dy[i] = i % 3 == 0 ? Float.NaN : -0f;
                }
                assertAllPathsAgree(op, shape, x, dy, "tiling " + op + " on " + shape);
                assertAllPathsAgree(Pool2d.avg(k, k), shape, x, dy, "tiling avg " + k + " on " + shape);
            }
        }
    }

    @Test
    void fourRowTwoByTwoForwardMatchesNaiveAndTheRoutedForward() {
        // ChannelsLastMaxPool2x2 (the forward without a workspace) against the routed forward's
        // bits and naive: 1-8 output rows per image (groups of four, one to three rows left),
        // an odd row or column past the last window, several channel vectors, three images over
        // two workers; ties, NaN, -Inf and both zeros.
        SplittableRandom random = new SplittableRandom(25);
        Pool2d op = Pool2d.max(2, 2);
        for (int vectors = 1; vectors <= 4; vectors++) {
            int c = vectors * SegmentVectors.LANES;
            for (int h = 2; h <= 17; h += 3) {
                Shape shape = Shape.of(3, c, h, 2 * (1 + h % 4) + h % 2);
                assertThat(ChannelsLastMaxPool2x2.of(op, new PoolWindows(op, shape), c)).as("%s", shape).isNotNull();
                assertAllPathsAgree(op, shape, ties(shape, random), random, "2x2 on " + shape);
            }
        }
        Shape odd = Shape.of(1, SegmentVectors.LANES + 1, 4, 4);
        assertThat(ChannelsLastMaxPool2x2.of(op, new PoolWindows(op, odd), odd.dim(1))).isNull();
        assertThat(ChannelsLastMaxPool2x2.of(op.padding(1), new PoolWindows(op.padding(1), odd), 16)).isNull();
    }

    @Test
    void windowsSideBySideAlongARowMatchNaiveAtEveryChannelCount() {
        // The row pooling (fewer channels than a vector, stride = kernel width, no column
        // padding): channel counts 1-33, row runs that end inside a vector or leave columns out
        // (w = 2k + 1), overlapping or padded rows, ceil mode, batch 1 and h = w = 1; ties, NaN
        // and -Inf for the max routing, the scalar finish at each image's end.
        SplittableRandom random = new SplittableRandom(24);
        Padding rowsOnly = new Padding(1, 0, 1, 0);
        Pool2d[] ops = {
            Pool2d.max(2, 2), Pool2d.avg(2, 2), Pool2d.max(3, 3),
            new Pool2d(Pool2d.Kind.AVG, 3, 2, 1, 2, rowsOnly, true, false),
            new Pool2d(Pool2d.Kind.MAX, 3, 2, 2, 2, rowsOnly, false, true),
            new Pool2d(Pool2d.Kind.AVG, 2, 3, 3, 3, Padding.NONE, false, true),
        };
        for (int c = 1; c <= 33; c++) {
            for (Pool2d op : ops) {
                int k = op.kernelW();
                Shape shape = Shape.of(1 + c % 2, c, 2 * op.kernelH() + c % 3, 2 * k + c % 2);
                assertAllPathsAgree(op, shape, ties(shape, random), random, op + " on " + shape);
            }
            Shape pixel = Shape.of(1, c, 1, 1);
            assertAllPathsAgree(Pool2d.max(1, 1), pixel, ties(pixel, random), random, "one pixel, " + c);
            assertAllPathsAgree(Pool2d.avg(1, 1), pixel, ties(pixel, random), random, "one pixel avg, " + c);
        }
    }

    /**
     * Few distinct values (ties), now and then a NaN or -Inf, and often -0.0 beside 0.0: a max
     * that keeps the first maximum must keep whichever zero came first, which the same-bits check
     * between the forward with and without a workspace sees (a {@code >=} for {@code >} passes
     * every other value).
     */
    private static float[] ties(Shape shape, SplittableRandom random) {
        float[] x = new float[(int) shape.elementCount()];
        for (int i = 0; i < x.length; i++) {
            int pick = random.nextInt(40);
            x[i] = pick == 0 ? Float.NaN : pick == 1 ? Float.NEGATIVE_INFINITY : pick < 12 ? (pick % 2 == 0 ? -0.0f : 0.0f)
                    : random.nextInt(4) - 1.5f;
        }
        return x;
    }

    @Test
    void signedZerosKeepTheFirstMaximumOnEveryPath() {
        // 2x2 windows over 17 channels (whole vectors and a tail at 128-512 bits): even channels
        // read -0.0 first, odd ones +0.0 first; the first maximum wins with and without a workspace.
        int c = 17;
        Shape shape = Shape.of(1, c, 2, 2);
        float[] x = new float[4 * c];
        for (int cell = 0; cell < 4; cell++) {
            for (int ch = 0; ch < c; ch++) {
                boolean negativeFirst = ch % 2 == 0;
                x[cell * c + ch] = (cell == 0) == negativeFirst ? -0f : 0f;
            }
        }
        float[][] vector;
        try (ChannelsLastPool2dPlan plan = new ChannelsLastPool2dPlan(Pool2d.max(2, 2), shape, pool)) {
            vector = run(plan, shape, x, new float[c]);
        }
        for (int ch = 0; ch < c; ch++) {
            float first = ch % 2 == 0 ? -0f : 0f;
            assertThat(Float.floatToIntBits(vector[0][ch])).as("forward channel %d", ch)
                    .isEqualTo(Float.floatToIntBits(first));
            assertThat(Float.floatToIntBits(vector[1][ch])).as("forward with workspace channel %d", ch)
                    .isEqualTo(Float.floatToIntBits(first));
        }
        try (Pool2dPlan plan = naive.plan(Pool2d.max(2, 2), shape, Layout.NHWC)) {
            assertSameBits(vector[0], run(plan, shape, x, new float[c])[0], "forward against naive");
        }
    }

    private static float[] floats(int count, SplittableRandom random) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return values;
    }

    private static void assertAllPathsAgree(Pool2d op, Shape shape, float[] x, SplittableRandom random, String what) {
        assertAllPathsAgree(op, shape, x, floats((int) op.outputShape(shape).elementCount(), random), what);
    }

    private static void assertAllPathsAgree(Pool2d op, Shape shape, float[] x, float[] dy, String what) {
        float[][] vector;
        try (ChannelsLastPool2dPlan plan = new ChannelsLastPool2dPlan(op, shape, pool)) {
            vector = run(plan, shape, x, dy);
        }
        try (Pool2dPlan plan = naive.plan(op, shape, Layout.NHWC)) {
            float[][] reference = run(plan, shape, x, dy);
            String[] names = {"forward", "forward with workspace", "backward from x", "backward from workspace"};
            for (int k = 0; k < names.length; k++) {
                assertClose(vector[k], reference[k], what + " " + names[k]);
            }
            assertSameBits(vector[3], vector[2], what + " backward from the workspace against from x");
            assertSameBits(vector[1], vector[0], what + " forward with against without a workspace");
        }
    }

    /** {y, y with a workspace, dx from x, dx from the workspace}, in NHWC memory order. */
    private static float[][] run(Pool2dPlan plan, Shape shape, float[] x, float[] dy) {
        Shape out = plan.outputShape();
        try (Tensor xt = Tensor.allocate(shape, Layout.NHWC);
                Tensor y = Tensor.allocate(out, Layout.NHWC);
                Tensor y2 = Tensor.allocate(out, Layout.NHWC);
                Tensor dyt = Tensor.allocate(out, Layout.NHWC);
                Tensor dx = Tensor.allocate(shape, Layout.NHWC);
                Tensor dx2 = Tensor.allocate(shape, Layout.NHWC);
                Workspace ws = plan.newWorkspace()) {
            xt.copyFrom(x);
            dyt.copyFrom(dy);
            // Stale values in the outputs: every path must write all of them.
            dx.fill(7f);
            dx2.fill(7f);
            plan.forward(xt, y);
            plan.forward(xt, y2, ws);
            plan.backward(xt, dyt, dx);
            plan.backward(ws, dyt, dx2);
            return new float[][] {y.toArray(), y2.toArray(), dx.toArray(), dx2.toArray()};
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

    private static void assertSameBits(float[] actual, float[] expected, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            if (Float.isNaN(expected[i])) {
                assertThat(actual[i]).as("%s [%d]", what, i).isNaN();
            } else {
                assertThat(Float.floatToIntBits(actual[i])).as("%s [%d]: %s vs %s", what, i, actual[i], expected[i])
                        .isEqualTo(Float.floatToIntBits(expected[i]));
            }
        }
    }
}
