package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdnn.Layout;
import dev.jdnn.Lrn;
import dev.jdnn.LrnPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The LRN plan against naive on images larger than one NCHW block of {@link VectorLrnPlan#BLOCK}
 * pixels: 27x27 = 729 pixels is two whole blocks and a block whose last vector is a tail at every
 * species width, 28x28 = 784 ends on whole vectors at 128-512 bits; both layouts, forward and
 * backward, so that the unmasked whole-vector loops and the masked tail are each checked.
 */
class VectorLrnPlanTest extends PlanTestAgainstNaive {
    @Test
    void blocksAndTailsMatchNaiveInBothLayouts() {
        SplittableRandom random = new SplittableRandom(31);
        Lrn op = new Lrn(5, 0.5, 0.75, 1);
        for (int side : new int[] {27, 28}) {
            for (Layout layout : Layout.values()) {
                Shape shape = Shape.of(2, 7, side, side);
                int count = (int) shape.elementCount();
                float[] x = floats(count, random);
                float[] dy = floats(count, random);
                String what = layout + " " + shape;
                float[][] vector;
                try (VectorLrnPlan plan = new VectorLrnPlan(op, shape, layout, pool)) {
                    vector = run(plan, shape, layout, x, dy);
                }
                try (LrnPlan plan = naive.plan(op, shape, layout)) {
                    float[][] reference = run(plan, shape, layout, x, dy);
                    assertClose(vector[0], reference[0], what + " forward");
                    assertClose(vector[1], reference[1], what + " backward");
                }
            }
        }
    }

    private static float[] floats(int count, SplittableRandom random) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextDouble(-2, 2);
        }
        return values;
    }

    /** {y, dx} in the layout's memory order; stale values in the outputs must all be overwritten. */
    private static float[][] run(LrnPlan plan, Shape shape, Layout layout, float[] x, float[] dy) {
        try (Tensor xt = Tensor.allocate(shape, layout);
                Tensor dyt = Tensor.allocate(shape, layout);
                Tensor y = Tensor.allocate(shape, layout);
                Tensor dx = Tensor.allocate(shape, layout)) {
            xt.copyFrom(x);
            dyt.copyFrom(dy);
            y.fill(7f);
            dx.fill(7f);
            plan.forward(xt, y);
            plan.backward(xt, dyt, dx);
            return new float[][] {y.toArray(), dx.toArray()};
        }
    }

    private static void assertClose(float[] actual, float[] expected, String what) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            assertThat((double) actual[i]).as("%s [%d]", what, i)
                    .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-4 * (1 + Math.abs(expected[i]))));
        }
    }
}
