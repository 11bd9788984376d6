package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;
import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.ORDER;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Max and average pooling with PyTorch's semantics, planes shared out over the workers.
 *
 * <p>Vectorised across an output row: a vector holds {@code LANES} neighbouring outputs, and each
 * cell {@code (i, j)} of their windows is one strided load ({@link StridedLanes}: every
 * {@code strideW}-th input of one row). Window cells are visited in row-major order, so the
 * reductions and the first-maximum routing follow the same order as the scalar definition. The
 * output columns whose windows touch the left or right padding, strides other than 1 and 2, and
 * windows too large for an exact float cell offset take the scalar path, which has the same rules.
 *
 * <p>NaN and infinities (the semantics all backends share): max pooling gives NaN for a window
 * holding a NaN, else its maximum (an all -Inf window gives -Inf); backward sends each window's
 * gradient to its first NaN if it has one, else to its first maximum. Padded cells never take part.
 * Backward recomputes the routing from {@code x} instead of storing an argmax in forward, because
 * it is handed {@code x} and may run without a forward on the same data.
 */
final class VectorPool2dPlan implements Pool2dPlan {
    /** Cell offsets inside a window are tracked as floats; beyond this they would not be exact. */
    private static final long EXACT_FLOAT_INTEGERS = 1L << 24;

    private final Pool2d op;
    private final Shape input;
    private final Shape output;
    private final WorkerPool pool;
    private final PoolWindows g;
    private final boolean max;
    private final boolean vectorRows;
    private final int planes;
    /** Per worker: the window cell offsets of one vector of outputs, for the scalar scatter. */
    private final float[][] offsets;
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
        this.g = new PoolWindows(op, input);
        this.max = op.kind() == Pool2d.Kind.MAX;
        this.planes = input.dim(0) * input.dim(1);
        this.vectorRows = StridedLanes.supports(g.strideW)
                && (long) (g.kernelH - 1) * g.w + g.kernelW < EXACT_FLOAT_INTEGERS;
        this.offsets = new float[pool.size()][LANES];
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

    private int vectorEnd() {
        return vectorRows ? g.interiorEnd : g.interiorStart;
    }

    private void forwardShare(int worker, int workers) {
        long limit = x.byteSize() / Float.BYTES;
        int end = WorkerPool.start(planes, worker + 1, workers);
        for (int plane = WorkerPool.start(planes, worker, workers); plane < end; plane++) {
            long xPlane = (long) plane * g.h * g.w;
            long yPlane = (long) plane * g.oh * g.ow;
            for (int yo = 0; yo < g.oh; yo++) {
                long yRow = yPlane + (long) yo * g.ow;
                int xo = 0;
                for (; xo < g.interiorStart; xo++) {
                    out.setAtIndex(FLOAT, yRow + xo, scalarWindow(xPlane, yo, xo));
                }
                for (int lanes; xo < vectorEnd(); xo += lanes) {
                    lanes = Math.min(LANES, vectorEnd() - xo);
                    VectorMask<Float> m = SPECIES.indexInRange(0, lanes);
                    FloatVector v = max ? maxVector(xPlane, yo, xo, limit) : averageVector(xPlane, yo, xo, limit);
                    v.intoMemorySegment(out, (yRow + xo) * Float.BYTES, ORDER, m);
                }
                for (; xo < g.ow; xo++) {
                    out.setAtIndex(FLOAT, yRow + xo, scalarWindow(xPlane, yo, xo));
                }
            }
        }
    }

    /** The maximum (NaN if any) of the windows of outputs {@code xo ..} of row {@code yo}. */
    private FloatVector maxVector(long xPlane, int yo, int xo, long limit) {
        int s = g.strideW;
        long origin = xPlane + (long) g.firstRow[yo] * g.w + ((long) xo * s - g.left);
        FloatVector acc = StridedLanes.load(x, origin, s, limit);
        for (int ih = g.firstRow[yo]; ih < g.endRow[yo]; ih++) {
            long at = origin + (long) (ih - g.firstRow[yo]) * g.w;
            for (int j = ih == g.firstRow[yo] ? 1 : 0; j < g.kernelW; j++) {
                // FloatVector.max has Math.max's semantics: a NaN operand gives NaN.
                acc = acc.max(StridedLanes.load(x, at + j, s, limit));
            }
        }
        return acc;
    }

    /** The means of the windows of outputs {@code xo ..} of row {@code yo} (interior columns). */
    private FloatVector averageVector(long xPlane, int yo, int xo, long limit) {
        int s = g.strideW;
        long origin = xPlane + (long) g.firstRow[yo] * g.w + ((long) xo * s - g.left);
        FloatVector acc = FloatVector.zero(SPECIES);
        for (int ih = g.firstRow[yo]; ih < g.endRow[yo]; ih++) {
            long at = origin + (long) (ih - g.firstRow[yo]) * g.w;
            for (int j = 0; j < g.kernelW; j++) {
                acc = acc.add(StridedLanes.load(x, at + j, s, limit));
            }
        }
        // Interior windows count every column of the kernel, whatever countIncludePad says.
        return acc.div((float) ((double) g.divisorRows[yo] * g.kernelW));
    }

    /** Window {@code (yo, xo)}'s maximum or mean, one cell at a time. */
    private float scalarWindow(long xPlane, int yo, int xo) {
        if (max) {
            return x.getAtIndex(FLOAT, routedCell(xPlane, yo, xo));
        }
        float sum = 0f;
        for (int ih = g.firstRow[yo]; ih < g.endRow[yo]; ih++) {
            long row = xPlane + (long) ih * g.w;
            for (int iw = g.firstColumn[xo]; iw < g.endColumn[xo]; iw++) {
                sum += x.getAtIndex(FLOAT, row + iw);
            }
        }
        return (float) (sum / g.divisor(yo, xo));
    }

    /** Index of window {@code (yo, xo)}'s first NaN, else of its first maximum, row-major. */
    private long routedCell(long xPlane, int yo, int xo) {
        long best = xPlane + (long) g.firstRow[yo] * g.w + g.firstColumn[xo];
        float bestValue = x.getAtIndex(FLOAT, best);
        for (int ih = g.firstRow[yo]; ih < g.endRow[yo]; ih++) {
            long row = xPlane + (long) ih * g.w;
            for (int iw = g.firstColumn[xo]; iw < g.endColumn[xo]; iw++) {
                float v = x.getAtIndex(FLOAT, row + iw);
                if (v > bestValue || (v != v && bestValue == bestValue)) {
                    bestValue = v;
                    best = row + iw;
                }
            }
        }
        return best;
    }

    private void backwardShare(int worker, int workers) {
        float[] cells = offsets[worker];
        long limit = x.byteSize() / Float.BYTES;
        int end = WorkerPool.start(planes, worker + 1, workers);
        for (int plane = WorkerPool.start(planes, worker, workers); plane < end; plane++) {
            long xPlane = (long) plane * g.h * g.w;
            long yPlane = (long) plane * g.oh * g.ow;
            SegmentVectors.fill(out, xPlane, g.h * g.w, 0f);
            for (int yo = 0; yo < g.oh; yo++) {
                long yRow = yPlane + (long) yo * g.ow;
                int xo = 0;
                for (; xo < g.interiorStart; xo++) {
                    scalarBackward(xPlane, yo, xo, dy.getAtIndex(FLOAT, yRow + xo));
                }
                for (int lanes; xo < vectorEnd(); xo += lanes) {
                    lanes = Math.min(LANES, vectorEnd() - xo);
                    if (max) {
                        maxBackwardVector(xPlane, yo, xo, lanes, yRow, limit, cells);
                    } else {
                        averageBackwardVector(xPlane, yo, xo, lanes, yRow);
                    }
                }
                for (; xo < g.ow; xo++) {
                    scalarBackward(xPlane, yo, xo, dy.getAtIndex(FLOAT, yRow + xo));
                }
            }
        }
    }

    /**
     * Finds, for {@code lanes} neighbouring windows at once, the offset of the cell each routes to
     * (first NaN, else first strict maximum, row-major), then adds each gradient to its cell one
     * at a time, since overlapping windows may route to the same cell.
     */
    private void maxBackwardVector(long xPlane, int yo, int xo, int lanes, long yRow, long limit, float[] cells) {
        int s = g.strideW;
        long origin = xPlane + (long) g.firstRow[yo] * g.w + ((long) xo * s - g.left);
        FloatVector best = StridedLanes.load(x, origin, s, limit);
        FloatVector bestCell = FloatVector.zero(SPECIES);
        VectorMask<Float> bestIsNaN = best.test(VectorOperators.IS_NAN);
        for (int ih = g.firstRow[yo]; ih < g.endRow[yo]; ih++) {
            int rowOffset = (ih - g.firstRow[yo]) * g.w;
            long at = origin + rowOffset;
            for (int j = ih == g.firstRow[yo] ? 1 : 0; j < g.kernelW; j++) {
                FloatVector v = StridedLanes.load(x, at + j, s, limit);
                VectorMask<Float> isNaN = v.test(VectorOperators.IS_NAN);
                VectorMask<Float> take = v.compare(VectorOperators.GT, best).or(isNaN.andNot(bestIsNaN));
                best = best.blend(v, take);
                bestCell = bestCell.blend(rowOffset + j, take);
                bestIsNaN = bestIsNaN.or(isNaN);
            }
        }
        bestCell.intoArray(cells, 0);
        for (int lane = 0; lane < lanes; lane++) {
            long at = origin + (long) lane * s + (long) cells[lane];
            out.setAtIndex(FLOAT, at, out.getAtIndex(FLOAT, at) + dy.getAtIndex(FLOAT, yRow + xo + lane));
        }
    }

    /** Adds {@code dy / divisor} to every cell of {@code lanes} neighbouring interior windows. */
    private void averageBackwardVector(long xPlane, int yo, int xo, int lanes, long yRow) {
        int s = g.strideW;
        VectorMask<Float> m = SPECIES.indexInRange(0, lanes);
        FloatVector share = FloatVector.fromMemorySegment(SPECIES, dy, (yRow + xo) * Float.BYTES, ORDER, m)
                .div((float) ((double) g.divisorRows[yo] * g.kernelW));
        int firstColumn = xo * s - g.left;
        // The vector's last used position; past it lie other windows' cells (or the next row).
        int endColumn = (xo + lanes - 1) * s - g.left + g.kernelW;
        for (int ih = g.firstRow[yo]; ih < g.endRow[yo]; ih++) {
            long row = xPlane + (long) ih * g.w;
            for (int j = 0; j < g.kernelW; j++) {
                StridedLanes.add(share, out, row + firstColumn + j, s, row + endColumn);
            }
        }
    }

    private void scalarBackward(long xPlane, int yo, int xo, float gradient) {
        if (max) {
            long at = routedCell(xPlane, yo, xo);
            out.setAtIndex(FLOAT, at, out.getAtIndex(FLOAT, at) + gradient);
            return;
        }
        float share = (float) (gradient / g.divisor(yo, xo));
        for (int ih = g.firstRow[yo]; ih < g.endRow[yo]; ih++) {
            long row = xPlane + (long) ih * g.w;
            for (int iw = g.firstColumn[xo]; iw < g.endColumn[xo]; iw++) {
                out.setAtIndex(FLOAT, row + iw, out.getAtIndex(FLOAT, row + iw) + share);
            }
        }
    }

    @Override
    public void close() {
        // Nothing to release: the plan's scratch lives on the heap.
    }
}
