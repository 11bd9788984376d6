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
 * <p>oneDNN 3.13's JIT kernel for LRN of any odd size is its {@code nhwc} one; on {@code nchw}
 * tensors it builds its reference kernel ({@code ref:any}) except for size 5 on some channel
 * counts (on {@code nChw16c} likewise). The reference kernel ran the CIFAR-style model's norm layer
 * (cifar_norm, AVX-512) 30x (forward) to 80x (backward) slower than the {@code nhwc} JIT kernel, so
 * a plan whose layout gets the reference kernel runs the first of {@code nhwc} and the
 * channel-blocked layout ({@link ChannelBlocking}) that gets a JIT kernel, between reorders
 * ({@link PassLayout#BLOCKED}).
 *
 * <p>That {@code nhwc} JIT kernel's backward is wrong on AVX-512 for windows of 7 or more over a
 * channel count above 16 that is not a multiple of 16 (e.g. 17-31, 33-47: dx off by 1e-3 on
 * values near 0.5; {@code DnnlLrnTest} sweeps sizes 3-15 over 1-70 channels, the forward was right
 * on all). Whatever the size, such a plan's backward runs in Java when its kernel is oneDNN's
 * {@code nhwc} JIT one and the channels are more than one vector block and not a multiple of it
 * (the block of {@link ChannelBlocking}). With {@code ONEDNN_MAX_CPU_ISA=AVX2} oneDNN 3.13 built
 * its reference kernel in every layout (the sweep passed), so the 8-channel block is a cautious
 * reading for AVX2, not a measured one.
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
    /** The format oneDNN's kernel runs in: {@link #tag} (PLAIN), else reordered to it (BLOCKED); -1 for Java. */
    private final int kernelTag;
    /** PLAIN or BLOCKED as {@link #kernelTag} says; {@code null} for Java. */
    private final PassLayout passLayout;
    /** oneDNN's implementation of the training forward in {@link #kernelTag}; {@code null} for Java. */
    private final String kernel;
    /** The computation of the passes oneDNN does not serve (both, or the backward); else {@code null}. */
    private final JavaLrn java;
    /** Whether the backward runs in {@link #java} while the forward runs in oneDNN. */
    private final boolean javaBackward;
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
        this.kernelTag = op.size() % 2 == 0 || op.size() == 1 ? -1 : kernelFormat();
        this.passLayout = kernelTag == -1 ? null : kernelTag == tag ? PassLayout.PLAIN : PassLayout.BLOCKED;
        this.kernel = kernelTag == -1 ? null : implementation(kernelTag);
        this.javaBackward = kernelTag == dnnl_h.dnnl_nhwc() && !kernel.startsWith("ref")
                && nhwcBackwardIsWrong(input.dim(1));
        this.java = kernelTag == -1 || javaBackward ? new JavaLrn(op, input, layout) : null;
    }

    /**
     * The first of the caller's format, {@code nhwc} and the channel-blocked one for which oneDNN
     * builds a JIT kernel, else the first it builds at all; -1 where it builds none (it checks the
     * op's parameters at descriptor creation).
     */
    private int kernelFormat() {
        int[] candidates = {tag, dnnl_h.dnnl_nhwc(), ChannelBlocking.ofThisCpu()};
        int built = -1;
        for (int candidate : candidates) {
            String implementation = implementation(candidate);
            if (implementation != null && !implementation.startsWith("ref")) {
                return candidate;
            }
            if (implementation != null && built == -1) {
                built = candidate;
            }
        }
        return built;
    }

    /** See the class comment: channel counts on which the {@code nhwc} JIT backward is not trusted. */
    private static boolean nhwcBackwardIsWrong(int channels) {
        int block = ChannelBlocking.ofThisCpu() == dnnl_h.dnnl_nChw16c() ? 16 : 8;
        return channels > block && channels % block != 0;
    }

    /** oneDNN's implementation of the training forward with its kernel in {@code format}, or {@code null} if none. */
    private String implementation(int format) {
        PassLayout candidate = format == tag ? PassLayout.PLAIN : PassLayout.BLOCKED;
        try (PrimitiveDesc pd = builder(dnnl_h.dnnl_forward_training(), format, tag).describe(candidate)) {
            return pd.implementation();
        } catch (DnnlException e) {
            return null;
        }
    }

    /** Whether the plan's forward runs in oneDNN (false: in Java). */
    boolean runsInOneDnn() {
        return kernelTag != -1;
    }

    /** Whether the plan's backward runs in oneDNN (false: in Java). */
    boolean backwardRunsInOneDnn() {
        return java == null;
    }

    /** oneDNN's implementation of the plan's training forward, e.g. {@code lrn_jit:avx512_core}; {@code null} in Java. */
    String kernel() {
        return kernel;
    }

    /** Where oneDNN runs the plan: PLAIN (the caller's tensors) or BLOCKED (between reorders); {@code null} in Java. */
    PassLayout passLayout() {
        return passLayout;
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
            if (kernelTag == -1) {
                java.forward(x.segment(), y.segment());
                return;
            }
            runtime.enterCurrentThread();
            if (forward == null) {
                forward = builder(dnnl_h.dnnl_forward_inference(), kernelTag, tag).build(passLayout);
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
        // the forward's output is never read: in the kernel's format it needs no reorder back
        PassBuilder training = builder(dnnl_h.dnnl_forward_training(), kernelTag, kernelTag);
        trainingHint = training.describe(passLayout);
        trainingForward = training.build(passLayout);
        // a blocked format pads the channels to a whole block
        try (MemoryDesc output = MemoryDesc.of(kernelTag, dims)) {
            forwardOutput = scratch.allocate(MemoryDesc.size(output.handle()), 64);
        }
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
        builder.blockedAs(kernelTag);
        backward = builder.hints(layout -> trainingHint).workspace(trainingForward.workspace()).build(passLayout);
    }

    /**
     * A forward in {@code kernelFormat} (as requested in BLOCKED; PLAIN keeps the declared ones), on
     * {@code x} in the caller's format and {@code y} in {@code outputFormat}.
     */
    private PassBuilder builder(int propKind, int kernelFormat, int outputFormat) {
        Engine engine = runtime.engine();
        float alpha = (float) op.alpha();
        float beta = (float) op.beta();
        float k = (float) op.k();
        PassBuilder builder = new PassBuilder(runtime, "dnnl_lrn_forward_primitive_desc_create",
                (out, md, hint, attr) -> dnnl_h.dnnl_lrn_forward_primitive_desc_create(out, engine.handle(), propKind,
                        dnnl_h.dnnl_lrn_across_channels(), md.apply(dnnl_h.DNNL_ARG_SRC()),
                        md.apply(dnnl_h.DNNL_ARG_DST()), op.size(), alpha, beta, k, attr));
        builder.input(dnnl_h.DNNL_ARG_SRC(), tag, dims);
        builder.output(dnnl_h.DNNL_ARG_DST(), outputFormat, dims);
        return builder.blockedAs(kernelFormat);
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
