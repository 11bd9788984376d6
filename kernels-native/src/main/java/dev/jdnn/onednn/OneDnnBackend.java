package dev.jdnn.onednn;

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
 * The {@code onednn} engine: hands out oneDNN-backed plans and runs the plan-less ops. Trusts its
 * arguments (the api module validated them). Thread-safe: plans and the plan-less ops' passes each
 * own their stream, those passes are cached per thread, and every call applies the configured
 * OpenMP thread count to its thread. Plans stay usable after the backend is closed.
 */
final class OneDnnBackend implements Backend {
    private final OneDnnRuntime runtime;
    private final LayoutChoice layouts;
    private final DnnlEltwise eltwise;
    private final DnnlSoftmax softmax;
    private final DnnlReorder reorder;

    OneDnnBackend(OneDnnRuntime runtime, LayoutChoice layouts) {
        this.runtime = runtime;
        this.layouts = layouts;
        this.eltwise = new DnnlEltwise(runtime);
        this.softmax = new DnnlSoftmax(runtime);
        this.reorder = new DnnlReorder(runtime);
    }

    @Override
    public String name() {
        return OneDnnBackendProvider.NAME;
    }

    @Override
    public Conv2dPlan plan(Conv2d op, Shape input, Layout layout) {
        return new DnnlConvolution(op, input, layout, runtime, layouts);
    }

    @Override
    public Pool2dPlan plan(Pool2d op, Shape input, Layout layout) {
        return new DnnlPooling(op, input, layout, runtime, layouts);
    }

    @Override
    public BatchNorm2dPlan plan(BatchNorm2d op, Shape input, Layout layout) {
        return new DnnlBatchNormalization(op, input, layout, runtime);
    }

    @Override
    public LrnPlan plan(Lrn op, Shape input, Layout layout) {
        return new DnnlLrn(op, input, layout, runtime);
    }

    @Override
    public void reorder(Tensor src, Tensor dst) {
        reorder.run(src, dst);
    }

    @Override
    public DensePlan plan(Dense op, int batch) {
        return new DnnlInnerProduct(op, batch, runtime);
    }

    @Override
    public void activation(Activation a, Tensor x, Tensor y) {
        eltwise.forward(a, x, y);
    }

    @Override
    public void activationBackward(Activation a, Tensor x, Tensor dy, Tensor dx) {
        eltwise.backward(a, x, dy, dx);
    }

    @Override
    public void activationBackwardFromOutput(Activation a, Tensor y, Tensor dy, Tensor dx) {
        eltwise.backwardFromOutput(a, y, dy, dx);
    }

    @Override
    public void softmax(Tensor logits, Tensor probabilities) {
        softmax.forward(false, logits, probabilities);
    }

    @Override
    public void softmaxBackward(Tensor probabilities, Tensor dy, Tensor dLogits) {
        softmax.backward(false, probabilities, dy, dLogits);
    }

    @Override
    public void logSoftmax(Tensor logits, Tensor logProbabilities) {
        softmax.forward(true, logits, logProbabilities);
    }

    @Override
    public void logSoftmaxBackward(Tensor logProbabilities, Tensor dy, Tensor dLogits) {
        softmax.backward(true, logProbabilities, dy, dLogits);
    }

    @Override
    public float softmaxCrossEntropy(Tensor logits, int[] labels, Tensor dLogits) {
        return softmax.crossEntropy(logits, labels, dLogits);
    }

    @Override
    public void dropout(double p, long seed, Tensor x, Tensor y, Tensor mask) {
        JavaTrainingSteps.dropout(p, seed, x, y, mask);
    }

    @Override
    public void dropoutBackward(Tensor mask, Tensor dy, Tensor dx) {
        JavaTrainingSteps.dropoutBackward(mask, dy, dx);
    }

    @Override
    public void add(Tensor a, Tensor b, Tensor y) {
        JavaTrainingSteps.add(a, b, y);
    }

    @Override
    public void sgdUpdate(Tensor w, Tensor g, Tensor velocity, float lr, float momentum, float weightDecay) {
        JavaTrainingSteps.sgd(w, g, velocity, lr, momentum, weightDecay);
    }

    @Override
    public void adaGradUpdate(Tensor w, Tensor g, Tensor sumSquares, float lr, float weightDecay, float eps) {
        JavaTrainingSteps.adaGrad(w, g, sumSquares, lr, weightDecay, eps);
    }

    @Override
    public void adamUpdate(Tensor w, Tensor g, Tensor m, Tensor v, int step, float lr, float beta1, float beta2,
                           float eps, float weightDecay) {
        JavaTrainingSteps.adam(w, g, m, v, step, lr, beta1, beta2, eps, weightDecay);
    }

    /** {@code omp_get_max_threads()} as the calling thread sees it now. */
    int openMpThreadsOfCurrentThread() {
        return runtime.openMpThreadsOfCurrentThread();
    }

    /** The plan-less ops' cached passes, over all threads. */
    int cachedPasses() {
        return eltwise.cachedPasses() + softmax.cachedPasses() + reorder.cachedPasses();
    }

    /**
     * Releases the plan-less ops' cached passes; plans own their primitives, the process owns the
     * engine.
     */
    @Override
    public void close() {
        try (eltwise; softmax; reorder) {
            // closes all three, each even if another throws
        }
    }
}
