package dev.jdnn.examples;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.Tensor;

/**
 * An element-wise activation in place on its input (the previous layer's output, which no
 * backward pass reads when this layer follows batch normalisation): the forward overwrites
 * {@code x} with {@code a(x)}, the backward overwrites the incoming gradient with the gradient
 * before the activation, computed from the output ({@link Backend#activationBackwardFromOutput}),
 * and hands that same tensor on. Used where an activation cannot be fused into the layer before
 * it.
 */
final class ActivationLayer implements Layer {
    private final String name;
    private final Backend backend;
    private final Activation activation;
    private final Tensor data;
    private Tensor inputGradient;

    ActivationLayer(String name, Backend backend, Activation activation, Tensor input) {
        this.name = name;
        this.backend = backend;
        this.activation = activation;
        this.data = input;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Tensor output() {
        return data;
    }

    @Override
    public void forward() {
        backend.activation(activation, data, data);
    }

    @Override
    public void backward(Tensor dy) {
        backend.activationBackwardFromOutput(activation, data, dy, dy);
        inputGradient = dy;
    }

    @Override
    public Tensor inputGradient() {
        return inputGradient;
    }

    @Override
    public void close() {
        // owns nothing: its output is its input, its gradient the next layer's
    }
}
