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
        public Conv2dPlan plan(Conv2d op, Shape input) {
            ENGINE_CALLS.incrementAndGet();
            Shape output = op.outputShape(input);
            return new Conv2dPlan() {
                public Conv2d op() { return op; }
                public Shape inputShape() { return input; }
                public Shape outputShape() { return output; }
                public void forward(Tensor x, Tensor w, Tensor b, Tensor y) { ENGINE_CALLS.incrementAndGet(); }
                public void backwardData(Tensor dy, Tensor w, Tensor dx) { ENGINE_CALLS.incrementAndGet(); }
                public void backwardWeights(Tensor x, Tensor dy, Tensor dw, Tensor db) { ENGINE_CALLS.incrementAndGet(); }
                public void close() { }
            };
        }

        @Override
        public Pool2dPlan plan(Pool2d op, Shape input) {
            throw new UnsupportedOperationException("recording engine: pooling is not used by these tests");
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
