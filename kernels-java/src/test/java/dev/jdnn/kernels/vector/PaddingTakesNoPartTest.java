package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdnn.Backend;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Padded cells take part in no operation (#12 item 12): an infinite or NaN weight must not meet
 * the zeros of the padding in the forward pass, nor an infinite {@code dy} meet them in backward
 * weights, nor (depthwise) a weight meet the zeros of outputs that do not exist in backward data.
 * Every element must match naive's: the same NaN-ness, the same infinity, or a close value.
 */
class PaddingTakesNoPartTest {
    private static final Conv2d[] OPS = {Conv2d.of(2, 3, 3).padding(1), Conv2d.of(4, 4, 3).groups(4).padding(1),
        Conv2d.of(3, 3, 3).groups(3).stride(2).padding(2), Conv2d.of(2, 2, 3).groups(2).stride(2)};
    private static final Shape[] INPUTS = {Shape.of(2, 2, 6, 7), Shape.of(2, 4, 7, 6), Shape.of(1, 3, 8, 9),
        Shape.of(1, 2, 9, 9)};

    @Test
    void nonFiniteWeightsMeetNoPaddingInForwardOrBackwardData() {
        for (float bad : new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN}) {
            compareWithNaive(bad, true);
        }
    }

    @Test
    void nonFiniteOutputGradientsMeetNoPaddingInBackwardWeights() {
        for (float bad : new float[] {Float.POSITIVE_INFINITY, Float.NaN}) {
            compareWithNaive(bad, false);
        }
    }

    private static void compareWithNaive(float bad, boolean inWeights) {
        try (Backend vector = Backends.open("vector", TestThreads.config()); Backend naive = Backends.open("naive")) {
            for (int i = 0; i < OPS.length; i++) {
                Conv2d op = OPS[i];
                String what = op + " with " + bad + (inWeights ? " in w" : " in dy");
                SplittableRandom random = new SplittableRandom(i);
                try (Conv2dPlan plan = vector.plan(op, INPUTS[i]); Conv2dPlan reference = naive.plan(op, INPUTS[i]);
                        Tensor x = GemmConv2dPlanTest.random(random, INPUTS[i]);
                        Tensor w = GemmConv2dPlanTest.random(random, op.weightShape());
                        Tensor b = GemmConv2dPlanTest.random(random, op.biasShape());
                        Tensor dy = GemmConv2dPlanTest.random(random, plan.outputShape());
                        Tensor y = Tensor.allocate(plan.outputShape()); Tensor yRef = Tensor.allocate(plan.outputShape());
                        Tensor dx = Tensor.allocate(INPUTS[i]); Tensor dxRef = Tensor.allocate(INPUTS[i]);
                        Tensor dw = Tensor.allocate(op.weightShape()); Tensor dwRef = Tensor.allocate(op.weightShape());
                        Tensor db = Tensor.allocate(op.biasShape()); Tensor dbRef = Tensor.allocate(op.biasShape())) {
                    if (inWeights) {
                        w.set(bad, 0, 0, 1, 1);
                        plan.forward(x, w, b, y);
                        reference.forward(x, w, b, yRef);
                        assertSame(y, yRef, what + " forward");
                        plan.backwardData(dy, w, dx);
                        reference.backwardData(dy, w, dxRef);
                        assertSame(dx, dxRef, what + " backward data");
                    } else {
                        dy.set(bad, 0, 0, 0, 0);
                        plan.backwardWeights(x, dy, dw, db);
                        reference.backwardWeights(x, dy, dwRef, dbRef);
                        assertSame(dw, dwRef, what + " backward weights");
                        assertSame(db, dbRef, what + " bias gradient");
                    }
                }
            }
        }
    }

    private static void assertSame(Tensor actual, Tensor expected, String what) {
        float[] a = actual.toArray();
        float[] e = expected.toArray();
        int nonFinite = 0;
        for (int i = 0; i < a.length; i++) {
            if (Float.isNaN(e[i]) || Float.isInfinite(e[i])) {
                nonFinite++;
                assertThat(Float.valueOf(a[i])).as(what + " at " + i).isEqualTo(Float.valueOf(e[i]));
            } else {
                assertThat(a[i]).as(what + " at " + i).isCloseTo(e[i], org.assertj.core.data.Offset.offset(1e-4f));
            }
        }
        assertThat(nonFinite).as(what + ": some outputs must see the bad value").isPositive();
    }
}
