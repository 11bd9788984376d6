package dev.jdnn.onednn;

import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.Workspace;
import dev.jdnn.onednn.ffi.dnnl_h;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.EnumMap;
import java.util.Map;

/**
 * A {@link Pool2d} as oneDNN pooling on NCHW or NHWC tensors. PyTorch's rules map as follows: average
 * pooling's {@code countIncludePad} picks {@code pooling_avg_include_padding} or
 * {@code _exclude_padding}; {@code ceilMode} (and floor mode's unused trailing rows) become the
 * right/bottom padding that makes oneDNN's floor formula give the op's output size. Max pooling's
 * backward needs the forward's argmax, oneDNN's workspace: {@link #newWorkspace()} gives a
 * {@link PoolingWorkspace} holding one, which {@link #forward(Tensor, Tensor, Workspace)} fills
 * with a training forward and {@link #backward(Workspace, Tensor, Tensor)} reads, never running
 * the forward again; {@link #backward(Tensor, Tensor, Tensor)}, given only {@code x}, runs a
 * training forward into plan-owned scratch first. oneDNN records the first maximum of each window,
 * as the contract asks. Where PyTorch's average divisor differs
 * from oneDNN's, {@link AveragePoolDivisor} corrects it. Max pooling of an input holding NaN or an
 * infinity runs in {@link MaxPoolWindows} instead (found by a {@link NonFinite} scan of the
 * input on every call): oneDNN skips NaN and starts its maximum from {@code -FLT_MAX}. Over NHWC
 * with at least two images per thread, the forwards scan and pool chunk by chunk on oneDNN's
 * OpenMP team ({@link ScannedPoolingForward}): the scan of a whole input on the calling thread
 * took longer than the two-thread primitive (pool_cifar, AVX-512: 0.21-0.33 ms beside 0.18 ms).
 * The NHWC max windows 3x3 stride 2 padded by one (the ResNet stem) and, on two or more threads,
 * 2x2 stride 2 run in {@link VectorNhwcMaxPool} instead when the Vector API is present: one Java
 * pass that pools, writes oneDNN's workspace and watches for NaN, reading {@code x} once.
 * Over NHWC windows that tile the input, on fewer than 16 channels (oneDNN's backward runs them in
 * masked vectors), the workspace backward is {@link TiledMaxPoolBackward}, a Java pass reading
 * oneDNN's workspace.
 *
 * <p>Over NCHW, a pass over a large enough input is built channel-blocked ({@link ChannelBlocking},
 * with reorders from and to the caller's tensors) and plain, and keeps the faster
 * ({@link LayoutChoice#poolingCandidates}); the backward pass takes the layout the training
 * forward chose, since the two share the workspace. Over NHWC the passes take the caller's
 * {@code nhwc} tensors directly (oneDNN's channels-innermost kernels vectorise over channels), so
 * no activation is reordered.
 *
 * <p>{@link PlanUse} enforces one thread at a time: a second thread, or a close during a run,
 * gets {@link IllegalStateException}.
 */
final class DnnlPooling implements Pool2dPlan {
    private final Pool2d op;
    private final PlanUse use;
    private final Shape input;
    private final Shape output;
    private final OneDnnRuntime runtime;
    private final LayoutChoice layouts;
    private final Arena scratch = Arena.ofShared();
    private final MemorySegment strides;
    private final MemorySegment kernel;
    private final MemorySegment dilation;
    private final MemorySegment padLeft;
    private final MemorySegment padRight;
    private final long[] srcDims;
    private final long[] dstDims;
    private final int algorithm;
    private final AveragePoolDivisor overhang;
    /** Max pooling of inputs holding NaN or infinities, which oneDNN gets wrong; else {@code null}. */
    private final MaxPoolWindows nonFiniteMax;
    private final MemorySegment scaledGradient;
    private final dev.jdnn.Layout layout;
    private final int activationTag;
    private final TensorStrides outputStrides;
    /** The plan's own oneDNN workspace for {@link #backward(Tensor, Tensor, Tensor)}; {@code null} until built. */
    private MemorySegment ownWorkspace;
    private Pass forward;
    private Pass trainingForward;
    private final Map<PassLayout, PrimitiveDesc> trainingHints = new EnumMap<>(PassLayout.class);
    private Pass backward;
    private MemorySegment forwardOutput;
    /** NHWC max pooling's training forward with its NaN scan fused per chunk; {@code null} when not built or not usable. */
    private ScannedPoolingForward scannedTraining;
    /** The same for the inference forward. */
    private ScannedPoolingForward scannedInference;
    /** Whether {@link #scannedTraining} / {@link #scannedInference} was attempted (they may stay {@code null}). */
    private boolean scannedTrainingTried;
    private boolean scannedInferenceTried;
    /** The single-read Java forward for the windows it has code for; {@code null} when not usable. */
    private VectorNhwcMaxPool unrolled;
    private boolean unrolledTried;
    /** Whether {@link #unrolled} may write oneDNN's workspace: 1 yes, -1 no, 0 not known yet. */
    private int unrolledWorkspace;
    /** The Java backward from oneDNN's workspace for NHWC windows that tile the input; {@code null} when not usable. */
    private TiledMaxPoolBackward tiledBackward;

    DnnlPooling(Pool2d op, Shape input, dev.jdnn.Layout layout, OneDnnRuntime runtime, LayoutChoice layouts) {
        this.op = op;
        this.layout = layout;
        this.activationTag = layout == dev.jdnn.Layout.NHWC ? dnnl_h.dnnl_nhwc() : dnnl_h.dnnl_nchw();
        this.use = new PlanUse(op);
        this.input = input;
        this.output = op.outputShape(input);
        this.runtime = runtime;
        this.layouts = layouts;
        strides = PlanGeometry.pair(scratch, op.strideH(), op.strideW());
        kernel = PlanGeometry.pair(scratch, op.kernelH(), op.kernelW());
        dilation = PlanGeometry.pair(scratch, 0, 0);
        padLeft = PlanGeometry.pair(scratch, op.padding().top(), op.padding().left());
        padRight = PlanGeometry.pair(scratch,
                trailingPad(input.dim(2), output.dim(2), op.kernelH(), op.strideH(), op.padding().top()),
                trailingPad(input.dim(3), output.dim(3), op.kernelW(), op.strideW(), op.padding().left()));
        srcDims = PlanGeometry.dims(input);
        dstDims = PlanGeometry.dims(output);
        if (op.kind() == Pool2d.Kind.MAX) {
            algorithm = dnnl_h.dnnl_pooling_max();
        } else {
            algorithm = op.countIncludePad() && !AveragePoolDivisor.needsRealCellDivisor(op)
                    ? dnnl_h.dnnl_pooling_avg_include_padding()
                    : dnnl_h.dnnl_pooling_avg_exclude_padding();
        }
        overhang = AveragePoolDivisor.of(op, input, output);
        nonFiniteMax = op.kind() == Pool2d.Kind.MAX ? new MaxPoolWindows(op, input, output, layout) : null;
        outputStrides = TensorStrides.of(output, layout);
        scaledGradient = overhang == null ? null : scratch.allocate(output.elementCount() * Float.BYTES, 64);
    }

    /**
     * The trailing padding for which {@code floor((in + before + after - k) / s) + 1 == out}: exactly
     * what the last window needs, never negative.
     */
    private static long trailingPad(int in, int out, int k, int s, int before) {
        return Math.max(0, (long) (out - 1) * s + k - in - before);
    }

    @Override
    public Pool2d op() {
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

    @Override
    public Workspace newWorkspace() {
        use.enter("Pool2dPlan.newWorkspace");
        try {
            if (op.kind() != Pool2d.Kind.MAX) {
                return new PoolingWorkspace(0, 0);
            }
            runtime.enterCurrentThread();
            if (backward == null) {
                buildBackward();
            }
            return new PoolingWorkspace(ownWorkspace == null ? 0 : ownWorkspace.byteSize(), output.elementCount());
        } finally {
            use.exit();
        }
    }

    @Override
    public void forward(Tensor x, Tensor y, Workspace ws) {
        PoolingWorkspace workspace = (PoolingWorkspace) ws;
        if (op.kind() != Pool2d.Kind.MAX) {
            forward(x, y);
            return;
        }
        use.enter("Pool2dPlan.forward");
        try {
            runtime.enterCurrentThread();
            if (backward == null) {
                buildBackward();
            }
            VectorNhwcMaxPool own = unrolled(true);
            if (own != null) {
                keepOrRedoInJava(own.run(x.segment(), y.segment(), workspace.buffer()), x, y, workspace);
                return;
            }
            if (!scannedTrainingTried) {
                scannedTrainingTried = true;
                scannedTraining = scanned(dnnl_h.dnnl_forward_training());
            }
            if (scannedTraining != null) {
                keepOrRedoInJava(scannedTraining.run(x.segment(), y.segment(), workspace.buffer()), x, y, workspace);
                return;
            }
            if (NonFinite.any(x.segment(), input.elementCount())) {
                keepOrRedoInJava(false, x, y, workspace);
                return;
            }
            trainingForward.attach(0, x.segment());
            trainingForward.attach(1, y.segment());
            trainingForward.attachWorkspace(workspace.buffer());
            trainingForward.run();
            workspace.filledInJava(false);
        } finally {
            use.exit();
        }
    }

    /**
     * After a training forward that checked {@code x} for NaN and infinities: when it found none
     * ({@code finite}) its y and workspace stand; else both are computed the contract's way.
     */
    private void keepOrRedoInJava(boolean finite, Tensor x, Tensor y, PoolingWorkspace workspace) {
        if (!finite) {
            nonFiniteMax.forward(x.segment(), y.segment(), workspace.argmax());
        }
        workspace.filledInJava(!finite);
    }

    @Override
    public void backward(Workspace ws, Tensor dy, Tensor dx) {
        PoolingWorkspace workspace = (PoolingWorkspace) ws;
        use.enter("Pool2dPlan.backward");
        try {
            if (op.kind() == Pool2d.Kind.MAX && workspace.filledInJava()) {
                nonFiniteMax.backward(workspace.argmax(), dy.segment(), dx.segment(), output.elementCount());
                return;
            }
            runtime.enterCurrentThread();
            if (backward == null) {
                buildBackward();
            }
            if (op.kind() == Pool2d.Kind.MAX && tiledBackward != null) {
                tiledBackward.run(workspace.buffer(), dy.segment(), dx.segment());
                return;
            }
            runBackward(dy, dx, op.kind() == Pool2d.Kind.MAX ? workspace.buffer() : null);
        } finally {
            use.exit();
        }
    }

    @Override
    public void forward(Tensor x, Tensor y) {
        use.enter("Pool2dPlan.forward");
        try {
            if (nonFiniteMax != null) {
                runtime.enterCurrentThread();
                VectorNhwcMaxPool own = unrolled(false);
                if (own != null) {
                    if (!own.run(x.segment(), y.segment(), null)) {
                        nonFiniteMax.forward(x.segment(), y.segment(), null);
                    }
                    return;
                }
                if (!scannedInferenceTried) {
                    scannedInferenceTried = true;
                    scannedInference = scanned(dnnl_h.dnnl_forward_inference());
                }
                if (scannedInference != null) {
                    if (!scannedInference.run(x.segment(), y.segment(), null)) {
                        nonFiniteMax.forward(x.segment(), y.segment(), null);
                    }
                    return;
                }
            }
            if (nonFiniteMax != null && NonFinite.any(x.segment(), input.elementCount())) {
                nonFiniteMax.forward(x.segment(), y.segment(), null);
                return;
            }
            runtime.enterCurrentThread();
            if (forward == null) {
                forward = fastest(forwardBuilder(dnnl_h.dnnl_forward_inference()));
            }
            forward.attach(0, x.segment());
            forward.attach(1, y.segment());
            forward.run();
            if (overhang != null) {
                overhang.apply(y.segment(), output.dim(0), output.dim(1), outputStrides);
            }
        } finally {
            use.exit();
        }
    }

    @Override
    public void backward(Tensor x, Tensor dy, Tensor dx) {
        use.enter("Pool2dPlan.backward");
        try {
            if (nonFiniteMax != null && NonFinite.any(x.segment(), input.elementCount())) {
                nonFiniteMax.backward(x.segment(), dy.segment(), dx.segment());
                return;
            }
            runtime.enterCurrentThread();
            if (backward == null) {
                buildBackward();
            }
            if (trainingForward != null) {
                trainingForward.attach(0, x.segment());
                trainingForward.attach(1, forwardOutput);
                trainingForward.attachWorkspace(ownWorkspace);
                trainingForward.run();
            }
            runBackward(dy, dx, ownWorkspace);
        } finally {
            use.exit();
        }
    }

    /** The backward primitive on {@code dy} (rescaled where the divisor differs), with {@code workspace} if not null. */
    private void runBackward(Tensor dy, Tensor dx, MemorySegment workspace) {
        MemorySegment gradient = dy.segment();
        if (overhang != null) {
            MemorySegment.copy(gradient, 0, scaledGradient, 0, scaledGradient.byteSize());
            overhang.apply(scaledGradient, output.dim(0), output.dim(1), outputStrides);
            gradient = scaledGradient;
        }
        backward.attach(0, gradient);
        backward.attach(1, dx.segment());
        if (workspace != null) {
            backward.attachWorkspace(workspace);
        }
        backward.run();
    }

    /** Reorders per call of the training forward and the backward (-1 if not built). */
    int[] reordersPerPass() {
        return new int[] {trainingForward == null ? -1 : trainingForward.reorders(),
            backward == null ? -1 : backward.reorders()};
    }

    /** Chunks of the scanning training forward ({@link ScannedPoolingForward}), 0 if not built, -1 if not usable. */
    int scannedChunks() {
        return scannedTraining != null ? scannedTraining.chunks() : scannedTrainingTried ? -1 : 0;
    }

    /** Whether the forwards run in {@link VectorNhwcMaxPool} (known once a forward ran). */
    boolean unrolledForward() {
        return unrolled != null;
    }

    /** Keeps the forwards off {@link VectorNhwcMaxPool} (on the scanned path): for probes comparing the two in one JVM. */
    void avoidUnrolledForward() {
        unrolledTried = true;
        unrolled = null;
    }

    /**
     * oneDNN's training forward alone, no NaN scan (not the contract: NaN is skipped): for probes
     * timing the Java forward beside the primitive in the same process.
     */
    void primitiveForward(Tensor x, Tensor y, Workspace ws) {
        use.enter("Pool2dPlan.forward");
        try {
            runtime.enterCurrentThread();
            if (backward == null) {
                buildBackward();
            }
            trainingForward.attach(0, x.segment());
            trainingForward.attach(1, y.segment());
            trainingForward.attachWorkspace(((PoolingWorkspace) ws).buffer());
            trainingForward.run();
        } finally {
            use.exit();
        }
    }

    /** Whether the workspace backward runs in {@link TiledMaxPoolBackward} (known once a backward or workspace was asked for). */
    boolean tiledBackward() {
        return tiledBackward != null;
    }

    /** The layout and implementation of each pass built so far, for diagnostics and benchmarks. */
    String describePasses() {
        return "forward=" + Pass.describe(forward) + " trainingForward=" + Pass.describe(trainingForward) + " backward="
                + Pass.describe(backward);
    }

    /**
     * The chunked, scanning forward ({@link ScannedPoolingForward}) of {@code propKind} for NHWC max
     * pooling over at least two images per thread (fewer would leave a thread idle), when the team
     * can be started and, for a training forward, the workspace splits by image; else {@code null}.
     */
    private ScannedPoolingForward scanned(int propKind) {
        int images = input.dim(0);
        int threads = runtime.threads();
        if (layout != dev.jdnn.Layout.NHWC || images < 2 * threads
                || (threads > 1 && !runtime.openMp().canRunOnTeam())) {
            return null;
        }
        long xImageBytes = input.elementCount() / images * Float.BYTES;
        long yImageBytes = output.elementCount() / images * Float.BYTES;
        long workspaceImageBytes = 0;
        if (propKind == dnnl_h.dnnl_forward_training()) {
            if (trainingForward == null || trainingForward.layout() != PassLayout.PLAIN) {
                return null;
            }
            int chunk = ScannedPoolingForward.chunkImages(images, threads, xImageBytes, ScannedPoolingForward.CHUNK_BYTES);
            int last = images - (images - 1) / chunk * chunk;
            long whole = MemoryDesc.size(trainingHints.get(PassLayout.PLAIN).workspaceDesc());
            workspaceImageBytes = ScannedPoolingForward.workspaceBytesPerImage(whole, images,
                    trainingWorkspaceBytes(chunk), chunk, trainingWorkspaceBytes(last), last);
            if (workspaceImageBytes < 0) {
                return null;
            }
        }
        return new ScannedPoolingForward(runtime, images, xImageBytes, yImageBytes, workspaceImageBytes,
                ScannedPoolingForward.CHUNK_BYTES, count -> forwardBuilder(propKind, count).build(PassLayout.PLAIN),
                scratch);
    }

    /**
     * The single-read forward ({@link VectorNhwcMaxPool}) when the Vector API is present and the
     * window is one it has code for; for a training forward ({@code training}, called once the
     * backward is built) also only when oneDNN's workspace is one byte per output in the output's
     * layout, which the backward then reads.
     */
    private VectorNhwcMaxPool unrolled(boolean training) {
        if (!unrolledTried) {
            unrolledTried = true;
            UnrolledMaxPoolWindow window = JavaTrainingSteps.VECTOR_API
                    ? UnrolledMaxPoolWindow.of(op, input, layout, VectorNhwcMaxPool.lanes(), runtime.threads()) : null;
            if (window != null) {
                unrolled = VectorNhwcMaxPool.of(window, input, output, runtime, scratch);
            }
        }
        if (training && unrolled != null && unrolledWorkspace == 0) {
            unrolledWorkspace = trainingForward != null && trainingForward.layout() == PassLayout.PLAIN
                    && TiledMaxPoolBackward.readsWorkspace(trainingHints.get(PassLayout.PLAIN).workspaceDesc(), output)
                    ? 1 : -1;
        }
        return training && unrolledWorkspace < 0 ? null : unrolled;
    }

    /** Bytes of the training forward's workspace for {@code images} images. */
    private long trainingWorkspaceBytes(int images) {
        try (PrimitiveDesc pd = forwardBuilder(dnnl_h.dnnl_forward_training(), images).describe(PassLayout.PLAIN)) {
            return MemoryDesc.size(pd.workspaceDesc());
        }
    }

    private void buildBackward() {
        PassBuilder training = forwardBuilder(dnnl_h.dnnl_forward_training());
        PassBuilder builder = backwardBuilder()
                .hints(layout -> trainingHints.computeIfAbsent(layout, training::describe));
        if (MemoryDesc.size(trainingHints.computeIfAbsent(PassLayout.PLAIN, training::describe).workspaceDesc()) > 0) {
            trainingForward = fastest(training);
            forwardOutput = scratch.allocate(output.elementCount() * Float.BYTES, 64);
            backward = builder.workspace(trainingForward.workspace()).build(trainingForward.layout());
            long bytes = MemoryDesc.size(trainingHints.get(trainingForward.layout()).workspaceDesc());
            ownWorkspace = scratch.allocate(Math.max(bytes, 1), 64);
            if (trainingForward.layout() == PassLayout.PLAIN && TiledMaxPoolBackward.serves(op, input, layout)
                    && TiledMaxPoolBackward.readsWorkspace(trainingHints.get(PassLayout.PLAIN).workspaceDesc(), output)) {
                tiledBackward = new TiledMaxPoolBackward(op, input, output, runtime, scratch);
            }
        } else {
            backward = fastest(builder);
        }
    }

    private Pass fastest(PassBuilder builder) {
        if (layout == dev.jdnn.Layout.NHWC) {
            return builder.build(PassLayout.PLAIN);
        }
        long elements = input.elementCount();
        return builder.buildFastestIncludingPlain(layouts.poolingCandidates(elements), layouts.poolingTimed(elements));
    }

    private PassBuilder forwardBuilder(int propKind) {
        return forwardBuilder(propKind, input.dim(0));
    }

    /** The forward pass over the first {@code images} images of the batch. */
    private PassBuilder forwardBuilder(int propKind, int images) {
        long[] src = srcDims.clone();
        long[] dst = dstDims.clone();
        src[0] = images;
        dst[0] = images;
        Engine engine = runtime.engine();
        PassBuilder builder = new PassBuilder(runtime, "dnnl_pooling_forward_primitive_desc_create",
                (out, md, hint, attr) -> dnnl_h.dnnl_pooling_forward_primitive_desc_create(out, engine.handle(),
                        propKind, algorithm, md.apply(dnnl_h.DNNL_ARG_SRC()), md.apply(dnnl_h.DNNL_ARG_DST()),
                        strides, kernel, dilation, padLeft, padRight, attr));
        builder.input(dnnl_h.DNNL_ARG_SRC(), activationTag, src);
        builder.output(dnnl_h.DNNL_ARG_DST(), activationTag, dst);
        return builder.blockedAs(ChannelBlocking.ofThisCpu());
    }

    private PassBuilder backwardBuilder() {
        Engine engine = runtime.engine();
        PassBuilder builder = new PassBuilder(runtime, "dnnl_pooling_backward_primitive_desc_create",
                (out, md, hint, attr) -> dnnl_h.dnnl_pooling_backward_primitive_desc_create(out, engine.handle(),
                        algorithm, md.apply(dnnl_h.DNNL_ARG_DIFF_SRC()), md.apply(dnnl_h.DNNL_ARG_DIFF_DST()),
                        strides, kernel, dilation, padLeft, padRight, hint, attr));
        builder.input(dnnl_h.DNNL_ARG_DIFF_DST(), activationTag, dstDims);
        builder.output(dnnl_h.DNNL_ARG_DIFF_SRC(), activationTag, srcDims);
        return builder.blockedAs(ChannelBlocking.ofThisCpu());
    }

    @Override
    public void close() {
        if (!use.close()) {
            return;
        }
        try {
            Closer.closeAll(scannedInference, scannedTraining, backward, trainingForward, forward);
        } finally {
            scannedInference = null;
            scannedTraining = null;
            backward = null;
            trainingForward = null;
            forward = null;
            try {
                Closer.closeAll(trainingHints.values().toArray(AutoCloseable[]::new));
            } finally {
                trainingHints.clear();
                scratch.close();
            }
        }
    }
}
