package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;
import static dev.jdnn.kernels.vector.SegmentVectors.LANES;

import dev.jdnn.Conv2d;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Depthwise convolution ({@code groups == C == K}) computed directly: each channel is a small 2-D
 * correlation with its own {@code R x S} filter, far too little work per channel for a GEMM of
 * one row. Each pass first copies one channel plane into a per-worker {@link PaddedPlane} (zero
 * border, width stride split into phases), then runs {@link DepthwiseCorrelation}'s vector loops
 * over plain arrays: reading the taps straight from the tensors' memory segments cost a bounds
 * and liveness check per load and edge cases per row, which left the kernel ~10x below its
 * arithmetic bound.
 * <ul>
 *   <li>forward: {@code y = b + Σ w · x} over the padded input plane;
 *   <li>backward data: the transposed correlation, i.e. the same loop over {@code dy} spread out
 *       by the stride and padded by {@code ·dilation - pad}, with the filter reversed;
 *   <li>backward weights: per channel, one gradient sum per tap over all images, from the padded
 *       input plane and the plane of {@code dy}.
 * </ul>
 * Forward and backward data share out the {@code n·C} planes over the workers, backward weights
 * the channels (so no partial sums need merging). The scratch, a few planes per worker, is
 * allocated with the plan.
 */
final class DepthwiseConv2dPlan extends VectorConv2dPlan {
    private final int taps;
    /** Tap offsets in the padded input plane (forward and backward weights). */
    private final int[] inputTaps;
    /** Tap offsets in the spread, padded plane of {@code dy} (backward data), filter reversed. */
    private final int[] gradientTaps;
    private final int inputRowStep;
    private final PaddedPlane[] inputs;
    private final PaddedPlane[] gradients;
    /** Planes of {@code dy} for backward weights, rows {@link #dyRowStride} apart, zeros after each row. */
    private final float[][] dyPlanes;
    /** The output width rounded up to whole vectors. */
    private final int dyRowStride;
    /** Backward weights: per channel, the gradient sum of each tap so far, and of the bias. */
    private final float[][] tapSums;
    private final double[] biasSums;
    /** One output plane (forward) or dx plane (backward data), copied out in one bulk copy. */
    private final float[][] results;
    private final float[][] filters;
    private final boolean padded;
    /**
     * For non-finite operands: the padded planes' zeros (padding, and outputs that do not exist in
     * backward data) must meet no infinite or NaN value, as {@link PaddingSkippingConvolution} says.
     */
    private final PaddingSkippingConvolution paddingSkipping;

    /**
     * Floats of one padded plane above which the backend takes the GEMM path instead (whose
     * scratch is bounded): huge padding or images would otherwise need planes of gigabytes.
     */
    static final long MAX_PLANE = 1 << 24;

    /** Whether this plan's per-worker planes for {@code op} on {@code input} stay within {@link #MAX_PLANE}. */
    static boolean fits(Conv2d op, Shape input) {
        ConvGeometry g = ConvGeometry.of(op, input);
        long spanH = (long) (op.kernelH() - 1) * op.dilationH();
        long spanW = (long) (op.kernelW() - 1) * op.dilationW();
        long forward = ((long) (g.oh() - 1) * op.strideH() + spanH + 1) * ((long) (g.ow() - 1) * op.strideW() + spanW + 1);
        long backward = ((long) g.h() + spanH) * ((long) g.w() + spanW);
        return forward <= MAX_PLANE && backward <= MAX_PLANE && (long) g.oh() * g.ow() <= MAX_PLANE
                && (long) g.h() * g.w() <= MAX_PLANE;
    }

    DepthwiseConv2dPlan(Conv2d op, Shape input, WorkerPool pool) {
        super(op, input, pool);
        int r = op.kernelH();
        int s = op.kernelW();
        int spanH = (r - 1) * op.dilationH();
        int spanW = (s - 1) * op.dilationW();
        this.taps = r * s;
        int workers = pool.size();
        this.inputs = new PaddedPlane[workers];
        this.gradients = new PaddedPlane[workers];
        this.dyRowStride = (g.ow() + LANES - 1) / LANES * LANES;
        this.dyPlanes = new float[workers][Math.multiplyExact(g.oh(), dyRowStride)];
        this.tapSums = new float[g.c()][taps];
        this.biasSums = new double[g.c()];
        this.results = new float[workers][Math.max(g.pixels(), g.cells())];
        this.filters = new float[workers][taps];
        for (int i = 0; i < workers; i++) {
            inputs[i] = new PaddedPlane(g.h(), g.w(), (g.oh() - 1) * op.strideH() + spanH + 1,
                    (g.ow() - 1) * op.strideW() + spanW + 1, op.strideW(), op.padding().top(),
                    op.padding().left(), 1, 1);
            gradients[i] = new PaddedPlane(g.oh(), g.ow(), g.h() + spanH, g.w() + spanW, 1, spanH - op.padding().top(),
                    spanW - op.padding().left(), op.strideH(), op.strideW());
        }
        this.inputTaps = new int[taps];
        this.gradientTaps = new int[taps];
        for (int ri = 0; ri < r; ri++) {
            for (int si = 0; si < s; si++) {
                int t = ri * s + si;
                inputTaps[t] = inputs[0].at(ri * op.dilationH(), si * op.dilationW());
                gradientTaps[t] = gradients[0].at(ri * op.dilationH(), si * op.dilationW());
            }
        }
        this.inputRowStep = op.strideH() * inputs[0].rowStride;
        this.padded = !op.padding().isNone();
        this.paddingSkipping = new PaddingSkippingConvolution(g);
    }

    @Override
    public void forward(Tensor x, Tensor w, Tensor b, Tensor y) {
        if (padded && !SegmentVectors.allFinite(w.segment(), 0, w.shape().elementCount())) {
            paddingSkipping.forward(x.segment(), w.segment(), b == null ? null : b.segment(), y.segment());
            activateInPlace(y);
            return;
        }
        super.forward(x, w, b, y);
    }

    @Override
    public void backwardData(Tensor dy, Tensor w, Tensor dx) {
        if (!SegmentVectors.allFinite(w.segment(), 0, w.shape().elementCount())) {
            paddingSkipping.backwardData(dy.segment(), w.segment(), dx.segment());
            return;
        }
        super.backwardData(dy, w, dx);
    }

    @Override
    public void backwardWeights(Tensor x, Tensor dy, Tensor dw, Tensor db) {
        super.backwardWeights(x, dy, dw, db);
        // A non-finite dy, or x where padding or a row's zero tail of dy meets it, makes some sum
        // non-finite (NaN for 0·Inf): then the whole gradient is recomputed the exact way.
        if (!SegmentVectors.allFinite(dw.segment(), 0, dw.shape().elementCount())) {
            paddingSkipping.backwardWeights(x.segment(), dy.segment(), dw.segment());
            if (db != null) {
                biasGradient(dy.segment(), db.segment());
            }
        }
    }

    @Override
    void dispatch(WorkerPool.Job job) {
        runOnPool(job);
    }

    @Override
    void forwardShare(int worker, int workers) {
        correlatePlanes(worker, workers, inputs[worker], inputRowStep, inputTaps, false, g.cells(), g.oh(), g.ow());
    }

    @Override
    void backwardDataShare(int worker, int workers) {
        PaddedPlane plane = gradients[worker];
        correlatePlanes(worker, workers, plane, plane.rowStride, gradientTaps, true, g.pixels(), g.h(), g.w());
    }

    /**
     * Forward ({@code x, w, b -> y}) or backward data ({@code dy, w -> dx}, filter reversed) for
     * this worker's share of the planes: load a source plane, correlate, copy the result plane out.
     */
    private void correlatePlanes(int worker, int workers, PaddedPlane plane, int rowStep, int[] offsets,
            boolean reversed, int sourceSize, int rows, int cols) {
        MemorySegment source = first;
        MemorySegment w = second;
        MemorySegment b = third;
        MemorySegment target = out;
        float[] filter = filters[worker];
        float[] result = results[worker];
        int planes = g.n() * g.c();
        int end = WorkerPool.start(planes, worker + 1, workers);
        for (int p = WorkerPool.start(planes, worker, workers); p < end; p++) {
            int ch = p % g.c();
            plane.load(source, (long) p * sourceSize);
            for (int t = 0; t < taps; t++) {
                filter[t] = w.getAtIndex(FLOAT, (long) ch * taps + (reversed ? taps - 1 - t : t));
            }
            float bias = b == null ? 0f : b.getAtIndex(FLOAT, ch);
            DepthwiseCorrelation.correlate(plane.data, rowStep, offsets, filter, bias, result, rows, cols);
            if (!reversed && g.op().activation() != null) {
                // The fused activation, on the plane while it is in cache.
                ActivationKernels.forwardInPlace(g.op().activation(), result, rows * cols);
            }
            MemorySegment.copy(result, 0, target, FLOAT, (long) p * rows * cols * Float.BYTES, rows * cols);
        }
    }

    @Override
    void backwardWeightsShare(int worker, int workers) {
        MemorySegment x = first;
        MemorySegment dy = second;
        MemorySegment db = third;
        MemorySegment dw = out;
        PaddedPlane plane = inputs[worker];
        float[] dyPlane = dyPlanes[worker];
        int begin = WorkerPool.start(g.c(), worker, workers);
        int end = WorkerPool.start(g.c(), worker + 1, workers);
        for (int ch = begin; ch < end; ch++) {
            Arrays.fill(tapSums[ch], 0f);
            biasSums[ch] = 0;
        }
        // Image by image, so that this worker reads one run of consecutive planes of x and dy per
        // image rather than planes a whole image apart (mb_dw: 12.5 KB planes, 1.6 MB apart), which
        // left the hardware prefetcher restarting on every plane. Each channel still adds its images
        // in order, so the sums are the same.
        for (int image = 0; image < g.n(); image++) {
            for (int ch = begin; ch < end; ch++) {
                long p = (long) image * g.c() + ch;
                plane.load(x, p * g.cells());
                for (int row = 0; row < g.oh(); row++) {
                    SegmentVectors.copy(dy, p * g.pixels() + (long) row * g.ow(), dyPlane, row * dyRowStride, g.ow());
                }
                DepthwiseCorrelation.weightGradient(plane.data, inputRowStep, inputTaps, dyPlane, dyRowStride, g.oh(),
                        tapSums[ch]);
                if (db != null) {
                    biasSums[ch] += SegmentVectors.sum(dy, p * g.pixels(), g.pixels());
                }
            }
        }
        for (int ch = begin; ch < end; ch++) {
            MemorySegment.copy(tapSums[ch], 0, dw, FLOAT, (long) ch * taps * Float.BYTES, taps);
            if (db != null) {
                db.setAtIndex(FLOAT, ch, (float) biasSums[ch]);
            }
        }
    }

    @Override
    public void close() {
        // Nothing to release: the scratch is on the heap.
    }
}
