package dev.jdnn.onednn;

import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Padding;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.onednn.ffi.dnnl_h;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Conv2d} as three oneDNN convolution passes over NCHW or NHWC tensors: forward (with
 * bias and the op's fused activation as an eltwise post-op), backward data, backward weights (with
 * bias gradient). Each pass is built on its first run, once. Over NCHW tensors it is built in the
 * {@link PassLayout} {@link LayoutChoice} picks for it (the fastest on this machine when the pass is
 * big enough to time). Over NHWC tensors the activations are handed to oneDNN as {@code nhwc}
 * ({@link PassLayout#PLAIN_ACTIVATIONS}): its blocked-weight kernels read and write that layout
 * directly, so no activation is reordered on any call, and only the weights (tiny beside the
 * activations) pass through a reorder when oneDNN wants them blocked. Afterwards a run only
 * re-points memory handles at the caller's tensors and executes. Weights of a grouped convolution are described as {@code goihw}
 * ({@code [g, k/g, c/g, r, s]}), which is the caller's {@code [k, c/g, r, s]} byte for byte.
 * PyTorch's dilation {@code d} is oneDNN's {@code d - 1}. A stride far larger than the kernel
 * runs in {@link DirectConvolution} instead, where oneDNN's cost follows the stride, not the work.
 *
 * <p>{@link PlanUse} enforces one thread at a time: a second thread, or a close during a run,
 * gets {@link IllegalStateException}.
 */
final class DnnlConvolution implements Conv2dPlan {
    private static final List<PassLayout> NHWC_CANDIDATES = List.of(PassLayout.PLAIN_ACTIVATIONS, PassLayout.PLAIN);
    /**
     * Input channels below which an NHWC backward data over fewer than
     * {@link #NHWC_SMALL_CHANNEL_BACKWARD_DATA_FILTERS_BELOW} filters takes the layouts
     * {@link LayoutChoice#smallChannelNhwcBackwardData} lists (channel-blocked first by default:
     * fewer channels than one AVX-512 channel block), untimed.
     */
    private static final int NHWC_BLOCKED_BACKWARD_DATA_BELOW = 16;
    /**
     * Filters from which an NHWC backward data over few input channels stays with oneDNN's first
     * choice ({@code brg_conv_bwd} on the NHWC tensors, as from C) instead of the small-channel
     * rule: there the reduction over the filters fills brgemm's vectors and the jit kernel is
     * slower. AVX-512, batch 64, from C with NHWC tensors, ms brg / jit at 1 and 2 threads: the
     * CIFAR-style conv1 (3 to 64 filters 5x5, 32x32) 18.2 / 21.0 and 9.3 / 10.4, VGG-16's conv1_1
     * (3 to 64, 3x3, 224x224, batch 8) 39.0 / 51.9 and 20.3 / 26.6, one channel to 64 filters 5x5
     * 11.7 / 13.6 and 7.0 / 7.5; below it jit wins: LeNet-5's conv1 (1 to 6) 1.28 / 1.04, its conv2
     * (6 to 16) 1.11 / 0.49 and 0.58 / 0.25, 6 or 12 channels to 32 filters 1.31 / 0.85, 1.30 / 0.87
     * ({@code measurements/nconvc-2026-12-06g}).
     */
    private static final int NHWC_SMALL_CHANNEL_BACKWARD_DATA_FILTERS_BELOW = 64;
    /**
     * Input channels below which an NHWC forward takes oneDNN's {@code jit:avx512_core} kernel
     * where oneDNN lists it right after its first choice, {@code brg_conv_fwd:avx512_core}, unless
     * {@link #keepsBrgemmForward} holds. On AVX-512, 2 threads, from C with NHWC tensors, median ms
     * (cold caches between calls): LeNet-5's conv1 (64x1x28x28, 6 filters 5x5 pad 2, ReLU) brg 0.33
     * against jit 0.14 (0.24 / 0.11 warm), its conv2 (64x6x14x14, 16 filters 5x5) 0.133 / 0.100, 3
     * channels to 6 or 16 filters 0.61-0.68 / 0.38-0.40, one channel to 64 filters 0.85 / 0.66; 64
     * channels to 64 (the CIFAR-style conv2) 6.5 / 6.8, so the rule stops at one AVX-512 channel block.
     */
    private static final int NHWC_JIT_FORWARD_BELOW = 16;
    /** The window (rows and columns) on which an NHWC forward over few channels may keep brgemm. */
    private static final int NHWC_BRGEMM_FORWARD_WINDOW = 5;
    /** Input channels from which a 5x5 NHWC forward keeps brgemm (below: jit, see {@link #keepsBrgemmForward}). */
    private static final int NHWC_BRGEMM_FORWARD_CHANNELS_FROM = 3;
    /** Filters from which a 5x5 NHWC forward keeps brgemm (below: jit, see {@link #keepsBrgemmForward}). */
    private static final int NHWC_BRGEMM_FORWARD_FILTERS_FROM = 32;
    private static final String BRGEMM_FORWARD = "brg_conv_fwd:avx512_core";
    private static final String BRGEMM_BACKWARD_DATA = "brg_conv_bwd:avx512_core+brg_conv_fwd:avx512_core";
    private static final String JIT_AVX512 = "jit:avx512_core";
    private static final String JIT_1X1_AVX2 = "jit_1x1:avx2";
    private static final String GEMM = "x64:gemm:jit";

    private final Conv2d op;
    private final PlanUse use;
    private final Shape input;
    private final Shape output;
    private final OneDnnRuntime runtime;
    private final LayoutChoice layouts;
    private final Arena geometry = Arena.ofShared();
    private final MemorySegment strides;
    private final MemorySegment dilates;
    private final MemorySegment padLeft;
    private final MemorySegment padRight;
    private final long[] srcDims;
    private final long[] dstDims;
    private final long[] weightDims;
    private final int weightTag;
    private final dev.jdnn.Layout layout;
    /** {@code nchw} or {@code nhwc}: the caller's activations. */
    private final int activationTag;
    /**
     * The tag of {@code x} and {@code dx}: {@link #activationTag}, except {@code nchw} for an NHWC
     * input of one channel (whose bytes are the same in both layouts) with one output column and a
     * column stride above 1. oneDNN 3.13's brgemm forward convolution on such an {@code nhwc}
     * source computes wrong rows (the contract fuzz found {@code [1,1,3,7]}, kernel 3x5, stride
     * 1x3: 6 of 9 outputs off by up to 3.9; probed: every failing geometry had one input channel,
     * one output column and a column stride above 1; stride 1, two channels or two output columns
     * are right). The {@code nchw} description leads oneDNN to its reference kernel there, which
     * is right and, on such thin shapes, cheap; on every other one-channel shape (LeNet-5's conv1)
     * it would be 300x slower than the {@code nhwc} kernel, so the rule is kept that narrow.
     */
    private final int sourceTag;
    private final double flop;
    private final Map<PassLayout, PrimitiveDesc> forwardHints = new EnumMap<>(PassLayout.class);
    /** The plan's passes in Java when oneDNN's cost would not follow the work; else {@code null}. */
    private final DirectConvolution direct;
    /**
     * The passes' computation when oneDNN's im2col kernel would meet a non-finite value with a padded
     * cell ({@link #im2colMeetsNonFinite}); made on first use.
     */
    private DirectConvolution nonFiniteFallback;
    private Pass forward;
    private Pass backwardData;
    private Pass backwardWeights;

    DnnlConvolution(Conv2d op, Shape input, dev.jdnn.Layout layout, OneDnnRuntime runtime, LayoutChoice layouts) {
        this.op = op;
        this.layout = layout;
        this.activationTag = layout == dev.jdnn.Layout.NHWC ? dnnl_h.dnnl_nhwc() : dnnl_h.dnnl_nchw();
        this.use = new PlanUse(op);
        this.input = input;
        this.output = op.outputShape(input);
        this.sourceTag = op.inChannels() == 1 && output.dim(3) == 1 && op.strideW() > 1 ? dnnl_h.dnnl_nchw()
                : activationTag;
        this.runtime = runtime;
        this.layouts = layouts;
        strides = PlanGeometry.pair(geometry, op.strideH(), op.strideW());
        dilates = PlanGeometry.pair(geometry, op.dilationH() - 1, op.dilationW() - 1);
        padLeft = PlanGeometry.pair(geometry, op.padding().top(), op.padding().left());
        padRight = PlanGeometry.pair(geometry, op.padding().bottom(), op.padding().right());
        srcDims = PlanGeometry.dims(input);
        dstDims = PlanGeometry.dims(output);
        int g = op.groups();
        if (g > 1) {
            weightDims = new long[] {g, op.outChannels() / g, op.inChannels() / g, op.kernelH(), op.kernelW()};
            weightTag = dnnl_h.dnnl_goihw();
        } else {
            weightDims = new long[] {op.outChannels(), op.inChannels(), op.kernelH(), op.kernelW()};
            weightTag = dnnl_h.dnnl_oihw();
        }
        direct = DirectConvolution.suits(op) ? new DirectConvolution(op, input, output, layout) : null;
        flop = 2.0 * output.elementCount() * (op.inChannels() / g) * op.kernelH() * op.kernelW();
    }

    @Override
    public Conv2d op() {
        return op;
    }

    @Override
    public Shape inputShape() {
        return input;
    }

    @Override
    public Shape outputShape() {
        return output;
    }

    @Override
    public dev.jdnn.Layout layout() {
        return layout;
    }

    private List<PassLayout> candidates() {
        return layout == dev.jdnn.Layout.NHWC ? NHWC_CANDIDATES : layouts.candidates(flop);
    }

    private boolean timed() {
        return layout == dev.jdnn.Layout.NCHW && layouts.timed(flop);
    }

    /**
     * Whether {@code pass} runs oneDNN's im2col + GEMM kernel ({@code gemm} in its name) on a padded
     * geometry and {@code operand} holds NaN or an infinity. That kernel multiplies the zeros it
     * writes for padded cells like real ones: in the forward with the weights, in the backward
     * weights with dy, so an infinite weight or gradient gives {@code 0 * Inf = NaN} where the
     * contract has padded cells take no part. oneDNN picks it for the backward weights of small
     * convolutions on AVX2 ({@code x64:gemm:jit}; found with {@code ONEDNN_MAX_CPU_ISA=AVX2}, which
     * the contract's {@code convPaddedCellsNeverMeetAnInfiniteWeightOrGradient} failed). Such calls
     * run in {@link DirectConvolution}, which visits only real cells; others pay one scan of the
     * operand, only on im2col passes.
     */
    private boolean im2colMeetsNonFinite(Pass pass, Tensor operand) {
        Padding p = op.padding();
        return (p.top() | p.left() | p.bottom() | p.right()) != 0 && pass.implementation().contains("gemm")
                && NonFinite.any(operand.segment(), operand.shape().elementCount());
    }

    private DirectConvolution fallback() {
        if (nonFiniteFallback == null) {
            nonFiniteFallback = new DirectConvolution(op, input, output, layout);
        }
        return nonFiniteFallback;
    }

    @Override
    public void forward(Tensor x, Tensor w, Tensor b, Tensor y) {
        use.enter("Conv2dPlan.forward");
        try {
            if (direct != null) {
                direct.forward(x.segment(), w.segment(), op.bias() ? b.segment() : null, y.segment());
                if (op.activation() != null) {
                    JavaActivation.forward(op.activation(), y.segment(), y.segment(), output.elementCount());
                }
                return;
            }
            runtime.enterCurrentThread();
            if (forward == null) {
                forward = forwardBuilder().buildFastest(candidates(), timed());
            }
            if (im2colMeetsNonFinite(forward, w)) {
                fallback().forward(x.segment(), w.segment(), op.bias() ? b.segment() : null, y.segment());
                if (op.activation() != null) {
                    JavaActivation.forward(op.activation(), y.segment(), y.segment(), output.elementCount());
                }
                return;
            }
            forward.attach(0, x.segment());
            forward.attach(1, w.segment());
            int next = 2;
            if (op.bias()) {
                forward.attach(next++, b.segment());
            }
            forward.attach(next, y.segment());
            forward.run();
        } finally {
            use.exit();
        }
    }

    @Override
    public void backwardData(Tensor dy, Tensor w, Tensor dx) {
        use.enter("Conv2dPlan.backwardData");
        try {
            if (direct != null) {
                direct.backwardData(dy.segment(), w.segment(), dx.segment());
                return;
            }
            runtime.enterCurrentThread();
            if (backwardData == null) {
                backwardData = layout == dev.jdnn.Layout.NHWC && input.dim(1) < NHWC_BLOCKED_BACKWARD_DATA_BELOW
                        && op.outChannels() < NHWC_SMALL_CHANNEL_BACKWARD_DATA_FILTERS_BELOW
                        ? smallChannelNhwcBackwardData()
                        : backwardDataBuilder().buildFastest(candidates(), timed());
            }
            backwardData.attach(0, dy.segment());
            backwardData.attach(1, w.segment());
            backwardData.attach(2, dx.segment());
            backwardData.run();
        } finally {
            use.exit();
        }
    }

    @Override
    public void backwardWeights(Tensor x, Tensor dy, Tensor dw, Tensor db) {
        use.enter("Conv2dPlan.backwardWeights");
        try {
            if (direct != null) {
                direct.backwardWeights(x.segment(), dy.segment(), dw.segment(), op.bias() ? db.segment() : null);
                return;
            }
            runtime.enterCurrentThread();
            if (backwardWeights == null) {
                backwardWeights = backwardWeightsBuilder().buildFastest(candidates(), timed());
            }
            if (im2colMeetsNonFinite(backwardWeights, dy)) {
                fallback().backwardWeights(x.segment(), dy.segment(), dw.segment(), op.bias() ? db.segment() : null);
                return;
            }
            backwardWeights.attach(0, x.segment());
            backwardWeights.attach(1, dy.segment());
            backwardWeights.attach(2, dw.segment());
            if (op.bias()) {
                backwardWeights.attach(3, db.segment());
            }
            backwardWeights.run();
        } finally {
            use.exit();
        }
    }

    /** The layout and implementation of each pass built so far, for diagnostics and benchmarks. */
    String describePasses() {
        return "forward=" + Pass.describe(forward) + " backwardData=" + Pass.describe(backwardData)
                + " backwardWeights=" + Pass.describe(backwardWeights);
    }


    /** Reorders per call of each pass built so far (forward, backward data, backward weights; -1 if not built). */
    int[] reordersPerPass() {
        return new int[] {forward == null ? -1 : forward.reorders(), backwardData == null ? -1 : backwardData.reorders(),
            backwardWeights == null ? -1 : backwardWeights.reorders()};
    }

    /** The bytes of buffers the passes built so far hold, for tests of the scratch budget. */
    long bufferBytes() {
        return Pass.bufferBytes(forward) + Pass.bufferBytes(backwardData) + Pass.bufferBytes(backwardWeights);
    }

    /**
     * An NHWC backward data over fewer input channels than one channel block: unless a layout is
     * forced ({@link LayoutChoice#nhwcJitBackwardDataFirst}), oneDNN's {@code jit:avx512_core}
     * kernel on the caller's NHWC tensors where oneDNN lists it right after its first choice
     * ({@code brg_conv_bwd}), else the layouts {@link LayoutChoice#smallChannelNhwcBackwardData} lists. Untimed, so dx's bits never depend on a timing. LeNet-5's conv2 (64x6x14x14, 16
     * filters 5x5; AVX-512, 2 threads, from C, cold caches): NHWC {@code jit:avx512_core} 0.249 ms,
     * NHWC {@code brg_conv_bwd} 0.521, channel-blocked {@code jit:avx512_core} 0.221 plus 0.09-0.11
     * ms of reorders of dy and dx.
     */
    private Pass smallChannelNhwcBackwardData() {
        List<PassLayout> listed = layouts.smallChannelNhwcBackwardData();
        if (layouts.nhwcJitBackwardDataFirst()) {
            try {
                Pass plain = backwardDataBuilder()
                        .preferImplementation(BRGEMM_BACKWARD_DATA, JIT_AVX512)
                        .build(PassLayout.PLAIN_ACTIVATIONS);
                if (plain.implementation().equals(JIT_AVX512)) {
                    return plain;
                }
                plain.close();
            } catch (DnnlException | PassBuilder.BudgetExceeded e) {
                // Not buildable in NHWC here: the listed layouts decide, as before.
            }
        }
        return backwardDataBuilder().buildFastest(listed, false);
    }

    private PassBuilder forwardBuilder() {
        Engine engine = runtime.engine();
        PassBuilder builder = new PassBuilder(runtime, "dnnl_convolution_forward_primitive_desc_create",
                (out, md, hint, attr) -> dnnl_h.dnnl_convolution_forward_primitive_desc_create(out, engine.handle(),
                        dnnl_h.dnnl_forward_training(), dnnl_h.dnnl_convolution_direct(), md.apply(dnnl_h.DNNL_ARG_SRC()),
                        md.apply(dnnl_h.DNNL_ARG_WEIGHTS()), md.apply(dnnl_h.DNNL_ARG_BIAS()),
                        md.apply(dnnl_h.DNNL_ARG_DST()), strides, dilates, padLeft, padRight, attr));
        builder.input(dnnl_h.DNNL_ARG_SRC(), sourceTag, srcDims);
        builder.input(dnnl_h.DNNL_ARG_WEIGHTS(), weightTag, weightDims);
        if (op.bias()) {
            builder.input(dnnl_h.DNNL_ARG_BIAS(), dnnl_h.dnnl_x(), op.outChannels());
        }
        builder.output(dnnl_h.DNNL_ARG_DST(), activationTag, dstDims);
        if (layout == dev.jdnn.Layout.NHWC && input.dim(1) < NHWC_JIT_FORWARD_BELOW && !keepsBrgemmForward()) {
            builder.preferImplementation(BRGEMM_FORWARD, JIT_AVX512);
        }
        return builder.postOp(op.activation());
    }

    /**
     * Whether an NHWC forward over fewer than {@link #NHWC_JIT_FORWARD_BELOW} input channels keeps
     * oneDNN's first choice, {@code brg_conv_fwd}: on a 5x5 window over 3 or more channels and 32 or more
     * filters. Measured from C with NHWC tensors on AVX-512, 53 shapes, jit / brg per round over 3
     * alternating rounds in one process; ranges over 1 and 2 threads, with and without a fused ReLU.
     * Brgemm wins on 5x5: the CIFAR-style conv1 (64x3x32x32 to 64 filters, pad 2) 1.02-1.14 in two of
     * three runs, level in the third; 3 to 64 filters on 56x56 1.02-1.09, 4 to 64 1.05-1.09, 6, 8 or 12 to
     * 32 filters on 32x32 1.05-1.13, 6 or 8 to 64 0.94-1.10, 3 to 128 0.98-1.09, stride 2 0.97-1.06. Jit
     * wins to 16 filters (0.65-0.96, LeNet-5's conv2 among them), on one or two channels (0.41-0.96,
     * LeNet-5's conv1 0.41-0.43) and on the other windows: 3x3 0.64-1.01 (VGG-16's conv1_1 0.90-0.97), 4x4
     * 0.65-0.91, 7x7 mostly (0.67-1.06, ResNet's stem 0.89-1.00). Neither the thread count nor the ReLU
     * moves the line (ratio 2 threads over 1, ReLU over none: medians 1.00-1.01): where one setting flips
     * a shape (2 threads with ReLU on 4 of the 13 clearly brgemm ones, by 3-7%), the other three keep its
     * order. The rule picks the faster kernel, or one level with it, on 48 of the 53 shapes; on five it is
     * 2-7% off (median of the four settings), left so because the kernels' order there follows no simple
     * measure of the shape (5x5 3 to 64 filters brg, to 96 jit, to 128 level): 5x5 3 to 96 filters and 6
     * to 32 on 14x14 want jit; 7x7 3 to 32 and 8 to 64 filters on 32x32 and AlexNet's conv1 (11x11 stride
     * 4) lean brgemm ({@code measurements/nconvc3-2026-12-07}).
     */
    private boolean keepsBrgemmForward() {
        return op.kernelH() == NHWC_BRGEMM_FORWARD_WINDOW && op.kernelW() == NHWC_BRGEMM_FORWARD_WINDOW
                && input.dim(1) >= NHWC_BRGEMM_FORWARD_CHANNELS_FROM
                && op.outChannels() >= NHWC_BRGEMM_FORWARD_FILTERS_FROM;
    }

    private PrimitiveDesc forwardHint(PassLayout layout) {
        return forwardHints.computeIfAbsent(layout, l -> forwardBuilder().describe(l));
    }

    private PassBuilder backwardDataBuilder() {
        Engine engine = runtime.engine();
        PassBuilder builder = new PassBuilder(runtime, "dnnl_convolution_backward_data_primitive_desc_create",
                (out, md, hint, attr) -> dnnl_h.dnnl_convolution_backward_data_primitive_desc_create(out,
                        engine.handle(), dnnl_h.dnnl_convolution_direct(), md.apply(dnnl_h.DNNL_ARG_DIFF_SRC()),
                        md.apply(dnnl_h.DNNL_ARG_WEIGHTS()), md.apply(dnnl_h.DNNL_ARG_DIFF_DST()), strides, dilates,
                        padLeft, padRight, hint, attr));
        builder.input(dnnl_h.DNNL_ARG_DIFF_DST(), activationTag, dstDims);
        builder.input(dnnl_h.DNNL_ARG_WEIGHTS(), weightTag, weightDims);
        builder.output(dnnl_h.DNNL_ARG_DIFF_SRC(), sourceTag, srcDims);
        return builder.hints(this::forwardHint);
    }

    private PassBuilder backwardWeightsBuilder() {
        Engine engine = runtime.engine();
        PassBuilder builder = new PassBuilder(runtime, "dnnl_convolution_backward_weights_primitive_desc_create",
                (out, md, hint, attr) -> dnnl_h.dnnl_convolution_backward_weights_primitive_desc_create(out,
                        engine.handle(), dnnl_h.dnnl_convolution_direct(), md.apply(dnnl_h.DNNL_ARG_SRC()),
                        md.apply(dnnl_h.DNNL_ARG_DIFF_WEIGHTS()), md.apply(dnnl_h.DNNL_ARG_DIFF_BIAS()),
                        md.apply(dnnl_h.DNNL_ARG_DIFF_DST()), strides, dilates, padLeft, padRight, hint, attr));
        builder.input(dnnl_h.DNNL_ARG_SRC(), sourceTag, srcDims);
        builder.input(dnnl_h.DNNL_ARG_DIFF_DST(), activationTag, dstDims);
        builder.output(dnnl_h.DNNL_ARG_DIFF_WEIGHTS(), weightTag, weightDims);
        if (op.bias()) {
            builder.output(dnnl_h.DNNL_ARG_DIFF_BIAS(), dnnl_h.dnnl_x(), op.outChannels());
        }
        if (op.kernelH() == 1 && op.kernelW() == 1 && (op.strideH() > 1 || op.strideW() > 1)) {
            // oneDNN 3.13's jit_1x1:avx2 backward weights of a strided 1x1 over NHWC computed every dw
            // wrong (4 -> 8 channels, stride 2x1, x [2, 4, 4, 31]; the contract suite with
            // ONEDNN_MAX_CPU_ISA=AVX2): its next implementation is taken instead
            builder.preferImplementation(JIT_1X1_AVX2, GEMM);
        }
        return builder.hints(this::forwardHint);
    }

    @Override
    public void close() {
        if (!use.close()) {
            return;
        }
        try {
            Closer.closeAll(backwardWeights, backwardData, forward);
        } finally {
            backwardWeights = null;
            backwardData = null;
            forward = null;
            try {
                Closer.closeAll(forwardHints.values().toArray(AutoCloseable[]::new));
            } finally {
                forwardHints.clear();
                geometry.close();
            }
        }
    }
}
