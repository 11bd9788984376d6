package dev.jdnn.examples;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Dense;
import dev.jdnn.DensePlan;
import dev.jdnn.Tensor;

import java.util.List;

/**
 * A layer with weights and a bias run through one prepared plan, a convolution or a dense one,
 * optionally with its activation fused into the plan ({@link Conv2d#activation()},
 * {@link Dense#activation()}): the forward writes {@code a(op(x, w) + b)} in one pass, and the
 * backward first turns the gradient of that output into the gradient before the activation, in
 * place, from the output alone ({@link Backend#activationBackwardFromOutput}), so no
 * pre-activation tensor is kept. The API's {@link Conv2dPlan} and {@link DensePlan} have the same
 * three passes but no common type, so the layer holds the plan's passes as method references,
 * bound once when it is built (nothing is allocated per step). The backward order and the skipped
 * input gradient of the first layer are the same for both.
 */
final class WeightedLayer extends PreparedLayer {
    /** {@code y = a(op(x, w) + b)}. */
    @FunctionalInterface
    interface Forward {
        void run(Tensor x, Tensor w, Tensor b, Tensor y);
    }

    /** {@code dx} from {@code dy} and {@code w}. */
    @FunctionalInterface
    interface BackwardData {
        void run(Tensor dy, Tensor w, Tensor dx);
    }

    /** {@code dw, db} from {@code x} and {@code dy}. */
    @FunctionalInterface
    interface BackwardWeights {
        void run(Tensor x, Tensor dy, Tensor dw, Tensor db);
    }

    private final Backend backend;
    private final Activation activation;
    private final Parameter weight;
    private final Parameter bias;
    private final Forward forward;
    private final BackwardData backwardData;
    private final BackwardWeights backwardWeights;
    private final Runnable closePlan;

    private WeightedLayer(String name, Backend backend, Activation activation, Tensor input, Parameter weight,
            Parameter bias, Tensor output, boolean needsInputGradient, Forward forward, BackwardData backwardData,
            BackwardWeights backwardWeights, Runnable closePlan) {
        super(name, input, output, needsInputGradient);
        this.backend = backend;
        this.activation = activation;
        this.weight = weight;
        this.bias = bias;
        this.forward = forward;
        this.backwardData = backwardData;
        this.backwardWeights = backwardWeights;
        this.closePlan = closePlan;
    }

    /** A 2-D convolution with bias (and the op's fused activation) on {@code input}, in the input's layout. */
    static WeightedLayer conv(String name, Backend backend, Conv2d op, Tensor input, Parameter weight, Parameter bias,
            boolean needsInputGradient) {
        Conv2dPlan plan = backend.plan(op, input.shape(), input.layout());
        return new WeightedLayer(name, backend, op.activation(), input, weight, bias,
                Tensor.allocate(plan.outputShape(), input.layout()), needsInputGradient, plan::forward,
                plan::backwardData, plan::backwardWeights, plan::close);
    }

    /** A fully connected layer with bias (and the op's fused activation) on {@code input = [batch, in]}. */
    static WeightedLayer dense(String name, Backend backend, Dense op, Tensor input, Parameter weight, Parameter bias,
            boolean needsInputGradient) {
        DensePlan plan = backend.plan(op, input.shape().dim(0));
        return new WeightedLayer(name, backend, op.activation(), input, weight, bias, Tensor.allocate(plan.outputShape()),
                needsInputGradient, plan::forward, plan::backwardData, plan::backwardWeights, plan::close);
    }

    @Override
    public void forward() {
        forward.run(input, weight.value(), bias.value(), output);
    }

    @Override
    public void backward(Tensor dy) {
        if (activation != null) {
            backend.activationBackwardFromOutput(activation, output, dy, dy);
        }
        backwardWeights.run(input, dy, weight.gradient(), bias.gradient());
        if (inputGradient != null) {
            backwardData.run(dy, weight.value(), inputGradient);
        }
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weight, bias);
    }

    @Override
    void closePlan() {
        closePlan.run();
    }
}
