package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdnn.Backend;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Padding;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Backward weights as dot products along the pixels: blocks of several interleaved images (with
 * runs that end inside a vector), blocks of output rows of one tall image, padding, dilation, and
 * a non-finite x where a run's zero tail would meet it, on one and two workers, against naive.
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
