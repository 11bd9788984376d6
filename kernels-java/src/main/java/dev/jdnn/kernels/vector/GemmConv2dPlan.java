package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;

import dev.jdnn.Conv2d;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Convolution as im2col + GEMM, one image and one group at a time:
 * forward {@code Y = W·col}, backward data {@code col = Wᵀ·dY} then col2im, backward weights
 * {@code dW = dY·colᵀ} (the transpose is absorbed by the B packing) and {@code db = Σ dY}. A
 * 1x1 convolution with stride 1 and no padding skips im2col: the image already is the column matrix.
 *
 * <p>With at least as many images as workers, each worker takes whole images with its own column
 * buffer and GEMM workspace (and, for backward weights, its own partial {@code dW}, summed at the
 * end); otherwise images run one after another and each GEMM is shared out over the workers. All
 * scratch is allocated here, once.
 */
final class GemmConv2dPlan extends VectorConv2dPlan {
    private final ParallelGemm gemm;
    private final Im2col im2col;
    private final boolean pointwise;
    private final boolean imagePerWorker;
    private final Arena arena = Arena.ofShared();
    /**
     * Per buffer: the column matrix on the heap, where {@link Im2col} fills and folds it run by run
     * (cheap on arrays, tens of nanoseconds per run on segments) ...
     */
    private final float[][] columnArrays;
    /** ... seen as segments, for the GEMM of backward-data to write its product into directly ... */
    private final MemorySegment[] columnViews;
    /**
     * ... and in native memory, where the GEMM reads or writes it (one bulk copy between the two:
     * the GEMM reading B from a heap segment ran cifar_c2 forward ~1.6x slower) ...
     */
    private final MemorySegment[] columns;
    /** ... and one image's channels on the heap. */
    private final float[][] images;
    private final MemorySegment[] partialWeights;
    private int partialWorkers;

    GemmConv2dPlan(Conv2d op, Shape input, WorkerPool pool, PackedGemm packedGemm) {
        super(op, input, pool);
        this.pointwise = op.kernelH() == 1 && op.kernelW() == 1 && op.strideH() == 1 && op.strideW() == 1
                && op.padding().isNone();
        this.imagePerWorker = g.n() >= pool.size() && pool.size() > 1;
        this.im2col = new Im2col(op, g.h(), g.w(), g.oh(), g.ow());
        int rows = g.columnRows();
        int pixels = g.pixels();
        int maxDim = Math.max(Math.max(rows, pixels), g.kg());
        this.gemm = new ParallelGemm(packedGemm, pool, maxDim, maxDim, maxDim);
        int buffers = imagePerWorker ? pool.size() : 1;
        this.columnArrays = new float[pointwise ? 0 : buffers][];
        this.columns = new MemorySegment[buffers];
        this.columnViews = new MemorySegment[buffers];
        this.images = new float[pointwise ? 0 : buffers][];
        for (int i = 0; i < columnArrays.length; i++) {
            columnArrays[i] = new float[Math.multiplyExact(rows, pixels)];
            columnViews[i] = MemorySegment.ofArray(columnArrays[i]);
            columns[i] = arena.allocate((long) rows * pixels * Float.BYTES, 64);
            images[i] = new float[g.cg() * g.cells()];
        }
        long weights = (long) g.k() * rows;
        this.partialWeights = new MemorySegment[imagePerWorker ? buffers : 0];
        for (int i = 0; i < partialWeights.length; i++) {
            partialWeights[i] = arena.allocate(weights * Float.BYTES, 64);
        }
    }

    @Override
    public void backwardWeights(Tensor x, Tensor dy, Tensor dw, Tensor db) {
        super.backwardWeights(x, dy, dw, null);
        if (imagePerWorker) {
            sumPartialWeights(dw.segment());
        }
        if (db != null) {
            biasGradient(dy.segment(), db.segment());
        }
    }

    @Override
    void dispatch(WorkerPool.Job job) {
        if (imagePerWorker) {
            runOnPool(job);
        } else {
            job.run(-1, 1);
        }
    }

    @Override
    void forwardShare(int worker, int workers) {
        MemorySegment x = first;
        MemorySegment w = second;
        MemorySegment b = third;
        MemorySegment y = out;
        int buffer = Math.max(worker, 0);
        MemorySegment col = columns[buffer];
        int rows = g.columnRows();
        int pixels = g.pixels();
        for (int image = first(worker, workers); image < last(worker, workers); image++) {
            for (int group = 0; group < g.groups(); group++) {
                long xOffset = ((long) image * g.c() + (long) group * g.cg()) * g.cells();
                MemorySegment bSource = x;
                long bOffset = xOffset;
                if (!pointwise) {
                    unfold(x, xOffset, buffer);
                    bSource = col;
                    bOffset = 0;
                }
                long yOffset = ((long) image * g.k() + (long) group * g.kg()) * pixels;
                multiply(worker, g.kg(), pixels, rows, w, (long) group * g.kg() * rows, rows, false, bSource, bOffset,
                        pixels, false, y, yOffset, pixels, false);
                if (b != null) {
                    for (int kk = 0; kk < g.kg(); kk++) {
                        float bias = b.getAtIndex(FLOAT, (long) group * g.kg() + kk);
                        SegmentVectors.addScalar(y, yOffset + (long) kk * pixels, pixels, bias);
                    }
                }
            }
        }
    }

    @Override
    void backwardDataShare(int worker, int workers) {
        MemorySegment dy = first;
        MemorySegment w = second;
        MemorySegment dx = out;
        int buffer = Math.max(worker, 0);
        int rows = g.columnRows();
        int pixels = g.pixels();
        for (int image = first(worker, workers); image < last(worker, workers); image++) {
            for (int group = 0; group < g.groups(); group++) {
                long dyOffset = ((long) image * g.k() + (long) group * g.kg()) * pixels;
                long dxOffset = ((long) image * g.c() + (long) group * g.cg()) * g.cells();
                long wOffset = (long) group * g.kg() * rows;
                if (pointwise) {
                    multiply(worker, rows, pixels, g.kg(), w, wOffset, rows, true, dy, dyOffset, pixels, false, dx,
                            dxOffset, pixels, false);
                } else {
                    // The product goes straight into the heap column array that col2im folds, instead of
                    // through the native column matrix and a copy of all of it per image.
                    multiply(worker, rows, pixels, g.kg(), w, wOffset, rows, true, dy, dyOffset, pixels, false,
                            columnViews[buffer], 0, pixels, false);
                    im2col.fold(columnArrays[buffer], g.cg(), images[buffer], dx, dxOffset);
                }
            }
        }
    }

    @Override
    void backwardWeightsShare(int worker, int workers) {
        MemorySegment x = first;
        MemorySegment dy = second;
        MemorySegment dw = worker >= 0 && partialWeights.length > 0 ? partialWeights[worker] : out;
        if (worker == 0) {
            partialWorkers = workers;
        }
        int buffer = Math.max(worker, 0);
        MemorySegment col = columns[buffer];
        int rows = g.columnRows();
        int pixels = g.pixels();
        int from = first(worker, workers);
        for (int image = from; image < last(worker, workers); image++) {
            for (int group = 0; group < g.groups(); group++) {
                long xOffset = ((long) image * g.c() + (long) group * g.cg()) * g.cells();
                MemorySegment bSource = x;
                long bOffset = xOffset;
                if (!pointwise) {
                    unfold(x, xOffset, buffer);
                    bSource = col;
                    bOffset = 0;
                }
                long dyOffset = ((long) image * g.k() + (long) group * g.kg()) * pixels;
                multiply(worker, g.kg(), rows, pixels, dy, dyOffset, pixels, false, bSource, bOffset, pixels, true, dw,
                        (long) group * g.kg() * rows, rows, image > from);
            }
        }
    }

    private void unfold(MemorySegment x, long xOffset, int buffer) {
        float[] col = columnArrays[buffer];
        im2col.unfold(x, xOffset, g.cg(), images[buffer], col);
        MemorySegment.copy(col, 0, columns[buffer], FLOAT, 0, col.length);
    }

    private void sumPartialWeights(MemorySegment dw) {
        int count = g.k() * g.columnRows();
        boolean first = true;
        for (int worker = 0; worker < partialWorkers; worker++) {
            if (first(worker, partialWorkers) == last(worker, partialWorkers)) {
                continue;
            }
            if (first) {
                SegmentVectors.copy(partialWeights[worker], 0, dw, 0, count);
                first = false;
            } else {
                SegmentVectors.add(dw, 0, partialWeights[worker], 0, count);
            }
        }
    }

    private void biasGradient(MemorySegment dy, MemorySegment db) {
        int pixels = g.pixels();
        for (int kk = 0; kk < g.k(); kk++) {
            // Per image a blockwise float sum, across images a double: n·oh·ow terms may be billions.
            double sum = 0;
            for (int image = 0; image < g.n(); image++) {
                sum += SegmentVectors.sum(dy, ((long) image * g.k() + kk) * pixels, pixels);
            }
            db.setAtIndex(FLOAT, kk, (float) sum);
        }
    }

    private int first(int worker, int workers) {
        return worker < 0 ? 0 : WorkerPool.start(g.n(), worker, workers);
    }

    private int last(int worker, int workers) {
        return worker < 0 ? g.n() : WorkerPool.start(g.n(), worker + 1, workers);
    }

    /** A GEMM on worker {@code worker}'s workspace, or shared out over the pool for worker -1. */
    private void multiply(int worker, int m, int n, int k, MemorySegment a, long aOffset, int lda, boolean transA,
            MemorySegment bm, long bOffset, int ldb, boolean transB, MemorySegment c, long cOffset, int ldc,
            boolean accumulate) {
        if (worker < 0) {
            gemm.multiply(m, n, k, a, aOffset, lda, transA, bm, bOffset, ldb, transB, c, cOffset, ldc, accumulate);
        } else {
            gemm.gemm().multiply(gemm.workspace(worker), m, n, k, a, aOffset, lda, transA, bm, bOffset, ldb, transB,
                    c, cOffset, ldc, accumulate);
        }
    }

    @Override
    public void close() {
        arena.close();
    }
}
