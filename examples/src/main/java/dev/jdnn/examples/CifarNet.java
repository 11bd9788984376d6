package dev.jdnn.examples;

import dev.jdnn.Conv2d;
import dev.jdnn.Lrn;
import dev.jdnn.Pool2d;
import dev.jdnn.Shape;

import static dev.jdnn.Activation.RELU;

/**
 * The seed's CIFAR-10 model, sized for 28x28 grey images: conv 1→64 5x5 SAME with ReLU; max-pool
 * 3/2 SAME (28→14; TensorFlow pads one row and column after the image); LRN; conv 64→64 5x5 SAME
 * with ReLU; LRN; max-pool 2/2 (14→7); dense 3136→256 with ReLU; dense 256→10 (softmax
 * cross-entropy is the loss). The LRN is the seed's {@code tf.nn.lrn(x, 4, bias=1.0,
 * alpha=0.001/9, beta=0.75)}, {@link Lrn#tensorflow}: a window of 9 channels, PyTorch's
 * {@code LocalResponseNorm(9, alpha=0.001, beta=0.75, k=1)}. The seed puts L2 weight decay only on
 * its hidden dense layers ({@code 0.004 * l2_loss(w)}, whose gradient is {@code 0.004 * w}): here
 * the dense 256's weights, decayed by 0.004 unless {@code --weight-decay} sets one decay for
 * every parameter. Adam, the trainer's default optimiser, trains it.
 * 909,770 parameters, weights drawn as the options say, biases zero; 22 million multiply-adds per
 * image, 91% of them in the second convolution. Convolutions and the hidden dense layer run with
 * their ReLU fused.
 */
public final class CifarNet {
    /** The name {@code --model} takes. */
    public static final String NAME = "cifarnet";
    /** The seed's L2 weight decay of its hidden dense layers. */
    public static final float DENSE_WEIGHT_DECAY = 0.004f;
    /** The seed's {@code tf.nn.lrn(x, 4, bias=1.0, alpha=0.001/9, beta=0.75)}. */
    public static final Lrn LRN = Lrn.tensorflow(4, 1.0, 0.001 / 9, 0.75);

    private CifarNet() {
    }

    /** A freshly initialised model with the default options; the same seed gives the same weights. */
    public static Model create(long seed) {
        return create(ModelOptions.defaults(seed));
    }

    /** A freshly initialised model built as {@code options} say. */
    public static Model create(ModelOptions options) {
        return new ModelBuilder(options)
                .conv("conv1", Conv2d.of(1, 64, 5).padding(2), RELU).maxPoolSame("pool1", 3, 2).lrn("norm1", LRN)
                .conv("conv2", Conv2d.of(64, 64, 5).padding(2), RELU).lrn("norm2", LRN)
                .maxPool("pool2", Pool2d.max(2, 2))
                .flatten()
                .dense("fc1", 64 * 7 * 7, 256, RELU, DENSE_WEIGHT_DECAY)
                .dense("fc2", 256, 10, null)
                .build("CifarNet", Shape.of(1, 28, 28));
    }
}
