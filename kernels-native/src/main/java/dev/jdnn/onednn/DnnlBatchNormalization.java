package dev.jdnn.onednn;

import dev.jdnn.BatchNorm2d;
import dev.jdnn.BatchNorm2dPlan;
import dev.jdnn.Layout;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.onednn.ffi.dnnl_h;

/**
 * A {@link BatchNorm2d} as oneDNN's {@code batch_normalization} on NCHW or NHWC tensors, with
 * separate {@code [c]} scale ({@code gamma}) and shift ({@code beta}) ({@code use_scale | use_shift}).
 * Three passes, each built on its first run: the training forward, which writes the batch mean
 * and the variance it normalised with; the inference forward ({@code use_global_stats}: the given
 * mean and variance); and the backward ({@code prop_kind backward}: {@code dx}, {@code dGamma},
 * {@code dBeta} from the training forward's mean and variance). oneDNN's variance is the biased
 * one, {@code Σ (x - mean)² / (n h w)}, which is the contract's, computed after the mean (two
 * passes, not a raw sum of squares), so a large mean does not swamp it. Epsilon is passed as a
 * float, as oneDNN takes it.
 *
 * <p>NHWC with a channel count that is not a multiple of 8 runs in {@link VectorNhwcBatchNorm}
 * instead (when module {@code jdk.incubator.vector} is present): oneDNN 3.13 serves those with its
 * generic {@code nspc_bnorm:any} kernel. Medians, 2 threads, AVX-512, 2026-12-06, training forward
 * / backward / inference in ms: [64, 6, 28, 28] (lenet-bn's bn1) oneDNN NHWC 0.95 / 1.58 / 0.38,
 * oneDNN NCHW 0.26 / 0.38 / 0.14 (generic {@code ncsp_bnorm:any} too, before any reorder), Java
 * 0.081 / 0.093 / 0.032; [500, 6, 28, 28] oneDNN NCHW 2.2 / 3.3 / 1.2, Java 1.8 / 2.3 / 0.87;
 * [64, 3, 14, 14] oneDNN 0.24 / 0.19 / 0.055, Java 0.012 / 0.010 / 0.004; [64, 20, 14, 14]
 * oneDNN 0.15 / 0.21 / 1.5, Java 0.069 / 0.078 / 0.028. 8, 16, 24, 32 channels run oneDNN's
 * JIT kernel ({@code bnorm_jit:avx512_core}; 0.04-0.09 ms forward at [64, c, 14, 14]) and stay.
 *
 * <p>{@link PlanUse} enforces one thread at a time.
 */
final class DnnlBatchNormalization implements BatchNorm2dPlan {
    private final BatchNorm2d op;
    private final PlanUse use;
    private final Shape input;
    private final Layout layout;
    private final OneDnnRuntime runtime;
    private final int tag;
    private final long[] dims;
    /** The Java path for NHWC channel counts oneDNN runs generically; null when oneDNN serves. */
    private final VectorNhwcBatchNorm java;
    private PrimitiveDesc trainingHint;
    private Pass training;
    private Pass inference;
    private Pass backward;

    DnnlBatchNormalization(BatchNorm2d op, Shape input, Layout layout, OneDnnRuntime runtime) {
        this.op = op;
        this.use = new PlanUse(op);
        this.input = input;
        this.layout = layout;
        this.runtime = runtime;
        this.tag = layout == Layout.NHWC ? dnnl_h.dnnl_nhwc() : dnnl_h.dnnl_nchw();
        this.dims = PlanGeometry.dims(input);
        this.java = layout == Layout.NHWC && JavaTrainingSteps.VECTOR_API && VectorNhwcBatchNorm.serves(op.channels())
                ? new VectorNhwcBatchNorm(input.dim(0), input.dim(1), input.dim(2), input.dim(3), op.epsilon())
                : null;
    }

    @Override
    public BatchNorm2d op() {
        return op;
    }

    @Override
    public Shape inputShape() {
        return input;
    }

    @Override
    public Layout layout() {
        return layout;
    }

    @Override
    public void forwardTraining(Tensor x, Tensor gamma, Tensor beta, Tensor y, Tensor mean, Tensor variance) {
        use.enter("BatchNorm2dPlan.forwardTraining");
        try {
            if (java != null) {
                java.forwardTraining(x.segment(), gamma.segment(), beta.segment(), y.segment(), mean.segment(),
                        variance.segment());
                return;
            }
            runtime.enterCurrentThread();
            if (training == null) {
                training = trainingBuilder().build(PassLayout.PLAIN);
            }
            training.attach(0, x.segment());
            training.attach(1, gamma.segment());
            training.attach(2, beta.segment());
            training.attach(3, y.segment());
            training.attach(4, mean.segment());
            training.attach(5, variance.segment());
            training.run();
        } finally {
            use.exit();
        }
    }

    @Override
    public void forwardInference(Tensor x, Tensor gamma, Tensor beta, Tensor mean, Tensor variance, Tensor y) {
        use.enter("BatchNorm2dPlan.forwardInference");
        try {
            if (java != null) {
                java.forwardInference(x.segment(), gamma.segment(), beta.segment(), mean.segment(), variance.segment(),
                        y.segment());
                return;
            }
            runtime.enterCurrentThread();
            if (inference == null) {
                inference = inferenceBuilder().build(PassLayout.PLAIN);
            }
            inference.attach(0, x.segment());
            inference.attach(1, gamma.segment());
            inference.attach(2, beta.segment());
            inference.attach(3, mean.segment());
            inference.attach(4, variance.segment());
            inference.attach(5, y.segment());
            inference.run();
        } finally {
            use.exit();
        }
    }

    @Override
    public void backward(Tensor x, Tensor dy, Tensor gamma, Tensor mean, Tensor variance, Tensor dx, Tensor dGamma,
                         Tensor dBeta) {
        use.enter("BatchNorm2dPlan.backward");
        try {
            if (java != null) {
                java.backward(x.segment(), dy.segment(), gamma.segment(), mean.segment(), variance.segment(),
                        dx.segment(), dGamma.segment(), dBeta.segment());
                return;
            }
            runtime.enterCurrentThread();
            if (backward == null) {
                backward = backwardBuilder().build(PassLayout.PLAIN);
            }
            backward.attach(0, x.segment());
            backward.attach(1, dy.segment());
            backward.attach(2, gamma.segment());
            backward.attach(3, mean.segment());
            backward.attach(4, variance.segment());
            backward.attach(5, dx.segment());
            backward.attach(6, dGamma.segment());
            backward.attach(7, dBeta.segment());
            backward.run();
        } finally {
            use.exit();
        }
    }

    private int scaleShift() {
        return dnnl_h.dnnl_use_scale() | dnnl_h.dnnl_use_shift();
    }

    private PassBuilder forwardBuilder(int propKind, int flags) {
        Engine engine = runtime.engine();
        float epsilon = (float) op.epsilon();
        return new PassBuilder(runtime, "dnnl_batch_normalization_forward_primitive_desc_create",
                (out, md, hint, attr) -> dnnl_h.dnnl_batch_normalization_forward_primitive_desc_create(out,
                        engine.handle(), propKind, md.apply(dnnl_h.DNNL_ARG_SRC()), md.apply(dnnl_h.DNNL_ARG_DST()),
                        epsilon, flags, attr));
    }

    private PassBuilder trainingBuilder() {
        PassBuilder builder = forwardBuilder(dnnl_h.dnnl_forward_training(), scaleShift());
        builder.input(dnnl_h.DNNL_ARG_SRC(), tag, dims);
        builder.input(dnnl_h.DNNL_ARG_SCALE(), dnnl_h.dnnl_x(), op.channels());
        builder.input(dnnl_h.DNNL_ARG_SHIFT(), dnnl_h.dnnl_x(), op.channels());
        builder.output(dnnl_h.DNNL_ARG_DST(), tag, dims);
        builder.output(dnnl_h.DNNL_ARG_MEAN(), dnnl_h.dnnl_x(), op.channels());
        builder.output(dnnl_h.DNNL_ARG_VARIANCE(), dnnl_h.dnnl_x(), op.channels());
        return builder;
    }

    private PassBuilder inferenceBuilder() {
        PassBuilder builder = forwardBuilder(dnnl_h.dnnl_forward_inference(),
                scaleShift() | dnnl_h.dnnl_use_global_stats());
        builder.input(dnnl_h.DNNL_ARG_SRC(), tag, dims);
        builder.input(dnnl_h.DNNL_ARG_SCALE(), dnnl_h.dnnl_x(), op.channels());
        builder.input(dnnl_h.DNNL_ARG_SHIFT(), dnnl_h.dnnl_x(), op.channels());
        builder.input(dnnl_h.DNNL_ARG_MEAN(), dnnl_h.dnnl_x(), op.channels());
        builder.input(dnnl_h.DNNL_ARG_VARIANCE(), dnnl_h.dnnl_x(), op.channels());
        builder.output(dnnl_h.DNNL_ARG_DST(), tag, dims);
        return builder;
    }

    private PassBuilder backwardBuilder() {
        if (trainingHint == null) {
            trainingHint = trainingBuilder().describe(PassLayout.PLAIN);
        }
        Engine engine = runtime.engine();
        float epsilon = (float) op.epsilon();
        int flags = scaleShift();
        PassBuilder builder = new PassBuilder(runtime, "dnnl_batch_normalization_backward_primitive_desc_create",
                (out, md, hint, attr) -> dnnl_h.dnnl_batch_normalization_backward_primitive_desc_create(out,
                        engine.handle(), dnnl_h.dnnl_backward(), md.apply(dnnl_h.DNNL_ARG_DIFF_SRC()),
                        md.apply(dnnl_h.DNNL_ARG_DIFF_DST()), md.apply(dnnl_h.DNNL_ARG_SRC()), epsilon, flags, hint,
                        attr));
        builder.input(dnnl_h.DNNL_ARG_SRC(), tag, dims);
        builder.input(dnnl_h.DNNL_ARG_DIFF_DST(), tag, dims);
        builder.input(dnnl_h.DNNL_ARG_SCALE(), dnnl_h.dnnl_x(), op.channels());
        builder.input(dnnl_h.DNNL_ARG_MEAN(), dnnl_h.dnnl_x(), op.channels());
        builder.input(dnnl_h.DNNL_ARG_VARIANCE(), dnnl_h.dnnl_x(), op.channels());
        builder.output(dnnl_h.DNNL_ARG_DIFF_SRC(), tag, dims);
        builder.output(dnnl_h.DNNL_ARG_DIFF_SCALE(), dnnl_h.dnnl_x(), op.channels());
        builder.output(dnnl_h.DNNL_ARG_DIFF_SHIFT(), dnnl_h.dnnl_x(), op.channels());
        PrimitiveDesc hint = trainingHint;
        return builder.hints(layout -> hint);
    }

    @Override
    public void close() {
        if (!use.close()) {
            return;
        }
        try {
            Closer.closeAll(backward, inference, training, trainingHint);
        } finally {
            backward = null;
            inference = null;
            training = null;
            trainingHint = null;
        }
    }
}
