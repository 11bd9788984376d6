package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Dense;
import dev.jdnn.DensePlan;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.lang.foreign.Arena;
import org.junit.jupiter.api.Test;

/** Tensors in a confined arena can only be touched by their thread: the plans then run on it alone. */
class ConfinedTensorsTest {
    private static Tensor filled(Shape shape, Arena arena, float scale) {
        Tensor t = Tensor.allocate(shape, arena);
        float[] v = new float[(int) shape.elementCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((i * 37) % 11 - 5) * scale;
        }
        t.copyFrom(v);
        return t;
    }

    @Test
    void everyPlanGivesTheSameResultOnConfinedAndSharedMemory() {
        Conv2d conv = Conv2d.of(3, 4, 3).padding(1);
        Conv2d depthwise = Conv2d.of(4, 4, 3).padding(1).groups(4);
        Shape input = Shape.nchw(4, 3, 7, 9);
        try (Backend backend = Backends.open("vector", new BackendConfig(2));
                Arena confined = Arena.ofConfined();
                Arena shared = Arena.ofShared()) {
            for (Conv2d op : new Conv2d[] {conv, depthwise}) {
                Shape in = Shape.nchw(4, op.inChannels(), 7, 9);
                try (Conv2dPlan plan = backend.plan(op, in)) {
                    float[][] a = runConv(plan, op, in, confined);
                    float[][] b = runConv(plan, op, in, shared);
                    for (int i = 0; i < a.length; i++) {
                        assertThat(a[i]).containsExactly(b[i]);
                    }
                }
            }
            try (Pool2dPlan pool = backend.plan(Pool2d.max(2, 2), input)) {
                Tensor y1 = Tensor.allocate(pool.outputShape(), confined);
                Tensor y2 = Tensor.allocate(pool.outputShape(), shared);
                pool.forward(filled(input, confined, 1f), y1);
                pool.forward(filled(input, shared, 1f), y2);
                assertThat(y1.toArray()).containsExactly(y2.toArray());
            }
            Dense dense = Dense.of(13, 5);
            for (int batch : new int[] {1, 3}) {
                try (DensePlan plan = backend.plan(dense, batch)) {
                    Tensor y1 = Tensor.allocate(plan.outputShape(), confined);
                    Tensor y2 = Tensor.allocate(plan.outputShape(), shared);
                    plan.forward(filled(plan.inputShape(), confined, 1f), filled(dense.weightShape(), confined, .5f),
                            filled(dense.biasShape(), confined, 1f), y1);
                    plan.forward(filled(plan.inputShape(), shared, 1f), filled(dense.weightShape(), shared, .5f),
                            filled(dense.biasShape(), shared, 1f), y2);
                    assertThat(y1.toArray()).containsExactly(y2.toArray());
                }
            }
        }
    }

    private static float[][] runConv(Conv2dPlan plan, Conv2d op, Shape in, Arena arena) {
        Tensor x = filled(in, arena, 0.25f);
        Tensor w = filled(op.weightShape(), arena, 0.5f);
        Tensor b = filled(op.biasShape(), arena, 1f);
        Tensor y = Tensor.allocate(plan.outputShape(), arena);
        Tensor dy = filled(plan.outputShape(), arena, 0.125f);
        Tensor dx = Tensor.allocate(in, arena);
        Tensor dw = Tensor.allocate(op.weightShape(), arena);
        Tensor db = Tensor.allocate(op.biasShape(), arena);
        plan.forward(x, w, b, y);
        plan.backwardData(dy, w, dx);
        plan.backwardWeights(x, dy, dw, db);
        return new float[][] {y.toArray(), dx.toArray(), dw.toArray(), db.toArray()};
    }
}
