package dev.jdnn;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link Backend} that {@link Backends} hands out: checks every argument, then delegates to
 * the provider's engine, which trusts what it receives.
 *
 * <p>It counts the calls that are inside the engine right now (plan runs, plan making, the
 * backend's own ops), and {@link #close()} succeeds only when that count is zero, in the same
 * compare-and-set that marks it closed. Closing an engine under a running call frees what the call
 * uses: {@code vector}'s worker threads stop, so a call that had passed the open check waits for
 * them forever, and {@code onednn}'s cached primitives would be destroyed while they execute.
 */
final class ValidatingBackend implements Backend {
    /** The value of {@link #calls} once closed. */
    private static final int CLOSED = -1;

    private final Backend engine;
    /** Calls inside the engine now, or {@link #CLOSED}. */
    private final AtomicInteger calls = new AtomicInteger();
    /** Built once: the check runs on every call and must not allocate. */
    private final String description;

    ValidatingBackend(Backend engine) {
        this.engine = Objects.requireNonNull(engine);
        this.description = "backend " + engine.name();
    }

    @Override
    public String name() {
        return engine.name();
    }

    /** Throws {@link IllegalStateException} naming {@code op} once this backend is closed. */
    void checkOpen(String op) {
        Arguments.open(op, calls.get() == CLOSED, description);
    }

    /**
     * Counts one call into the engine, or throws {@link IllegalStateException} naming {@code op}
     * when the backend is closed; every successful {@code enterCall} is paired with an
     * {@link #exitCall()} in a {@code finally}.
     */
    void enterCall(String op) {
        while (true) {
            int running = calls.get();
            if (running == CLOSED) {
                Arguments.open(op, true, description);
            }
            if (calls.compareAndSet(running, running + 1)) {
                return;
            }
        }
    }

    /** Ends the call {@link #enterCall} counted. */
    void exitCall() {
        calls.decrementAndGet();
    }

    /**
     * Pins the call's tensors (nulls skipped) and counts the call into the engine; on failure
     * nothing stays pinned or counted. Paired with {@link #endCall} in a {@code finally}.
     */
    private void beginCall(String op, Tensor a, Tensor b, Tensor c, Tensor d) {
        Arguments.pin(op, a, b, c, d);
        try {
            enterCall(op);
        } catch (RuntimeException e) {
            Arguments.unpin(a, b, c, d);
            throw e;
        }
    }

    /** Ends a {@link #beginCall}. */
    private void endCall(Tensor a, Tensor b, Tensor c, Tensor d) {
        exitCall();
        Arguments.unpin(a, b, c, d);
    }

    @Override
    public Conv2dPlan plan(Conv2d op, Shape input) {
        return plan(op, input, Layout.NCHW);
    }

    @Override
    public Conv2dPlan plan(Conv2d op, Shape input, Layout layout) {
        String where = "conv2d plan";
        checkOpen(where);
        Arguments.notNull(where, "op", op, "a Conv2d");
        Arguments.notNull(where, "input", input, "a shape [n, " + op.inChannels() + ", h, w]");
        Arguments.notNull(where, "layout", layout, "a Layout (NCHW or NHWC)");
        Shape output = op.outputShape(input);
        Arguments.indexable(where, "input", input);
        Arguments.indexable(where, "output", output);
        Arguments.indexable(where, "weights", op.weightShape());
        enterCall(where);
        try {
            return new ValidatingConv2dPlan(this, engine.plan(op, input, layout), op, input, output, layout);
        } finally {
            exitCall();
        }
    }

    @Override
    public Pool2dPlan plan(Pool2d op, Shape input) {
        return plan(op, input, Layout.NCHW);
    }

    @Override
    public Pool2dPlan plan(Pool2d op, Shape input, Layout layout) {
        String where = "pool2d plan";
        checkOpen(where);
        Arguments.notNull(where, "op", op, "a Pool2d");
        Arguments.notNull(where, "input", input, "a shape [n, c, h, w]");
        Arguments.notNull(where, "layout", layout, "a Layout (NCHW or NHWC)");
        Shape output = op.outputShape(input);
        Arguments.indexable(where, "input", input);
        enterCall(where);
        try {
            return new ValidatingPool2dPlan(this, engine.plan(op, input, layout), op, input, output, layout);
        } finally {
            exitCall();
        }
    }

    @Override
    public BatchNorm2dPlan plan(BatchNorm2d op, Shape input) {
        return plan(op, input, Layout.NCHW);
    }

    @Override
    public BatchNorm2dPlan plan(BatchNorm2d op, Shape input, Layout layout) {
        String where = "batchNorm2d plan";
        checkOpen(where);
        Arguments.notNull(where, "op", op, "a BatchNorm2d");
        op.checkInput(where, input);
        Arguments.notNull(where, "layout", layout, "a Layout (NCHW or NHWC)");
        Arguments.indexable(where, "input", input);
        enterCall(where);
        try {
            return new ValidatingBatchNorm2dPlan(this, engine.plan(op, input, layout), op, input, layout);
        } finally {
            exitCall();
        }
    }

    @Override
    public LrnPlan plan(Lrn op, Shape input) {
        return plan(op, input, Layout.NCHW);
    }

    @Override
    public LrnPlan plan(Lrn op, Shape input, Layout layout) {
        String where = "lrn plan";
        checkOpen(where);
        Arguments.notNull(where, "op", op, "an Lrn");
        Arguments.notNull(where, "input", input, "a shape [n, c, h, w]");
        if (input.rank() != 4) {
            throw new IllegalArgumentException(where + ": input: expected rank 4 [n, c, h, w], got " + input
                    + " (rank " + input.rank() + ")");
        }
        Arguments.notNull(where, "layout", layout, "a Layout (NCHW or NHWC)");
        Arguments.indexable(where, "input", input);
        enterCall(where);
        try {
            return new ValidatingLrnPlan(this, engine.plan(op, input, layout), op, input, layout);
        } finally {
            exitCall();
        }
    }

    @Override
    public void reorder(Tensor src, Tensor dst) {
        String op = "reorder";
        checkOpen(op);
        Arguments.present(op, "src", src, null);
        Arguments.indexable(op, "src", src.shape());
        Arguments.tensor(op, "dst", dst, src.shape());
        Arguments.noAlias(op, "dst", dst, "src", src);
        beginCall(op, src, dst, null, null);
        try {
            engine.reorder(src, dst);
        } finally {
            endCall(src, dst, null, null);
        }
    }

    @Override
    public DensePlan plan(Dense op, int batch) {
        String where = "dense plan";
        checkOpen(where);
        Arguments.notNull(where, "op", op, "a Dense");
        Shape input = op.inputShape(batch);
        Shape output = op.outputShape(batch);
        Arguments.indexable(where, "input", input);
        Arguments.indexable(where, "output", output);
        Arguments.indexable(where, "weights", op.weightShape());
        enterCall(where);
        try {
            return new ValidatingDensePlan(this, engine.plan(op, batch), op, input, output);
        } finally {
            exitCall();
        }
    }

    @Override
    public void activation(Activation a, Tensor x, Tensor y) {
        String op = "activation";
        checkOpen(op);
        Arguments.notNull(op, "a", a, "an Activation");
        Arguments.present(op, "x", x, null);
        Arguments.indexable(op, "x", x.shape());
        Arguments.tensor(op, "y", y, x.shape(), x.layout());
        Arguments.inPlaceOrNoAlias(op, "y", y, "x", x);
        beginCall(op, x, y, null, null);
        try {
            engine.activation(a, x, y);
        } finally {
            endCall(x, y, null, null);
        }
    }

    @Override
    public void activationBackward(Activation a, Tensor x, Tensor dy, Tensor dx) {
        String op = "activationBackward";
        checkOpen(op);
        activationGradient(op, a, "x", x, dy, dx);
        beginCall(op, x, dy, dx, null);
        try {
            engine.activationBackward(a, x, dy, dx);
        } finally {
            endCall(x, dy, dx, null);
        }
    }

    /**
     * The checks both activation gradients share: {@code dy} and {@code dx} have the shape and layout
     * of the forward tensor, {@code dx} is disjoint from it and either is {@code dy} (in place) or
     * disjoint from it too.
     */
    private static void activationGradient(String op, Activation a, String forwardName, Tensor forward, Tensor dy,
                                           Tensor dx) {
        Arguments.notNull(op, "a", a, "an Activation");
        Arguments.present(op, forwardName, forward, null);
        Arguments.indexable(op, forwardName, forward.shape());
        Arguments.tensor(op, "dy", dy, forward.shape(), forward.layout());
        Arguments.tensor(op, "dx", dx, forward.shape(), forward.layout());
        Arguments.noAlias(op, "dx", dx, forwardName, forward);
        Arguments.inPlaceOrNoAlias(op, "dx", dx, "dy", dy);
    }

    @Override
    public void activationBackwardFromOutput(Activation a, Tensor y, Tensor dy, Tensor dx) {
        String op = "activationBackwardFromOutput";
        checkOpen(op);
        activationGradient(op, a, "y", y, dy, dx);
        beginCall(op, y, dy, dx, null);
        try {
            engine.activationBackwardFromOutput(a, y, dy, dx);
        } finally {
            endCall(y, dy, dx, null);
        }
    }

    @Override
    public void softmax(Tensor logits, Tensor probabilities) {
        String op = "softmax";
        checkOpen(op);
        Arguments.present(op, "logits", logits, null);
        Arguments.layout(op, "logits", logits, Layout.NCHW);
        Arguments.indexable(op, "logits", logits.shape());
        Arguments.tensor(op, "probabilities", probabilities, logits.shape(), Layout.NCHW);
        Arguments.noAlias(op, "probabilities", probabilities, "logits", logits);
        beginCall(op, logits, probabilities, null, null);
        try {
            engine.softmax(logits, probabilities);
        } finally {
            endCall(logits, probabilities, null, null);
        }
    }

    @Override
    public void softmaxBackward(Tensor probabilities, Tensor dy, Tensor dLogits) {
        String op = "softmaxBackward";
        checkOpen(op);
        Arguments.present(op, "probabilities", probabilities, null);
        Arguments.layout(op, "probabilities", probabilities, Layout.NCHW);
        Arguments.indexable(op, "probabilities", probabilities.shape());
        Arguments.tensor(op, "dy", dy, probabilities.shape(), Layout.NCHW);
        Arguments.tensor(op, "dLogits", dLogits, probabilities.shape(), Layout.NCHW);
        Arguments.noAlias(op, "dLogits", dLogits, "probabilities", probabilities, "dy", dy);
        beginCall(op, probabilities, dy, dLogits, null);
        try {
            engine.softmaxBackward(probabilities, dy, dLogits);
        } finally {
            endCall(probabilities, dy, dLogits, null);
        }
    }

    @Override
    public void logSoftmax(Tensor logits, Tensor logProbabilities) {
        String op = "logSoftmax";
        checkOpen(op);
        Arguments.present(op, "logits", logits, null);
        Arguments.layout(op, "logits", logits, Layout.NCHW);
        Arguments.indexable(op, "logits", logits.shape());
        Arguments.tensor(op, "logProbabilities", logProbabilities, logits.shape(), Layout.NCHW);
        Arguments.noAlias(op, "logProbabilities", logProbabilities, "logits", logits);
        beginCall(op, logits, logProbabilities, null, null);
        try {
            engine.logSoftmax(logits, logProbabilities);
        } finally {
            endCall(logits, logProbabilities, null, null);
        }
    }

    @Override
    public void logSoftmaxBackward(Tensor logProbabilities, Tensor dy, Tensor dLogits) {
        String op = "logSoftmaxBackward";
        checkOpen(op);
        Arguments.present(op, "logProbabilities", logProbabilities, null);
        Arguments.layout(op, "logProbabilities", logProbabilities, Layout.NCHW);
        Arguments.indexable(op, "logProbabilities", logProbabilities.shape());
        Arguments.tensor(op, "dy", dy, logProbabilities.shape(), Layout.NCHW);
        Arguments.tensor(op, "dLogits", dLogits, logProbabilities.shape(), Layout.NCHW);
        Arguments.noAlias(op, "dLogits", dLogits, "logProbabilities", logProbabilities, "dy", dy);
        beginCall(op, logProbabilities, dy, dLogits, null);
        try {
            engine.logSoftmaxBackward(logProbabilities, dy, dLogits);
        } finally {
            endCall(logProbabilities, dy, dLogits, null);
        }
    }

    @Override
    public float softmaxCrossEntropy(Tensor logits, int[] labels, Tensor dLogits) {
        String op = "softmaxCrossEntropy";
        checkOpen(op);
        Arguments.present(op, "logits", logits, null);
        Arguments.layout(op, "logits", logits, Layout.NCHW);
        Arguments.indexable(op, "logits", logits.shape());
        if (logits.shape().rank() != 2) {
            throw new IllegalArgumentException(op + ": logits: expected rank 2 [batch, classes], got "
                    + logits.shape() + " (rank " + logits.shape().rank() + ")");
        }
        int batch = logits.shape().dim(0);
        int classes = logits.shape().dim(1);
        Arguments.notNull(op, "labels", labels, "an int[" + batch + "]");
        if (labels.length != batch) {
            throw new IllegalArgumentException(op + ": labels: expected " + batch + " labels (one per row of logits "
                    + logits.shape() + "), got " + labels.length);
        }
        for (int i = 0; i < batch; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException(op + ": labels[" + i + "]: expected 0.." + (classes - 1) + ", got "
                        + labels[i]);
            }
        }
        if (dLogits != null) {
            Arguments.tensor(op, "dLogits", dLogits, logits.shape(), Layout.NCHW);
            Arguments.noAlias(op, "dLogits", dLogits, "logits", logits);
        }
        beginCall(op, logits, dLogits, null, null);
        try {
            return engine.softmaxCrossEntropy(logits, labels, dLogits);
        } finally {
            endCall(logits, dLogits, null, null);
        }
    }

    @Override
    public void dropout(double p, long seed, Tensor x, Tensor y, Tensor mask) {
        String op = "dropout";
        checkOpen(op);
        Arguments.fraction(op, "p", p);
        Arguments.present(op, "x", x, null);
        Arguments.indexable(op, "x", x.shape());
        Arguments.tensor(op, "y", y, x.shape(), x.layout());
        Arguments.tensor(op, "mask", mask, x.shape(), x.layout());
        Arguments.inPlaceOrNoAlias(op, "y", y, "x", x);
        Arguments.noAlias(op, "mask", mask, "x", x, "y", y);
        beginCall(op, x, y, mask, null);
        try {
            engine.dropout(p, seed, x, y, mask);
        } finally {
            endCall(x, y, mask, null);
        }
    }

    @Override
    public void dropoutBackward(Tensor mask, Tensor dy, Tensor dx) {
        String op = "dropoutBackward";
        checkOpen(op);
        Arguments.present(op, "mask", mask, null);
        Arguments.indexable(op, "mask", mask.shape());
        Arguments.tensor(op, "dy", dy, mask.shape(), mask.layout());
        Arguments.tensor(op, "dx", dx, mask.shape(), mask.layout());
        Arguments.noAlias(op, "dx", dx, "mask", mask, "dy", dy);
        beginCall(op, mask, dy, dx, null);
        try {
            engine.dropoutBackward(mask, dy, dx);
        } finally {
            endCall(mask, dy, dx, null);
        }
    }

    @Override
    public void add(Tensor a, Tensor b, Tensor y) {
        String op = "add";
        checkOpen(op);
        Arguments.present(op, "a", a, null);
        Arguments.indexable(op, "a", a.shape());
        Arguments.tensor(op, "b", b, a.shape(), a.layout());
        Arguments.tensor(op, "y", y, a.shape(), a.layout());
        Arguments.inPlaceOrDisjoint(op, "y", y, "a", a, "b", b);
        beginCall(op, a, b, y, null);
        try {
            engine.add(a, b, y);
        } finally {
            endCall(a, b, y, null);
        }
    }

    /**
     * The checks every optimiser update shares: {@code w} present and int-indexable, {@code g} of
     * its shape and disjoint from it.
     */
    private static void weightsAndGradient(String op, Tensor w, Tensor g) {
        Arguments.present(op, "w", w, null);
        Arguments.indexable(op, "w", w.shape());
        Arguments.tensor(op, "g", g, w.shape(), w.layout());
        Arguments.noAlias(op, "g", g, "w", w);
    }

    @Override
    public void sgdUpdate(Tensor w, Tensor g, Tensor velocity, float lr, float momentum, float weightDecay) {
        String op = "sgdUpdate";
        checkOpen(op);
        weightsAndGradient(op, w, g);
        Arguments.nonNegative(op, "lr", lr);
        Arguments.nonNegative(op, "momentum", momentum);
        Arguments.nonNegative(op, "weightDecay", weightDecay);
        if (velocity != null || momentum != 0f) {
            Arguments.tensor(op, "velocity", velocity, w.shape(), w.layout());
            Arguments.noAlias(op, "velocity", velocity, "w", w, "g", g);
        }
        beginCall(op, w, g, velocity, null);
        try {
            engine.sgdUpdate(w, g, velocity, lr, momentum, weightDecay);
        } finally {
            endCall(w, g, velocity, null);
        }
    }

    @Override
    public void adaGradUpdate(Tensor w, Tensor g, Tensor sumSquares, float lr, float weightDecay, float eps) {
        String op = "adaGradUpdate";
        checkOpen(op);
        weightsAndGradient(op, w, g);
        Arguments.tensor(op, "sumSquares", sumSquares, w.shape(), w.layout());
        Arguments.noAlias(op, "sumSquares", sumSquares, "w", w, "g", g);
        Arguments.nonNegative(op, "lr", lr);
        Arguments.nonNegative(op, "weightDecay", weightDecay);
        Arguments.nonNegative(op, "eps", eps);
        beginCall(op, w, g, sumSquares, null);
        try {
            engine.adaGradUpdate(w, g, sumSquares, lr, weightDecay, eps);
        } finally {
            endCall(w, g, sumSquares, null);
        }
    }

    @Override
    public void adamUpdate(Tensor w, Tensor g, Tensor m, Tensor v, int step, float lr, float beta1, float beta2,
                           float eps, float weightDecay) {
        String op = "adamUpdate";
        checkOpen(op);
        weightsAndGradient(op, w, g);
        Arguments.tensor(op, "m", m, w.shape(), w.layout());
        Arguments.noAlias(op, "m", m, "w", w, "g", g);
        Arguments.tensor(op, "v", v, w.shape(), w.layout());
        Arguments.noAlias(op, "v", v, "w", w, "g", g, "m", m);
        Arguments.positive(op, "step", step);
        Arguments.nonNegative(op, "lr", lr);
        Arguments.fraction(op, "beta1", beta1);
        Arguments.fraction(op, "beta2", beta2);
        Arguments.nonNegative(op, "eps", eps);
        Arguments.nonNegative(op, "weightDecay", weightDecay);
        beginCall(op, w, g, m, v);
        try {
            engine.adamUpdate(w, g, m, v, step, lr, beta1, beta2, eps, weightDecay);
        } finally {
            endCall(w, g, m, v);
        }
    }

    /**
     * Closes the engine once.
     *
     * @throws IllegalStateException when a call of another thread is inside the engine right now;
     *     the backend then stays open and usable, close it again once that call returned
     */
    @Override
    public void close() {
        while (true) {
            int running = calls.get();
            if (running == CLOSED) {
                return;
            }
            if (running > 0) {
                throw new IllegalStateException("close: " + description + ": expected no running call, got " + running
                        + " call" + (running == 1 ? "" : "s") + " in progress on other threads; the backend stays"
                        + " open and usable, close it once they returned");
            }
            if (calls.compareAndSet(0, CLOSED)) {
                break;
            }
        }
        engine.close();
    }

    @Override
    public String toString() {
        return "Backend[" + engine.name() + "]";
    }
}
