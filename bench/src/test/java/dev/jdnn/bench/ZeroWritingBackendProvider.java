package dev.jdnn.bench;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.BatchNorm2d;
import dev.jdnn.BatchNorm2dPlan;
import dev.jdnn.Layout;
import dev.jdnn.Lrn;
import dev.jdnn.LrnPlan;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Dense;
import dev.jdnn.DensePlan;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.kernels.naive.NaiveBackendProvider;
import dev.jdnn.spi.Availability;
import dev.jdnn.spi.BackendProvider;

/**
 * A deliberately wrong backend, registered only in the test class path: its convolution forward
 * writes zeros (very fast, very wrong); everything else is naive's. The benchmarks must refuse it.
 */
public final class ZeroWritingBackendProvider implements BackendProvider {
    static final String NAME = "zeros";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }

    @Override
    public Availability availability() {
        return Availability.yes();
    }

    @Override
    public Backend create(BackendConfig config) {
        return new ZeroWritingBackend(new NaiveBackendProvider().create(config));
    }

    private record ZeroWritingBackend(Backend naive) implements Backend {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Conv2dPlan plan(Conv2d op, Shape input) {
            return plan(op, input, Layout.NCHW);
        }

        @Override
        public Conv2dPlan plan(Conv2d op, Shape input, Layout layout) {
            return new ZeroWritingConv2dPlan(naive.plan(op, input, layout));
        }

        @Override
        public Pool2dPlan plan(Pool2d op, Shape input) {
            return plan(op, input, Layout.NCHW);
        }

        @Override
        public Pool2dPlan plan(Pool2d op, Shape input, Layout layout) {
            return naive.plan(op, input, layout);
        }

        @Override
        public BatchNorm2dPlan plan(BatchNorm2d op, Shape input, Layout layout) {
            return naive.plan(op, input, layout);
        }

        @Override
        public LrnPlan plan(Lrn op, Shape input, Layout layout) {
            return naive.plan(op, input, layout);
        }

        @Override
        public void reorder(Tensor src, Tensor dst) {
            naive.reorder(src, dst);
        }

        @Override
        public void activationBackwardFromOutput(Activation a, Tensor y, Tensor dy, Tensor dx) {
            naive.activationBackwardFromOutput(a, y, dy, dx);
        }

        @Override
        public DensePlan plan(Dense op, int batch) {
            return naive.plan(op, batch);
        }

        @Override
        public void activation(Activation a, Tensor x, Tensor y) {
            naive.activation(a, x, y);
        }

        @Override
        public void activationBackward(Activation a, Tensor x, Tensor dy, Tensor dx) {
            naive.activationBackward(a, x, dy, dx);
        }

        @Override
        public void softmax(Tensor logits, Tensor probabilities) {
            naive.softmax(logits, probabilities);
        }

        @Override
        public void softmaxBackward(Tensor probabilities, Tensor dy, Tensor dLogits) {
            naive.softmaxBackward(probabilities, dy, dLogits);
        }

        @Override
        public void logSoftmax(Tensor logits, Tensor logProbabilities) {
            naive.logSoftmax(logits, logProbabilities);
        }

        @Override
        public void logSoftmaxBackward(Tensor logProbabilities, Tensor dy, Tensor dLogits) {
            naive.logSoftmaxBackward(logProbabilities, dy, dLogits);
        }

        @Override
        public float softmaxCrossEntropy(Tensor logits, int[] labels, Tensor dLogits) {
            return naive.softmaxCrossEntropy(logits, labels, dLogits);
        }

        @Override
        public void dropout(double p, long seed, Tensor x, Tensor y, Tensor mask) {
            naive.dropout(p, seed, x, y, mask);
        }

        @Override
        public void dropoutBackward(Tensor mask, Tensor dy, Tensor dx) {
            naive.dropoutBackward(mask, dy, dx);
        }

        @Override
        public void add(Tensor a, Tensor b, Tensor y) {
            naive.add(a, b, y);
        }

        @Override
        public void sgdUpdate(Tensor w, Tensor g, Tensor velocity, float lr, float momentum, float weightDecay) {
            naive.sgdUpdate(w, g, velocity, lr, momentum, weightDecay);
        }

        @Override
        public void adaGradUpdate(Tensor w, Tensor g, Tensor sumSquares, float lr, float weightDecay, float eps) {
            naive.adaGradUpdate(w, g, sumSquares, lr, weightDecay, eps);
        }

        @Override
        public void adamUpdate(Tensor w, Tensor g, Tensor m, Tensor v, int step, float lr, float beta1, float beta2,
                float eps, float weightDecay) {
            naive.adamUpdate(w, g, m, v, step, lr, beta1, beta2, eps, weightDecay);
        }

        @Override
        public void close() {
            naive.close();
        }
    }

    private record ZeroWritingConv2dPlan(Conv2dPlan naive) implements Conv2dPlan {
        @Override
        public Conv2d op() {
            return naive.op();
        }

        @Override
        public Shape inputShape() {
            return naive.inputShape();
        }

        @Override
        public Shape outputShape() {
            return naive.outputShape();
        }

        @Override
        public Layout layout() {
            return naive.layout();
        }

        @Override
        public void forward(Tensor x, Tensor w, Tensor b, Tensor y) {
            y.fill(0f);
        }

        @Override
        public void backwardData(Tensor dy, Tensor w, Tensor dx) {
            naive.backwardData(dy, w, dx);
        }

        @Override
        public void backwardWeights(Tensor x, Tensor dy, Tensor dw, Tensor db) {
            naive.backwardWeights(x, dy, dw, db);
        }

        @Override
        public void close() {
            naive.close();
        }
    }
}
