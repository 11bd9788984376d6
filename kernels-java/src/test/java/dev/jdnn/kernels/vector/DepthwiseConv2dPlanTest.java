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

/** The direct depthwise kernel, row-correlation path (unit width stride) included, against naive. */
class DepthwiseConv2dPlanTest {
    static Stream<Conv2d> depthwiseOps() {
        return Stream.of(Conv2d.of(5, 5, 3).padding(1).groups(5),
                Conv2d.of(4, 4, 3).padding(new Padding(2, 0, 1, 2)).dilation(2).groups(4),
                Conv2d.of(3, 3, 5).stride(2, 1).padding(2).groups(3),
                Conv2d.of(6, 6, 1).groups(6),
                Conv2d.of(2, 2, 3).stride(1, 2).padding(1).groups(2).bias(false));
    }

    @ParameterizedTest
    @MethodSource("depthwiseOps")
    void everyPassMatchesNaiveOnOddWidths(Conv2d op) {
        try (Backend vector = Backends.open("vector", new BackendConfig(2));
                Backend naive = Backends.open("naive", new BackendConfig(1))) {
            for (int width : new int[] {5, 17, 33}) {
                compare(vector, naive, op, Shape.nchw(3, op.inChannels(), 9, width));
            }
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
                Tensor dx2 = Tensor.allocate(input);
                Tensor dw1 = Tensor.allocate(op.weightShape());
                Tensor dw2 = Tensor.allocate(op.weightShape());
                Tensor db1 = op.bias() ? Tensor.allocate(op.biasShape()) : null;
                Tensor db2 = op.bias() ? Tensor.allocate(op.biasShape()) : null) {
            v.forward(x, w, b, y1);
            n.forward(x, w, b, y2);
            assertClose(op + " forward " + input, y1, y2);
            v.backwardData(dy, w, dx1);
            n.backwardData(dy, w, dx2);
            assertClose(op + " backward data " + input, dx1, dx2);
            v.backwardWeights(x, dy, dw1, db1);
            n.backwardWeights(x, dy, dw2, db2);
            assertClose(op + " backward weights " + input, dw1, dw2);
            if (op.bias()) {
                assertClose(op + " bias gradient " + input, db1, db2);
            }
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
