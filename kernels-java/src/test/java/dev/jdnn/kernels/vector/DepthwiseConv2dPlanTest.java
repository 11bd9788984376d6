package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Padding;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The direct depthwise kernel against naive, on every path of {@link DepthwiseCorrelation}: the
 * paired 3x3 loops (stride 1, and every backward-data pass) with an odd last row, the one-row 9-tap
 * loops (3x3 with a height stride or dilation, 1x9, 9x1), the general tap loop, strides and
 * dilations folded into {@link PaddedPlane}'s phases and steps, asymmetric and oversized padding,
 * and row tails of every length on widths 1, 15, 17 and 33, at 1 and 2 workers; and backward
 * weights with NaN and infinities where the zero tail of a row of dy meets the input.
 */
class DepthwiseConv2dPlanTest {
    static Stream<Conv2d> depthwiseOps() {
        return Stream.of(Conv2d.of(5, 5, 3).padding(1).groups(5),
                Conv2d.of(4, 4, 3).padding(new Padding(2, 0, 1, 2)).dilation(2).groups(4),
                Conv2d.of(3, 3, 5).stride(2, 1).padding(2).groups(3),
                Conv2d.of(6, 6, 1).groups(6),
                Conv2d.of(2, 2, 3).stride(1, 2).padding(1).groups(2).bias(false),
                Conv2d.of(3, 3, 3).stride(2).padding(1).groups(3),
                Conv2d.of(3, 3, 3).stride(2).groups(3),
                Conv2d.of(2, 2, 3).stride(3, 2).padding(new Padding(0, 2, 1, 0)).groups(2),
                Conv2d.of(2, 2, 3).stride(2).dilation(2).padding(2).groups(2),
                Conv2d.of(2, 2, 3).padding(3).groups(2),
                new Conv2d(2, 2, 1, 9, 1, 1, new Padding(0, 4, 0, 4), 1, 1, 2, true),
                new Conv2d(2, 2, 9, 1, 1, 2, new Padding(4, 0, 4, 0), 1, 1, 2, true),
                new Conv2d(2, 2, 3, 5, 2, 1, new Padding(1, 2, 1, 2), 1, 2, 2, false));
    }

    @ParameterizedTest
    @MethodSource("depthwiseOps")
    void everyPassMatchesNaiveOnOddWidths(Conv2d op) {
        for (int threads : new int[] {1, 2}) {
            try (Backend vector = Backends.open("vector", new BackendConfig(threads));
                    Backend naive = Backends.open("naive", new BackendConfig(1))) {
                for (int width : new int[] {1, 5, 15, 17, 33}) {
                    for (int height : new int[] {1, 8, 9}) {
                        Shape input = Shape.nchw(3, op.inChannels(), height, width);
                        if (fits(op, input)) {
                            compare(vector, naive, op, input);
                        }
                    }
                }
            }
        }
    }

    /**
     * Backward weights reads each row of dy in whole vectors, with zeros past the row's end; an
     * infinite input there makes a NaN that the exact sums do not have, so the plan must notice
     * and recompute. One non-finite value at a time, at a row's first or last column or in dy.
     */
    @ParameterizedTest
    @MethodSource("depthwiseOps")
    void backwardWeightsMatchesNaiveWithNonFiniteValues(Conv2d op) {
        float[] specials = {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};
        for (int threads : new int[] {1, 2}) {
            try (Backend vector = Backends.open("vector", new BackendConfig(threads));
                    Backend naive = Backends.open("naive", new BackendConfig(1))) {
                for (int width : new int[] {17, 33}) {
                    Shape input = Shape.nchw(2, op.inChannels(), 9, width);
                    if (!fits(op, input)) {
                        continue;
                    }
                    Shape output = op.outputShape(input);
                    for (float special : specials) {
                        float[] x = random(input, 1).toArray();
                        float[] dy = random(output, 4).toArray();
                        float[] cleanX = x.clone();
                        x[3 * width + width - 1] = special;
                        x[x.length - width] = special;
                        try (Tensor specialX = Tensor.of(input, x); Tensor finiteDy = random(output, 4)) {
                            compareBackwardWeights(vector, naive, op, specialX, finiteDy);
                        }
                        dy[dy.length / 2] = special;
                        try (Tensor finiteX = Tensor.of(input, cleanX); Tensor specialDy = Tensor.of(output, dy)) {
                            compareBackwardWeights(vector, naive, op, finiteX, specialDy);
                        }
                    }
                }
            }
        }
    }

    private static void compareBackwardWeights(Backend vector, Backend naive, Conv2d op, Tensor x, Tensor dy) {
        try (Conv2dPlan v = vector.plan(op, x.shape());
                Conv2dPlan n = naive.plan(op, x.shape());
                Tensor dw1 = Tensor.allocate(op.weightShape());
                Tensor dw2 = Tensor.allocate(op.weightShape());
                Tensor db1 = op.bias() ? Tensor.allocate(op.biasShape()) : null;
                Tensor db2 = op.bias() ? Tensor.allocate(op.biasShape()) : null) {
            v.backwardWeights(x, dy, dw1, db1);
            n.backwardWeights(x, dy, dw2, db2);
            assertSameClass(op + " backward weights " + x.shape(), dw1, dw2);
            if (op.bias()) {
                assertSameClass(op + " bias gradient " + x.shape(), db1, db2);
            }
        }
    }

    /** Equal NaN, equal infinities, finite values within 1e-4. */
    private static void assertSameClass(String what, Tensor actual, Tensor expected) {
        float[] a = actual.toArray();
        float[] e = expected.toArray();
        for (int i = 0; i < a.length; i++) {
            if (Float.isFinite(e[i])) {
                assertThat(a[i]).as("%s element %d", what, i).isCloseTo(e[i], within(1e-4f));
            } else {
                assertThat(Float.floatToIntBits(a[i])).as("%s element %d: %s, expected %s", what, i, a[i], e[i])
                        .isEqualTo(Float.floatToIntBits(e[i]));
            }
        }
    }

    private static boolean fits(Conv2d op, Shape input) {
        try {
            op.outputShape(input);
            return true;
        } catch (IllegalArgumentException tooSmall) {
            return false;
        }
    }

    private static void compare(Backend vector, Backend naive, Conv2d op, Shape input) {
        try (Conv2dPlan v = vector.plan(op, input);
                Conv2dPlan n = naive.plan(op, input);
                Tensor x = random(input, 1);
                Tensor w = random(op.weightShape(), 2);
                Tensor b = op.bias() ? random(op.biasShape(), 3) : null;
                Tensor dy = random(v.outputShape(), 4);
                Tensor y1 = Tensor.allocate(v.outputShape());
                Tensor y2 = Tensor.allocate(v.outputShape());
                Tensor dx1 = Tensor.allocate(input);
                Tensor dx2 = Tensor.allocate(input)) {
            v.forward(x, w, b, y1);
            n.forward(x, w, b, y2);
            assertClose(op + " forward " + input, y1, y2);
            v.backwardData(dy, w, dx1);
            n.backwardData(dy, w, dx2);
            assertClose(op + " backward data " + input, dx1, dx2);
            compareBackwardWeights(vector, naive, op, x, dy);
        }
    }

    private static void assertClose(String what, Tensor actual, Tensor expected) {
        float[] a = actual.toArray();
        float[] e = expected.toArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as("%s element %d", what, i).isCloseTo(e[i], within(1e-4f));
        }
    }

    private static Tensor random(Shape shape, int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[(int) shape.elementCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return Tensor.of(shape, v);
    }
}
