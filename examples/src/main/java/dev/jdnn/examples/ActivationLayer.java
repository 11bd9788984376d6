package dev.jdnn.examples;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.Tensor;

/** An element-wise activation into a tensor of its own; its backward reads the input. */
final class ActivationLayer extends PreparedLayer {
    private final Backend backend;
    private final Activation activation;

    ActivationLayer(String name, Backend backend, Activation activation, Tensor input) {
        super(name, input, Tensor.allocate(input.shape()), true);
        this.backend = backend;
        this.activation = activation;
    }

    @Override
    public void forward() {
        backend.activation(activation, input, output);
    }

    @Override
    public void backward(Tensor dy) {
        backend.activationBackward(activation, input, dy, inputGradient);
    }
}
