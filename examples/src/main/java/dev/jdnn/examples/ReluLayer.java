package dev.jdnn.examples;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.Tensor;

/** ReLU into a tensor of its own (the API refuses an output that aliases its input). */
final class ReluLayer extends PreparedLayer {
    private final Backend backend;

    ReluLayer(String name, Backend backend, Tensor input) {
        super(name, input, Tensor.allocate(input.shape()), true);
        this.backend = backend;
    }

    @Override
    public void forward() {
        backend.activation(Activation.RELU, input, output);
    }

    @Override
    public void backward(Tensor dy) {
        backend.activationBackward(Activation.RELU, input, dy, inputGradient);
    }
}
