package dev.jdnn.examples;

import dev.jdnn.Backend;
import dev.jdnn.Dense;
import dev.jdnn.DensePlan;
import dev.jdnn.Tensor;

/** A fully connected layer with bias on {@code [batch, in]}, run through one {@link DensePlan}. */
final class DenseLayer extends WeightedLayer {
    private final DensePlan plan;

    DenseLayer(String name, DensePlan plan, Tensor input, Parameter weight, Parameter bias, boolean needsInputGradient) {
        super(name, input, weight, bias, Tensor.allocate(plan.outputShape()), needsInputGradient);
        this.plan = plan;
    }

    static DenseLayer of(String name, Backend backend, Dense op, Tensor input, Parameter weight, Parameter bias,
            boolean needsInputGradient) {
        return new DenseLayer(name, backend.plan(op, input.shape().dim(0)), input, weight, bias, needsInputGradient);
    }

    @Override
    public void forward() {
        plan.forward(input, weight.value(), bias.value(), output);
    }

    @Override
    void backwardWeights(Tensor dy) {
        plan.backwardWeights(input, dy, weight.gradient(), bias.gradient());
    }

    @Override
    void backwardData(Tensor dy) {
        plan.backwardData(dy, weight.value(), inputGradient);
    }

    @Override
    void closePlan() {
        plan.close();
    }
}
