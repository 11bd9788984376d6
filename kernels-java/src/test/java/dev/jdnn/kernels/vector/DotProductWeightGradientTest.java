package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdnn.Backend;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Padding;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Backward weights as dot products along the pixels: blocks of several interleaved images (with
 * runs that end inside a vector), blocks of output rows of one tall image, padding, dilation, and
 * a non-finite x where a run's zero tail would meet it, on one and two workers, against naive;
 * a long run that float lanes kept across blocks would get visibly wrong; the same bits on
 * repeated two-worker runs.
 */
class DotProductWeightGradientTest {

    @Test
    void agreesWithNaiveOnImageBlocksAndRowBlocks() {
        Conv2d[] ops = {Conv2d.of(2, 3, 5), Conv2d.of(3, 5, 3).padding(new Padding(2, 0, 1, 2)),
            Conv2d.of(2, 6, 3).dilation(2).padding(1), Conv2d.of(3, 4, 3).padding(1)};
        // 25 pixels: blocks of 16 images (a whole number of vectors at every width) and shorter
        // ones at a chunk's end; 41 rows of 30 pixels: blocks of output rows.
        Shape[] inputs = {Shape.of(19, 2, 9, 9), Shape.of(5, 3, 7, 6), Shape.of(3, 2, 10, 9), Shape.of(2, 3, 41, 30)};
        try (Backend naive = Backends.open("naive"); WorkerPool one = new WorkerPool(1);
                WorkerPool two = new WorkerPool(2)) {
            for (int i = 0; i < ops.length; i++) {
                for (WorkerPool pool : new WorkerPool[] {one, two}) {
                    ConvGeometry g = ConvGeometry.of(ops[i], inputs[i]);
                    assertThat(DotProductWeightGradient.suits(g, pool.size())).as(ops[i].toString()).isTrue();
                    assertSameGradients(new DotProductWeightGradient(g, pool), naive, ops[i], inputs[i], false,
                            ops[i] + " on " + pool.size());
                }
            }
        }
    }

    @Test
    void infiniteInputMeetsNoZeroTail() {
        // 7x7 outputs of 3 images: runs of 49 and 98 floats end inside a vector at every width.
        Conv2d op = Conv2d.of(2, 3, 3);
        Shape input = Shape.of(3, 2, 9, 9);
        try (Backend naive = Backends.open("naive"); WorkerPool pool = new WorkerPool(1)) {
            assertSameGradients(new DotProductWeightGradient(ConvGeometry.of(op, input), pool), naive, op, input, true,
                    "infinite x");
        }
    }

    @Test
    void longRunsKeepTheirAccuracy() {
        // 2^18 pixels per weight, a mean far from zero: each image's first block of output rows
        // sees only x = 2^14 (rows 0..5), its other 63 blocks x = 1 + 2^-12, dy = 1. A float lane
        // kept across a chunk's blocks starts at 2^20 (512 bits; 2^22 at 128) and then drops the
        // 2^-12 parts of every later block (below half its ulp): ~8 float ulps of dw. Handed over to
        // a double after every block, dw is the double sum rounded once.
        Conv2d op = Conv2d.of(1, 4, 3);
        Shape input = Shape.of(4, 1, 258, 258);
        Shape output = op.outputShape(input);
        int h = input.dim(2);
        int w = input.dim(3);
        float[] values = new float[Math.toIntExact(input.elementCount())];
        for (int i = 0; i < values.length; i++) {
            values[i] = i % (h * w) / w < 6 ? 16384f : 1f + 0x1p-12f;
        }
        double[] expected = new double[9];
        for (int n = 0; n < input.dim(0); n++) {
            for (int ri = 0; ri < 3; ri++) {
                for (int si = 0; si < 3; si++) {
                    for (int oy = 0; oy < output.dim(2); oy++) {
                        for (int ox = 0; ox < output.dim(3); ox++) {
                            expected[ri * 3 + si] += values[(n * h + oy + ri) * w + ox + si];
                        }
                    }
                }
            }
        }
        try (WorkerPool one = new WorkerPool(1); WorkerPool two = new WorkerPool(2); Tensor x = Tensor.allocate(input);
                Tensor dy = Tensor.allocate(output); Tensor dw = Tensor.allocate(op.weightShape());
                Tensor db = Tensor.allocate(op.biasShape())) {
            x.copyFrom(values);
            dy.fill(1f);
            for (WorkerPool pool : new WorkerPool[] {one, two}) {
                ConvGeometry g = ConvGeometry.of(op, input);
                assertThat(DotProductWeightGradient.suits(g, pool.size())).isTrue();
                new DotProductWeightGradient(g, pool).backwardWeights(x.segment(), dy.segment(), dw.segment(),
                        db.segment());
                float[] weights = dw.toArray();
                for (int i = 0; i < weights.length; i++) {
                    double e = expected[i % 9];
                    assertThat(Math.abs(weights[i] - e)).as("dw at " + i + " on " + pool.size() + ", expected " + e)
                            .isLessThanOrEqualTo(Math.ulp((float) e));
                }
                for (float b : db.toArray()) {
                    assertThat(b).as("db on " + pool.size()).isEqualTo((float) output.elementCount() / 4);
                }
            }
        }
    }

    @Test
    void givesTheSameBitsOnRepeatedTwoWorkerRuns() {
        // 19 images in blocks of 16 and shorter ones, cut into two chunks.
        Conv2d op = Conv2d.of(2, 3, 5);
        Shape input = Shape.of(19, 2, 9, 9);
        Shape output = op.outputShape(input);
        SplittableRandom random = new SplittableRandom(19);
        try (WorkerPool two = new WorkerPool(2); Tensor x = GemmConv2dPlanTest.random(random, input);
                Tensor dy = GemmConv2dPlanTest.random(random, output); Tensor dw = Tensor.allocate(op.weightShape());
                Tensor db = Tensor.allocate(op.biasShape())) {
            DotProductWeightGradient gradient = new DotProductWeightGradient(ConvGeometry.of(op, input), two);
            int[] firstWeights = null;
            int[] firstBias = null;
            for (int run = 0; run < 3; run++) {
                gradient.backwardWeights(x.segment(), dy.segment(), dw.segment(), db.segment());
                int[] weights = bits(dw.toArray());
                int[] bias = bits(db.toArray());
                if (firstWeights == null) {
                    firstWeights = weights;
                    firstBias = bias;
                } else {
                    assertThat(weights).as("dw bits of run " + run).isEqualTo(firstWeights);
                    assertThat(bias).as("db bits of run " + run).isEqualTo(firstBias);
                }
            }
        }
    }

    private static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        Arrays.setAll(bits, i -> Float.floatToRawIntBits(values[i]));
        return bits;
    }

    private static void assertSameGradients(DotProductWeightGradient gradient, Backend naive, Conv2d op, Shape input,
            boolean infinite, String what) {
        SplittableRandom random = new SplittableRandom(what.hashCode());
        Shape output = op.outputShape(input);
        try (Conv2dPlan reference = naive.plan(op, input); Tensor x = GemmConv2dPlanTest.random(random, input);
                Tensor dy = GemmConv2dPlanTest.random(random, output); Tensor dw = Tensor.allocate(op.weightShape());
                Tensor dwRef = Tensor.allocate(op.weightShape()); Tensor db = Tensor.allocate(op.biasShape());
                Tensor dbRef = Tensor.allocate(op.biasShape())) {
            if (infinite) {
                x.set(Float.POSITIVE_INFINITY, 1, 0, 8, 8);
            }
            // Twice: the second call must not see the first one's sums.
            gradient.backwardWeights(x.segment(), dy.segment(), dw.segment(), db.segment());
            gradient.backwardWeights(x.segment(), dy.segment(), dw.segment(), db.segment());
            reference.backwardWeights(x, dy, dwRef, dbRef);
            assertClose(dw.toArray(), dwRef.toArray(), what + " dw");
            assertClose(db.toArray(), dbRef.toArray(), what + " db");
        }
    }

    private static void assertClose(float[] a, float[] e, String what) {
        for (int i = 0; i < a.length; i++) {
            if (Float.isFinite(e[i])) {
                assertThat(a[i]).as(what + " at " + i).isCloseTo(e[i], org.assertj.core.data.Offset.offset(1e-4f));
            } else {
                assertThat(a[i]).as(what + " at " + i).isEqualTo(e[i]);
            }
        }
    }
}
