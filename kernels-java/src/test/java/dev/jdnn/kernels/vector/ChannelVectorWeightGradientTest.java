package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdnn.Backend;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Layout;
import dev.jdnn.Padding;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Backward weights with vectors along the filters: LeNet's conv2 on an odd batch through the direct
 * plan, filter counts that leave lanes of the last vector empty (at some widths), rows of two
 * tiles, sum groups of fewer rows at the end, a 3x5 kernel, on one and two workers, against naive;
 * a large mean whose small parts a float kept across images would drop; the same bits on repeated
 * two-worker runs.
 */
class ChannelVectorWeightGradientTest {

    @Test
    void agreesWithNaive() {
        Conv2d[] ops = {Conv2d.of(6, 16, 5), Conv2d.of(2, 12, 5), new Conv2d(3, 9, 3, 5, 1, 1, Padding.NONE, 1, 1, 1, true)};
        Shape[] inputs = {Shape.of(13, 6, 14, 14), Shape.of(3, 2, 9, 24), Shape.of(5, 3, 13, 14)};
        try (Backend naive = Backends.open("naive"); WorkerPool one = new WorkerPool(1);
                WorkerPool two = new WorkerPool(2)) {
            for (int i = 0; i < ops.length; i++) {
                assertThat(ChannelVectorWeightGradient.suits(ConvGeometry.of(ops[i], inputs[i])))
                        .as(ops[i].toString()).isTrue();
                for (WorkerPool pool : new WorkerPool[] {one, two}) {
                    String what = ops[i] + " on " + inputs[i] + ", " + pool.size() + " workers";
                    try (Conv2dPlan plan = planFor(ops[i], inputs[i], pool);
                            Conv2dPlan reference = naive.plan(ops[i], inputs[i], Layout.NCHW)) {
                        float[][] actual = backwardWeights(plan, ops[i], inputs[i], what);
                        float[][] expected = backwardWeights(reference, ops[i], inputs[i], what);
                        for (int part = 0; part < 2; part++) {
                            for (int j = 0; j < actual[part].length; j++) {
                                assertThat(actual[part][j]).as(what + (part == 0 ? " dw" : " db") + " at " + j)
                                        .isCloseTo(expected[part][j], org.assertj.core.data.Offset.offset(1e-4f));
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void largeMeansKeepTheirAccuracy() {
        // x = 2^14 in image 0, 1 + 2^-12 in the others, dy = 1: a float kept across the images
        // would start at 100·2^14 and drop every later image's 2^-12 parts; handed over to a double
        // per image, dw is the double sum rounded once.
        Conv2d op = Conv2d.of(1, 8, 5);
        Shape input = Shape.of(64, 1, 14, 14);
        Shape output = op.outputShape(input);
        int cells = 14 * 14;
        float[] values = new float[Math.toIntExact(input.elementCount())];
        for (int i = 0; i < values.length; i++) {
            values[i] = i < cells ? 16384f : 1f + 0x1p-12f;
        }
        double expected = 100.0 * 16384 + 63.0 * 100 * (1 + 0x1p-12);
        try (WorkerPool one = new WorkerPool(1); WorkerPool two = new WorkerPool(2); Tensor x = Tensor.allocate(input);
                Tensor dy = Tensor.allocate(output); Tensor dw = Tensor.allocate(op.weightShape());
                Tensor db = Tensor.allocate(op.biasShape())) {
            x.copyFrom(values);
            dy.fill(1f);
            for (WorkerPool pool : new WorkerPool[] {one, two}) {
                new ChannelVectorWeightGradient(ConvGeometry.of(op, input), pool).backwardWeights(x.segment(),
                        dy.segment(), dw.segment(), db.segment());
                for (float weight : dw.toArray()) {
                    assertThat(weight).as("dw on " + pool.size()).isEqualTo((float) expected);
                }
                for (float b : db.toArray()) {
                    assertThat(b).as("db on " + pool.size()).isEqualTo(6400f);
                }
            }
        }
    }

    @Test
    void givesTheSameBitsOnRepeatedTwoWorkerRuns() {
        Conv2d op = Conv2d.of(6, 16, 5);
        Shape input = Shape.of(13, 6, 14, 14);
        try (WorkerPool two = new WorkerPool(2); Conv2dPlan plan = planFor(op, input, two)) {
            float[][] first = backwardWeights(plan, op, input, "bits");
            for (int run = 0; run < 3; run++) {
                float[][] again = backwardWeights(plan, op, input, "bits");
                assertThat(bits(again[0])).as("dw bits of run " + run).isEqualTo(bits(first[0]));
                assertThat(bits(again[1])).as("db bits of run " + run).isEqualTo(bits(first[1]));
            }
        }
    }

    /** The plan the vector backend picks for this op (direct or GEMM), both of which hand over to this kernel. */
    private static Conv2dPlan planFor(Conv2d op, Shape input, WorkerPool pool) {
        PackedGemm gemm = new PackedGemm(VectorWidth.microKernel());
        return DirectConv2dPlan.suits(op, input) ? new DirectConv2dPlan(op, input, pool, gemm)
                : new GemmConv2dPlan(op, input, pool, gemm);
    }

    private static int[] bits(float[] values) {
        int[] bits = new int[values.length];
        Arrays.setAll(bits, i -> Float.floatToRawIntBits(values[i]));
        return bits;
    }

    private static float[][] backwardWeights(Conv2dPlan plan, Conv2d op, Shape input, String what) {
        SplittableRandom random = new SplittableRandom(what.length());
        try (Tensor x = GemmConv2dPlanTest.random(random, input);
                Tensor dy = GemmConv2dPlanTest.random(random, op.outputShape(input));
                Tensor dw = Tensor.allocate(op.weightShape()); Tensor db = Tensor.allocate(op.biasShape())) {
            dw.fill(Float.NaN);
            db.fill(Float.NaN);
            // Twice: the second call must not see the first one's sums.
            plan.backwardWeights(x, dy, dw, db);
            plan.backwardWeights(x, dy, dw, db);
            return new float[][] {dw.toArray(), db.toArray()};
        }
    }
}
