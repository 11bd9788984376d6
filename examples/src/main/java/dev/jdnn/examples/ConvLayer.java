package dev.jdnn.examples;

import dev.jdnn.Backend;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Tensor;

/** A 2-D convolution with bias, run through one {@link Conv2dPlan}. */
final class ConvLayer extends WeightedLayer {
    private final Conv2dPlan plan;

    ConvLayer(String name, Conv2dPlan plan, Tensor input, Parameter weight, Parameter bias, boolean needsInputGradient) {
        super(name, input, weight, bias, Tensor.allocate(plan.outputShape()), needsInputGradient);
        this.plan = plan;
    }

    static ConvLayer of(String name, Backend backend, Conv2d op, Tensor input, Parameter weight, Parameter bias,
            boolean needsInputGradient) {
        return new ConvLayer(name, backend.plan(op, input.shape()), input, weight, bias, needsInputGradient);
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
