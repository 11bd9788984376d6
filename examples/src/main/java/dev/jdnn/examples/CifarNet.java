package dev.jdnn.examples;

import dev.jdnn.Conv2d;
import dev.jdnn.Pool2d;
import dev.jdnn.Shape;

import static dev.jdnn.Activation.RELU;

/**
 * The "CIFAR-style" model of the hot-core shapes (cifar_c1, cifar_c2, pool_cifar), sized for
 * 28x28 grey images: conv 1→64 5x5 pad 2, ReLU, max-pool 3/2 (28→13); conv 64→64 5x5 pad 2, ReLU,
 * max-pool 2/2 (13→6); dense 2304→256, ReLU; 256→10 (softmax cross-entropy is the loss).
 * 696,778 parameters, weights drawn as the options say, biases zero. 19.2 million
 * multiply-adds per image, 46 times {@link LeNet5}'s, 90% of them in the second convolution.
 */
public final class CifarNet {
    /** The name {@code --model} takes. */
    public static final String NAME = "cifarnet";

    private CifarNet() {
    }

    /** A freshly initialised model with the default options; the same seed gives the same weights. */
    public static Model create(long seed) {
        return create(ModelOptions.defaults(seed));
    }

    /** A freshly initialised model built as {@code options} say. */
    public static Model create(ModelOptions options) {
        return new ModelBuilder(options)
                .conv("conv1", Conv2d.of(1, 64, 5).padding(2), RELU).maxPool("pool1", Pool2d.max(3, 2))
                .conv("conv2", Conv2d.of(64, 64, 5).padding(2), RELU).maxPool("pool2", Pool2d.max(2, 2))
                .flatten()
                .dense("fc1", 64 * 6 * 6, 256, RELU)
                .dense("fc2", 256, 10, null)
                .build("CifarNet", Shape.of(1, 28, 28));
    }
}
