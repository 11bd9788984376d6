package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;
import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.ORDER;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

import dev.jdnn.Layout;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.Workspace;
import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Max and average pooling on NHWC tensors, vectorised across channels: the {@code c} values of
 * one pixel are contiguous, so a window cell is one vector load per {@code LANES} channels and no
 * gather is needed, whatever the stride or padding. Window cells are visited in row-major order,
 * so max pooling routes to the first NaN, else the first maximum, as the NCHW plan and naive do
 * (padded cells never take part: windows cover only real cells). Forward with a workspace records
 * each output's routed cell; backward scatters by it. Images are shared out over the workers.
 */
final class ChannelsLastPool2dPlan implements Pool2dPlan {
    private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, SPECIES.vectorShape());

    private final Pool2d op;
    private final Shape input;
    private final Shape output;
    private final WorkerPool pool;
    private final PoolWindows g;
    private final boolean max;
    private final int c;
    /** Routing of {@link #backward(Tensor, Tensor, Tensor)}, recomputed from x per call. */
    private final PoolArgmax scratch;
    private final WorkerPool.Job forwardJob = this::forwardShare;
    private final WorkerPool.Job scatterJob = this::scatterShare;
    private final WorkerPool.Job averageBackwardJob = this::averageBackwardShare;

    private MemorySegment x;
    private MemorySegment y;
    private MemorySegment dy;
    private MemorySegment dx;
    private int[] cells;

    ChannelsLastPool2dPlan(Pool2d op, Shape input, WorkerPool pool) {
        this.op = op;
        this.input = input;
        this.output = op.outputShape(input);
        this.pool = pool;
        this.g = new PoolWindows(op, input);
        this.max = op.kind() == Pool2d.Kind.MAX;
        this.c = input.dim(1);
        this.scratch = new PoolArgmax(max ? Math.toIntExact(output.elementCount()) : 0);
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
    public Layout layout() {
        return Layout.NHWC;
    }

    @Override
    public Workspace newWorkspace() {
        return new PoolArgmax(max ? Math.toIntExact(output.elementCount()) : 0);
    }

    @Override
    public void forward(Tensor xt, Tensor yt) {
        run(xt.segment(), yt.segment(), null, null, null, forwardJob);
    }

    @Override
    public void forward(Tensor xt, Tensor yt, Workspace ws) {
        run(xt.segment(), yt.segment(), null, null, max ? ((PoolArgmax) ws).cells : null, forwardJob);
    }

    @Override
    public void backward(Workspace ws, Tensor dyt, Tensor dxt) {
        if (max) {
            run(null, null, dyt.segment(), dxt.segment(), ((PoolArgmax) ws).cells, scatterJob);
        } else {
            run(null, null, dyt.segment(), dxt.segment(), null, averageBackwardJob);
        }
    }

    @Override
    public void backward(Tensor xt, Tensor dyt, Tensor dxt) {
        if (max) {
            run(xt.segment(), null, null, null, scratch.cells, forwardJob);
            run(null, null, dyt.segment(), dxt.segment(), scratch.cells, scatterJob);
        } else {
            run(null, null, dyt.segment(), dxt.segment(), null, averageBackwardJob);
        }
    }

    private void run(MemorySegment xs, MemorySegment ys, MemorySegment dys, MemorySegment dxs, int[] argmax,
            WorkerPool.Job job) {
        x = xs;
        y = ys;
        dy = dys;
        dx = dxs;
        cells = argmax;
        try {
            pool.run(job);
        } finally {
            x = null;
            y = null;
            dy = null;
            dx = null;
            cells = null;
        }
    }

    private long imageCells() {
        return (long) g.h * g.w * c;
    }

    private long imageOutputs() {
        return (long) g.oh * g.ow * c;
    }

    /** y (when set) and the routed cells (when set) of this worker's images. */
    private void forwardShare(int worker, int workers) {
        int end = WorkerPool.start(input.dim(0), worker + 1, workers);
        for (int image = WorkerPool.start(input.dim(0), worker, workers); image < end; image++) {
            long xImage = image * imageCells();
            long yImage = image * imageOutputs();
            for (int yo = 0; yo < g.oh; yo++) {
                for (int xo = 0; xo < g.ow; xo++) {
                    long yAt = yImage + ((long) yo * g.ow + xo) * c;
                    for (int ch = 0; ch < c; ch += LANES) {
                        VectorMask<Float> m = SPECIES.indexInRange(ch, c);
                        if (max) {
                            maxWindow(xImage, yo, xo, ch, m, yAt);
                        } else {
                            averageWindow(xImage, yo, xo, ch, m, yAt);
                        }
                    }
                }
            }
        }
    }

    private void maxWindow(long xImage, int yo, int xo, int ch, VectorMask<Float> m, long yAt) {
        FloatVector best = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        IntVector bestCell = IntVector.broadcast(INTS, g.firstRow[yo] * g.w + g.firstColumn[xo]);
        VectorMask<Float> bestIsNaN = SPECIES.maskAll(false);
        for (int ih = g.firstRow[yo]; ih < g.endRow[yo]; ih++) {
            for (int iw = g.firstColumn[xo]; iw < g.endColumn[xo]; iw++) {
                int cell = ih * g.w + iw;
                FloatVector v = FloatVector.fromMemorySegment(SPECIES, x, (xImage + (long) cell * c + ch) * Float.BYTES,
                        ORDER, m);
                VectorMask<Float> isNaN = v.compare(VectorOperators.NE, v);
                VectorMask<Float> take = v.compare(VectorOperators.GT, best).or(isNaN.andNot(bestIsNaN));
                best = best.blend(v, take);
                bestCell = bestCell.blend(cell, take.cast(INTS));
                bestIsNaN = bestIsNaN.or(isNaN);
            }
        }
        if (y != null) {
            best.intoMemorySegment(y, (yAt + ch) * Float.BYTES, ORDER, m);
        }
        if (cells != null) {
            // The routed cell as an index in the image: (ih·w + iw)·c + channel.
            bestCell.mul(c).add(IntVector.zero(INTS).addIndex(1)).add(ch)
                    .intoArray(cells, (int) (yAt + ch), m.cast(INTS));
        }
    }

    private void averageWindow(long xImage, int yo, int xo, int ch, VectorMask<Float> m, long yAt) {
        FloatVector sum = FloatVector.zero(SPECIES);
        for (int ih = g.firstRow[yo]; ih < g.endRow[yo]; ih++) {
            for (int iw = g.firstColumn[xo]; iw < g.endColumn[xo]; iw++) {
                sum = sum.add(FloatVector.fromMemorySegment(SPECIES, x,
                        (xImage + ((long) ih * g.w + iw) * c + ch) * Float.BYTES, ORDER, m));
            }
        }
        sum.div((float) g.divisor(yo, xo)).intoMemorySegment(y, (yAt + ch) * Float.BYTES, ORDER, m);
    }

    /** dx = 0, then each dy added to its routed cell, this worker's images. */
    private void scatterShare(int worker, int workers) {
        int end = WorkerPool.start(input.dim(0), worker + 1, workers);
        int outputs = (int) imageOutputs();
        for (int image = WorkerPool.start(input.dim(0), worker, workers); image < end; image++) {
            long xImage = image * imageCells();
            long yImage = (long) image * outputs;
            dx.asSlice(xImage * Float.BYTES, imageCells() * Float.BYTES).fill((byte) 0);
            for (int o = 0; o < outputs; o++) {
                long at = xImage + cells[(int) yImage + o];
                dx.setAtIndex(FLOAT, at, dx.getAtIndex(FLOAT, at) + dy.getAtIndex(FLOAT, yImage + o));
            }
        }
    }

    /** dx = 0, then each dy / divisor added to every real cell of its window, this worker's images. */
    private void averageBackwardShare(int worker, int workers) {
        int end = WorkerPool.start(input.dim(0), worker + 1, workers);
        for (int image = WorkerPool.start(input.dim(0), worker, workers); image < end; image++) {
            long xImage = image * imageCells();
            long yImage = image * imageOutputs();
            dx.asSlice(xImage * Float.BYTES, imageCells() * Float.BYTES).fill((byte) 0);
            for (int yo = 0; yo < g.oh; yo++) {
                for (int xo = 0; xo < g.ow; xo++) {
                    long yAt = yImage + ((long) yo * g.ow + xo) * c;
                    float divisor = (float) g.divisor(yo, xo);
                    for (int ch = 0; ch < c; ch += LANES) {
                        VectorMask<Float> m = SPECIES.indexInRange(ch, c);
                        FloatVector share = FloatVector.fromMemorySegment(SPECIES, dy, (yAt + ch) * Float.BYTES, ORDER,
                                m).div(divisor);
                        for (int ih = g.firstRow[yo]; ih < g.endRow[yo]; ih++) {
                            for (int iw = g.firstColumn[xo]; iw < g.endColumn[xo]; iw++) {
                                long at = (xImage + ((long) ih * g.w + iw) * c + ch) * Float.BYTES;
                                FloatVector.fromMemorySegment(SPECIES, dx, at, ORDER, m).add(share)
                                        .intoMemorySegment(dx, at, ORDER, m);
                            }
                        }
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        // Heap scratch only.
    }
}
