package dev.jdnn;

import dev.jdnn.spi.Availability;
import dev.jdnn.spi.BackendProvider;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A test-only provider named {@code recording}: its engine does no arithmetic, it only counts the
 * calls that reach it, so tests can see that a rejected call never gets past validation.
 */
public final class RecordingBackendProvider implements BackendProvider {
    static final AtomicInteger ENGINE_CALLS = new AtomicInteger();
    /** Run inside every activation call, while its tensors are pinned. */
    static volatile Consumer<Tensor> duringActivation = t -> { };
    /** The engine plan behind the last pooling plan made. */
    static volatile RecordingPool2dPlan lastPoolPlan;

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Availability availability() {
        return Availability.yes();
    }

    @Override
    public Backend create(BackendConfig config) {
        return new RecordingEngine();
    }

    /** The engine's own workspace: what the api must hand back unwrapped, and close once. */
    static final class RecordingWorkspace implements Workspace {
        final RecordingPool2dPlan plan;
        int closes;

        RecordingWorkspace(RecordingPool2dPlan plan) {
            this.plan = plan;
        }

        @Override
        public void close() {
            closes++;
        }
    }

    /** Records which workspace each pass was given. */
    static final class RecordingPool2dPlan implements Pool2dPlan {
        private final Pool2d op;
        private final Shape input;
        private final Shape output;
        private final Layout layout;
        Workspace lastWorkspace;
        /** When set, the next forward fails as a kernel would. */
        boolean failNextForward;

        RecordingPool2dPlan(Pool2d op, Shape input, Shape output, Layout layout) {
            this.op = op;
            this.input = input;
            this.output = output;
            this.layout = layout;
        }

        public Pool2d op() { return op; }
        public Shape inputShape() { return input; }
        public Shape outputShape() { return output; }
        public Layout layout() { return layout; }
        public void forward(Tensor x, Tensor y) { ENGINE_CALLS.incrementAndGet(); }
        public void backward(Tensor x, Tensor dy, Tensor dx) { ENGINE_CALLS.incrementAndGet(); }
        public Workspace newWorkspace() { return new RecordingWorkspace(this); }

        public void forward(Tensor x, Tensor y, Workspace ws) {
            ENGINE_CALLS.incrementAndGet();
            lastWorkspace = ws;
            if (failNextForward) {
                failNextForward = false;
                throw new IllegalStateException("recording engine: forward failed on purpose");
            }
        }

        public void backward(Workspace ws, Tensor dy, Tensor dx) {
            ENGINE_CALLS.incrementAndGet();
            lastWorkspace = ws;
        }

        public void close() { }
    }

    @Override
    public String diagnostics() {
        return "records calls only";
    }

    private static final class RecordingEngine implements Backend {
        @Override
        public String name() {
            return "recording";
        }

        @Override
        public Conv2dPlan plan(Conv2d op, Shape input, Layout layout) {
            ENGINE_CALLS.incrementAndGet();
            Shape output = op.outputShape(input);
            return new Conv2dPlan() {
                public Conv2d op() { return op; }
                public Shape inputShape() { return input; }
                public Shape outputShape() { return output; }
                public Layout layout() { return layout; }
                public void forward(Tensor x, Tensor w, Tensor b, Tensor y) { ENGINE_CALLS.incrementAndGet(); }
                public void backwardData(Tensor dy, Tensor w, Tensor dx) { ENGINE_CALLS.incrementAndGet(); }
                public void backwardWeights(Tensor x, Tensor dy, Tensor dw, Tensor db) { ENGINE_CALLS.incrementAndGet(); }
                public void close() { }
            };
        }

        @Override
        public Pool2dPlan plan(Pool2d op, Shape input, Layout layout) {
            ENGINE_CALLS.incrementAndGet();
            lastPoolPlan = new RecordingPool2dPlan(op, input, op.outputShape(input), layout);
            return lastPoolPlan;
        }

        @Override
        public BatchNorm2dPlan plan(BatchNorm2d op, Shape input, Layout layout) {
            ENGINE_CALLS.incrementAndGet();
            return new BatchNorm2dPlan() {
                public BatchNorm2d op() { return op; }
                public Shape inputShape() { return input; }
                public Layout layout() { return layout; }
                public void forwardTraining(Tensor x, Tensor gamma, Tensor beta, Tensor y, Tensor mean,
                                            Tensor variance) { ENGINE_CALLS.incrementAndGet(); }
                public void forwardInference(Tensor x, Tensor gamma, Tensor beta, Tensor mean, Tensor variance,
                                             Tensor y) { ENGINE_CALLS.incrementAndGet(); }
                public void backward(Tensor x, Tensor dy, Tensor gamma, Tensor mean, Tensor variance, Tensor dx,
                                     Tensor dGamma, Tensor dBeta) { ENGINE_CALLS.incrementAndGet(); }
                public void close() { }
            };
        }

        @Override
        public LrnPlan plan(Lrn op, Shape input, Layout layout) {
            ENGINE_CALLS.incrementAndGet();
            return new LrnPlan() {
                public Lrn op() { return op; }
                public Shape inputShape() { return input; }
                public Layout layout() { return layout; }
                public void forward(Tensor x, Tensor y) { ENGINE_CALLS.incrementAndGet(); }
                public void backward(Tensor x, Tensor dy, Tensor dx) { ENGINE_CALLS.incrementAndGet(); }
                public void close() { }
            };
        }

        @Override
        public void reorder(Tensor src, Tensor dst) {
            ENGINE_CALLS.incrementAndGet();
        }

        @Override
        public void activationBackwardFromOutput(Activation a, Tensor y, Tensor dy, Tensor dx) {
            ENGINE_CALLS.incrementAndGet();
        }

        @Override
        public DensePlan plan(Dense op, int batch) {
            throw new UnsupportedOperationException("recording engine: dense is not used by these tests");
        }

        @Override
        public void activation(Activation a, Tensor x, Tensor y) {
            ENGINE_CALLS.incrementAndGet();
            duringActivation.accept(x);
        }

        @Override
        public void activationBackward(Activation a, Tensor x, Tensor dy, Tensor dx) {
            ENGINE_CALLS.incrementAndGet();
        }

        @Override
        public void softmax(Tensor logits, Tensor probabilities) {
            ENGINE_CALLS.incrementAndGet();
        }

        @Override
        public void softmaxBackward(Tensor probabilities, Tensor dy, Tensor dLogits) {
            ENGINE_CALLS.incrementAndGet();
        }

        @Override
        public void logSoftmax(Tensor logits, Tensor logProbabilities) {
            ENGINE_CALLS.incrementAndGet();
        }

        @Override
        public void logSoftmaxBackward(Tensor logProbabilities, Tensor dy, Tensor dLogits) {
            ENGINE_CALLS.incrementAndGet();
        }

        @Override
        public float softmaxCrossEntropy(Tensor logits, int[] labels, Tensor dLogits) {
            ENGINE_CALLS.incrementAndGet();
            return 0f;
        }

        @Override
        public void dropout(double p, long seed, Tensor x, Tensor y, Tensor mask) {
            ENGINE_CALLS.incrementAndGet();
        }

        @Override
        public void dropoutBackward(Tensor mask, Tensor dy, Tensor dx) {
            ENGINE_CALLS.incrementAndGet();
        }

        @Override
        public void add(Tensor a, Tensor b, Tensor y) {
            ENGINE_CALLS.incrementAndGet();
        }

        @Override
        public void sgdUpdate(Tensor w, Tensor g, Tensor velocity, float lr, float momentum, float weightDecay) {
            ENGINE_CALLS.incrementAndGet();
        }

        @Override
        public void adaGradUpdate(Tensor w, Tensor g, Tensor sumSquares, float lr, float weightDecay, float eps) {
            ENGINE_CALLS.incrementAndGet();
        }

        @Override
        public void adamUpdate(Tensor w, Tensor g, Tensor m, Tensor v, int step, float lr, float beta1, float beta2,
                float eps, float weightDecay) {
            ENGINE_CALLS.incrementAndGet();
        }

        @Override
        public void close() {
        }
    }
}
