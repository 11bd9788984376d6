package dev.jdnn.onednn;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;

import static org.assertj.core.api.Assertions.assertThat;

class DnnlPoolingTest {
    private static Backend onednn;
    private static Backend naive;

    @BeforeAll
    static void open() {
        onednn = Backends.open("onednn", new BackendConfig(1));
        naive = Backends.open("naive");
    }

    @AfterAll
    static void close() {
        onednn.close();
        naive.close();
    }

    @Test
    void maxPoolBackwardRoutesGradientToFirstMaximum() {
        Pool2d op = Pool2d.max(2, 2);
        Shape input = Shape.nchw(1, 1, 2, 4);
        try (Arena arena = Arena.ofShared(); Pool2dPlan plan = onednn.plan(op, input)) {
            Tensor x = Tensor.allocate(input, arena);
            x.copyFrom(new float[] {3, 3, 1, 2, 3, 3, 2, 2});
            Tensor dy = Tensor.allocate(plan.outputShape(), arena);
            dy.copyFrom(new float[] {10, 20});
            Tensor dx = Tensor.allocate(input, arena);
            plan.backward(x, dy, dx);
            assertThat(dx.toArray()).containsExactly(10, 0, 0, 20, 0, 0, 0, 0);
        }
    }

    @Test
    void maxPoolBackwardOnTiesMatchesNaiveWithOverlappingPaddedAndCeilWindows() {
        Pool2d[] ops = {
            Pool2d.max(3, 1).padding(1),
            Pool2d.max(3, 2).padding(Padding.of(1)).ceilMode(true),
            Pool2d.max(2, 1),
            new Pool2d(Pool2d.Kind.MAX, 3, 2, 2, 1, new Padding(1, 0, 0, 1), true, true),
        };
        Shape input = Shape.nchw(2, 3, 7, 6);
        for (Pool2d op : ops) {
            try (Arena arena = Arena.ofShared();
                 Pool2dPlan a = onednn.plan(op, input);
                 Pool2dPlan b = naive.plan(op, input)) {
                Tensor x = Tensor.allocate(input, arena);
                float[] values = new float[(int) input.elementCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (i / 5) % 3;
                }
                x.copyFrom(values);
                Tensor dy = Tensor.allocate(a.outputShape(), arena);
                float[] grads = new float[(int) a.outputShape().elementCount()];
                for (int i = 0; i < grads.length; i++) {
                    grads[i] = 1 + i % 7;
                }
                dy.copyFrom(grads);
                Tensor dx1 = Tensor.allocate(input, arena);
                Tensor dx2 = Tensor.allocate(input, arena);
                a.backward(x, dy, dx1);
                b.backward(x, dy, dx2);
                assertThat(dx1.toArray()).as(op.toString()).containsExactly(dx2.toArray());
            }
        }
    }

    @Test
    void averagePoolingDivisorFollowsPyTorchInEveryPaddingAndRoundingMode() {
        NaiveComparison compare = new NaiveComparison(onednn, naive, 21);
        Shape input = Shape.nchw(2, 2, 7, 8);
        for (boolean include : new boolean[] {false, true}) {
            for (boolean ceil : new boolean[] {false, true}) {
                compare.pool(Pool2d.avg(3, 2).padding(1).countIncludePad(include).ceilMode(ceil), input);
                compare.pool(Pool2d.avg(2, 3).countIncludePad(include).ceilMode(ceil), input);
            }
        }
    }
}
