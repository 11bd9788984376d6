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
 * @param alpha the scale of the sum of squares (divided by {@code size}); finite
 * @param beta the exponent; finite
 * @param k the additive constant; finite, and {@code k > 0} when {@code alpha >= 0} so that the base
 *     is never 0 (with {@code alpha < 0} the caller keeps the base positive)
 */
public record Lrn(int size, double alpha, double beta, double k) {
    /** Validates every component. */
    public Lrn {
        Arguments.positive("Lrn", "size", size);
        finite("alpha", alpha);
        finite("beta", beta);
        finite("k", k);
        if (alpha >= 0 && !(k > 0)) {
            throw new IllegalArgumentException("Lrn: k: expected a value > 0 (with alpha=" + alpha
                    + " the base k + alpha/size * sum could be 0), got " + k);
        }
    }

    private static void finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Lrn: " + name + ": expected a finite value, got " + value);
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
        int size = 2 * depthRadius + 1;
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
