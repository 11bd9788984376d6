package dev.jdnn.kernels.vector;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
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
 * The {@code vector} engine: owns the worker pool of {@link BackendConfig#threads()} threads and
 * the GEMM micro-kernel for the chosen vector width, and hands out plans that use them. Arguments
 * arrive validated by the api module. Element-wise ops and softmax run on the calling thread,
 * except a large {@code add} ({@link ChunkedAdd}).
 *
 * <p>First calls are slow until the JIT has compiled the Vector API kernels: in a fresh JVM on
 * the 2-vCPU AVX2 machine, the first forward + backward of a 5x5 convolution on
 * {@code [8, 6, 14, 14]} took 460-670 ms, calls 2 and 3 80-230 ms, against ~2 ms once compiled
 * (from about the 10th call); other ops' first calls 30-250 ms. Once compiled, a new plan's first
 * call costs about as much as its later ones. {@link VectorWarmUp} (system property
 * {@value VectorWarmUp#PROPERTY}, off by default) moves part of that cost into opening the first
 * backend; its javadoc has the measurements.
 */
final class VectorBackend implements Backend {
    private final WorkerPool pool;
    private final PackedGemm gemm;
    private final ChunkedAdd adder;

    VectorBackend(BackendConfig config) {
        this.pool = new WorkerPool(config.threads());
        this.adder = new ChunkedAdd(pool);
        this.gemm = new PackedGemm(VectorWidth.microKernel());
        VectorWarmUp.once(this);
    }

    @Override
    public String name() {
        return VectorBackendProvider.NAME;
    }

    @Override
    public Conv2dPlan plan(Conv2d op, Shape input, Layout layout) {
        if (layout == Layout.NHWC) {
            return new ChannelsLastConv2dPlan(op, input, channelsFirstPlan(op, input), pool, gemm);
        }
        return channelsFirstPlan(op, input);
    }

    private Conv2dPlan channelsFirstPlan(Conv2d op, Shape input) {
        if (op.isDepthwise() && DepthwiseConv2dPlan.fits(op, input)) {
            return new DepthwiseConv2dPlan(op, input, pool);
        }
        if (DirectConv2dPlan.suits(op, input)) {
            return new DirectConv2dPlan(op, input, pool, gemm);
        }
        return new GemmConv2dPlan(op, input, pool, gemm);
    }

    @Override
    public Pool2dPlan plan(Pool2d op, Shape input, Layout layout) {
        return layout == Layout.NHWC ? new ChannelsLastPool2dPlan(op, input, pool)
                : new VectorPool2dPlan(op, input, pool);
    }

    @Override
    public BatchNorm2dPlan plan(BatchNorm2d op, Shape input, Layout layout) {
        return new VectorBatchNorm2dPlan(op, input, layout, pool);
    }

    @Override
    public LrnPlan plan(Lrn op, Shape input, Layout layout) {
        return new VectorLrnPlan(op, input, layout, pool);
    }

    @Override
    public void reorder(Tensor src, Tensor dst) {
        Shape shape = src.shape();
        if (src.layout() == dst.layout()) {
            SegmentVectors.copy(src.segment(), 0, dst.segment(), 0, shape.elementCount());
        } else if (dst.layout() == Layout.NHWC) {
            LayoutTranspose.toChannelsLast(src.segment(), dst.segment(), shape.dim(0), shape.dim(1),
                    shape.dim(2) * shape.dim(3));
        } else {
            LayoutTranspose.toChannelsFirst(src.segment(), dst.segment(), shape.dim(0), shape.dim(1),
                    shape.dim(2) * shape.dim(3));
        }
    }

    @Override
    public void activationBackwardFromOutput(Activation a, Tensor y, Tensor dy, Tensor dx) {
        ActivationKernels.backwardFromOutput(a, y.segment(), dy.segment(), dx.segment(), y.shape().elementCount());
    }

    @Override
    public DensePlan plan(Dense op, int batch) {
        return new VectorDensePlan(op, batch, pool, gemm);
    }

    @Override
    public void activation(Activation a, Tensor x, Tensor y) {
        ActivationKernels.forward(a, x.segment(), y.segment(), x.shape().elementCount());
    }

    @Override
    public void activationBackward(Activation a, Tensor x, Tensor dy, Tensor dx) {
        ActivationKernels.backward(a, x.segment(), dy.segment(), dx.segment(), x.shape().elementCount());
    }

    private static int classes(Tensor t) {
        return t.shape().dim(t.shape().rank() - 1);
    }

    private static int rows(Tensor t) {
        return (int) (t.shape().elementCount() / classes(t));
    }

    @Override
    public void softmax(Tensor logits, Tensor probabilities) {
        SoftmaxKernels.softmax(logits.segment(), probabilities.segment(), rows(logits), classes(logits));
    }

    @Override
    public void softmaxBackward(Tensor probabilities, Tensor dy, Tensor dLogits) {
        SoftmaxKernels.softmaxBackward(probabilities.segment(), dy.segment(), dLogits.segment(), rows(dy),
                classes(dy));
    }

    @Override
    public void logSoftmax(Tensor logits, Tensor logProbabilities) {
        SoftmaxKernels.logSoftmax(logits.segment(), logProbabilities.segment(), rows(logits), classes(logits));
    }

    @Override
    public void logSoftmaxBackward(Tensor logProbabilities, Tensor dy, Tensor dLogits) {
        SoftmaxKernels.logSoftmaxBackward(logProbabilities.segment(), dy.segment(), dLogits.segment(), rows(dy),
                classes(dy));
    }

    @Override
    public float softmaxCrossEntropy(Tensor logits, int[] labels, Tensor dLogits) {
        return SoftmaxKernels.crossEntropy(logits.segment(), labels, dLogits == null ? null : dLogits.segment(),
                rows(logits), classes(logits));
    }

    @Override
    public void dropout(double p, long seed, Tensor x, Tensor y, Tensor mask) {
        DropoutKernels.forward(p, seed, x.segment(), y.segment(), mask.segment(), x.shape().elementCount());
    }

    @Override
    public void dropoutBackward(Tensor mask, Tensor dy, Tensor dx) {
        DropoutKernels.backward(mask.segment(), dy.segment(), dx.segment(), mask.shape().elementCount());
    }

    @Override
    public void add(Tensor a, Tensor b, Tensor y) {
        adder.add(a.segment(), b.segment(), y.segment(), a.shape().elementCount());
    }

    @Override
    public void sgdUpdate(Tensor w, Tensor g, Tensor velocity, float lr, float momentum, float weightDecay) {
        TrainingStepKernels.sgd(w.segment(), g.segment(), velocity == null ? null : velocity.segment(),
                w.shape().elementCount(), lr, momentum, weightDecay);
    }

    @Override
    public void adaGradUpdate(Tensor w, Tensor g, Tensor sumSquares, float lr, float weightDecay, float eps) {
        TrainingStepKernels.adaGrad(w.segment(), g.segment(), sumSquares.segment(), w.shape().elementCount(), lr,
                weightDecay, eps);
    }

    @Override
    public void adamUpdate(Tensor w, Tensor g, Tensor m, Tensor v, int step, float lr, float beta1, float beta2,
                           float eps, float weightDecay) {
        float stepSize = (float) (lr / (1 - Math.pow(beta1, step)));
        float invCorrection2Sqrt = (float) (1 / Math.sqrt(1 - Math.pow(beta2, step)));
        TrainingStepKernels.adam(w.segment(), g.segment(), m.segment(), v.segment(), w.shape().elementCount(),
                stepSize, invCorrection2Sqrt, beta1, beta2, eps, weightDecay);
    }

    @Override
    public void close() {
        pool.close();
    }
}
