package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;
import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.load;
import static dev.jdnn.kernels.vector.SegmentVectors.store;

import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Max and average pooling with PyTorch's semantics, planes shared out over the workers.
 *
 * <p>Forward reduces each output row's window rows first, vertically, into a row buffer: whole
 * input rows at a time, vectorised whatever the stride; then each window's few columns of that
 * buffer. Backward walks the windows: max pooling recomputes each window's first maximum
 * (row-major, strictly greater wins) instead of storing an argmax in forward, because backward is
 * handed {@code x} and may run without a preceding forward on the same data; average pooling
 * adds each window's share to its cells.
 */
final class VectorPool2dPlan implements Pool2dPlan {
    private final Pool2d op;
    private final Shape input;
    private final Shape output;
    private final WorkerPool pool;
    private final boolean max;
    private final int planes;
    private final int h;
    private final int w;
    private final int oh;
    private final int ow;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment[] rows;
    private final WorkerPool.Job forwardJob = this::forwardShare;
    private final WorkerPool.Job backwardJob = this::backwardShare;

    private MemorySegment x;
    private MemorySegment dy;
    private MemorySegment out;

    VectorPool2dPlan(Pool2d op, Shape input, WorkerPool pool) {
        this.op = op;
        this.input = input;
        this.output = op.outputShape(input);
        this.pool = pool;
        this.max = op.kind() == Pool2d.Kind.MAX;
        this.planes = input.dim(0) * input.dim(1);
        this.h = input.dim(2);
        this.w = input.dim(3);
        this.oh = output.dim(2);
        this.ow = output.dim(3);
        this.rows = new MemorySegment[pool.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = arena.allocate((long) w * Float.BYTES, 64);
        }
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
    public void forward(Tensor xt, Tensor yt) {
        run(xt.segment(), null, yt.segment(), forwardJob);
    }

    @Override
    public void backward(Tensor xt, Tensor dyt, Tensor dxt) {
        run(xt.segment(), dyt.segment(), dxt.segment(), backwardJob);
    }

    private void run(MemorySegment a, MemorySegment gradient, MemorySegment o, WorkerPool.Job job) {
        x = a;
        dy = gradient;
        out = o;
        try {
            pool.run(job);
        } finally {
            x = null;
            dy = null;
            out = null;
        }
    }

    private int windowTop(int yo) {
        return yo * op.strideH() - op.padding().top();
    }

    private int windowLeft(int xo) {
        return xo * op.strideW() - op.padding().left();
    }

    private int divisor(int top, int left) {
        int firstRow = Math.max(top, 0);
        int endRow = Math.min(top + op.kernelH(), h);
        int firstColumn = Math.max(left, 0);
        int endColumn = Math.min(left + op.kernelW(), w);
        if (!op.countIncludePad()) {
            return (endRow - firstRow) * (endColumn - firstColumn);
        }
        int rowsCounted = Math.min(top + op.kernelH(), h + op.padding().bottom()) - top;
        int columnsCounted = Math.min(left + op.kernelW(), w + op.padding().right()) - left;
        return rowsCounted * columnsCounted;
    }

    private void forwardShare(int worker, int workers) {
        MemorySegment row = rows[worker];
        for (int plane = WorkerPool.start(planes, worker, workers); plane < WorkerPool.start(planes, worker + 1,
                workers); plane++) {
            long xPlane = (long) plane * h * w;
            long yPlane = (long) plane * oh * ow;
            for (int yo = 0; yo < oh; yo++) {
                int top = windowTop(yo);
                int firstRow = Math.max(top, 0);
                int endRow = Math.min(top + op.kernelH(), h);
                reduceRows(xPlane, firstRow, endRow, row);
                for (int xo = 0; xo < ow; xo++) {
                    int left = windowLeft(xo);
                    int firstColumn = Math.max(left, 0);
                    int endColumn = Math.min(left + op.kernelW(), w);
                    float v = row.getAtIndex(FLOAT, firstColumn);
                    for (int iw = firstColumn + 1; iw < endColumn; iw++) {
                        float cell = row.getAtIndex(FLOAT, iw);
                        v = max ? Math.max(v, cell) : v + cell;
                    }
                    out.setAtIndex(FLOAT, yPlane + (long) yo * ow + xo, max ? v : v / divisor(top, left));
                }
            }
        }
    }

    /** {@code row[iw] = max or sum over ih in [firstRow, endRow) of x[ih][iw]}. */
    private void reduceRows(long xPlane, int firstRow, int endRow, MemorySegment row) {
        SegmentVectors.copy(x, xPlane + (long) firstRow * w, row, 0, w);
        for (int ih = firstRow + 1; ih < endRow; ih++) {
            long src = xPlane + (long) ih * w;
            int iw = 0;
            for (; iw <= w - LANES; iw += LANES) {
                store(max ? load(row, iw).max(load(x, src + iw)) : load(row, iw).add(load(x, src + iw)), row, iw);
            }
            for (; iw < w; iw++) {
                float a = row.getAtIndex(FLOAT, iw);
                float b = x.getAtIndex(FLOAT, src + iw);
                row.setAtIndex(FLOAT, iw, max ? Math.max(a, b) : a + b);
            }
        }
    }

    private void backwardShare(int worker, int workers) {
        for (int plane = WorkerPool.start(planes, worker, workers); plane < WorkerPool.start(planes, worker + 1,
                workers); plane++) {
            long xPlane = (long) plane * h * w;
            long yPlane = (long) plane * oh * ow;
            SegmentVectors.fill(out, xPlane, h * w, 0f);
            for (int yo = 0; yo < oh; yo++) {
                int top = windowTop(yo);
                int firstRow = Math.max(top, 0);
                int endRow = Math.min(top + op.kernelH(), h);
                for (int xo = 0; xo < ow; xo++) {
                    int left = windowLeft(xo);
                    int firstColumn = Math.max(left, 0);
                    int endColumn = Math.min(left + op.kernelW(), w);
                    float gradient = dy.getAtIndex(FLOAT, yPlane + (long) yo * ow + xo);
                    if (max) {
                        long at = firstMaximum(xPlane, firstRow, endRow, firstColumn, endColumn);
                        out.setAtIndex(FLOAT, at, out.getAtIndex(FLOAT, at) + gradient);
                    } else {
                        float share = gradient / divisor(top, left);
                        for (int ih = firstRow; ih < endRow; ih++) {
                            long at = xPlane + (long) ih * w;
                            for (int iw = firstColumn; iw < endColumn; iw++) {
                                out.setAtIndex(FLOAT, at + iw, out.getAtIndex(FLOAT, at + iw) + share);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Index of the window's first maximum in row-major order. */
    private long firstMaximum(long xPlane, int firstRow, int endRow, int firstColumn, int endColumn) {
        long best = xPlane + (long) firstRow * w + firstColumn;
        float bestValue = x.getAtIndex(FLOAT, best);
        for (int ih = firstRow; ih < endRow; ih++) {
            long at = xPlane + (long) ih * w;
            for (int iw = firstColumn; iw < endColumn; iw++) {
                float v = x.getAtIndex(FLOAT, at + iw);
                if (v > bestValue) {
                    bestValue = v;
                    best = at + iw;
                }
            }
        }
        return best;
    }

    @Override
    public void close() {
        arena.close();
    }
}
