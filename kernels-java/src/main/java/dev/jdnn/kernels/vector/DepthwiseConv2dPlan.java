package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;

import dev.jdnn.Conv2d;
import dev.jdnn.Shape;
import java.lang.foreign.MemorySegment;

/**
 * Depthwise convolution ({@code groups == C == K}) computed directly: each channel is a small
 * 2-D correlation with its own {@code R x S} filter, far too little work per channel for a GEMM of
 * one row. Every tap adds a scaled run of input row to a run of output row (forward), or the
 * reverse (backward data), or takes the dot product of the two runs (backward weights); with
 * stride 1 along the width those runs are contiguous and vectorised. Forward and backward data
 * share out the {@code n·C} planes over the workers, backward weights the channels (so no partial
 * sums are needed).
 */
final class DepthwiseConv2dPlan extends VectorConv2dPlan {
    private final Im2col taps;
    private final int r;
    private final int s;
    private final int strideH;
    private final int strideW;
    private final int padTop;
    private final int padLeft;
    private final int dilationH;
    private final int dilationW;
    private final RowCorrelation[] correlations;

    DepthwiseConv2dPlan(Conv2d op, Shape input, WorkerPool pool) {
        super(op, input, pool);
        this.taps = new Im2col(op, g.h(), g.w(), g.oh(), g.ow());
        this.r = op.kernelH();
        this.s = op.kernelW();
        this.strideH = op.strideH();
        this.strideW = op.strideW();
        this.padTop = op.padding().top();
        this.padLeft = op.padding().left();
        this.dilationH = op.dilationH();
        this.dilationW = op.dilationW();
        this.correlations = new RowCorrelation[pool.size()];
        for (int i = 0; i < correlations.length; i++) {
            correlations[i] = new RowCorrelation(r * s);
        }
    }

    @Override
    void dispatch(WorkerPool.Job job) {
        runOnPool(job);
    }

    /** Input row of tap {@code ri} for output row {@code yo}, or -1 in the padding. */
    private int inputRow(int yo, int ri) {
        int ih = yo * strideH - padTop + ri * dilationH;
        return ih >= 0 && ih < g.h() ? ih : -1;
    }

    @Override
    void forwardShare(int worker, int workers) {
        MemorySegment bias = third;
        int planes = g.n() * g.c();
        for (int plane = WorkerPool.start(planes, worker, workers); plane < WorkerPool.start(planes, worker + 1,
                workers); plane++) {
            float value = bias == null ? 0f : bias.getAtIndex(FLOAT, plane % g.c());
            SegmentVectors.fill(out, (long) plane * g.pixels(), g.pixels(), value);
            if (strideW == 1) {
                correlateForward(plane, correlations[worker]);
            } else {
                addTaps(plane, first, second, out, false);
            }
        }
    }

    @Override
    void backwardDataShare(int worker, int workers) {
        int planes = g.n() * g.c();
        for (int plane = WorkerPool.start(planes, worker, workers); plane < WorkerPool.start(planes, worker + 1,
                workers); plane++) {
            SegmentVectors.fill(out, (long) plane * g.cells(), g.cells(), 0f);
            if (strideW == 1) {
                correlateBackwardData(plane, correlations[worker]);
            } else {
                addTaps(plane, first, second, out, true);
            }
        }
    }

    /** Forward with unit width stride: each output row gathers its taps from the input rows. */
    private void correlateForward(int plane, RowCorrelation row) {
        int ch = plane % g.c();
        long xPlane = (long) plane * g.cells();
        long yPlane = (long) plane * g.pixels();
        for (int yo = 0; yo < g.oh(); yo++) {
            row.clear();
            for (int ri = 0; ri < r; ri++) {
                int ih = inputRow(yo, ri);
                if (ih < 0) {
                    continue;
                }
                for (int si = 0; si < s; si++) {
                    row.add(xPlane + (long) ih * g.w(), si * dilationW - padLeft,
                            second.getAtIndex(FLOAT, ((long) ch * r + ri) * s + si));
                }
            }
            row.apply(first, g.w(), out, yPlane + (long) yo * g.ow(), g.ow());
        }
    }

    /** Backward data with unit width stride: each dx row gathers its taps from the rows of dy. */
    private void correlateBackwardData(int plane, RowCorrelation row) {
        int ch = plane % g.c();
        long xPlane = (long) plane * g.cells();
        long yPlane = (long) plane * g.pixels();
        for (int ih = 0; ih < g.h(); ih++) {
            row.clear();
            for (int ri = 0; ri < r; ri++) {
                int shifted = ih + padTop - ri * dilationH;
                if (shifted < 0 || shifted % strideH != 0 || shifted / strideH >= g.oh()) {
                    continue;
                }
                int yo = shifted / strideH;
                for (int si = 0; si < s; si++) {
                    row.add(yPlane + (long) yo * g.ow(), padLeft - si * dilationW,
                            second.getAtIndex(FLOAT, ((long) ch * r + ri) * s + si));
                }
            }
            row.apply(first, g.ow(), out, xPlane + (long) ih * g.w(), g.w());
        }
    }

    /**
     * For every tap of the plane's filter, the runs of input and output it connects: forward adds
     * {@code weight · input run} to the output run, backward data ({@code toInput}) adds
     * {@code weight · dy run} to the dx run.
     */
    private void addTaps(int plane, MemorySegment source, MemorySegment filter, MemorySegment target,
            boolean toInput) {
        int ch = plane % g.c();
        long yPlane = (long) plane * g.pixels();
        long xPlane = (long) plane * g.cells();
        for (int yo = 0; yo < g.oh(); yo++) {
            long yRow = yPlane + (long) yo * g.ow();
            for (int ri = 0; ri < r; ri++) {
                int ih = inputRow(yo, ri);
                if (ih < 0) {
                    continue;
                }
                for (int si = 0; si < s; si++) {
                    float weight = filter.getAtIndex(FLOAT, ((long) ch * r + ri) * s + si);
                    long xRow = xPlane + (long) ih * g.w() - padLeft + (long) si * dilationW;
                    int from = taps.firstColumn(si);
                    int to = taps.endColumn(si);
                    if (to <= from) {
                        continue;
                    }
                    if (strideW == 1 && toInput) {
                        SegmentVectors.addScaled(target, xRow + from, weight, source, yRow + from, to - from);
                    } else if (strideW == 1) {
                        SegmentVectors.addScaled(target, yRow + from, weight, source, xRow + from, to - from);
                    } else {
                        for (int xo = from; xo < to; xo++) {
                            long xAt = xRow + (long) xo * strideW;
                            long yAt = yRow + xo;
                            long at = toInput ? xAt : yAt;
                            float v = source.getAtIndex(FLOAT, toInput ? yAt : xAt);
                            target.setAtIndex(FLOAT, at, Math.fma(weight, v, target.getAtIndex(FLOAT, at)));
                        }
                    }
                }
            }
        }
    }

    @Override
    void backwardWeightsShare(int worker, int workers) {
        MemorySegment x = first;
        MemorySegment dy = second;
        MemorySegment db = third;
        MemorySegment dw = out;
        int pixels = g.pixels();
        for (int ch = WorkerPool.start(g.c(), worker, workers); ch < WorkerPool.start(g.c(), worker + 1, workers);
                ch++) {
            for (int ri = 0; ri < r; ri++) {
                for (int si = 0; si < s; si++) {
                    int from = taps.firstColumn(si);
                    int to = taps.endColumn(si);
                    float sum = 0f;
                    for (int image = 0; image < g.n() && to > from; image++) {
                        long plane = (long) image * g.c() + ch;
                        for (int yo = 0; yo < g.oh(); yo++) {
                            int ih = inputRow(yo, ri);
                            if (ih < 0) {
                                continue;
                            }
                            long yRow = plane * pixels + (long) yo * g.ow();
                            long xRow = plane * g.cells() + (long) ih * g.w() - padLeft + (long) si * dilationW;
                            if (strideW == 1) {
                                sum += SegmentVectors.dot(dy, yRow + from, x, xRow + from, to - from);
                            } else {
                                for (int xo = from; xo < to; xo++) {
                                    sum = Math.fma(dy.getAtIndex(FLOAT, yRow + xo),
                                            x.getAtIndex(FLOAT, xRow + (long) xo * strideW), sum);
                                }
                            }
                        }
                    }
                    dw.setAtIndex(FLOAT, ((long) ch * r + ri) * s + si, sum);
                }
            }
            if (db != null) {
                float sum = 0f;
                for (int image = 0; image < g.n(); image++) {
                    sum += SegmentVectors.sum(dy, ((long) image * g.c() + ch) * pixels, pixels);
                }
                db.setAtIndex(FLOAT, ch, sum);
            }
        }
    }

    @Override
    public void close() {
        // Nothing to release: the plan holds no scratch memory.
    }
}
