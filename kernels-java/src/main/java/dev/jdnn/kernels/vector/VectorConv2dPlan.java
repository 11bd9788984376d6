package dev.jdnn.kernels.vector;

import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Layout;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.lang.foreign.MemorySegment;

/**
 * What the vector backend's convolution plans share: the geometry, the worker pool, and the
 * hand-over of one pass's tensors to pre-built jobs through fields (so that running a pass
 * allocates nothing). The fields hold, per pass: forward {@code (x, w, b, y)}, backward data
 * {@code (dy, w, -, dx)}, backward weights {@code (x, dy, db, dw)}.
 */
abstract class VectorConv2dPlan implements Conv2dPlan {
    final ConvGeometry g;
    final WorkerPool pool;
    final WorkerPool.Job forwardJob = this::forwardShare;
    final WorkerPool.Job backwardDataJob = this::backwardDataShare;
    final WorkerPool.Job backwardWeightsJob = this::backwardWeightsShare;

    MemorySegment first;
    MemorySegment second;
    MemorySegment third;
    MemorySegment out;

    VectorConv2dPlan(Conv2d op, Shape input, WorkerPool pool) {
        this.g = ConvGeometry.of(op, input);
        this.pool = pool;
    }

    @Override
    public final Conv2d op() {
        return g.op();
    }

    @Override
    public final Shape inputShape() {
        return g.input();
    }

    @Override
    public final Shape outputShape() {
        return g.output();
    }

    @Override
    public void forward(Tensor x, Tensor w, Tensor b, Tensor y) {
        forward(x.segment(), w.segment(), b == null ? null : b.segment(), y.segment());
    }

    /** The forward pass on raw segments ({@code b} may be null), for plans that run another plan's pass. */
    void forward(MemorySegment x, MemorySegment w, MemorySegment b, MemorySegment y) {
        run(x, w, b, y, forwardJob);
    }

    @Override
    public void backwardData(Tensor dy, Tensor w, Tensor dx) {
        run(dy.segment(), w.segment(), null, dx.segment(), backwardDataJob);
    }

    @Override
    public void backwardWeights(Tensor x, Tensor dy, Tensor dw, Tensor db) {
        run(x.segment(), dy.segment(), db == null ? null : db.segment(), dw.segment(), backwardWeightsJob);
    }

    private void run(MemorySegment a, MemorySegment b, MemorySegment c, MemorySegment o, WorkerPool.Job job) {
        first = a;
        second = b;
        third = c;
        out = o;
        try {
            dispatch(job);
        } finally {
            first = null;
            second = null;
            third = null;
            out = null;
        }
    }

    /**
     * {@code db[k] = Σ dy[n][k]}: per image a blockwise float sum, across images a double, since
     * {@code n·oh·ow} terms may be billions.
     */
    final void biasGradient(MemorySegment dy, MemorySegment db) {
        int pixels = g.pixels();
        for (int kk = 0; kk < g.k(); kk++) {
            double sum = 0;
            for (int image = 0; image < g.n(); image++) {
                sum += SegmentVectors.sum(dy, ((long) image * g.k() + kk) * pixels, pixels);
            }
            db.setAtIndex(SegmentVectors.FLOAT, kk, (float) sum);
        }
    }

    /** Applies the op's fused activation to {@code y} in place (for the rare paths that compute y otherwise). */
    final void activateInPlace(Tensor y) {
        if (g.op().activation() != null) {
            ActivationKernels.forward(g.op().activation(), y.segment(), y.segment(), y.shape().elementCount());
        }
    }

    @Override
    public Layout layout() {
        return Layout.NCHW;
    }

    /** Runs one pass's job with the pass's tensors in the fields. */
    abstract void dispatch(WorkerPool.Job job);

    /** Runs {@code job} on every member of the pool. */
    final void runOnPool(WorkerPool.Job job) {
        pool.run(job);
    }

    abstract void forwardShare(int worker, int workers);

    abstract void backwardDataShare(int worker, int workers);

    abstract void backwardWeightsShare(int worker, int workers);
}
