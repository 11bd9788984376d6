package dev.jdnn.kernels.vector;

import java.lang.foreign.MemorySegment;

/**
 * {@link PackedGemm} shared out over a {@link WorkerPool}: C is cut into contiguous slabs of rows or
 * of columns (whichever dimension is larger, in whole MR/NR tiles) that the team members claim one
 * at a time ({@link WorkerPool#run(WorkerPool.Chunks, int)}), so that a member that wakes late or
 * is preempted leaves the caller one slab to wait for rather than half the product. Each slab is a
 * product of its own with the full depth, packed into the claiming member's {@link GemmWorkspace}:
 * no sum crosses slabs and every element of C is computed in the same order whatever the cut, so
 * the bits depend neither on the thread count nor on who ran which slab.
 *
 * <p>Every slab packs the whole of the operand it does not cut (all of B for a slab of rows), so
 * slabs are kept at least {@link #MIN_SLAB} rows or columns wide where the product allows: packing
 * a float costs about as much as 5-15 multiply-adds of the kernel, and a slab of width w spends
 * 2·w flops per packed float of the other operand (1-4% of the time at w = 256).
 *
 * <p>Owned by one plan and used by one thread at a time: the operands of the running product live
 * in fields so that handing the job to the workers allocates nothing.
 */
final class ParallelGemm {
    private final PackedGemm gemm;
    private final WorkerPool pool;
    private final GemmWorkspace[] workspaces;
    private final WorkerPool.Chunks slab = this::slab;
    /** Narrowest slab worth its own packing of the other operand, in rows or columns (above). */
    static final int MIN_SLAB = 256;

    /** Whether the running product is cut into slabs of rows (else of columns). */
    private boolean byRows;
    /** MR-tall or NR-wide tiles along the cut dimension of the running product. */
    private int tiles;

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
        int mr = gemm.kernel().rows();
        int nr = gemm.kernel().columns();
        this.byRows = m >= n;
        this.tiles = byRows ? (m + mr - 1) / mr : (n + nr - 1) / nr;
        try {
            pool.run(slab, slabs(byRows ? m : n, tiles, pool));
        } finally {
            this.a = null;
            this.b = null;
            this.c = null;
            this.epilogue = null;
        }
    }

    /**
     * How many slabs to cut {@code extent} rows or columns ({@code tiles} tiles) into: as many as
     * {@link WorkerPool#chunksFor} wants to balance the team, but none narrower than
     * {@link #MIN_SLAB} unless that would leave a member idle.
     */
    static int slabs(int extent, int tiles, WorkerPool pool) {
        int wide = Math.max(1, extent / MIN_SLAB);
        return Math.max(Math.min(pool.size(), tiles), Math.min(pool.chunksFor(tiles), wide));
    }

    private void slab(int member, int chunk, int chunks) {
        int mr = gemm.kernel().rows();
        int nr = gemm.kernel().columns();
        GemmWorkspace ws = workspaces[member];
        if (byRows) {
            int from = Math.min(m, WorkerPool.start(tiles, chunk, chunks) * mr);
            int to = Math.min(m, WorkerPool.start(tiles, chunk + 1, chunks) * mr);
            long aShift = transA ? from : (long) from * lda;
            gemm.multiply(ws, to - from, n, k, a, aOffset + aShift, lda, transA, b, bOffset, ldb, transB, c,
                    cOffset + (long) from * ldc, ldc, accumulate, epilogue,
                    biasIndex + (epilogue != null && epilogue.biasPerRow() ? from : 0));
        } else {
            int from = Math.min(n, WorkerPool.start(tiles, chunk, chunks) * nr);
            int to = Math.min(n, WorkerPool.start(tiles, chunk + 1, chunks) * nr);
            long bShift = transB ? (long) from * ldb : from;
            gemm.multiply(ws, m, to - from, k, a, aOffset, lda, transA, b, bOffset + bShift, ldb, transB, c,
                    cOffset + from, ldc, accumulate, epilogue,
                    biasIndex + (epilogue != null && !epilogue.biasPerRow() ? from : 0));
        }
    }
}
