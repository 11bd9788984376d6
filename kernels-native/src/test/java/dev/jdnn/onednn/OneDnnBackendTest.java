package dev.jdnn.onednn;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;

import static org.assertj.core.api.Assertions.assertThat;

class OneDnnBackendTest {

    @Test
    void planKeepsWorkingAfterItsBackendIsClosed() {
        Conv2d op = Conv2d.of(1, 1, 1);
        Shape input = Shape.nchw(1, 1, 2, 2);
        Conv2dPlan plan;
        try (Backend backend = Backends.open("onednn", new BackendConfig(1))) {
            plan = backend.plan(op, input);
        }
        try (Arena arena = Arena.ofConfined(); plan) {
            Tensor x = Tensor.allocate(input, arena);
            x.copyFrom(new float[] {1, 2, 3, 4});
            Tensor w = Tensor.allocate(op.weightShape(), arena);
            w.fill(2f);
            Tensor b = Tensor.allocate(op.biasShape(), arena);
            b.fill(1f);
            Tensor y = Tensor.allocate(plan.outputShape(), arena);
            plan.forward(x, w, b, y);
            assertThat(y.toArray()).containsExactly(3f, 5f, 7f, 9f);
        }
    }
}
