package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;

import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
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
final class DepthwiseConv2dPlan implements Conv2dPlan {
    private final ConvGeometry g;
    private final WorkerPool pool;
    private final Im2col taps;
    private final int r;
    private final int s;
    private final int strideH;
    private final int strideW;
    private final int padTop;
    private final int padLeft;
    private final int dilationH;
    private final int dilationW;
    private final WorkerPool.Job forwardJob = this::forwardShare;
    private final WorkerPool.Job backwardDataJob = this::backwardDataShare;
    private final WorkerPool.Job backwardWeightsJob = this::backwardWeightsShare;

    private MemorySegment in;
    private MemorySegment filter;
    private MemorySegment bias;
    private MemorySegment out;

    DepthwiseConv2dPlan(Conv2d op, Shape input, WorkerPool pool) {
        this.g = ConvGeometry.of(op, input);
        this.pool = pool;
        this.taps = new Im2col(op, g.h(), g.w(), g.oh(), g.ow());
        this.r = op.kernelH();
        this.s = op.kernelW();
        this.strideH = op.strideH();
        this.strideW = op.strideW();
        this.padTop = op.padding().top();
        this.padLeft = op.padding().left();
        this.dilationH = op.dilationH();
        this.dilationW = op.dilationW();
    }

    @Override
    public Conv2d op() {
        return g.op();
    }

    @Override
    public Shape inputShape() {
        return g.input();
    }

    @Override
    public Shape outputShape() {
        return g.output();
    }

    @Override
    public void forward(Tensor x, Tensor w, Tensor b, Tensor y) {
        run(x.segment(), w.segment(), b == null ? null : b.segment(), y.segment(), forwardJob);
    }

    @Override
    public void backwardData(Tensor dy, Tensor w, Tensor dx) {
        run(dy.segment(), w.segment(), null, dx.segment(), backwardDataJob);
    }

    @Override
    public void backwardWeights(Tensor x, Tensor dy, Tensor dw, Tensor db) {
        run(x.segment(), dy.segment(), db == null ? null : db.segment(), dw.segment(), backwardWeightsJob);
    }

    private void run(MemorySegment a, MemorySegment f, MemorySegment extra, MemorySegment o, WorkerPool.Job job) {
        in = a;
        filter = f;
        bias = extra;
        out = o;
        try {
            pool.run(job);
        } finally {
            in = null;
            filter = null;
            bias = null;
            out = null;
        }
    }

    /** Input row of tap {@code ri} for output row {@code yo}, or -1 in the padding. */
    private int inputRow(int yo, int ri) {
        int ih = yo * strideH - padTop + ri * dilationH;
        return ih >= 0 && ih < g.h() ? ih : -1;
    }

    private void forwardShare(int worker, int workers) {
        int planes = g.n() * g.c();
        int pixels = g.pixels();
        for (int plane = WorkerPool.start(planes, worker, workers); plane < WorkerPool.start(planes, worker + 1,
                workers); plane++) {
            int ch = plane % g.c();
            long yPlane = (long) plane * pixels;
            long xPlane = (long) plane * g.cells();
            SegmentVectors.fill(out, yPlane, pixels, bias == null ? 0f : bias.getAtIndex(FLOAT, ch));
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
                        if (strideW == 1) {
                            if (to > from) {
                                SegmentVectors.addScaled(out, yRow + from, weight, in, xRow + from, to - from);
                            }
                        } else {
                            for (int xo = from; xo < to; xo++) {
                                out.setAtIndex(FLOAT, yRow + xo, Math.fma(weight,
                                        in.getAtIndex(FLOAT, xRow + (long) xo * strideW), out.getAtIndex(FLOAT, yRow + xo)));
                            }
                        }
                    }
                }
            }
        }
    }

    private void backwardDataShare(int worker, int workers) {
        MemorySegment dy = in;
        MemorySegment dx = out;
        int planes = g.n() * g.c();
        int pixels = g.pixels();
        for (int plane = WorkerPool.start(planes, worker, workers); plane < WorkerPool.start(planes, worker + 1,
                workers); plane++) {
            int ch = plane % g.c();
            long yPlane = (long) plane * pixels;
            long xPlane = (long) plane * g.cells();
            SegmentVectors.fill(dx, xPlane, g.cells(), 0f);
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
                        if (strideW == 1) {
                            if (to > from) {
                                SegmentVectors.addScaled(dx, xRow + from, weight, dy, yRow + from, to - from);
                            }
                        } else {
                            for (int xo = from; xo < to; xo++) {
                                long at = xRow + (long) xo * strideW;
                                dx.setAtIndex(FLOAT, at,
                                        Math.fma(weight, dy.getAtIndex(FLOAT, yRow + xo), dx.getAtIndex(FLOAT, at)));
                            }
                        }
                    }
                }
            }
        }
    }

    private void backwardWeightsShare(int worker, int workers) {
        MemorySegment x = in;
        MemorySegment dy = filter;
        MemorySegment db = bias;
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
