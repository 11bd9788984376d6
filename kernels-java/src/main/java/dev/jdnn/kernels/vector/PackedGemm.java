package dev.jdnn.kernels.vector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Single-precision GEMM {@code C = A·B} or {@code C += A·B} on row-major matrices in memory
 * segments (native tensors or heap scratch), with either operand optionally transposed.
 *
 * <p>BLIS loop order: columns of C in blocks of {@link #NC}; depth in blocks of {@link #KC}, each
 * packing a {@code KC x NC} block of B into NR-wide panels; rows in blocks of {@link #MC}, each
 * packing an {@code MC x KC} block of A into MR-tall panels; then the register-blocked micro-kernel
 * per {@code MR x NR} tile. The packed B block is reused by every row block and the packed A block
 * (MC·KC floats) stays in L2 while it meets every B panel, which is what keeps the micro-kernel fed.
 * Transposes cost nothing extra: the packing routines read the operand in whichever order it is
 * stored. Edge tiles run the same kernel into a scratch tile and copy the valid part.
 */
final class PackedGemm {
    /** Rows of A packed per block (a multiple of every kernel's MR): 96 x 1024 floats, 384 KiB, in L2. */
    static final int MC = 96;
    /**
     * Depth per block. Each depth block reads and writes all of C once more, and a C larger than L2
     * comes from L3 or memory each time: on a Zen 3 (1 thread, 1024^3, best of 9 noisy batches)
     * KC 192 gave ~74 GFLOP/s, 256 ~77, 384 ~80, 512 ~82. On a Zen 5 with AVX-512 (48 KiB L1d, 1 MiB
     * L2; 4 x 64 kernel, whose 64-wide B panel streams from L2 at any KC worth having) 1024 beats
     * 512: 1024³ at 1 thread 206-208 against 174-186 GFLOP/s in the same holds, the kernel alone
     * on L2-resident panels 188 against 174 (its tile of C is loaded and stored once per call, and
     * C once per depth block). Each B panel (KC x 64 floats, 256 KiB) and the A block (384 KiB)
     * still share the 1 MiB L2.
     */
    static final int KC = 1024;
    /** Columns of B packed per block (a multiple of every kernel's NR). */
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

    /** Buffers for one thread multiplying at most {@code m x k} by {@code k x n}. */
    GemmWorkspace workspace(int m, int n, int k) {
        int kc = Math.max(1, Math.min(KC, k));
        int mc = roundUp(Math.min(MC, Math.max(m, 1)), mr);
        int nc = roundUp(Math.min(NC, Math.max(n, 1)), nr);
        return new GemmWorkspace(mc * kc, kc * nc, mr * nr, Math.max(kc, mc), kc * nr);
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
                for (int ic = 0; ic < m; ic += MC) {
                    int mc = Math.min(MC, m - ic);
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
     * {@code C (+)= A·B} as {@link #multiply} sums it, for a row-major A and {@code n <= NR} (each
     * element of A meets a single panel of B): A is not copied but read by the kernel where it is
     * ({@link GemmMicroKernel#multiplyRowsFrom}), whole tiles of MR rows at a time; the rows of a
     * last short tile go the packed way, so that the kernel never reads past A's last row. Why: for
     * a dense layer's large weights (fc_big, W 64 MiB, read from memory on every call) the bulk copy
     * of each row block ran alone, 27-36% of the forward's time (perf, AVX-512), where the kernel's
     * own loads of W overlap its multiply-adds. The same blocks and sums in the same order as
     * {@link #multiply}, so the bits do not change. A method of its own so that {@link #multiply},
     * every other product's path, stays as it was (with the choice inside it, GEMM 1024³ on 1 thread
     * measured ~3% slower in 5 of 6 alternated runs).
     */
    void multiplyReadingAInPlace(GemmWorkspace ws, int m, int n, int k, MemorySegment a, long aOffset, int lda,
            MemorySegment b, long bOffset, int ldb, boolean transB, MemorySegment c, long cOffset, int ldc,
            boolean accumulate) {
        if (m <= 0 || n <= 0 || k <= 0 || n > nr) {
            multiply(ws, m, n, k, a, aOffset, lda, false, b, bOffset, ldb, transB, c, cOffset, ldc, accumulate);
            return;
        }
        for (int pc = 0; pc < k; pc += KC) {
            int kc = Math.min(KC, k - pc);
            boolean add = accumulate || pc > 0;
            packBColumns(ws, ws.packedB, b, bOffset, ldb, transB, pc, kc, 0, n, 0, n);
            for (int ic = 0; ic < m; ic += MC) {
                int mc = Math.min(MC, m - ic);
                int whole = mc / mr * mr;
                multiplyTilesInPlace(ws, 0, a, aOffset + (long) ic * lda + pc, lda, whole, n, kc, c,
                        cOffset + (long) ic * ldc, ldc, add);
                if (whole < mc) {
                    boolean plain = packA(ws, a, aOffset, lda, false, ic + whole, pc, mc - whole, kc);
                    multiplyBlock(ws, ws.packedB, plain, mc - whole, n, kc, c, cOffset + (long) (ic + whole) * ldc, ldc,
                            add);
                }
            }
        }
    }

    /**
     * {@code C (+)= A·B} as {@link #multiply} sums it, for a row-major A, in panel-major order with A
     * read in place: per depth block, B's block is packed as {@link #multiply} packs it, then each
     * NR-wide panel of B meets every MR-row tile of A before the next panel, the kernel reading the
     * tile's rows where they are ({@link GemmMicroKernel#multiplyRowsFrom}). The rows of a last short
     * tile are packed once per depth block and meet the whole block after the panels, so that the
     * kernel never reads past A's last row. Why: {@link #multiply} meets each B panel (KC x NR
     * floats, 256 KiB at 4 x 64) once per {@link #MC} rows, from L3 when B's block is larger than
     * L2, and copies A block by block; here each panel comes from L3 once per depth block and A is
     * not copied (1024³ on 1 thread, AVX-512, one JVM alternating with {@link #multiply}: 1.063 and
     * 1.072x per round in two holds, h-gemm8). Each tile of C adds its depth blocks in order with
     * the same kernel sums, and {@code epilogue} is applied to each column block of C after its last
     * depth block (it works element by element), so the bits are {@link #multiply}'s. A method of its
     * own, chosen by the caller ({@link ParallelGemm}), so that {@link #multiply} stays as it was.
     */
    void multiplyPanelMajorReadingA(GemmWorkspace ws, int m, int n, int k, MemorySegment a, long aOffset, int lda,
            MemorySegment b, long bOffset, int ldb, boolean transB, MemorySegment c, long cOffset, int ldc,
            boolean accumulate, GemmEpilogue epilogue, long biasIndex) {
        if (m <= 0 || n <= 0 || k <= 0) {
            multiply(ws, m, n, k, a, aOffset, lda, false, b, bOffset, ldb, transB, c, cOffset, ldc, accumulate,
                    epilogue, biasIndex);
            return;
        }
        int whole = m / mr * mr;
        for (int jc = 0; jc < n; jc += NC) {
            int nc = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                boolean add = accumulate || pc > 0;
                packBColumns(ws, ws.packedB, b, bOffset, ldb, transB, pc, kc, jc, nc, 0, nc);
                for (int jr = 0; jr < nc; jr += nr) {
                    multiplyTilesInPlace(ws, (long) jr * kc * Float.BYTES, a, aOffset + pc, lda, whole,
                            Math.min(nr, nc - jr), kc, c, cOffset + jc + jr, ldc, add);
                }
                if (whole < m) {
                    boolean plain = packA(ws, a, aOffset, lda, false, whole, pc, m - whole, kc);
                    multiplyBlock(ws, ws.packedB, plain, m - whole, nc, kc, c, cOffset + (long) whole * ldc + jc, ldc,
                            add);
                }
            }
            if (epilogue != null) {
                epilogue.apply(c, cOffset + jc, ldc, m, nc, biasIndex + (epilogue.biasPerRow() ? 0 : jc));
            }
        }
    }

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
     * against a B block packed by {@link #packBColumns}, in row blocks of at most {@link #MC} (cut
     * evenly, in whole MR tiles); each element of C is summed exactly as {@link #multiply} sums it.
     * {@code epilogue} (when not null) is applied as each row block finishes: callers pass it on the
     * last depth block only.
     */
    void multiplyRowRange(GemmWorkspace ws, MemorySegment packedB, int from, int to, int pc, int kc, int jc, int nc,
            MemorySegment a, long aOffset, int lda, boolean transA, MemorySegment c, long cOffset, int ldc,
            boolean add, GemmEpilogue epilogue, long biasIndex) {
        int tiles = (to - from + mr - 1) / mr;
        int blocks = (tiles * mr + MC - 1) / MC;
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
        for (int ic = 0; ic < m; ic += MC) {
            int mc = Math.min(MC, m - ic);
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
        long rowBytes = (long) ldc * Float.BYTES;
        for (int jr = 0; jr < nc; jr += nr) {
            int cols = Math.min(nr, nc - jr);
            long bPanel = (long) jr * kc * Float.BYTES;
            for (int ir = 0; ir < mc; ir += mr) {
                int rows = Math.min(mr, mc - ir);
                int aPanel = plain ? ir * GemmMicroKernel.ROW_STRIDE : ir * kc;
                long tileOffset = cOffset + (long) ir * ldc + jr;
                if (rows == mr && cols == nr) {
                    long cTile = tileOffset * Float.BYTES;
                    if (plain) {
                        if (add) {
                            kernel.multiplyAddRows(kc, ws.packedA, aPanel, packedB, bPanel, c, cTile, rowBytes);
                        } else {
                            kernel.multiplyRows(kc, ws.packedA, aPanel, packedB, bPanel, c, cTile, rowBytes);
                        }
                    } else if (add) {
                        kernel.multiplyAdd(kc, ws.packedA, aPanel, packedB, bPanel, c, cTile, rowBytes);
                    } else {
                        kernel.multiply(kc, ws.packedA, aPanel, packedB, bPanel, c, cTile, rowBytes);
                    }
                } else {
                    if (plain) {
                        kernel.multiplyRows(kc, ws.packedA, aPanel, packedB, bPanel, ws.tile, 0,
                                (long) nr * Float.BYTES);
                    } else {
                        kernel.multiply(kc, ws.packedA, aPanel, packedB, bPanel, ws.tile, 0, (long) nr * Float.BYTES);
                    }
                    storeEdge(ws.tile, rows, cols, c, tileOffset, ldc, add);
                }
            }
        }
    }

    /**
     * {@code rows} (a multiple of MR) rows of A from float {@code aOffset} on, {@code lda} apart and
     * read in place, against the packed B block's panel at byte {@code bPanel} ({@code cols <= NR}
     * columns of C).
     */
    private void multiplyTilesInPlace(GemmWorkspace ws, long bPanel, MemorySegment a, long aOffset, int lda, int rows,
            int cols, int kc, MemorySegment c, long cOffset, int ldc, boolean add) {
        long aRowBytes = (long) lda * Float.BYTES;
        long cRowBytes = (long) ldc * Float.BYTES;
        for (int ir = 0; ir < rows; ir += mr) {
            long aTile = (aOffset + (long) ir * lda) * Float.BYTES;
            long tileOffset = cOffset + (long) ir * ldc;
            if (cols < nr || add) {
                // The kernel has no accumulating twin: its tile is added to C here (the same sums).
                kernel.multiplyRowsFrom(kc, a, aTile, aRowBytes, ws.packedB, bPanel, ws.tile, 0,
                        (long) nr * Float.BYTES);
                storeEdge(ws.tile, mr, cols, c, tileOffset, ldc, add);
            } else {
                kernel.multiplyRowsFrom(kc, a, aTile, aRowBytes, ws.packedB, bPanel, c, tileOffset * Float.BYTES,
                        cRowBytes);
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
