package dev.jdnn;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** An engine whose plan calls (and {@code activation}) count themselves and park on a latch while one is set. */
final class ParkingEngine implements Backend {
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger closedPlans = new AtomicInteger();
    volatile CountDownLatch park;
    volatile CountDownLatch entered;
    volatile boolean failNext;

    private void call() {
        calls.incrementAndGet();
        if (failNext) {
            failNext = false;
            throw new ArithmeticException("engine failure");
        }
        CountDownLatch p = park;
        if (p != null) {
            entered.countDown();
            try {
                p.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String name() {
        return "parking";
    }

    @Override
    public Conv2dPlan plan(Conv2d op, Shape input, Layout layout) {
        Shape output = op.outputShape(input);
        return new Conv2dPlan() {
            public Conv2d op() { return op; }
            public Layout layout() { return layout; }
            public Shape inputShape() { return input; }
            public Shape outputShape() { return output; }
            public void forward(Tensor x, Tensor w, Tensor b, Tensor y) { call(); }
            public void backwardData(Tensor dy, Tensor w, Tensor dx) { call(); }
            public void backwardWeights(Tensor x, Tensor dy, Tensor dw, Tensor db) { call(); }
            public void close() { closedPlans.incrementAndGet(); }
        };
    }

    @Override
    public Pool2dPlan plan(Pool2d op, Shape input, Layout layout) {
        Shape output = op.outputShape(input);
        return new Pool2dPlan() {
            public Pool2d op() { return op; }
            public Layout layout() { return layout; }
            public Workspace newWorkspace() { return () -> { }; }
            public void forward(Tensor x, Tensor y, Workspace ws) { call(); }
            public void backward(Workspace ws, Tensor dy, Tensor dx) { call(); }
            public Shape inputShape() { return input; }
            public Shape outputShape() { return output; }
            public void forward(Tensor x, Tensor y) { call(); }
            public void backward(Tensor x, Tensor dy, Tensor dx) { call(); }
            public void close() { closedPlans.incrementAndGet(); }
        };
    }

    @Override
    public BatchNorm2dPlan plan(BatchNorm2d op, Shape input, Layout layout) {
        throw new UnsupportedOperationException("parking engine: batch norm is not used by these tests");
    }

    @Override
    public LrnPlan plan(Lrn op, Shape input, Layout layout) {
        throw new UnsupportedOperationException("parking engine: LRN is not used by these tests");
    }

    @Override
    public void reorder(Tensor src, Tensor dst) { call(); }

    @Override
    public void activationBackwardFromOutput(Activation a, Tensor y, Tensor dy, Tensor dx) { call(); }

    @Override
    public DensePlan plan(Dense op, int batch) {
        return new DensePlan() {
            public Dense op() { return op; }
            public Shape inputShape() { return op.inputShape(batch); }
            public Shape outputShape() { return op.outputShape(batch); }
            public void forward(Tensor x, Tensor w, Tensor b, Tensor y) { call(); }
            public void backwardData(Tensor dy, Tensor w, Tensor dx) { call(); }
            public void backwardWeights(Tensor x, Tensor dy, Tensor dw, Tensor db) { call(); }
            public void close() { closedPlans.incrementAndGet(); }
        };
    }

    @Override
    public void activation(Activation a, Tensor x, Tensor y) { call(); }

    @Override
    public void activationBackward(Activation a, Tensor x, Tensor dy, Tensor dx) { }

    @Override
    public void softmax(Tensor logits, Tensor probabilities) { }

    @Override
    public void softmaxBackward(Tensor probabilities, Tensor dy, Tensor dLogits) { }

    @Override
    public void logSoftmax(Tensor logits, Tensor logProbabilities) { }

    @Override
    public void logSoftmaxBackward(Tensor logProbabilities, Tensor dy, Tensor dLogits) { }

    @Override
    public float softmaxCrossEntropy(Tensor logits, int[] labels, Tensor dLogits) {
        return 0;
    }

    @Override
    public void dropout(double p, long seed, Tensor x, Tensor y, Tensor mask) { call(); }

    @Override
    public void dropoutBackward(Tensor mask, Tensor dy, Tensor dx) { call(); }

    @Override
    public void add(Tensor a, Tensor b, Tensor y) { call(); }

    @Override
    public void sgdUpdate(Tensor w, Tensor g, Tensor velocity, float lr, float momentum, float weightDecay) { call(); }

    @Override
    public void adaGradUpdate(Tensor w, Tensor g, Tensor sumSquares, float lr, float weightDecay, float eps) { call(); }

    @Override
    public void adamUpdate(Tensor w, Tensor g, Tensor m, Tensor v, int step, float lr, float beta1, float beta2,
                           float eps, float weightDecay) { call(); }

    @Override
    public void close() { }
}
