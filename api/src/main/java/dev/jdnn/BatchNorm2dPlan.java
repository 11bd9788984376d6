package dev.jdnn;

/**
 * A {@link BatchNorm2d} prepared for one input shape and layout. {@code x}, {@code y}, {@code dy}
 * and {@code dx} have {@link #inputShape()} and the plan's {@link #layout()}; {@code gamma},
 * {@code beta}, {@code mean}, {@code variance}, {@code dGamma} and {@code dBeta} are
 * {@code [c]}. Outputs are overwritten and share no memory with inputs. Running a plan allocates
 * nothing; one thread at a time.
 */
public interface BatchNorm2dPlan extends AutoCloseable {
    /** The op this plan computes. */
    BatchNorm2d op();

    /** {@code [n, c, h, w]}, also the output's shape. */
    Shape inputShape();

    /** The layout of every activation tensor of this plan. */
    Layout layout();

    /**
     * Normalises with the statistics of this batch: writes the per-channel {@code mean} and the
     * biased {@code variance} (over {@code n, h, w}) it normalised with, and
     * {@code y = gamma * (x - mean) / sqrt(variance + epsilon) + beta}. The variance is computed
     * so that a large mean does not swamp it (no raw sum of squares).
     */
    void forwardTraining(Tensor x, Tensor gamma, Tensor beta, Tensor y, Tensor mean, Tensor variance);

    /** {@code y = gamma * (x - mean) / sqrt(variance + epsilon) + beta} with the given statistics. */
    void forwardInference(Tensor x, Tensor gamma, Tensor beta, Tensor mean, Tensor variance, Tensor y);

    /**
     * The training-mode gradient, given the forward input and the {@code mean} and {@code variance}
     * {@link #forwardTraining} produced: with {@code xhat = (x - mean) / sqrt(variance + epsilon)}
     * and {@code m = n * h * w}, {@code dBeta = Σ dy}, {@code dGamma = Σ dy * xhat},
     * {@code dx = gamma / sqrt(variance + epsilon) * (dy - dBeta / m - xhat * dGamma / m)}.
     */
    void backward(Tensor x, Tensor dy, Tensor gamma, Tensor mean, Tensor variance, Tensor dx, Tensor dGamma,
                  Tensor dBeta);

    /** Releases the plan's scratch memory and native primitives. */
    @Override
    void close();
}
