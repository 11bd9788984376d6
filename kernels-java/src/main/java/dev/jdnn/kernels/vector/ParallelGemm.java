package dev.jdnn.kernels.vector;

import java.lang.foreign.MemorySegment;

/**
 * {@link PackedGemm} shared out over a {@link WorkerPool}: C is cut into one contiguous slab of
 * rows or of columns per worker (whichever dimension is larger, in whole MR/NR tiles), and each
 * worker packs its own panels into its own {@link GemmWorkspace}. Owned by one plan and used by one
 * thread at a time: the operands of the running product live in fields so that handing the job to
 * the workers allocates nothing.
 */
final class ParallelGemm {
    private final PackedGemm gemm;
    private final WorkerPool pool;
    private final GemmWorkspace[] workspaces;
    private final WorkerPool.Job share = this::share;

    private int m;
    private int n;
    private int k;
    private MemorySegment a;
    private long aOffset;
    private int lda;
    private boolean transA;
    private MemorySegment b;
    private long bOffset;
    private int ldb;
    private boolean transB;
    private MemorySegment c;
    private long cOffset;
    private int ldc;
    private boolean accumulate;
    private GemmEpilogue epilogue;
    private long biasIndex;

    /** Workspaces for products of at most {@code maxM x maxK} by {@code maxK x maxN}. */
    ParallelGemm(PackedGemm gemm, WorkerPool pool, int maxM, int maxN, int maxK) {
        this.gemm = gemm;
        this.pool = pool;
        this.workspaces = new GemmWorkspace[pool.size()];
        for (int i = 0; i < workspaces.length; i++) {
            workspaces[i] = gemm.workspace(maxM, maxN, maxK);
        }
    }

    /** The workspace of worker {@code i}, for single-threaded products inside a pool job. */
    GemmWorkspace workspace(int i) {
        return workspaces[i];
    }

    /** The underlying single-threaded GEMM. */
    PackedGemm gemm() {
        return gemm;
    }

    /** {@code C (+)= A·B} over all workers; arguments as in {@link PackedGemm#multiply}. */
    void multiply(int m, int n, int k, MemorySegment a, long aOffset, int lda, boolean transA, MemorySegment b,
            long bOffset, int ldb, boolean transB, MemorySegment c, long cOffset, int ldc, boolean accumulate) {
        multiply(m, n, k, a, aOffset, lda, transA, b, bOffset, ldb, transB, c, cOffset, ldc, accumulate, null, 0);
    }

    /** As above with an epilogue, as {@link PackedGemm} applies it. */
    void multiply(int m, int n, int k, MemorySegment a, long aOffset, int lda, boolean transA, MemorySegment b,
            long bOffset, int ldb, boolean transB, MemorySegment c, long cOffset, int ldc, boolean accumulate,
            GemmEpilogue epilogue, long biasIndex) {
        if (pool.size() == 1) {
            gemm.multiply(workspaces[0], m, n, k, a, aOffset, lda, transA, b, bOffset, ldb, transB, c, cOffset, ldc,
                    accumulate, epilogue, biasIndex);
            return;
        }
        this.epilogue = epilogue;
        this.biasIndex = biasIndex;
        this.m = m;
        this.n = n;
        this.k = k;
        this.a = a;
        this.aOffset = aOffset;
        this.lda = lda;
        this.transA = transA;
        this.b = b;
        this.bOffset = bOffset;
        this.ldb = ldb;
        this.transB = transB;
        this.c = c;
        this.cOffset = cOffset;
        this.ldc = ldc;
        this.accumulate = accumulate;
        try {
            pool.run(share);
        } finally {
            this.a = null;
            this.b = null;
            this.c = null;
            this.epilogue = null;
        }
    }

    private void share(int worker, int workers) {
        int mr = gemm.kernel().rows();
        int nr = gemm.kernel().columns();
        GemmWorkspace ws = workspaces[worker];
        if (m >= n) {
            int tiles = (m + mr - 1) / mr;
            int from = Math.min(m, WorkerPool.start(tiles, worker, workers) * mr);
            int to = Math.min(m, WorkerPool.start(tiles, worker + 1, workers) * mr);
            long aShift = transA ? from : (long) from * lda;
            gemm.multiply(ws, to - from, n, k, a, aOffset + aShift, lda, transA, b, bOffset, ldb, transB, c,
                    cOffset + (long) from * ldc, ldc, accumulate, epilogue,
                    biasIndex + (epilogue != null && epilogue.biasPerRow() ? from : 0));
        } else {
            int tiles = (n + nr - 1) / nr;
            int from = Math.min(n, WorkerPool.start(tiles, worker, workers) * nr);
            int to = Math.min(n, WorkerPool.start(tiles, worker + 1, workers) * nr);
            long bShift = transB ? (long) from * ldb : from;
            gemm.multiply(ws, m, to - from, k, a, aOffset, lda, transA, b, bOffset + bShift, ldb, transB, c,
                    cOffset + from, ldc, accumulate, epilogue,
                    biasIndex + (epilogue != null && !epilogue.biasPerRow() ? from : 0));
        }
    }
}
