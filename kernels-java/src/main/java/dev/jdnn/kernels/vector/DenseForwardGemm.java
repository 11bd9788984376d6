package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;
import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.ORDER;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

import dev.jdnn.Activation;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * A dense layer's forward product {@code Y = a(X·Wᵀ + b)} (X {@code [batch, in]}, W
 * {@code [out, in]}, Y {@code [batch, out]}, all row-major) computed as its transpose
 * {@code Yᵀ = W·Xᵀ}, with W read in place as the micro-kernel's A operand
 * ({@link GemmMicroKernel#multiplyRows}, after a bulk copy of each tile's rows).
 *
 * <p>Why: as {@link PackedGemm}'s B operand, W must be packed transposed, one float at a time, and
 * each W element then meets only {@code batch} rows of X: at batch 64 (fc_big, 4096 x 4096) the
 * packing took more time than the multiply-adds (32.7 ms per forward against 13.3 ms for the
 * same-sized backward-weights product, AVX-512). Here W is streamed once, row by row, and only the
 * small X is packed (transposed, into NR-wide panels of its rows, once per call, shared by every
 * worker). The kernel writes {@code Yᵀ} into a heap scratch; a last pass per slab of outputs
 * gathers it back into Y's rows with the bias and activation. Every element is summed in the same
 * order as {@link PackedGemm} sums it ({@link PackedGemm#KC} blocks, each from zero, then added), so
 * the bits do not depend on the thread count or on which worker ran which slab.
 */
final class DenseForwardGemm {
    /** Rows of W per chunk unit: a multiple of every kernel's MR and of every width's lanes. */
    private static final int GROUP = 16;
    /** Largest batch this product serves: its scratch holds {@code in x batch} and {@code out x batch} floats. */
    static final int MAX_BATCH = 512;
    /**
     * Weights ({@code in x out}) from which a team of several threads takes this product over
     * {@link ParallelGemm}: below it the two hand-offs per call (pack, multiply) and one packer
     * outweigh the work (fc_lenet 64x400x120 on 2 threads: 65 us here against 58 us, 64x120x84 20
     * against 15; but 64x512x256 108 against 150; AVX-512). The cut between 48k and 131k weights
     * is not measured more finely.
     */
    static final long MIN_SHARED_WEIGHTS = 1 << 16;

    /**
     * Whether this product beats {@link ParallelGemm} for the shape (measured with
     * DenseRouteThroughput, AVX-512, NR = 64): its columns are the batch rounded up to whole NR
     * panels, so a batch under NR/2 wastes most of the kernel's multiply-adds (batch 2: 54 us
     * against 40 for 2x400x120 on 1 thread; batch 32: 52 against 73). On a team of several
     * threads it takes small weights only where ParallelGemm could not split them either
     * ({@code out <= }{@link #GROUP}: LeNet's fc3 64x84x10 5.6 us against 9.9).
     */
    static boolean serves(int batch, int in, int out, int nr, int threads) {
        if (batch < Math.max(2, nr / 2) || batch > MAX_BATCH) {
            return false;
        }
        return threads == 1 || out <= GROUP || (long) in * out >= MIN_SHARED_WEIGHTS;
    }

    private final GemmMicroKernel kernel;
    private final WorkerPool pool;
    private final int batch;
    private final int in;
    private final int out;
    private final int mr;
    private final int nr;
    /** Columns of Yᵀ and of the packed Xᵀ: the batch rounded up to whole NR panels. */
    private final int columns;
    private final int depthBlocks;
    private final Activation activation;
    /** Xᵀ in NR-wide panels: depth block {@code pc} at {@code pc·columns} floats, its panel {@code jr} {@code jr·kc} further. */
    private final MemorySegment packedX;
    /**
     * Yᵀ, {@code roundUp(out, GROUP)} rows of {@link #columns}: whole tiles, and whole vectors of
     * rows for the gathers (a masked gather still range-checks its unset lanes).
     */
    private final float[] outputT;
    private final MemorySegment outputTSegment;
    /** Per member: MR rows of KC floats, the current tile's rows of W (see {@link #multiplyRows}). */
    private final float[][] tileRows;
    /** Floats between two rows of X in {@link #xRows}: the first depth block's. */
    private final int depthStride;
    /** Per member: one panel's NR rows of X for a depth block, {@link #depthStride} apart, on their way into Xᵀ. */
    private final float[][] xRows;
    /** Lane {@code l} → {@code l·depthStride}: gathers one depth of NR rows of X. */
    private final int[] depthMap;
    /** Lane {@code l} → {@code l·columns}: gathers one column of Yᵀ, a run of Y's row. */
    private final int[] columnMap;
    private final WorkerPool.Chunks packJob = this::packDepthBlock;
    private final WorkerPool.Chunks multiplyJob = this::multiplyRows;
    private final WorkerPool.Chunks storeJob = this::storeGroups;
    /** {@code Yᵀ = W·Xᵀ} through the packed GEMM for large weights ({@link #MIN_STREAMED_WEIGHTS}); else null. */
    private final ParallelGemm gemm;
    /**
     * Weights ({@code in x out}) from which {@code Yᵀ} goes through {@link ParallelGemm} with W as the
     * row-major A operand (plain rows, {@link PackedGemm#MC} at a time) rather than this class's
     * tile-by-tile loop. fc_big (64x4096x4096) on 1 thread, AVX-512: DenseRouteThroughput medians
     * (one JVM) 14.3 ms against 23.1 ms here; forked DenseBenchmark 17.4 ms against 29.4 before
     * (oneDNN 14.1). Smaller shapes keep the loop (not measured between 131k and 16M weights: the cut
     * sits where W outgrows a 1 MiB L2 several times over).
     */
    static final long MIN_STREAMED_WEIGHTS = 1 << 20;

    private MemorySegment x;
    private MemorySegment w;
    private MemorySegment bias;
    private MemorySegment y;

    DenseForwardGemm(GemmMicroKernel kernel, WorkerPool pool, int batch, int in, int out, Activation activation) {
        this(kernel, pool, batch, in, out, activation, null);
    }

    /**
     * As above; {@code gemm} (when not null, and the weights are at least {@link #MIN_STREAMED_WEIGHTS})
     * computes {@code Yᵀ} with W as its row-major A operand instead of this class's own loop.
     */
    DenseForwardGemm(GemmMicroKernel kernel, WorkerPool pool, int batch, int in, int out, Activation activation,
            ParallelGemm gemm) {
        this.gemm = (long) in * out >= MIN_STREAMED_WEIGHTS ? gemm : null;
        this.kernel = kernel;
        this.pool = pool;
        this.batch = batch;
        this.in = in;
        this.out = out;
        this.mr = kernel.rows();
        this.nr = kernel.columns();
        this.columns = (batch + nr - 1) / nr * nr;
        this.depthBlocks = (in + PackedGemm.KC - 1) / PackedGemm.KC;
        this.activation = activation;
        Arena arena = Arena.ofAuto();
        this.packedX = arena.allocate((long) in * columns * Float.BYTES, 64);
        this.outputT = new float[(out + GROUP - 1) / GROUP * GROUP * columns];
        // The loop route writes the array itself, as before (through a native Yᵀ and a copy,
        // fc_lenet 64x400x120 on 1 thread measured 55-69 us against 57, too noisy to call a gain);
        // the GEMM route writes native memory, as PackedGemm's kernels do everywhere else.
        this.outputTSegment = this.gemm != null ? arena.allocate((long) outputT.length * Float.BYTES, 64)
                : MemorySegment.ofArray(outputT);
        int kc = Math.min(PackedGemm.KC, in);
        this.tileRows = new float[pool.size()][mr * GemmMicroKernel.ROW_STRIDE];
        this.depthStride = kc;
        this.xRows = new float[pool.size()][nr * kc];
        this.depthMap = new int[LANES];
        for (int l = 0; l < LANES; l++) {
            depthMap[l] = l * kc;
        }
        this.columnMap = new int[LANES];
        for (int l = 0; l < LANES; l++) {
            columnMap[l] = l * columns;
        }
    }

    /** {@code y = a(x·wᵀ + bias)}; {@code bias} may be null. */
    void forward(MemorySegment x, MemorySegment w, MemorySegment bias, MemorySegment y) {
        this.x = x;
        this.w = w;
        this.bias = bias;
        this.y = y;
        try {
            int groups = (out + GROUP - 1) / GROUP;
            if (gemm != null) {
                gemm.multiply(out, batch, in, w, 0, in, false, x, 0, in, true, outputTSegment, 0, columns, false);
                pool.run(storeJob, pool.chunksFor(groups));
                return;
            }
            pool.run(packJob, pool.size() == 1 ? 1 : depthBlocks);
            pool.run(multiplyJob, pool.chunksFor(groups));
        } finally {
            this.x = null;
            this.w = null;
            this.bias = null;
            this.y = null;
        }
    }

    /** Packs Xᵀ's depth blocks {@code [chunk·KC, ...)} of the chunk (all of them on a team of one). */
    private void packDepthBlock(int member, int chunk, int chunks) {
        int first = chunks == 1 ? 0 : chunk;
        int last = chunks == 1 ? depthBlocks : chunk + 1;
        for (int block = first; block < last; block++) {
            packBlock(member, block, packedX);
        }
    }

    /**
     * Depth block {@code block} of Xᵀ into {@code dst}, panel by panel: by {@link PanelTranspose}
     * where it transposes in registers; else the panel's rows of X come in by bulk copies
     * ({@link #depthStride} floats apart, zero rows past the batch), and each depth's NR floats of
     * the panel are gathered from them a vector at a time.
     */
    private void packBlock(int member, int block, MemorySegment dst) {
        int pc = block * PackedGemm.KC;
        int kc = Math.min(PackedGemm.KC, in - pc);
        float[] rows = xRows[member];
        for (int jr = 0; jr < columns; jr += nr) {
            int cols = Math.min(nr, batch - jr);
            if (PanelTranspose.IN_REGISTERS) {
                PanelTranspose.pack(x, (long) jr * in + pc, in, cols, kc, nr, dst, (long) pc * columns + (long) jr * kc);
                continue;
            }
            for (int j = 0; j < cols; j++) {
                MemorySegment.copy(x, FLOAT, ((long) (jr + j) * in + pc) * Float.BYTES, rows, j * depthStride, kc);
            }
            if (cols < nr) {
                Arrays.fill(rows, cols * depthStride, nr * depthStride, 0f);
            }
            long at = ((long) pc * columns + (long) jr * kc) * Float.BYTES;
            if (nr % LANES == 0) {
                gatherPanel(rows, kc, dst, at);
            } else {
                copyPanel(rows, kc, dst, at);
            }
        }
    }

    /**
     * {@code panel[p][j] = rows[j·depthStride + p]}, one vector of {@code j} per gather, where
     * {@link PanelTranspose} cannot use registers (fewer than 16 lanes): on arrays, a 64x400 panel
     * took 7 µs against 16 float by float (AVX-512, 512-bit gathers; the element-by-element pack
     * from the segment cost about 0.6x of the kernel's time on fc_lenet).
     */
    private void gatherPanel(float[] rows, int kc, MemorySegment dst, long at) {
        int[] map = depthMap;
        for (int p = 0; p < kc; p++) {
            long row = at + (long) p * nr * Float.BYTES;
            for (int j = 0; j < nr; j += LANES) {
                FloatVector.fromArray(SPECIES, rows, j * depthStride + p, map, 0)
                        .intoMemorySegment(dst, row + (long) j * Float.BYTES, ORDER);
            }
        }
    }

    /** As {@link #gatherPanel}, float by float, for a kernel whose NR is not a whole number of vectors. */
    private void copyPanel(float[] rows, int kc, MemorySegment dst, long at) {
        for (int p = 0; p < kc; p++) {
            for (int j = 0; j < nr; j++) {
                dst.setAtIndex(FLOAT, at / Float.BYTES + (long) p * nr + j, rows[j * depthStride + p]);
            }
        }
    }

    /** Yᵀ's rows of chunk {@code chunk} (whole groups), tile by tile over the whole depth, then their part of Y. */
    private void multiplyRows(int member, int chunk, int chunks) {
        int groups = (out + GROUP - 1) / GROUP;
        int from = WorkerPool.start(groups, chunk, chunks) * GROUP;
        int to = Math.min(out, WorkerPool.start(groups, chunk + 1, chunks) * GROUP);
        long rowBytes = (long) columns * Float.BYTES;
        float[] tile = tileRows[member];
        for (int ir = from; ir < to; ir += mr) {
            int rows = Math.min(mr, to - ir);
            long c = (long) ir * rowBytes;
            for (int pc = 0; pc < in; pc += PackedGemm.KC) {
                int kc = Math.min(PackedGemm.KC, in - pc);
                long block = (long) pc * columns;
                // A tile's rows over the whole depth before the next tile: four long runs of W
                // that the prefetchers follow (depth blocks outside the tiles ran 1.4-1.5x slower
                // on fc_big, AVX-512). They come into L1 by bulk copies (many lines in flight, and
                // no segment access in the kernel, which C1 could not compile with one). Rows past
                // a short last tile keep whatever they held: their sums land in rows of Yᵀ past
                // out, which nothing reads.
                for (int r = 0; r < rows; r++) {
                    MemorySegment.copy(w, FLOAT, ((long) (ir + r) * in + pc) * Float.BYTES, tile,
                            r * GemmMicroKernel.ROW_STRIDE, kc);
                }
                for (int jr = 0; jr < columns; jr += nr) {
                    long b = (block + (long) jr * kc) * Float.BYTES;
                    if (pc > 0) {
                        kernel.multiplyAddRows(kc, tile, 0, packedX, b, outputTSegment, c + (long) jr * Float.BYTES,
                                rowBytes);
                    } else {
                        kernel.multiplyRows(kc, tile, 0, packedX, b, outputTSegment, c + (long) jr * Float.BYTES,
                                rowBytes);
                    }
                }
            }
        }
        storeTransposed(from, to);
    }

    /** Y for the outputs of chunk {@code chunk} (whole groups), from {@code Yᵀ} as the GEMM left it. */
    private void storeGroups(int member, int chunk, int chunks) {
        int groups = (out + GROUP - 1) / GROUP;
        int from = WorkerPool.start(groups, chunk, chunks) * GROUP;
        int to = Math.min(out, WorkerPool.start(groups, chunk + 1, chunks) * GROUP);
        storeTransposed(from, to);
    }

    /** {@code Y[i][o] = a(Yᵀ[o][i] + bias[o])} for outputs {@code [from, to)}, one vector of outputs at a time. */
    private void storeTransposed(int from, int to) {
        if (gemm != null) {
            // Yᵀ's rows come from the GEMM's native Yᵀ to the array for the gathers (whole groups:
            // a masked gather still range-checks its unset lanes).
            int rowsEnd = Math.min(outputT.length / columns, (to + GROUP - 1) / GROUP * GROUP);
            MemorySegment.copy(outputTSegment, FLOAT, (long) from * columns * Float.BYTES, outputT, from * columns,
                    (rowsEnd - from) * columns);
        }
        MemorySegment b = bias;
        Activation a = activation;
        for (int o = from; o < to; o += LANES) {
            VectorMask<Float> m = SPECIES.indexInRange(o, to);
            if (b == null) {
                for (int i = 0; i < batch; i++) {
                    store(gathered(o, i, m), a, i, o, m);
                }
            } else {
                FloatVector lanesBias = FloatVector.fromMemorySegment(SPECIES, b, (long) o * Float.BYTES, ORDER, m);
                for (int i = 0; i < batch; i++) {
                    store(gathered(o, i, m).add(lanesBias), a, i, o, m);
                }
            }
        }
    }

    /** Column {@code i} of Yᵀ's rows {@code [o, o + LANES)} (lanes outside {@code m} left zero). */
    private FloatVector gathered(int o, int i, VectorMask<Float> m) {
        return FloatVector.fromArray(SPECIES, outputT, o * columns + i, columnMap, 0, m);
    }

    /** {@code Y[i][o + lane] = a(v[lane])} for the lanes of {@code m}. */
    private void store(FloatVector v, Activation a, int i, int o, VectorMask<Float> m) {
        (a == null ? v : ActivationKernels.apply(a, v)).intoMemorySegment(y, ((long) i * out + o) * Float.BYTES,
                ORDER, m);
    }
}
