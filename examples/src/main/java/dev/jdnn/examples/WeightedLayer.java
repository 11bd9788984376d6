package dev.jdnn.examples;

import dev.jdnn.Tensor;

import java.util.List;

/**
 * A layer with weights and a bias run through one prepared plan (convolution or dense): the
 * backward order and the skipped input gradient of the first layer are the same for both;
 * subclasses only say which plan methods to call.
 */
abstract class WeightedLayer extends PreparedLayer {
    protected final Parameter weight;
    protected final Parameter bias;

    WeightedLayer(String name, Tensor input, Parameter weight, Parameter bias, Tensor output,
            boolean needsInputGradient) {
        super(name, input, output, needsInputGradient);
        this.weight = weight;
        this.bias = bias;
    }

    /** {@code dw, db} from the input and {@code dy}. */
    abstract void backwardWeights(Tensor dy);

    /** {@code dx} into {@link #inputGradient} from {@code dy}. */
    abstract void backwardData(Tensor dy);

    @Override
    public final void backward(Tensor dy) {
        backwardWeights(dy);
        if (inputGradient != null) {
            backwardData(dy);
        }
    }

    @Override
    public final List<Parameter> parameters() {
        return List.of(weight, bias);
    }
}
