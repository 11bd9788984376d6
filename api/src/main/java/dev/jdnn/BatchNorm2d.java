package dev.jdnn;

/**
 * Batch normalisation over a rank-4 activation {@code [n, c, h, w]}, per channel:
 * {@code y = gamma * (x - mean) / sqrt(variance + epsilon) + beta}, with the mean and the biased
 * variance taken over {@code n, h, w} of the batch when training, or given when inferring.
 *
 * <p>Running averages are the caller's: PyTorch's {@code BatchNorm2d} keeps
 * {@code running = (1 - momentum) * running + momentum * batch} with momentum 0.1 and the
 * UNBIASED variance ({@code variance * m / (m - 1)}, {@code m = n * h * w}) in its running
 * variance, while it normalises the batch itself with the biased one that
 * {@link BatchNorm2dPlan#forwardTraining} returns.
 *
 * <p>With one value per channel ({@code n * h * w == 1}) the batch variance is 0 and training
 * gives {@code y = beta} and {@code dx = 0}; PyTorch refuses to train on such a batch, and the
 * unbiased running variance needs {@code m >= 2}.
 *
 * @param channels the channel count {@code c}, {@code >= 1}
 * @param epsilon added to the variance before the square root; finite and at least
 *     {@link Float#MIN_NORMAL} (backends compute in float: a smaller epsilon would vanish and a
 *     constant channel would divide by zero)
 */
public record BatchNorm2d(int channels, double epsilon) {
    /** PyTorch's and oneDNN's default epsilon. */
    public static final double DEFAULT_EPSILON = 1e-5;

    /** Validates both components. */
    public BatchNorm2d {
        Arguments.positive("BatchNorm2d", "channels", channels);
        if (!(epsilon >= Float.MIN_NORMAL) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("BatchNorm2d: epsilon: expected a finite value >= " + Float.MIN_NORMAL
                    + " (a positive normal float), got " + epsilon);
        }
    }

    /** Batch normalisation of {@code channels} channels with epsilon {@value #DEFAULT_EPSILON}. */
    public static BatchNorm2d of(int channels) {
        return new BatchNorm2d(channels, DEFAULT_EPSILON);
    }

    /** The shape of gamma, beta, the mean and the variance: {@code [channels]}. */
    public Shape parameterShape() {
        return Shape.of(channels);
    }

    /**
     * Checks that {@code input} is {@code [n, channels, h, w]}.
     *
     * @throws IllegalArgumentException naming the expected and the given shape otherwise
     */
    void checkInput(String op, Shape input) {
        Arguments.requireNonNull(input, op + ": input: expected a shape [n, " + channels + ", h, w], got null");
        if (input.rank() != 4 || input.dim(1) != channels) {
            throw new IllegalArgumentException(op + ": input: expected a shape [n, " + channels + ", h, w] (rank 4, "
                    + channels + " channels), got " + input);
        }
    }
}
