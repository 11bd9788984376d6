package dev.jdnn.examples;

import dev.jdnn.Conv2d;
import dev.jdnn.Pool2d;
import dev.jdnn.Shape;

import static dev.jdnn.Activation.RELU;

/**
 * LeNet-5 for 28x28 grey images, as PyTorch's tutorials write it: conv 1→6 5x5 pad 2, ReLU,
 * max-pool 2; conv 6→16 5x5, ReLU, max-pool 2; dense 400→120, ReLU; 120→84, ReLU; 84→10
 * (softmax cross-entropy is the loss, applied by {@link Network}). 61,706 parameters, weights
 * drawn as the options say (He by default), biases zero. Every ReLU is fused into the
 * convolution or dense layer before it.
 */
public final class LeNet5 {
    /** The name {@code --model} takes. */
    public static final String NAME = "lenet5";

    private LeNet5() {
    }

    /** A freshly initialised LeNet-5 with the default options; the same seed gives the same weights. */
    public static Model create(long seed) {
        return create(ModelOptions.defaults(seed));
    }

    /** A freshly initialised LeNet-5 built as {@code options} say. */
    public static Model create(ModelOptions options) {
        return new ModelBuilder(options)
                .conv("conv1", Conv2d.of(1, 6, 5).padding(2), RELU).maxPool("pool1", Pool2d.max(2, 2))
                .conv("conv2", Conv2d.of(6, 16, 5), RELU).maxPool("pool2", Pool2d.max(2, 2))
                .flatten()
                .dense("fc1", 400, 120, RELU)
                .dense("fc2", 120, 84, RELU)
                .dense("fc3", 84, 10, null)
                .build("LeNet-5", Shape.of(1, 28, 28));
    }
}
