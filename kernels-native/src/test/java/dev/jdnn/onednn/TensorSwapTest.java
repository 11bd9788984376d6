package dev.jdnn.onednn;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Padding;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;

/**
 * A plan re-points its memory objects only when the caller hands it a tensor at a different
 * address ({@link Memory#attach}); running one plan on two sets of tensors in turn must still read
 * and write the right ones every time.
 */
class TensorSwapTest {
    private record Tensors(Tensor x, Tensor w, Tensor b, Tensor dy, Tensor y, Tensor dx, Tensor dw, Tensor db) {
    }

    @Test
    void aPlanRunOnAlternatingTensorsUsesTheTensorsOfEachCall() {
        Conv2d op = new Conv2d(3, 8, 3, 3, 1, 1, Padding.of(1), 1, 1, 1, true);
        Shape input = Shape.nchw(2, 3, 9, 9);
        try (Backend onednn = Backends.open("onednn", new BackendConfig(1));
             Backend naive = Backends.open("naive");
             Arena arena = Arena.ofShared();
             Conv2dPlan plan = onednn.plan(op, input);
             Conv2dPlan reference = naive.plan(op, input)) {
            NaiveComparison values = new NaiveComparison(onednn, naive, 11);
            Tensors first = tensors(op, input, values, arena);
            Tensors second = tensors(op, input, values, arena);
            Tensors expected = tensors(op, input, values, arena);
            for (Tensors t : new Tensors[] {first, second, first, second}) {
                plan.forward(t.x(), t.w(), t.b(), t.y());
                plan.backwardData(t.dy(), t.w(), t.dx());
                plan.backwardWeights(t.x(), t.dy(), t.dw(), t.db());
                reference.forward(t.x(), t.w(), t.b(), expected.y());
                reference.backwardData(t.dy(), t.w(), expected.dx());
                reference.backwardWeights(t.x(), t.dy(), expected.dw(), expected.db());
                NaiveComparison.check("forward", t.y(), expected.y(), 27);
                NaiveComparison.check("backwardData", t.dx(), expected.dx(), 72);
                NaiveComparison.check("backwardWeights dw", t.dw(), expected.dw(), 162);
                NaiveComparison.check("backwardWeights db", t.db(), expected.db(), 162);
            }
        }
    }

    private static Tensors tensors(Conv2d op, Shape input, NaiveComparison values, Arena arena) {
        Shape out = op.outputShape(input);
        return new Tensors(values.random(input, arena), values.random(op.weightShape(), arena),
                values.random(op.biasShape(), arena), values.random(out, arena), values.random(out, arena),
                values.random(input, arena), values.random(op.weightShape(), arena),
                values.random(op.biasShape(), arena));
    }
}
