package dev.jdnn.kernels.vector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Single-precision GEMM {@code C = A·B} or {@code C += A·B} on row-major matrices in memory
 * segments (native tensors or heap scratch), with either operand optionally transposed.
 *
 * <p>Loop order for a B in memory and a row-major A, on a workspace that is
 * {@linkplain GemmWorkspace#alone alone}: depth in blocks of {@link #KC}; rows in blocks of {@link #MC},
 * each packing an {@code MC x KC} block of A (plain rows, or MR-tall panels); then per NR-wide panel
 * of B, packed right before use into one {@code KC x NR} buffer, the register-blocked micro-kernel
 * on every {@code MR x NR} tile of the row block. The operands are not symmetric: per step of depth
 * the 4 x 64 kernel reads 64 floats of B and only 4 of A, so the B panel (256 KiB at KC 1024) is the
 * operand that must come from L2, while the A block (2 MiB) streams from L3 at a sixteenth of the
 * rate. (The classic BLIS order, a {@code KC x NC} block of B packed ahead and an A block of 96 rows
 * meant to stay in L2, read each B panel from L3 at full kernel speed once per 24 tiles.) Everything
 * else keeps that order: columns in blocks of {@link #NC}, the block packed ahead, then row blocks of
 * {@link #BLOCK_MC} (a team's threads, each running its own product beside the others, a transposed
 * A, a B that only a {@link PanelSource} can pack); see {@link #multiplyBlocks}.
 * Transposes cost nothing extra: the packing routines read the operand in whichever order it is
 * stored. Edge tiles run the same kernel into a scratch tile and copy the valid part.
 */
final class PackedGemm {
    /**
     * Rows of A packed per block (a multiple of every kernel's MR): 512 x 1024 floats, 2 MiB, read
     * from L3 by each B panel's tiles, so that a B panel packed into L2 serves 128 tiles. 1024³ at
     * 1 thread on the AVX-512 Zen 5, same holds (old order with only MC changed, 2 runs each):
     * MC 96 178-182 GFLOP/s, 256 187-188, 512 195-197, 1024 188-191.
     */
    static final int MC = 512;
    /**
     * Depth per block. Each depth block reads and writes all of C once more, and a C larger than L2
     * comes from L3 or memory each time: on a Zen 3 (1 thread, 1024^3, best of 9 noisy batches)
     * KC 192 gave ~74 GFLOP/s, 256 ~77, 384 ~80, 512 ~82. On a Zen 5 with AVX-512 (48 KiB L1d, 1 MiB
     * L2; 4 x 64 kernel, whose 64-wide B panel streams from L2 at any KC worth having) 1024 beats
     * 512: 1024³ at 1 thread 206-208 against 174-186 GFLOP/s in the same holds, the kernel alone
     * on L2-resident panels 188 against 174 (its tile of C is loaded and stored once per call, and
     * C once per depth block). A B panel (KC x 64 floats, 256 KiB) leaves most of the 1 MiB L2 to
     * the A rows streaming past it (at MC 96 the B block came from L3 instead, see {@link #MC}).
     */
    static final int KC = 1024;
    /**
     * Rows of A per block in the order that packs a block of B ahead (a {@link PanelSource}'s, and a
     * team's shared B block in {@link #multiplyRowRange}): 96 x 1024 floats, 384 KiB, which stay in
     * L2 beside the B panel they meet, as that order was tuned. On 2 threads the A blocks of
     * {@link #MC} rows (a whole 256-row slab), streamed from L3 by both cores at once, measured
     * slower and more variable: 1024³ on 2 threads, medians of 9 batches in alternating runs,
     * 294-346 GFLOP/s against 348-356 for 96 rows and 353-359 for 128 (column slabs each packing
     * 2 MiB blocks of A for the one-thread order: 237-270).
     */
    static final int BLOCK_MC = 96;
    /** Columns of B packed per block by a {@link PanelSource} (a multiple of every kernel's NR). */
    static final int NC = 2048;

    private static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;

    private final GemmMicroKernel kernel;
    private final int mr;
    private final int nr;

    PackedGemm(GemmMicroKernel kernel) {
        this.kernel = kernel;
        this.mr = kernel.rows();
        this.nr = kernel.columns();
    }

    /** The micro-kernel in use. */
    GemmMicroKernel kernel() {
        return kernel;
    }

    /** Buffers for one thread of a team multiplying at most {@code m x k} by {@code k x n}. */
    GemmWorkspace workspace(int m, int n, int k) {
        return workspace(m, n, k, false);
    }

    /**
     * As above; {@code alone} for the one thread of a one-thread pool, whose workspace takes A
     * blocks of {@link #MC} rows (see {@link GemmWorkspace#alone}).
     */
    GemmWorkspace workspace(int m, int n, int k, boolean alone) {
        int kc = Math.max(1, Math.min(KC, k));
        int mc = roundUp(Math.min(alone ? MC : BLOCK_MC, Math.max(m, 1)), mr);
        int nc = roundUp(Math.min(NC, Math.max(n, 1)), nr);
        return new GemmWorkspace(mc * kc, kc * nc, mr * nr, Math.max(kc, mc), kc * nr, alone);
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    /**
     * {@code C (+)= A·B} on the calling thread. Offsets and leading dimensions count floats.
     * {@code A} is {@code m x k}: element {@code (i, p)} is at {@code aOffset + i*lda + p}, or at
     * {@code aOffset + p*lda + i} when {@code transA}. {@code B} is {@code k x n}: {@code (p, j)}
     * at {@code bOffset + p*ldb + j}, or {@code bOffset + j*ldb + p} when {@code transB}. {@code C}
     * is {@code m x n} at {@code cOffset + i*ldc + j}.
     */
    void multiply(GemmWorkspace ws, int m, int n, int k, MemorySegment a, long aOffset, int lda, boolean transA,
            MemorySegment b, long bOffset, int ldb, boolean transB, MemorySegment c, long cOffset, int ldc,
            boolean accumulate) {
        multiply(ws, m, n, k, a, aOffset, lda, transA, b, bOffset, ldb, transB, c, cOffset, ldc, accumulate, null, 0);
    }

    /**
     * As above, then {@code epilogue} (when not null) applied to each block of C after its last
     * depth block; {@code biasIndex} is the bias element of C's row 0 or column 0.
     */
    void multiply(GemmWorkspace ws, int m, int n, int k, MemorySegment a, long aOffset, int lda, boolean transA,
            MemorySegment b, long bOffset, int ldb, boolean transB, MemorySegment c, long cOffset, int ldc,
            boolean accumulate, GemmEpilogue epilogue, long biasIndex) {
        if (m <= 0 || n <= 0) {
            return;
        }
        if (k <= 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) {
                    c.asSlice((cOffset + (long) i * ldc) * Float.BYTES, (long) n * Float.BYTES).fill((byte) 0);
                }
            }
            if (epilogue != null) {
                epilogue.apply(c, cOffset, ldc, m, n, biasIndex);
            }
            return;
        }
        if (!ws.alone || transA) {
            multiplyBlocks(ws, m, n, k, a, aOffset, lda, transA, b, bOffset, ldb, transB, c, cOffset, ldc, accumulate,
                    epilogue, biasIndex);
            return;
        }
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            boolean last = pc + kc >= k;
            for (int ic = 0; ic < m; ic += MC) {
                int mc = Math.min(MC, m - ic);
                boolean plain = packA(ws, a, aOffset, lda, transA, ic, pc, mc, kc);
                multiplyColumns(ws, ws.packedA, plain, mc, kc, pc, 0, n, b, bOffset, ldb, transB, c,
                        cOffset + (long) ic * ldc, ldc, accumulate || pc > 0, last ? epilogue : null,
                        biasIndex + (epilogue != null && epilogue.biasPerRow() ? ic : 0));
            }
        }
    }

    /**
     * The order that packs a {@code KC x NC} block of B ahead, then row blocks of {@link #BLOCK_MC}:
     * for a team's threads, each running its own product beside the others (A blocks that stay in
     * L2, where both cores streaming 2 MiB blocks of A from L3 measured slower), and for a
     * transposed A (whose interleaving scatter over a 2 MiB block was slower than over 384 KiB).
     */
    private void multiplyBlocks(GemmWorkspace ws, int m, int n, int k, MemorySegment a, long aOffset, int lda,
            boolean transA, MemorySegment b, long bOffset, int ldb, boolean transB, MemorySegment c, long cOffset,
            int ldc, boolean accumulate, GemmEpilogue epilogue, long biasIndex) {
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                boolean add = accumulate || pc > 0;
                if (transB) {
                    packTransposedB(ws, ws.packedB, b, bOffset + (long) jc * ldb + pc, ldb, kc, 0, nc);
                } else {
                    packB(ws.packedB, b, bOffset + (long) pc * ldb + jc, ldb, kc, 0, nc);
                }
                for (int ic = 0; ic < m; ic += BLOCK_MC) {
                    int mc = Math.min(BLOCK_MC, m - ic);
                    boolean plain = packA(ws, a, aOffset, lda, transA, ic, pc, mc, kc);
                    multiplyBlock(ws, ws.packedB, plain, mc, nc, kc, c, cOffset + (long) ic * ldc + jc, ldc, add);
                    if (epilogue != null && pc + kc >= k) {
                        epilogue.apply(c, cOffset + (long) ic * ldc + jc, ldc, mc, nc,
                                biasIndex + (epilogue.biasPerRow() ? ic : jc));
                    }
                }
            }
        }
    }

    /**
     * Columns {@code [from, to)} (from a multiple of NR) of the {@code mc x kc} row block of C at
     * depth {@code pc}, whose A is already packed in {@code packedA} (plain rows when {@code plain},
     * else MR-interleaved panels, as {@link #packA} leaves them): each NR-wide panel of B is packed
     * into the workspace's {@link GemmWorkspace#panelB} right before its tiles run, so that the
     * kernel reads it from L2 (a panel is 256 KiB at KC 1024), then runs against every MR-tall panel
     * of A. {@code epilogue} (when not null; callers pass it on the last depth block only) is
     * applied to each group of tiles as they finish; {@code biasIndex} is the bias element of the
     * block's row 0 or of column 0.
     */
    private void multiplyColumns(GemmWorkspace ws, float[] packedA, boolean plain, int mc, int kc, int pc, int from,
            int to, MemorySegment b, long bOffset, int ldb, boolean transB, MemorySegment c, long cOffset, int ldc,
            boolean add, GemmEpilogue epilogue, long biasIndex) {
        for (int jr = from; jr < to; jr += nr) {
            int cols = Math.min(nr, to - jr);
            packPanel(ws, b, bOffset, ldb, transB, pc, kc, jr, cols);
            for (int ir = 0; ir < mc; ir += EPILOGUE_ROWS) {
                int rows = Math.min(EPILOGUE_ROWS, mc - ir);
                multiplyTiles(ws, packedA, plain, ir, rows, kc, ws.panelB, 0, cols, c, cOffset + jr, ldc, add);
                if (epilogue != null) {
                    epilogue.apply(c, cOffset + (long) ir * ldc + jr, ldc, rows, cols,
                            biasIndex + (epilogue.biasPerRow() ? ir : jr));
                }
            }
        }
    }

    /**
     * Packs B's rows {@code [pc, pc + kc)} and columns {@code [jr, jr + cols)} into the workspace's
     * {@link GemmWorkspace#panelB}, zero past {@code cols}.
     */
    void packPanel(GemmWorkspace ws, MemorySegment b, long bOffset, int ldb, boolean transB, int pc, int kc, int jr,
            int cols) {
        // The block packers with the panel as a block of one: columns [0, cols) of B from column jr.
        if (transB) {
            packTransposedB(ws, ws.panelB, b, bOffset + (long) jr * ldb + pc, ldb, kc, 0, cols);
        } else {
            packB(ws.panelB, b, bOffset + (long) pc * ldb + jr, ldb, kc, 0, cols);
        }
    }

    /**
     * Rows of C per epilogue call in {@link #multiplyColumns} (a multiple of every kernel's MR): 64
     * rows of a 64-wide panel, 16 KiB, still in L1 when the epilogue reads them back.
     */
    private static final int EPILOGUE_ROWS = 64;

    /**
     * Packs columns {@code [from, to)} (from a multiple of NR) of B's block at depth {@code pc} and
     * columns {@code [jc, jc + nc)} into {@code dst}, laid out as {@link #multiply} lays out its packed
     * B block, so that a team can fill one shared block (see {@link ParallelGemm}); {@code ws} lends
     * its staging arrays.
     */
    void packBColumns(GemmWorkspace ws, MemorySegment dst, MemorySegment b, long bOffset, int ldb, boolean transB,
            int pc, int kc, int jc, int nc, int from, int to) {
        if (transB) {
            packTransposedB(ws, dst, b, bOffset + (long) jc * ldb + pc, ldb, kc, from, to);
        } else {
            packB(dst, b, bOffset + (long) pc * ldb + jc, ldb, kc, from, to);
        }
    }

    /**
     * Rows {@code [from, to)} of C's block at depth {@code pc} and columns {@code [jc, jc + nc)}
     * against a B block packed by {@link #packBColumns}, in row blocks of at most {@link #BLOCK_MC} (cut
     * evenly, in whole MR tiles); each element of C is summed exactly as {@link #multiply} sums it.
     * {@code epilogue} (when not null) is applied as each row block finishes: callers pass it on the
     * last depth block only.
     */
    void multiplyRowRange(GemmWorkspace ws, MemorySegment packedB, int from, int to, int pc, int kc, int jc, int nc,
            MemorySegment a, long aOffset, int lda, boolean transA, MemorySegment c, long cOffset, int ldc,
            boolean add, GemmEpilogue epilogue, long biasIndex) {
        int tiles = (to - from + mr - 1) / mr;
        int blocks = (tiles * mr + BLOCK_MC - 1) / BLOCK_MC;
        for (int block = 0; block < blocks; block++) {
            int ic = from + WorkerPool.start(tiles, block, blocks) * mr;
            int end = Math.min(to, from + WorkerPool.start(tiles, block + 1, blocks) * mr);
            int mc = end - ic;
            boolean plain = packA(ws, a, aOffset, lda, transA, ic, pc, mc, kc);
            long cBlock = cOffset + (long) ic * ldc + jc;
            multiplyBlock(ws, packedB, plain, mc, nc, kc, c, cBlock, ldc, add);
            if (epilogue != null) {
                epilogue.apply(c, cBlock, ldc, mc, nc, biasIndex + (epilogue.biasPerRow() ? ic : jc));
            }
        }
    }

    /**
     * Fills the workspace's packed B block: rows {@code [pc, pc+kc)} and columns {@code [jc, jc+nc)}
     * of B in NR-wide panels, as {@link PackedGemm} lays them out, zero past column {@code nc}.
     */
    interface PanelSource {
        void pack(GemmWorkspace ws, int pc, int kc, int jc, int nc);
    }

    /**
     * {@code C (+)= A·B} on the calling thread with B's panels packed by {@code b} (for operands that
     * exist only implicitly, such as a convolution's column matrix); the rest as in
     * {@link #multiply(GemmWorkspace, int, int, int, MemorySegment, long, int, boolean, MemorySegment, long, int, boolean, MemorySegment, long, int, boolean)}.
     */
    void multiply(GemmWorkspace ws, int m, int n, int k, MemorySegment a, long aOffset, int lda, boolean transA,
            PanelSource b, MemorySegment c, long cOffset, int ldc, boolean accumulate) {
        multiply(ws, m, n, k, a, aOffset, lda, transA, b, c, cOffset, ldc, accumulate, null, 0);
    }

    /** As above, then {@code epilogue} as in the other {@code multiply}. */
    void multiply(GemmWorkspace ws, int m, int n, int k, MemorySegment a, long aOffset, int lda, boolean transA,
            PanelSource b, MemorySegment c, long cOffset, int ldc, boolean accumulate, GemmEpilogue epilogue,
            long biasIndex) {
        if (m <= 0 || n <= 0 || k <= 0) {
            // Callers pass non-empty products (a convolution's taps and pixels are at least 1).
            throw new IllegalArgumentException("packed gemm: expected m, n, k >= 1, got " + m + ", " + n + ", " + k);
        }
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                b.pack(ws, pc, kc, jc, nc);
                multiplyPanels(ws, m, kc, nc, pc, a, aOffset, lda, transA, c, cOffset + jc, ldc, accumulate || pc > 0,
                        pc + kc >= k ? epilogue : null, biasIndex + (epilogue != null && !epilogue.biasPerRow() ? jc : 0));
            }
        }
    }

    /** Every row block of A at depth {@code pc} against the packed B block. */
    private void multiplyPanels(GemmWorkspace ws, int m, int kc, int nc, int pc, MemorySegment a, long aOffset,
            int lda, boolean transA, MemorySegment c, long cOffset, int ldc, boolean add, GemmEpilogue epilogue,
            long biasIndex) {
        for (int ic = 0; ic < m; ic += BLOCK_MC) {
            int mc = Math.min(BLOCK_MC, m - ic);
            boolean plain = packA(ws, a, aOffset, lda, transA, ic, pc, mc, kc);
            multiplyBlock(ws, ws.packedB, plain, mc, nc, kc, c, cOffset + (long) ic * ldc, ldc, add);
            if (epilogue != null) {
                epilogue.apply(c, cOffset + (long) ic * ldc, ldc, mc, nc, biasIndex + (epilogue.biasPerRow() ? ic : 0));
            }
        }
    }

    /**
     * Every tile of one row block against the packed B block; {@code plain} says A's block is in
     * plain rows ({@link #packA}), else in MR-interleaved panels.
     */
    private void multiplyBlock(GemmWorkspace ws, MemorySegment packedB, boolean plain, int mc, int nc, int kc,
            MemorySegment c, long cOffset, int ldc, boolean add) {
        for (int jr = 0; jr < nc; jr += nr) {
            multiplyTiles(ws, ws.packedA, plain, 0, mc, kc, packedB, (long) jr * kc * Float.BYTES,
                    Math.min(nr, nc - jr), c, cOffset + jr, ldc, add);
        }
    }

    /**
     * Rows {@code [from, from + rows)} (from a multiple of MR) of a packed A block against one packed
     * B panel at byte {@code bPanel} of {@code packedB}, {@code cols} of whose NR columns are C's; C's
     * row 0 of the block is at {@code cOffset}. Edge tiles run into the workspace's tile.
     */
    private void multiplyTiles(GemmWorkspace ws, float[] packedA, boolean plain, int from, int rows, int kc,
            MemorySegment packedB, long bPanel, int cols, MemorySegment c, long cOffset, int ldc, boolean add) {
        long rowBytes = (long) ldc * Float.BYTES;
        int end = from + rows;
        for (int ir = from; ir < end; ir += mr) {
            int tileRows = Math.min(mr, end - ir);
            int aPanel = plain ? ir * GemmMicroKernel.ROW_STRIDE : ir * kc;
            long tileOffset = cOffset + (long) ir * ldc;
            if (tileRows == mr && cols == nr) {
                long cTile = tileOffset * Float.BYTES;
                if (plain) {
                    if (add) {
                        kernel.multiplyAddRows(kc, packedA, aPanel, packedB, bPanel, c, cTile, rowBytes);
                    } else {
                        kernel.multiplyRows(kc, packedA, aPanel, packedB, bPanel, c, cTile, rowBytes);
                    }
                } else if (add) {
                    kernel.multiplyAdd(kc, packedA, aPanel, packedB, bPanel, c, cTile, rowBytes);
                } else {
                    kernel.multiply(kc, packedA, aPanel, packedB, bPanel, c, cTile, rowBytes);
                }
            } else {
                if (plain) {
                    kernel.multiplyRows(kc, packedA, aPanel, packedB, bPanel, ws.tile, 0, (long) nr * Float.BYTES);
                } else {
                    kernel.multiply(kc, packedA, aPanel, packedB, bPanel, ws.tile, 0, (long) nr * Float.BYTES);
                }
                storeEdge(ws.tile, tileRows, cols, c, tileOffset, ldc, add);
            }
        }
    }

    private void storeEdge(MemorySegment tile, int rows, int cols, MemorySegment c, long offset, int ldc, boolean add) {
        // Row by row through vector registers: the edge tiles of small products (lenet_c2's 100
        // columns leave 36 of every 64) were stored element by element, each with a segment check.
        for (int i = 0; i < rows; i++) {
            long row = offset + (long) i * ldc;
            if (add) {
                SegmentVectors.add(c, row, tile, (long) i * nr, cols);
            } else {
                SegmentVectors.copy(tile, (long) i * nr, c, row, cols);
            }
        }
    }

    /*
     * A is packed through a heap staging row: each source row comes in with one bulk copy and is
     * spread into the MR-interleaved panel by plain array code. (Staging B's transposed packing the
     * same way measured slower than reading and writing the segments directly: rn_1x1 backward
     * weights 40-57 against 35-52 ms.)
     */

    /**
     * Brings rows {@code [ic, ic + mc)} and depths {@code [pc, pc + kc)} of A into the workspace and
     * says whether in plain rows, {@link GemmMicroKernel#ROW_STRIDE} floats apart (for
     * {@link GemmMicroKernel#multiplyRows}), or in MR-interleaved panels. A row-major A goes in plain
     * rows whenever the workspace has room for them: one bulk copy per row where the interleaving
     * costs a strided store per float (the kernel sums the same products in the same order either
     * way, so the bits do not change).
     */
    boolean packA(GemmWorkspace ws, MemorySegment a, long aOffset, int lda, boolean transA, int ic, int pc,
            int mc, int kc) {
        if (transA) {
            packTransposedA(ws, a, aOffset + (long) pc * lda + ic, lda, mc, kc);
            return false;
        }
        long offset = aOffset + (long) ic * lda + pc;
        int stride = GemmMicroKernel.ROW_STRIDE;
        if (takesPlainRows(ws, mc, false)) {
            // Rows past mc in a short last panel keep stale values: their sums land in the edge
            // tile's rows that storeEdge never copies.
            for (int i = 0; i < mc; i++) {
                MemorySegment.copy(a, FLOAT, (offset + (long) i * lda) * Float.BYTES, ws.packedA, i * stride, kc);
            }
            return true;
        }
        packInterleavedA(ws, a, offset, lda, mc, kc);
        return false;
    }

    /**
     * Whether {@link #packA} brings a block of {@code mc} rows of A into {@code ws} as plain rows
     * (a row-major A and room for {@code mc} rows rounded up to MR, each
     * {@link GemmMicroKernel#ROW_STRIDE} floats long), else as MR-interleaved panels.
     */
    boolean takesPlainRows(GemmWorkspace ws, int mc, boolean transA) {
        return !transA && ws.packedA.length >= roundUp(mc, mr) * GemmMicroKernel.ROW_STRIDE;
    }

    /** Packs {@code A[0..mc)[0..kc)} stored row-major ({@code (i, p)} at {@code i*lda + p}). */
    private void packInterleavedA(GemmWorkspace ws, MemorySegment a, long offset, int lda, int mc, int kc) {
        float[] dst = ws.packedA;
        float[] row = ws.rows;
        for (int ir = 0; ir < mc; ir += mr) {
            int rows = Math.min(mr, mc - ir);
            int panel = ir * kc;
            for (int r = 0; r < mr; r++) {
                if (r < rows) {
                    MemorySegment.copy(a, FLOAT, (offset + (long) (ir + r) * lda) * Float.BYTES, row, 0, kc);
                    for (int p = 0; p < kc; p++) {
                        dst[panel + p * mr + r] = row[p];
                    }
                } else {
                    for (int p = 0; p < kc; p++) {
                        dst[panel + p * mr + r] = 0f;
                    }
                }
            }
        }
    }

    /** Packs {@code A[0..mc)[0..kc)} stored transposed ({@code (i, p)} at {@code p*lda + i}). */
    private void packTransposedA(GemmWorkspace ws, MemorySegment a, long offset, int lda, int mc, int kc) {
        float[] dst = ws.packedA;
        float[] row = ws.rows;
        for (int p = 0; p < kc; p++) {
            MemorySegment.copy(a, FLOAT, (offset + (long) p * lda) * Float.BYTES, row, 0, mc);
            for (int ir = 0; ir < mc; ir += mr) {
                int rows = Math.min(mr, mc - ir);
                int d = ir * kc + p * mr;
                for (int r = 0; r < rows; r++) {
                    dst[d + r] = row[ir + r];
                }
                for (int r = rows; r < mr; r++) {
                    dst[d + r] = 0f;
                }
            }
        }
    }

    /** Packs {@code B[0..kc)[0..nc)} stored row-major ({@code (p, j)} at {@code p*ldb + j}). */
    private void packB(MemorySegment dst, MemorySegment b, long offset, int ldb, int kc, int from, int nc) {
        long rowBytes = (long) ldb * Float.BYTES;
        for (int jr = from; jr < nc; jr += nr) {
            int cols = Math.min(nr, nc - jr);
            long panel = (long) jr * kc;
            if (cols == nr) {
                kernel.packPanel(kc, b, (offset + jr) * Float.BYTES, rowBytes, dst, panel * Float.BYTES);
                continue;
            }
            for (int p = 0; p < kc; p++) {
                long d = panel + (long) p * nr;
                SegmentVectors.copy(b, offset + (long) p * ldb + jr, dst, d, cols);
                SegmentVectors.fill(dst, d + cols, nr - cols, 0f);
            }
        }
    }

    /** Packs {@code B[0..kc)[0..nc)} stored transposed ({@code (p, j)} at {@code j*ldb + p}). */
    private void packTransposedB(GemmWorkspace ws, MemorySegment dst, MemorySegment b, long offset, int ldb, int kc,
            int from, int nc) {
        // Each column of this panel is a contiguous run of B: one bulk copy brings it to the heap,
        // the scatter into the panel runs on arrays, and one bulk copy writes the panel out
        // (element-wise segment stores cost about 2x on rn_1x1 backward-weights).
        float[] column = ws.rows;
        float[] staged = ws.panel;
        for (int jr = from; jr < nc; jr += nr) {
            int cols = Math.min(nr, nc - jr);
            for (int j = 0; j < cols; j++) {
                MemorySegment.copy(b, FLOAT, (offset + (long) (jr + j) * ldb) * Float.BYTES, column, 0, kc);
                for (int p = 0; p < kc; p++) {
                    staged[p * nr + j] = column[p];
                }
            }
            for (int j = cols; j < nr; j++) {
                for (int p = 0; p < kc; p++) {
                    staged[p * nr + j] = 0f;
                }
            }
            MemorySegment.copy(staged, 0, dst, FLOAT, (long) jr * kc * Float.BYTES, kc * nr);
        }
    }
}
