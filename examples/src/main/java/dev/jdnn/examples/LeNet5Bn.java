package dev.jdnn.examples;

import dev.jdnn.Conv2d;
import dev.jdnn.Pool2d;
import dev.jdnn.Shape;

import static dev.jdnn.Activation.RELU;

/**
 * {@link LeNet5} with batch normalisation after each convolution: conv 1→6 5x5 pad 2, batch norm,
 * ReLU, max-pool 2; conv 6→16 5x5, batch norm, ReLU, max-pool 2; dense 400→120 with ReLU; 120→84
 * with ReLU; 84→10. Batch norm uses the batch's statistics in training and the running averages
 * (kept by {@link RunningStatistics} as PyTorch keeps them) for the test accuracy. The ReLU after
 * batch norm runs in place (it cannot be fused into the convolution with the normalisation
 * between). 61,750 parameters: LeNet-5's and a scale and shift per normalised channel.
 */
public final class LeNet5Bn {
    /** The name {@code --model} takes. */
    public static final String NAME = "lenet-bn";

    private LeNet5Bn() {
    }

    /** A freshly initialised model built as {@code options} say. */
    public static Model create(ModelOptions options) {
        return new ModelBuilder(options)
                .conv("conv1", Conv2d.of(1, 6, 5).padding(2), null).batchNorm("bn1", 6)
                .activation("bn1.relu", RELU).maxPool("pool1", Pool2d.max(2, 2))
                .conv("conv2", Conv2d.of(6, 16, 5), null).batchNorm("bn2", 16)
                .activation("bn2.relu", RELU).maxPool("pool2", Pool2d.max(2, 2))
                .flatten()
                .dense("fc1", 400, 120, RELU)
                .dense("fc2", 120, 84, RELU)
                .dense("fc3", 84, 10, null)
                .build("LeNet-5 with batch norm", Shape.of(1, 28, 28));
    }
}
