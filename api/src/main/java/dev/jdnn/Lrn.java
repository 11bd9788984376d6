package dev.jdnn;

/**
 * Local response normalisation across channels, as PyTorch's {@code LocalResponseNorm} and
 * oneDNN's {@code lrn_across_channels} define it:
 * {@code y[c] = x[c] / (k + alpha / size * Σ x[c']²)^beta} over
 * {@code c' ∈ [c - ⌊size/2⌋, c + ⌊(size-1)/2⌋]}, channels outside the tensor counting as 0
 * (so an even size leans one channel towards lower indices, and a window may be wider than the
 * tensor has channels). For TensorFlow's {@code tf.nn.lrn} parameters use {@link #tensorflow}.
 *
 * @param size the window's channel count, {@code >= 1}
 * @param alpha the scale of the sum of squares (divided by {@code size}); finite and {@code >= 0}
 * @param beta the exponent; finite
 * @param k the additive constant; finite and {@code > 0}, so that the base
 *     {@code k + alpha/size * Σ x²} is always positive
 */
public record Lrn(int size, double alpha, double beta, double k) {
    /** Validates every component. */
    public Lrn {
        Arguments.positive("Lrn", "size", size);
        nonNegative("Lrn", "alpha", alpha);
        finite("Lrn", "beta", beta);
        positive("Lrn", "k", k);
    }

    private static void finite(String op, String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(op + ": " + name + ": expected a finite value, got " + value);
        }
    }

    private static void nonNegative(String op, String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(op + ": " + name + ": expected a finite value >= 0, got " + value);
        }
    }

    private static void positive(String op, String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(op + ": " + name + ": expected a finite value > 0 (the base of the power"
                    + " must stay positive), got " + value);
        }
    }

    /**
     * The op {@code tf.nn.lrn(x, depth_radius, bias, alpha, beta)} computes over the channel axis:
     * {@code x / (bias + alpha * Σ x²)^beta} over {@code depthRadius} channels on either side, i.e.
     * {@code new Lrn(2r + 1, alpha * (2r + 1), beta, bias)} (TensorFlow does not divide alpha by
     * the window size).
     *
     * @param depthRadius the half width {@code r}, {@code >= 0}
     */
    public static Lrn tensorflow(int depthRadius, double bias, double alpha, double beta) {
        if (depthRadius < 0 || depthRadius > (Integer.MAX_VALUE - 1) / 2) {
            throw new IllegalArgumentException("Lrn.tensorflow: depthRadius: expected 0.." + (Integer.MAX_VALUE - 1) / 2
                    + ", got " + depthRadius);
        }
        String op = "Lrn.tensorflow";
        positive(op, "bias", bias);
        nonNegative(op, "alpha", alpha);
        finite(op, "beta", beta);
        int size = 2 * depthRadius + 1;
        if (Double.isInfinite(alpha * size)) {
            throw new IllegalArgumentException(op + ": alpha: expected alpha * (2 * depthRadius + 1) to be finite, got "
                    + alpha + " * " + size);
        }
        return new Lrn(size, alpha * size, beta, bias);
    }

    /** The lowest channel offset of the window: {@code -⌊size/2⌋}. */
    public int windowStart() {
        return -(size / 2);
    }

    /** The highest channel offset of the window: {@code ⌊(size-1)/2⌋}. */
    public int windowEnd() {
        return (size - 1) / 2;
    }
}
