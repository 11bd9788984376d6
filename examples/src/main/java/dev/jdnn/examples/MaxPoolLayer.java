package dev.jdnn.examples;

import dev.jdnn.Backend;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Tensor;

/** Max pooling through one {@link Pool2dPlan}; the gradient goes to each window's first maximum. */
final class MaxPoolLayer extends PreparedLayer {
    private final Pool2dPlan plan;

    private MaxPoolLayer(String name, Pool2dPlan plan, Tensor input) {
        super(name, input, Tensor.allocate(plan.outputShape()), true);
        this.plan = plan;
    }

    static MaxPoolLayer of(String name, Backend backend, Pool2d op, Tensor input) {
        return new MaxPoolLayer(name, backend.plan(op, input.shape()), input);
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
