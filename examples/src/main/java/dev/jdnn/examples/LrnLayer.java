package dev.jdnn.examples;

import dev.jdnn.Backend;
import dev.jdnn.Lrn;
import dev.jdnn.LrnPlan;
import dev.jdnn.Tensor;

/** Local response normalisation across channels through one {@link LrnPlan}; its backward reads the input. */
final class LrnLayer extends PreparedLayer {
    private final LrnPlan plan;

    LrnLayer(String name, Backend backend, Lrn op, Tensor input) {
        super(name, input, Tensor.allocate(input.shape(), input.layout()), true);
        this.plan = backend.plan(op, input.shape(), input.layout());
    }

    @Override
    public void forward() {
        plan.forward(input, output);
    }

    @Override
    public void backward(Tensor dy) {
        plan.backward(input, dy, inputGradient);
    }

    @Override
    void closePlan() {
        plan.close();
    }
}
