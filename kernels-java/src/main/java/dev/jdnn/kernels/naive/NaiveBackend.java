package dev.jdnn.kernels.naive;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.BatchNorm2d;
import dev.jdnn.BatchNorm2dPlan;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Dense;
import dev.jdnn.DensePlan;
import dev.jdnn.Layout;
import dev.jdnn.Lrn;
import dev.jdnn.LrnPlan;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;

/**
 * The {@code naive} engine: hands each op to the class that computes it in plain loops. It holds
 * no state, so it is trivially thread-safe and closing it releases nothing.
 */
final class NaiveBackend implements Backend {

    @Override
    public String name() {
        return NaiveBackendProvider.NAME;
    }

    @Override
    public Conv2dPlan plan(Conv2d op, Shape input, Layout layout) {
        return new NaiveConvolution(op, input, layout);
    }

    @Override
    public Pool2dPlan plan(Pool2d op, Shape input, Layout layout) {
        return switch (op.kind()) {
            case MAX -> new NaiveMaxPooling(op, input, layout);
            case AVG -> new NaiveAveragePooling(op, input, layout);
        };
    }

    @Override
    public BatchNorm2dPlan plan(BatchNorm2d op, Shape input, Layout layout) {
        return new NaiveBatchNorm(op, input, layout);
    }

    @Override
    public LrnPlan plan(Lrn op, Shape input, Layout layout) {
        return new NaiveLrn(op, input, layout);
    }

    @Override
    public void reorder(Tensor src, Tensor dst) {
        NaiveReorder.reorder(src, dst);
    }

    @Override
    public DensePlan plan(Dense op, int batch) {
        return new NaiveDense(op, batch);
    }

    @Override
    public void activation(Activation a, Tensor x, Tensor y) {
        NaiveActivations.forward(a, x, y);
    }

    @Override
    public void activationBackward(Activation a, Tensor x, Tensor dy, Tensor dx) {
        NaiveActivations.backward(a, x, dy, dx);
    }

    @Override
    public void activationBackwardFromOutput(Activation a, Tensor y, Tensor dy, Tensor dx) {
        NaiveActivations.backwardFromOutput(a, y, dy, dx);
    }

    @Override
    public void softmax(Tensor logits, Tensor probabilities) {
        NaiveSoftmax.softmax(logits, probabilities);
    }

    @Override
    public void softmaxBackward(Tensor probabilities, Tensor dy, Tensor dLogits) {
        NaiveSoftmax.softmaxBackward(probabilities, dy, dLogits);
    }

    @Override
    public void logSoftmax(Tensor logits, Tensor logProbabilities) {
        NaiveSoftmax.logSoftmax(logits, logProbabilities);
    }

    @Override
    public void logSoftmaxBackward(Tensor logProbabilities, Tensor dy, Tensor dLogits) {
        NaiveSoftmax.logSoftmaxBackward(logProbabilities, dy, dLogits);
    }

    @Override
    public float softmaxCrossEntropy(Tensor logits, int[] labels, Tensor dLogits) {
        return NaiveSoftmax.crossEntropy(logits, labels, dLogits);
    }

    @Override
    public void dropout(double p, long seed, Tensor x, Tensor y, Tensor mask) {
        NaiveDropout.forward(p, seed, x, y, mask);
    }

    @Override
    public void dropoutBackward(Tensor mask, Tensor dy, Tensor dx) {
        NaiveDropout.backward(mask, dy, dx);
    }

    @Override
    public void add(Tensor a, Tensor b, Tensor y) {
        NaiveAdd.add(a, b, y);
    }

    @Override
    public void sgdUpdate(Tensor w, Tensor g, Tensor velocity, float lr, float momentum, float weightDecay) {
        NaiveOptimizers.sgd(w, g, velocity, lr, momentum, weightDecay);
    }

    @Override
    public void adaGradUpdate(Tensor w, Tensor g, Tensor sumSquares, float lr, float weightDecay, float eps) {
        NaiveOptimizers.adaGrad(w, g, sumSquares, lr, weightDecay, eps);
    }

    @Override
    public void adamUpdate(Tensor w, Tensor g, Tensor m, Tensor v, int step, float lr, float beta1, float beta2,
                           float eps, float weightDecay) {
        NaiveOptimizers.adam(w, g, m, v, step, lr, beta1, beta2, eps, weightDecay);
    }

    @Override
    public void close() {
        // Nothing to release: the engine owns no threads, memory or native handles.
    }
}
