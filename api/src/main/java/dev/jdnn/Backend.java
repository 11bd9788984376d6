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

    /** Prepares {@code op} for input {@code [n, op.inChannels(), h, w]} in {@link Layout#NCHW}. */
    default Conv2dPlan plan(Conv2d op, Shape input) {
        return plan(op, input, Layout.NCHW);
    }

    /**
     * Prepares {@code op} for input {@code [n, op.inChannels(), h, w]} whose activations
     * ({@code x}, {@code y}, {@code dx}, {@code dy}) are all in {@code layout}.
     */
    Conv2dPlan plan(Conv2d op, Shape input, Layout layout);

    /** Prepares {@code op} for input {@code [n, c, h, w]} in {@link Layout#NCHW}. */
    default Pool2dPlan plan(Pool2d op, Shape input) {
        return plan(op, input, Layout.NCHW);
    }

    /** Prepares {@code op} for input {@code [n, c, h, w]} whose activations are all in {@code layout}. */
    Pool2dPlan plan(Pool2d op, Shape input, Layout layout);

    /** Prepares {@code op} for input {@code [n, op.channels(), h, w]} in {@link Layout#NCHW}. */
    default BatchNorm2dPlan plan(BatchNorm2d op, Shape input) {
        return plan(op, input, Layout.NCHW);
    }

    /** Prepares {@code op} for input {@code [n, op.channels(), h, w]} whose activations are in {@code layout}. */
    BatchNorm2dPlan plan(BatchNorm2d op, Shape input, Layout layout);

    /** Prepares {@code op} for input {@code [n, c, h, w]} in {@link Layout#NCHW}. */
    default LrnPlan plan(Lrn op, Shape input) {
        return plan(op, input, Layout.NCHW);
    }

    /** Prepares {@code op} for input {@code [n, c, h, w]} whose activations are in {@code layout}. */
    LrnPlan plan(Lrn op, Shape input, Layout layout);

    /**
     * Copies {@code src} into {@code dst}, a tensor of the same logical shape, converting the
     * memory order when their layouts differ (a plain copy when they agree). {@code dst} shares no
     * memory with {@code src}.
     */
    void reorder(Tensor src, Tensor dst);

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

    /**
     * {@code y = a(x)} element-wise; {@code x} and {@code y} have the same shape and layout, any
     * rank. {@code y} may be the very same tensor as {@code x} (in place).
     */
    void activation(Activation a, Tensor x, Tensor y);

    /**
     * {@code dx = a'(x) * dy} element-wise, where {@code x} is the forward input; all three
     * tensors have the same shape and layout. {@code dx} may be the very same tensor as {@code dy}
     * (in place).
     */
    void activationBackward(Activation a, Tensor x, Tensor dy, Tensor dx);

    /**
     * {@code dx = a'(x) * dy} element-wise with the derivative computed from the forward OUTPUT
     * {@code y = a(x)}, as a plan with a fused activation needs: ReLU {@code y > 0 ? dy : 0}
     * (NaN {@code y} gives 0), sigmoid {@code dy * y * (1 - y)}, tanh {@code dy * (1 - y * y)}. All
     * three tensors have the same shape and layout; {@code dx} may be the very same tensor as
     * {@code dy} (in place).
     */
    void activationBackwardFromOutput(Activation a, Tensor y, Tensor dy, Tensor dx);

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

    /**
     * Inverted dropout over a tensor of any shape: {@code mask[i] = 1/(1-p)} when element
     * {@code i} (its index in memory order) is kept, else 0, and {@code y[i] = x[i] * mask[i]}
     * (float product). Element {@code i} is kept iff {@code u(seed, i) >= p}, where
     * {@code u = (mix64(seed + (i+1) * 0x9E3779B97F4A7C15L) >>> 40) * 2^-24} and {@code mix64} is
     * SplitMix64's finaliser; every backend draws the same mask, bit for bit.
     *
     * @param p the probability of dropping an element, {@code 0 <= p < 1}
     * @param seed the mask's seed; the same seed and shape give the same mask
     * @param x the input, any shape
     * @param y the output, the shape of {@code x}; may be the very same tensor as {@code x} (in place)
     * @param mask receives the mask, the shape of {@code x}; shares no memory with {@code x} or {@code y}
     */
    void dropout(double p, long seed, Tensor x, Tensor y, Tensor mask);

    /**
     * Gradient of {@link #dropout}: {@code dx[i] = dy[i] * mask[i]}; all three tensors have one
     * shape, and {@code dx} shares no memory with {@code mask} or {@code dy}.
     */
    void dropoutBackward(Tensor mask, Tensor dy, Tensor dx);

    /**
     * Element-wise sum {@code y = a + b} of two tensors of one shape (residual connections; the
     * backward is the identity). {@code y} may be the very same tensor as {@code a} or {@code b}
     * (in place); any other overlap of {@code y} with an input is rejected.
     */
    void add(Tensor a, Tensor b, Tensor y);

    /**
     * One step of {@code torch.optim.SGD} (no dampening, no Nesterov), in place on {@code w} and
     * {@code velocity}: {@code g' = g + weightDecay * w; v = momentum * v + g'; w -= lr * v}.
     * All tensors have the shape of {@code w}; {@code g} is not modified.
     *
     * @param w the weights, any shape; updated
     * @param g the gradient
     * @param velocity the momentum buffer (zero before the first step); updated. May be
     *     {@code null} when {@code momentum} is 0, then {@code w -= lr * g'}
     * @param lr the learning rate, finite and {@code >= 0}
     * @param momentum finite and {@code >= 0}
     * @param weightDecay the L2 coefficient, finite and {@code >= 0}
     */
    void sgdUpdate(Tensor w, Tensor g, Tensor velocity, float lr, float momentum, float weightDecay);

    /**
     * One step of {@code torch.optim.Adagrad} (no learning-rate decay), in place on {@code w} and
     * {@code sumSquares}: {@code g' = g + weightDecay * w; s += g'^2; w -= lr * g' / (sqrt(s) + eps)}.
     * All tensors have the shape of {@code w}; {@code g} is not modified.
     *
     * @param sumSquares the running sum of squared gradients (zero, or PyTorch's
     *     {@code initial_accumulator_value}, before the first step); updated
     * @param lr finite and {@code >= 0}
     * @param weightDecay finite and {@code >= 0}
     * @param eps finite and {@code >= 0}
     */
    void adaGradUpdate(Tensor w, Tensor g, Tensor sumSquares, float lr, float weightDecay, float eps);

    /**
     * One step of {@code torch.optim.Adam} (L2 weight decay added to the gradient, not AdamW), in
     * place on {@code w}, {@code m} and {@code v}: {@code g' = g + weightDecay * w;
     * m = beta1 * m + (1 - beta1) * g'; v = beta2 * v + (1 - beta2) * g'^2;
     * w -= lr / (1 - beta1^step) * m / (sqrt(v) / sqrt(1 - beta2^step) + eps)}. All tensors have
     * the shape of {@code w}; {@code g} is not modified.
     *
     * @param m the first-moment estimate (zero before step 1); updated
     * @param v the second-moment estimate (zero before step 1); updated
     * @param step the number of this step, counted from 1
     * @param lr finite and {@code >= 0}
     * @param beta1 in {@code [0, 1)}
     * @param beta2 in {@code [0, 1)}
     * @param eps finite and {@code >= 0}
     * @param weightDecay finite and {@code >= 0}
     */
    void adamUpdate(Tensor w, Tensor g, Tensor m, Tensor v, int step, float lr, float beta1, float beta2, float eps,
                    float weightDecay);

    /** Releases the backend's threads and native resources. */
    @Override
    void close();
}
