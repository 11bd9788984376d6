package dev.jdnn;

/**
 * A set of CNN kernels. Obtain one from {@link Backends}; every call made through it is
 * validated before any kernel runs, and a rejected call writes nothing.
 *
 * <p>Convolution, pooling and dense layers are used through plans: a plan is prepared once for
 * one op and one input shape (that is where a backend creates native primitives and scratch
 * buffers) and then run many times without allocating. Outputs are always overwritten, never
 * accumulated into, and must not share memory with any input.
 *
 * <p>A backend is thread-safe; a plan is used by one thread at a time: a call that enters a plan
 * while another thread runs it, or a {@code close()} of a plan meanwhile, throws
 * {@link IllegalStateException} and leaves the plan as it was. Closing a backend releases its
 * threads and native resources; plans should be closed first.
 *
 * <p>NaN and infinities follow IEEE arithmetic over the real terms of each op, the same in every
 * backend: a convolution or dense layer with a NaN or {@code ±Inf} input, weight or bias gives
 * what plain float arithmetic over its real (non-padded) terms gives; padded cells take no part
 * in any op (never {@code 0 · Inf}). Pooling: see {@link Pool2dPlan}; activations: see
 * {@link Activation}.
 */
public interface Backend extends AutoCloseable {

    /** The backend's name, e.g. {@code naive}, {@code vector} or {@code onednn}. */
    String name();

    /** Prepares {@code op} for input {@code [n, op.inChannels(), h, w]}. */
    Conv2dPlan plan(Conv2d op, Shape input);

    /** Prepares {@code op} for input {@code [n, c, h, w]}. */
    Pool2dPlan plan(Pool2d op, Shape input);

    /** Prepares {@code op} for input {@code [batch, op.inFeatures()]}. */
    DensePlan plan(Dense op, int batch);

    /**
     * Prepares {@code op} for input {@code [batch, op.inFeatures()]} given as a shape, like the
     * convolution and pooling plans take theirs; the same as {@code plan(op, input.dim(0))}.
     *
     * @throws IllegalArgumentException when {@code op} or {@code input} is null, or {@code input} is
     *     not {@code [batch, op.inFeatures()]}
     */
    default DensePlan plan(Dense op, Shape input) {
        String where = "dense plan";
        Arguments.notNull(where, "op", op, "a Dense");
        Arguments.notNull(where, "input", input, "a shape [batch, " + op.inFeatures() + "]");
        if (input.rank() != 2 || input.dim(1) != op.inFeatures()) {
            throw new IllegalArgumentException(where + ": input: expected a shape [batch, " + op.inFeatures()
                    + "] (rank 2, inFeatures " + op.inFeatures() + "), got " + input);
        }
        return plan(op, input.dim(0));
    }

    /** {@code y = a(x)} element-wise; {@code x} and {@code y} have the same shape, any rank. */
    void activation(Activation a, Tensor x, Tensor y);

    /**
     * {@code dx = a'(x) * dy} element-wise, where {@code x} is the forward input; all three
     * tensors have the same shape.
     */
    void activationBackward(Activation a, Tensor x, Tensor dy, Tensor dx);

    /** Softmax over the last axis; {@code probabilities} has the shape of {@code logits}. */
    void softmax(Tensor logits, Tensor probabilities);

    /**
     * Gradient of softmax: {@code dLogits = p * (dy - sum(dy * p))} per row of the last axis,
     * where {@code p} is the forward output.
     */
    void softmaxBackward(Tensor probabilities, Tensor dy, Tensor dLogits);

    /** {@code log(softmax(logits))} over the last axis, computed without overflow. */
    void logSoftmax(Tensor logits, Tensor logProbabilities);

    /**
     * Gradient of log-softmax: {@code dLogits = dy - exp(logp) * sum(dy)} per row of the last
     * axis, where {@code logp} is the forward output.
     */
    void logSoftmaxBackward(Tensor logProbabilities, Tensor dy, Tensor dLogits);

    /**
     * Mean cross-entropy of {@code softmax(logits)} against integer class labels.
     *
     * @param logits {@code [batch, classes]}
     * @param labels {@code batch} labels, each in {@code [0, classes)}
     * @param dLogits {@code [batch, classes]} receives {@code (softmax(logits) - onehot) / batch},
     *     the gradient of the returned mean loss; may be {@code null}
     * @return the mean over the batch of {@code -log softmax(logits)[label]}
     */
    float softmaxCrossEntropy(Tensor logits, int[] labels, Tensor dLogits);

    /** Releases the backend's threads and native resources. */
    @Override
    void close();
}
