package dev.jdnn.onednn;

import dev.jdnn.Layout;
import dev.jdnn.Lrn;
import dev.jdnn.LrnPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.onednn.ffi.dnnl_h;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * An {@link Lrn} as oneDNN's {@code lrn_across_channels} on NCHW or NHWC tensors where oneDNN
 * computes the contract's op, else in {@link JavaLrn}. oneDNN's definition is
 * {@code dst = src * (k + alpha / size * Σ_{i = -(size-1)/2}^{(size+1)/2 - 1} src[c+i]²)^-beta}:
 * the same alpha-over-size scaling as PyTorch's, and for an odd size the same window
 * {@code [c - (size-1)/2, c + (size-1)/2]}, channels outside the tensor contributing nothing. For
 * an even size PyTorch's window {@code [c - size/2, c + size/2 - 1]} leans one channel towards
 * lower indices, which oneDNN's formula does not express, so even sizes run in Java, as does any
 * op oneDNN declines to build, and size 1: oneDNN 3.13's JIT backward kernel for {@code nhwc}
 * crashes the process (SIGSEGV while generating its code) at local size 1, found by the contract
 * suite (1 and 3 channels; 16 and 64 too), and a window of one channel is a plain scaling that
 * Java computes at memory speed anyway. The backward needs the forward's workspace, and the caller passes
 * {@code x}, so it runs a training forward into plan-owned scratch first.
 *
 * <p>{@link PlanUse} enforces one thread at a time.
 */
final class DnnlLrn implements LrnPlan {
    private final Lrn op;
    private final PlanUse use;
    private final Shape input;
    private final Layout layout;
    private final OneDnnRuntime runtime;
    private final int tag;
    private final long[] dims;
    /** The plan's computation when oneDNN does not serve it; else {@code null}. */
    private final JavaLrn java;
    private final Arena scratch = Arena.ofShared();
    private Pass forward;
    private Pass trainingForward;
    private PrimitiveDesc trainingHint;
    private Pass backward;
    private MemorySegment forwardOutput;

    DnnlLrn(Lrn op, Shape input, Layout layout, OneDnnRuntime runtime) {
        this.op = op;
        this.use = new PlanUse(op);
        this.input = input;
        this.layout = layout;
        this.runtime = runtime;
        this.tag = layout == Layout.NHWC ? dnnl_h.dnnl_nhwc() : dnnl_h.dnnl_nchw();
        this.dims = PlanGeometry.dims(input);
        this.java = op.size() % 2 == 0 || op.size() == 1 || !oneDnnBuilds() ? new JavaLrn(op, input, layout) : null;
    }

    /** Whether oneDNN accepts the op on this shape (it checks its parameters at descriptor creation). */
    private boolean oneDnnBuilds() {
        try (PrimitiveDesc pd = builder(dnnl_h.dnnl_forward_training()).describe(PassLayout.PLAIN)) {
            return pd != null;
        } catch (DnnlException e) {
            return false;
        }
    }

    /** Whether the plan runs in oneDNN (false: in Java). */
    boolean runsInOneDnn() {
        return java == null;
    }

    @Override
    public Lrn op() {
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
    public void forward(Tensor x, Tensor y) {
        use.enter("LrnPlan.forward");
        try {
            if (java != null) {
                java.forward(x.segment(), y.segment());
                return;
            }
            runtime.enterCurrentThread();
            if (forward == null) {
                forward = builder(dnnl_h.dnnl_forward_inference()).build(PassLayout.PLAIN);
            }
            forward.attach(0, x.segment());
            forward.attach(1, y.segment());
            forward.run();
        } finally {
            use.exit();
        }
    }

    @Override
    public void backward(Tensor x, Tensor dy, Tensor dx) {
        use.enter("LrnPlan.backward");
        try {
            if (java != null) {
                java.backward(x.segment(), dy.segment(), dx.segment());
                return;
            }
            runtime.enterCurrentThread();
            if (backward == null) {
                buildBackward();
            }
            trainingForward.attach(0, x.segment());
            trainingForward.attach(1, forwardOutput);
            trainingForward.run();
            backward.attach(0, x.segment());
            backward.attach(1, dy.segment());
            backward.attach(2, dx.segment());
            backward.run();
        } finally {
            use.exit();
        }
    }

    private void buildBackward() {
        PassBuilder training = builder(dnnl_h.dnnl_forward_training());
        trainingHint = training.describe(PassLayout.PLAIN);
        trainingForward = training.build(PassLayout.PLAIN);
        forwardOutput = scratch.allocate(input.elementCount() * Float.BYTES, 64);
        Engine engine = runtime.engine();
        float alpha = (float) op.alpha();
        float beta = (float) op.beta();
        float k = (float) op.k();
        PassBuilder builder = new PassBuilder(runtime, "dnnl_lrn_backward_primitive_desc_create",
                (out, md, hint, attr) -> dnnl_h.dnnl_lrn_backward_primitive_desc_create(out, engine.handle(),
                        dnnl_h.dnnl_lrn_across_channels(), md.apply(dnnl_h.DNNL_ARG_DIFF_SRC()),
                        md.apply(dnnl_h.DNNL_ARG_DIFF_DST()), md.apply(dnnl_h.DNNL_ARG_SRC()), op.size(), alpha, beta,
                        k, hint, attr));
        builder.input(dnnl_h.DNNL_ARG_SRC(), tag, dims);
        builder.input(dnnl_h.DNNL_ARG_DIFF_DST(), tag, dims);
        builder.output(dnnl_h.DNNL_ARG_DIFF_SRC(), tag, dims);
        backward = builder.hints(layout -> trainingHint).workspace(trainingForward.workspace()).build(PassLayout.PLAIN);
    }

    private PassBuilder builder(int propKind) {
        Engine engine = runtime.engine();
        float alpha = (float) op.alpha();
        float beta = (float) op.beta();
        float k = (float) op.k();
        PassBuilder builder = new PassBuilder(runtime, "dnnl_lrn_forward_primitive_desc_create",
                (out, md, hint, attr) -> dnnl_h.dnnl_lrn_forward_primitive_desc_create(out, engine.handle(), propKind,
                        dnnl_h.dnnl_lrn_across_channels(), md.apply(dnnl_h.DNNL_ARG_SRC()),
                        md.apply(dnnl_h.DNNL_ARG_DST()), op.size(), alpha, beta, k, attr));
        builder.input(dnnl_h.DNNL_ARG_SRC(), tag, dims);
        builder.output(dnnl_h.DNNL_ARG_DST(), tag, dims);
        return builder;
    }

    @Override
    public void close() {
        if (!use.close()) {
            return;
        }
        try {
            Closer.closeAll(backward, trainingForward, forward, trainingHint);
        } finally {
            backward = null;
            trainingForward = null;
            forward = null;
            trainingHint = null;
            scratch.close();
        }
    }
}
