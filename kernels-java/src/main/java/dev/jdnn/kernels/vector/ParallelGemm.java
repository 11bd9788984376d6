package dev.jdnn.kernels.vector;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicLongArray;

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
 * 2·w flops per packed float of the other operand (1-4% of the time at w = 256). Products large in
 * every dimension ({@link #sharesB}) instead pack each block of B once for the whole team and cut
 * only C's rows; those with enough columns ({@link #packsBPerColumnSlab}) do so per column slab, so
 * that each member normally packs only the B it reads ({@link #multiplyInColumnSlabs}).
 *
 * <p>Owned by one plan and used by one thread at a time: the operands of the running product live
 * in fields so that handing the job to the workers allocates nothing.
 */
final class ParallelGemm {
    private final PackedGemm gemm;
    private final WorkerPool pool;
    private final GemmWorkspace[] workspaces;
    private final WorkerPool.Chunks slab = this::slab;
    private final WorkerPool.Chunks packShared = this::packSharedColumns;
    private final WorkerPool.Chunks multiplyShared = this::multiplySharedRows;
    private final WorkerPool.Chunks multiplySlab = this::multiplySlabRows;
    /**
     * Room for {@link #SHARED_CHUNKS_PER_MEMBER} blocks of B per member, each {@code KC x}
     * {@link #SHARED_NC} floats (1 MiB): the first is the block the whole team packs and reads on
     * the shared-B route ({@link #sharesB}), and all of them are the column slabs' blocks
     * ({@link #slabBlocks}). Allocated by the constructor when the plan's largest product can take
     * that route (so that no product allocates), else null and never used.
     */
    private final MemorySegment sharedB;
    /** The column slabs' blocks of B, in slab order, as slices of {@link #sharedB}; else null. */
    private final MemorySegment[] slabBlocks;
    /**
     * Per column slab of the running meeting, at {@code slab·}{@link #STATE_STRIDE}: {@code 2·meeting}
     * while a member packs its block of B, {@code 2·meeting + 1} once it is packed, anything lower
     * before (a value of an earlier meeting), so that no meeting has to reset it.
     */
    private final AtomicLongArray slabStates;
    /** Longs between two slabs' states: 128 bytes, so that they never share a cache line. */
    private static final int STATE_STRIDE = 16;
    /** Meetings of column slabs run so far (the current one while it runs). */
    private long meeting;
    /** Row blocks of C per column slab in the running product: a chunk is one (slab, row block). */
    private int rowBlocks;
    /** Smallest {@code m}, {@code n} and {@code k} of a product on the shared-B route. */
    private final int minSharedB;
    /** The shared block in progress: depth {@code [pc, pc + kc)}, columns {@code [jc, jc + nc)}. */
    private int pc;
    private int kc;
    private int jc;
    private int nc;
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
    /** Whether the running product reads A in place ({@link #multiplyReadingAInPlace}). */
    private boolean aInPlace;
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
        this(gemm, pool, maxM, maxN, maxK, MIN_SHARED_B);
    }

    /**
     * For a plan whose products are at most {@code maxM x maxK} by {@code maxK x maxN} and whose
     * smallest dimension ({@code min(m, n, k)} of each product) is never above {@code maxSmallest}:
     * the shared blocks of B ({@link #SHARED_CHUNKS_PER_MEMBER} per member, each {@link #SHARED_NC}
     * x {@link PackedGemm#KC} floats, 1 MiB) are allocated only if {@code maxSmallest} lets some
     * product take that route. The maxima alone cannot say so: a dense layer of batch 64 and 4096 x
     * 4096 weights has every maximum at 4096 and yet every product has 64 as one of its dimensions.
     */
    static ParallelGemm forPlan(PackedGemm gemm, WorkerPool pool, int maxM, int maxN, int maxK, int maxSmallest) {
        return new ParallelGemm(gemm, pool, maxM, maxN, maxK, MIN_SHARED_B, maxSmallest);
    }

    /**
     * As above, sharing packed B from {@code minSharedB} in every dimension (tests lower it).
     *
     * @throws IllegalArgumentException if {@link #SHARED_NC} is not a whole number of the kernel's
     *     NR-wide panels (see there)
     */
    ParallelGemm(PackedGemm gemm, WorkerPool pool, int maxM, int maxN, int maxK, int minSharedB) {
        this(gemm, pool, maxM, maxN, maxK, minSharedB, Math.min(maxM, Math.min(maxN, maxK)));
    }

    private ParallelGemm(PackedGemm gemm, WorkerPool pool, int maxM, int maxN, int maxK, int minSharedB,
            int maxSmallest) {
        int nr = gemm.kernel().columns();
        if (nr <= 0 || SHARED_NC % nr != 0) {
            throw new IllegalArgumentException("parallel gemm: expected a kernel whose NR divides the shared block's "
                    + SHARED_NC + " columns, got NR " + nr);
        }
        this.minSharedB = minSharedB;
        this.gemm = gemm;
        this.pool = pool;
        this.workspaces = new GemmWorkspace[pool.size()];
        for (int i = 0; i < workspaces.length; i++) {
            workspaces[i] = gemm.workspace(maxM, maxN, maxK);
        }
        // sharesB also asks m >= n of each product; some product within these bounds satisfies it.
        // A product that would share B without the block (bounds understated) takes the slabs,
        // which give the same bits.
        boolean sharedRoute = pool.size() > 1 && Math.min(maxSmallest, Math.min(maxM, Math.min(maxN, maxK)))
                >= minSharedB;
        int slabs = pool.size() * SHARED_CHUNKS_PER_MEMBER;
        long blockBytes = (long) PackedGemm.KC * SHARED_NC * Float.BYTES;
        this.sharedB = sharedRoute ? Arena.ofAuto().allocate(blockBytes * slabs, 64) : null;
        this.slabBlocks = sharedRoute ? new MemorySegment[slabs] : null;
        for (int s = 0; sharedRoute && s < slabs; s++) {
            slabBlocks[s] = sharedB.asSlice(blockBytes * s, blockBytes);
        }
        this.slabStates = sharedRoute ? new AtomicLongArray(slabs * STATE_STRIDE) : null;
    }

    /** Whether the constructor prepared the shared-B route ({@link #sharesB}), so that no product allocates. */
    boolean preparedSharedB() {
        return sharedB != null;
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

    /**
     * {@code C (+)= A·B} with a row-major A read in place by the kernel where a block of C is a
     * single panel of B wide ({@link PackedGemm#multiplyReadingAInPlace}): for A
     * too large for any cache and met once, such as a large dense layer's weights. Products that
     * narrow never take the shared-B routes ({@link #sharesB} wants {@code n >= }{@link #MIN_SHARED_B}).
     */
    void multiplyReadingAInPlace(int m, int n, int k, MemorySegment a, long aOffset, int lda, MemorySegment b,
            long bOffset, int ldb, boolean transB, MemorySegment c, long cOffset, int ldc, boolean accumulate) {
        this.aInPlace = true;
        try {
            multiply(m, n, k, a, aOffset, lda, false, b, bOffset, ldb, transB, c, cOffset, ldc, accumulate, null, 0);
        } finally {
            this.aInPlace = false;
        }
    }

    /** As above with an epilogue, as {@link PackedGemm} applies it. */
    void multiply(int m, int n, int k, MemorySegment a, long aOffset, int lda, boolean transA, MemorySegment b,
            long bOffset, int ldb, boolean transB, MemorySegment c, long cOffset, int ldc, boolean accumulate,
            GemmEpilogue epilogue, long biasIndex) {
        if (pool.size() == 1) {
            if (aInPlace) {
                gemm.multiplyReadingAInPlace(workspaces[0], m, n, k, a, aOffset, lda, b, bOffset, ldb, transB, c,
                        cOffset, ldc, accumulate);
            } else if (!transA && inPanelOrder(m, n, k, accumulate)) {
                gemm.multiplyPanelMajorReadingA(workspaces[0], m, n, k, a, aOffset, lda, b, bOffset, ldb, transB, c,
                        cOffset, ldc, accumulate, epilogue, biasIndex);
            } else {
                gemm.multiply(workspaces[0], m, n, k, a, aOffset, lda, transA, b, bOffset, ldb, transB, c, cOffset,
                        ldc, accumulate, epilogue, biasIndex);
            }
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
            // sharedB is null only where the maxima exclude the route (products beyond them are the caller's error).
            if (sharedB != null && sharesB(m, n, k, pool.size(), minSharedB)) {
                if (packsBPerColumnSlab(n, pool.size())) {
                    multiplyInColumnSlabs();
                } else {
                    multiplyWithSharedB();
                }
            } else {
                pool.run(slab, slabs(byRows ? m : n, tiles, pool));
            }
        } finally {
            this.a = null;
            this.b = null;
            this.c = null;
            this.epilogue = null;
        }
    }

    /**
     * Floats of a packed B block ({@code KC x NC} at most) above which a 1-thread product may go
     * panel-major with A read in place ({@link #inPanelOrder}): 1 MiB, the Zen 5's L2. A smaller
     * block stays in L2 while {@link PackedGemm#multiply} meets it once per row block, and the orders
     * then differ only in copying A.
     */
    static final int MIN_PANEL_MAJOR_B = 1 << 18;

    /**
     * Whether a 1-thread product with a row-major A runs panel-major with A read in place
     * ({@link PackedGemm#multiplyPanelMajorReadingA}): one that overwrites C, has more than
     * {@link PackedGemm#MC} rows (more than one row block, each of which meets every B panel in
     * {@link PackedGemm#multiply}) and a packed B block larger than {@link #MIN_PANEL_MAJOR_B}. A
     * product that adds into C sends every tile of its first depth block through the edge tile
     * (the in-place kernel has no accumulating twin): rn_14's backward-weights GEMM per image (256
     * x 2304 x 196, C+=) measured 0.962-0.966x of {@link PackedGemm#multiply} that way, where 1024³
     * measured 1.023-1.030x and rn_3x3_s2's forward GEMM (128 x 784 x 1152, C=) 1.011-1.029x
     * (measurements/gemm9-2026-12-07, AVX-512).
     */
    static boolean inPanelOrder(int m, int n, int k, boolean accumulate) {
        return !accumulate && m > PackedGemm.MC
                && (long) Math.min(k, PackedGemm.KC) * Math.min(n, PackedGemm.NC) > MIN_PANEL_MAJOR_B;
    }

    /** Smallest {@code m}, {@code n} and {@code k} for which the team shares one packed B (below). */
    static final int MIN_SHARED_B = 512;
    /**
     * Row slabs (and packing shares) per member on the shared-B route: two, so that a member that
     * starts late leaves the other a quarter of the block to wait for rather than half.
     */
    static final int SHARED_CHUNKS_PER_MEMBER = 2;
    /**
     * Columns of B per shared block: narrower than {@link PackedGemm#NC}, so that the block (KC x
     * 256 floats, 1 MiB) is read from the L2 of each member rather than from L3 (1024³ on 2
     * threads, AVX-512, medians of 9 x 5 calls: at KC 512, 324 GFLOP/s at 2048 columns, 346 at 512,
     * 334 at 256; at KC 1024, 337 at 256 against 323 at 512 in one noisy hold).
     *
     * <p>Must be a multiple of every kernel's NR (the constructor refuses a kernel otherwise): then
     * each shared block ends on a panel boundary, its panels are the single-thread route's panels
     * (a block ending in a partial panel would run that panel through the edge tile, which the
     * single-thread route runs as a full tile, and change the bits), and packing stays inside
     * {@link #sharedB}'s {@code KC x SHARED_NC} floats.
     */
    static final int SHARED_NC = 256;

    /**
     * Whether to pack each block of B once for the whole team and cut only C's rows, instead of
     * independent slabs that each pack all of B: at 1024³ on 2 threads the slabs packed B four
     * times over. The team then meets twice per {@code KC x NC} block of B (pack, multiply), which
     * only products this large amortise.
     */
    static boolean sharesB(int m, int n, int k, int members, int minSharedB) {
        return members > 1 && m >= n && Math.min(m, Math.min(n, k)) >= minSharedB;
    }

    /**
     * Whether a product on the shared-B route ({@link #sharesB}) with {@code n} columns runs in
     * column slabs ({@link #multiplyInColumnSlabs}): when it has at least
     * {@link #SHARED_CHUNKS_PER_MEMBER} blocks of {@link #SHARED_NC} columns per member, so that
     * each member's own chunks cover whole slabs.
     */
    static boolean packsBPerColumnSlab(int n, int members) {
        return n >= SHARED_NC * SHARED_CHUNKS_PER_MEMBER * members;
    }

    /**
     * The shared-B route in column slabs: per group of {@link #slabBlocks} slabs of
     * {@link #SHARED_NC} columns and per depth block, one meeting whose chunks are (slab, row block
     * of C) pairs in slab order, so that each member's own range (claimed first, front to back) is
     * whole slabs. The first member to claim a chunk of a slab packs that slab's block of B, the
     * other waits for it if it is still being packed: each member normally packs only the B it reads,
     * where on the shared route every packed line is written by one member's core and read by both
     * (1024³ on 2 threads, AVX-512, perf: packing B took 9-11% of the samples there, 2% at 1 thread),
     * and a member that runs out of its own slabs takes the other's row blocks one at a time, so
     * that a member slowed by the host leaves one row block to wait for, not a slab. Every element is
     * summed as {@link PackedGemm} sums it (the same KC blocks in the same order), so the bits match
     * the slab route's.
     */
    private void multiplyInColumnSlabs() {
        int group = slabBlocks.length * SHARED_NC;
        this.rowBlocks = Math.min(tiles, (m + PackedGemm.MC - 1) / PackedGemm.MC);
        for (int j = 0; j < n; j += group) {
            this.jc = j;
            this.nc = Math.min(group, n - j);
            int slabs = (nc + SHARED_NC - 1) / SHARED_NC;
            for (int p = 0; p < k; p += PackedGemm.KC) {
                this.pc = p;
                this.kc = Math.min(PackedGemm.KC, k - p);
                meeting++;
                pool.run(multiplySlab, slabs * rowBlocks);
            }
        }
    }

    private void multiplySlabRows(int member, int chunk, int chunks) {
        int slab = chunk / rowBlocks;
        int block = chunk - slab * rowBlocks;
        int column = jc + slab * SHARED_NC;
        int width = Math.min(SHARED_NC, jc + nc - column);
        packSlabOnce(member, slab, column, width);
        int mr = gemm.kernel().rows();
        int from = Math.min(m, WorkerPool.start(tiles, block, rowBlocks) * mr);
        int to = Math.min(m, WorkerPool.start(tiles, block + 1, rowBlocks) * mr);
        boolean last = pc + kc >= k;
        gemm.multiplyRowRange(workspaces[member], slabBlocks[slab], from, to, pc, kc, column, width, a, aOffset, lda,
                transA, c, cOffset, ldc, accumulate || pc > 0, last ? epilogue : null, biasIndex);
    }

    /** Packs the block of B of {@code slab} unless another member has, or waits while another packs it. */
    private void packSlabOnce(int member, int slab, int column, int width) {
        long packing = 2 * meeting;
        int at = slab * STATE_STRIDE;
        long state = slabStates.get(at);
        if (state < packing && slabStates.compareAndSet(at, state, packing)) {
            try {
                gemm.packBColumns(workspaces[member], slabBlocks[slab], b, bOffset, ldb, transB, pc, kc, column, width,
                        0, width);
            } finally {
                slabStates.set(at, packing + 1);
            }
            return;
        }
        while (slabStates.get(at) != packing + 1) {
            Thread.onSpinWait();
        }
    }

    /**
     * The shared-B route: per block of B, the team packs its NR-wide panels into {@link #sharedB},
     * then multiplies slabs of C's rows against it. Every element is summed as {@link PackedGemm}
     * sums it (the same KC blocks in the same order), so the bits match the slab route's.
     */
    private void multiplyWithSharedB() {
        int nr = gemm.kernel().columns();
        int rowChunks = Math.min(tiles, pool.size() * SHARED_CHUNKS_PER_MEMBER);
        for (int j = 0; j < n; j += SHARED_NC) {
            this.jc = j;
            this.nc = Math.min(SHARED_NC, n - j);
            int panels = (nc + nr - 1) / nr;
            for (int p = 0; p < k; p += PackedGemm.KC) {
                this.pc = p;
                this.kc = Math.min(PackedGemm.KC, k - p);
                pool.run(packShared, Math.min(panels, pool.size() * SHARED_CHUNKS_PER_MEMBER));
                pool.run(multiplyShared, rowChunks);
            }
        }
    }

    private void packSharedColumns(int member, int chunk, int chunks) {
        int nr = gemm.kernel().columns();
        int panels = (nc + nr - 1) / nr;
        int from = WorkerPool.start(panels, chunk, chunks) * nr;
        int to = Math.min(nc, WorkerPool.start(panels, chunk + 1, chunks) * nr);
        gemm.packBColumns(workspaces[member], sharedB, b, bOffset, ldb, transB, pc, kc, jc, nc, from, to);
    }

    private void multiplySharedRows(int member, int chunk, int chunks) {
        int mr = gemm.kernel().rows();
        int from = Math.min(m, WorkerPool.start(tiles, chunk, chunks) * mr);
        int to = Math.min(m, WorkerPool.start(tiles, chunk + 1, chunks) * mr);
        boolean last = pc + kc >= k;
        gemm.multiplyRowRange(workspaces[member], sharedB, from, to, pc, kc, jc, nc, a, aOffset, lda, transA, c,
                cOffset, ldc, accumulate || pc > 0, last ? epilogue : null, biasIndex);
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
            if (aInPlace) {
                gemm.multiplyReadingAInPlace(ws, to - from, n, k, a, aOffset + aShift, lda, b, bOffset, ldb, transB, c,
                        cOffset + (long) from * ldc, ldc, accumulate);
                return;
            }
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
