package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;

import dev.jdnn.Activation;
import dev.jdnn.Dense;
import dev.jdnn.DensePlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * A dense layer through the GEMM: forward {@code Y = X·Wᵀ + b} (as {@code Yᵀ = W·Xᵀ} with W read in
 * place, {@link DenseForwardGemm}, for the shapes it {@link DenseForwardGemm#serves serves}; elsewhere
 * Wᵀ read by the B packing),
 * backward data {@code dX = dY·W}, backward weights {@code dW = dYᵀ·X} (dYᵀ read by the A packing)
 * and {@code db = Σ dY}. Batch 1 forward is a matrix-vector product instead: one vectorised dot
 * product per output, outputs cut into chunks the workers claim, because packing W for a single
 * row of X would cost more than the product; batch 1 backward data likewise streams W's rows.
 */
final class VectorDensePlan implements DensePlan {
    private final Dense op;
    private final int batch;
    private final int in;
    private final int out;
    private final WorkerPool pool;
    private final ParallelGemm gemm;
    private final WorkerPool.Chunks matrixVectorJob = this::matrixVectorChunk;
    private final WorkerPool.Chunks vectorMatrixJob = this::vectorMatrixChunk;
    /** Rows of dY summed in float before the block's sum moves into {@link #biasTotals}. */
    private static final int ROWS_PER_BLOCK = 64;
    /** The bias gradient's running totals, for batches longer than one block. */
    private final double[] biasTotals;
    /** Bias (one per column of y) and fused activation, applied as the GEMM finishes each block. */
    private final GemmEpilogue epilogue;
    /** The forward product where {@link DenseForwardGemm#serves} says it wins; null elsewhere. */
    private final DenseForwardGemm forwardGemm;

    private MemorySegment x;
    private MemorySegment w;
    private MemorySegment b;
    private MemorySegment y;

    VectorDensePlan(Dense op, int batch, WorkerPool pool, PackedGemm packedGemm) {
        this.op = op;
        this.batch = batch;
        this.in = op.inFeatures();
        this.out = op.outFeatures();
        this.pool = pool;
        // Every product (forward, its transpose in DenseForwardGemm, backward data and weights)
        // has the batch, in and out as its three dimensions, in some order.
        int maxDim = Math.max(batch, Math.max(in, out));
        this.gemm = ParallelGemm.forPlan(packedGemm, pool, maxDim, maxDim, maxDim, Math.min(batch, Math.min(in, out)));
        this.biasTotals = new double[batch > ROWS_PER_BLOCK ? out : 0];
        this.epilogue = new GemmEpilogue(false, op.activation());
        GemmMicroKernel kernel = packedGemm.kernel();
        this.forwardGemm = DenseForwardGemm.serves(batch, in, out, kernel.columns(), pool.size())
                ? new DenseForwardGemm(kernel, pool, batch, in, out, op.activation(), gemm)
                : null;
    }

    @Override
    public Dense op() {
        return op;
    }

    @Override
    public Shape inputShape() {
        return op.inputShape(batch);
    }

    @Override
    public Shape outputShape() {
        return op.outputShape(batch);
    }

    @Override
    public void forward(Tensor xt, Tensor wt, Tensor bt, Tensor yt) {
        MemorySegment ys = yt.segment();
        MemorySegment bs = bt == null ? null : bt.segment();
        if (batch == 1) {
            x = xt.segment();
            w = wt.segment();
            b = bs;
            y = ys;
            try {
                pool.run(matrixVectorJob, pool.chunksFor(out));
            } finally {
                x = null;
                w = null;
                b = null;
                y = null;
            }
            return;
        }
        if (forwardGemm != null) {
            forwardGemm.forward(xt.segment(), wt.segment(), bs, ys);
            return;
        }
        epilogue.set(bs);
        try {
            gemm.multiply(batch, out, in, xt.segment(), 0, in, false, wt.segment(), 0, in, true, ys, 0, out, false,
                    epilogue.active() ? epilogue : null, 0);
        } finally {
            epilogue.set(null);
        }
    }

    private void matrixVectorChunk(int member, int chunk, int chunks) {
        for (int o = WorkerPool.start(out, chunk, chunks); o < WorkerPool.start(out, chunk + 1, chunks); o++) {
            float v = SegmentVectors.dot(w, (long) o * in, x, 0, in);
            y.setAtIndex(FLOAT, o, activation(b == null ? v : v + b.getAtIndex(FLOAT, o)));
        }
    }

    /** Columns of dX per unit of a batch-1 backward-data chunk: 64 bytes, so chunks share no cache line. */
    private static final int VECTOR_MATRIX_UNIT = 16;

    /**
     * Batch-1 backward data {@code dx = dy·W} for a slab of dx's columns, as rows of W scaled and
     * added into the slab (which stays in L1) in order of the rows: W is read once, row by row,
     * where the GEMM would pack all of it into panels to multiply it by one row (fc_b1: 1.09 ms
     * against oneDNN's 0.49). Each column's sum runs over the rows in one order, whatever the cut.
     * Here {@link #x} holds dy and {@link #y} dx.
     */
    private void vectorMatrixChunk(int member, int chunk, int chunks) {
        int units = (in + VECTOR_MATRIX_UNIT - 1) / VECTOR_MATRIX_UNIT;
        int from = Math.min(in, WorkerPool.start(units, chunk, chunks) * VECTOR_MATRIX_UNIT);
        int to = Math.min(in, WorkerPool.start(units, chunk + 1, chunks) * VECTOR_MATRIX_UNIT);
        SegmentVectors.fill(y, from, to - from, 0f);
        for (int o = 0; o < out; o++) {
            SegmentVectors.addScaled(y, from, x.getAtIndex(FLOAT, o), w, (long) o * in + from, to - from);
        }
    }

    /** The fused activation of one output, as {@link ActivationKernels} computes it in lane 0. */
    private float activation(float v) {
        Activation a = op.activation();
        if (a == null) {
            return v;
        }
        return ActivationKernels.apply(a, FloatVector.broadcast(SegmentVectors.SPECIES, v)).lane(0);
    }

    @Override
    public void backwardData(Tensor dyt, Tensor wt, Tensor dxt) {
        if (batch == 1) {
            x = dyt.segment();
            w = wt.segment();
            y = dxt.segment();
            try {
                pool.run(vectorMatrixJob, pool.chunksFor((in + VECTOR_MATRIX_UNIT - 1) / VECTOR_MATRIX_UNIT));
            } finally {
                x = null;
                w = null;
                y = null;
            }
            return;
        }
        gemm.multiply(batch, in, out, dyt.segment(), 0, out, false, wt.segment(), 0, in, false, dxt.segment(), 0, in,
                false);
    }

    @Override
    public void backwardWeights(Tensor xt, Tensor dyt, Tensor dwt, Tensor dbt) {
        MemorySegment dy = dyt.segment();
        gemm.multiply(out, in, batch, dy, 0, out, true, xt.segment(), 0, in, false, dwt.segment(), 0, in, false);
        if (dbt != null) {
            biasGradient(dy, dbt.segment());
        }
    }

    /**
     * {@code db = Σ_rows dY}: rows summed into {@code db} in float, {@link #ROWS_PER_BLOCK} at a
     * time, each block's sum carried into a {@code double} total, so that a long batch neither
     * stalls a float accumulator nor costs a double add per element.
     */
    private void biasGradient(MemorySegment dy, MemorySegment db) {
        if (batch <= ROWS_PER_BLOCK) {
            sumRows(dy, 0, batch, db);
            return;
        }
        Arrays.fill(biasTotals, 0);
        for (int from = 0; from < batch; from += ROWS_PER_BLOCK) {
            sumRows(dy, from, Math.min(batch, from + ROWS_PER_BLOCK), db);
            for (int o = 0; o < out; o++) {
                biasTotals[o] += db.getAtIndex(FLOAT, o);
            }
        }
        for (int o = 0; o < out; o++) {
            db.setAtIndex(FLOAT, o, (float) biasTotals[o]);
        }
    }

    private void sumRows(MemorySegment dy, int from, int to, MemorySegment db) {
        SegmentVectors.copy(dy, (long) from * out, db, 0, out);
        for (int row = from + 1; row < to; row++) {
            SegmentVectors.add(db, 0, dy, (long) row * out, out);
        }
    }

    /** Whether this plan's GEMM holds the team's shared block of B (tests check its sizing). */
    boolean preparedSharedB() {
        return gemm.preparedSharedB();
    }

    @Override
    public void close() {
        // The GEMM workspaces are heap arrays, released with the plan.
    }
}
