package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;

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
    private final float[][] dyPlanes;
    /** One output plane (forward) or dx plane (backward data), copied out in one bulk copy. */
    private final float[][] results;
    private final float[][] filters;
    private final boolean padded;
    /**
     * For non-finite operands: the padded planes' zeros (padding, and outputs that do not exist in
     * backward data) must meet no infinite or NaN value, as {@link PaddingSkippingConvolution} says.
     */
    private final PaddingSkippingConvolution paddingSkipping;
    /** Per worker, backward weights: whether one of its per-image sums of dy was not finite. */
    private final boolean[] nonFiniteSums;

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
        this.dyPlanes = new float[workers][g.pixels()];
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
        this.nonFiniteSums = new boolean[pool.size()];
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
        // The shares sum dy per channel as they go (a non-finite element makes its sum non-finite),
        // instead of a serial scan of all of dy before them (mb_dw: 26 MB, a third of the 2-thread call).
        Arrays.fill(nonFiniteSums, false);
        super.backwardWeights(x, dy, dw, db);
        boolean nonFinite = false;
        for (boolean flag : nonFiniteSums) {
            nonFinite |= flag;
        }
        if (nonFinite && padded && !SegmentVectors.allFinite(dy.segment(), 0, dy.shape().elementCount())) {
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
        float[] sums = filters[worker];
        int end = WorkerPool.start(g.c(), worker + 1, workers);
        for (int ch = WorkerPool.start(g.c(), worker, workers); ch < end; ch++) {
            Arrays.fill(sums, 0f);
            double biasSum = 0;
            for (int image = 0; image < g.n(); image++) {
                long p = (long) image * g.c() + ch;
                plane.load(x, p * g.cells());
                MemorySegment.copy(dy, FLOAT, p * g.pixels() * Float.BYTES, dyPlane, 0, g.pixels());
                DepthwiseCorrelation.weightGradient(plane.data, inputRowStep, inputTaps, dyPlane, g.oh(), g.ow(),
                        sums);
                if (db != null || padded) {
                    float sum = SegmentVectors.sum(dy, p * g.pixels(), g.pixels());
                    biasSum += sum;
                    if (!Float.isFinite(sum)) {
                        nonFiniteSums[worker] = true;
                    }
                }
            }
            for (int t = 0; t < taps; t++) {
                dw.setAtIndex(FLOAT, (long) ch * taps + t, sums[t]);
            }
            if (db != null) {
                db.setAtIndex(FLOAT, ch, (float) biasSum);
            }
        }
    }

    @Override
    public void close() {
        // Nothing to release: the scratch is on the heap.
    }
}
