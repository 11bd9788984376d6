package dev.jdnn;

/**
 * A fully connected layer {@code y = x · Wᵀ + b} over input {@code [batch, inFeatures]}, with
 * weights {@code [outFeatures, inFeatures]} and bias {@code [outFeatures]}.
 *
 * @param inFeatures input features, {@code >= 1}
 * @param outFeatures output features, {@code >= 1}
 * @param bias whether a bias is added
 * @param activation applied to {@code x · Wᵀ + b} in the same pass, or {@code null} for none; a plan
 *     of such an op takes {@code dy} with respect to the pre-activation output in its backward passes
 *     (see {@link Backend#activationBackwardFromOutput})
 */
public record Dense(int inFeatures, int outFeatures, boolean bias, Activation activation) {
    /** Validates both sizes. */
    public Dense {
        Arguments.positive("Dense", "inFeatures", inFeatures);
        Arguments.positive("Dense", "outFeatures", outFeatures);
    }

    /** The layer without a fused activation; the constructor every op had before activations were fused. */
    public Dense(int inFeatures, int outFeatures, boolean bias) {
        this(inFeatures, outFeatures, bias, null);
    }

    /**
     * The same layer with activation {@code a} fused into its forward pass ({@code null}: none):
     * {@code y = a(x · Wᵀ + b)}.
     */
    public Dense activation(Activation a) {
        return new Dense(inFeatures, outFeatures, bias, a);
    }

    /** A layer with bias. */
    public static Dense of(int inFeatures, int outFeatures) {
        return new Dense(inFeatures, outFeatures, true);
    }

    /** The input shape {@code [batch, inFeatures]}. */
    public Shape inputShape(int batch) {
        return Shape.of(Arguments.positive("Dense", "batch", batch), inFeatures);
    }

    /** The output shape {@code [batch, outFeatures]}. */
    public Shape outputShape(int batch) {
        return Shape.of(Arguments.positive("Dense", "batch", batch), outFeatures);
    }

    /** The weight shape {@code [outFeatures, inFeatures]}. */
    public Shape weightShape() {
        return Shape.of(outFeatures, inFeatures);
    }

    /** The bias shape {@code [outFeatures]} (used only when {@link #bias()} is true). */
    public Shape biasShape() {
        return Shape.of(outFeatures);
    }
}
