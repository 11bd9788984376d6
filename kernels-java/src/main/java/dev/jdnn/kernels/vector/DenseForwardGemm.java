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
     * is not measured more finely. Measured before {@link #depthParts}, which now takes fc_lenet
     * here on every team (forked DenseBenchmark, 2 threads: 40 us against ParallelGemm's 60).
     */
    static final long MIN_SHARED_WEIGHTS = 1 << 16;

    /**
     * Whether this product beats {@link ParallelGemm} for the shape (measured with
     * DensePassThroughput routes, AVX-512, NR = 64): its columns are the batch rounded up to whole NR
     * panels, so a batch under NR/2 wastes most of the kernel's multiply-adds (batch 2: 54 us
     * against 40 for 2x400x120 on 1 thread; batch 32: 52 against 73). On a team of several
     * threads it takes small weights only where ParallelGemm could not split them either
     * ({@code out <= }{@link #GROUP}: LeNet's fc3 64x84x10 5.6 us against 9.9) or where their depth
     * is cut into slices ({@link #depthParts}).
     */
    static boolean serves(int batch, int in, int out, int nr, int threads) {
        if (batch < Math.max(2, nr / 2) || batch > MAX_BATCH) {
            return false;
        }
        return threads == 1 || out <= GROUP || (long) in * out >= MIN_SHARED_WEIGHTS || depthParts(in, out) > 1;
    }

    /** Shallowest slice of the depth worth a part of its own ({@link #depthParts}). */
    static final int MIN_PART_DEPTH = 128;

    /**
     * Slices the depth of a product with small weights is cut into (weights under
     * {@link #MIN_SHARED_WEIGHTS}, depth at least twice {@link #MIN_PART_DEPTH}): each slice's Xᵀ is
     * packed and multiplied by one team member into sums of its own, and the slices' sums are added
     * in order, so the bits depend on the shape alone, not on the thread count. Why: cut by rows of
     * W instead, every member reads all of Xᵀ that one member packed, and on the 2-core AVX-512 VM
     * both the packing (its lines still held by the other core) and the other core's multiply ran
     * ~1.7x slower than alone: fc_lenet (64x400x120) took 57-65 us on 2 threads, no faster than on
     * one (split timing in one JVM: pack 33 us, multiply 34 us). In two slices each core packs and
     * multiplies its own half: 35-40 us on 2 threads (pack 7-10, multiply 18-21, store 3 us per
     * core); on 1 thread the two slices cost what one did (the same tiles, one more add of Yᵀ).
     */
    static int depthParts(int in, int out) {
        return (long) in * out < MIN_SHARED_WEIGHTS && in >= 2 * MIN_PART_DEPTH ? 2 : 1;
    }

    /** First depth of part {@code q} ({@code in} for {@code q == parts}). */
    private int partStart(int q) {
        return (int) ((long) in * q / parts);
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
    /**
     * Slices of the depth summed apart and added in order ({@link #depthParts}); 1 where the whole
     * depth is one sum, as {@link PackedGemm} forms it.
     */
    private final int parts;
    /** Depth blocks: part {@code q} is blocks {@code [partBlocks[q], partBlocks[q + 1])}, each at most KC deep. */
    private final int[] partBlocks;
    /** First depth of each block, and (last entry) {@code in}. */
    private final int[] blockStarts;
    /** Floats of one part's Yᵀ sums: {@code roundUp(out, GROUP) x columns}. */
    private final int partFloats;
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
    /** Per member: one panel of Xᵀ on its way into {@link #packedX}. */
    private final float[][] staged;
    /** Per member: the rows of X of one panel, one depth block of each, for {@link #transpose}. */
    private final float[][] rowsOfX;
    /** Lane {@code l} → {@code l·columns}: gathers one column of Yᵀ, a run of Y's row. */
    private final int[] columnMap;
    private final WorkerPool.Chunks packJob = this::packDepthBlock;
    private final WorkerPool.Chunks multiplyJob = this::multiplyRows;
    private final WorkerPool.Chunks storeJob = this::storeGroups;
    private final WorkerPool.Chunks partJob = this::multiplyPart;
    /** {@code Yᵀ = W·Xᵀ} through the packed GEMM for large weights ({@link #MIN_STREAMED_WEIGHTS}); else null. */
    private final ParallelGemm gemm;
    /**
     * Weights ({@code in x out}) from which {@code Yᵀ} goes through {@link ParallelGemm} with W as the
     * row-major A operand ({@link PackedGemm#MC} rows at a time against one L2-resident depth block of
     * Xᵀ; read in place by the kernel where the batch fits one panel, {@link ParallelGemm#multiplyReadingAInPlace})
     * rather than this class's tile-by-tile loop. fc_big (64x4096x4096) on 1 thread, AVX-512: DensePassThroughput routes medians
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
        this.parts = this.gemm == null ? depthParts(in, out) : 1;
        this.partBlocks = new int[parts + 1];
        int blocks = 0;
        for (int q = 0; q < parts; q++) {
            int depth = partStart(q + 1) - partStart(q);
            blocks += (depth + PackedGemm.KC - 1) / PackedGemm.KC;
            partBlocks[q + 1] = blocks;
        }
        this.blockStarts = new int[blocks + 1];
        for (int q = 0, block = 0; q < parts; q++) {
            for (int p = partStart(q); p < partStart(q + 1); p += PackedGemm.KC) {
                blockStarts[block++] = p;
            }
        }
        blockStarts[blocks] = in;
        this.activation = activation;
        Arena arena = Arena.ofAuto();
        this.packedX = arena.allocate((long) in * columns * Float.BYTES, 64);
        this.partFloats = (out + GROUP - 1) / GROUP * GROUP * columns;
        this.outputT = new float[partFloats];
        // Both routes write Yᵀ to native memory and copy it to the array for the gathers. A heap
        // segment must never reach the Vector API's segment loads and stores: their type profile is
        // one for the whole JVM, and once it holds a heap segment beside the native ones, C2
        // compiles every kernel's vector accesses as mixed heap/native (a CPU-order barrier around
        // each), which made the GEMM micro-kernel of every convolution in a network step slower.
        this.outputTSegment = arena.allocate((long) parts * partFloats * Float.BYTES, 64);
        int kc = Math.min(PackedGemm.KC, in);
        this.tileRows = new float[pool.size()][mr * GemmMicroKernel.ROW_STRIDE];
        this.staged = new float[pool.size()][kc * nr];
        this.rowsOfX = new float[pool.size()][kc * nr];
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
                gemm.multiplyReadingAInPlace(out, batch, in, w, 0, in, x, 0, in, true, outputTSegment, 0, columns, false);
                pool.run(storeJob, pool.chunksFor(groups));
                return;
            }
            if (parts > 1) {
                pool.run(partJob, parts);
                pool.run(storeJob, pool.chunksFor(groups));
                return;
            }
            int depthBlocks = blockStarts.length - 1;
            pool.run(packJob, pool.size() == 1 ? 1 : depthBlocks);
            pool.run(multiplyJob, pool.chunksFor(groups));
        } finally {
            this.x = null;
            this.w = null;
            this.bias = null;
            this.y = null;
        }
    }

    /** Packs Xᵀ's depth block {@code chunk} (all of them on a team of one). */
    private void packDepthBlock(int member, int chunk, int chunks) {
        if (chunks == 1) {
            packBlocks(member, 0, blockStarts.length - 1);
        } else {
            packBlocks(member, chunk, chunk + 1);
        }
    }

    /** Packs Xᵀ's depth blocks {@code [first, last)} through member {@code member}'s staging arrays. */
    private void packBlocks(int member, int first, int last) {
        float[] rows = rowsOfX[member];
        float[] panel = staged[member];
        for (int block = first; block < last; block++) {
            int pc = blockStarts[block];
            int kc = blockStarts[block + 1] - pc;
            for (int jr = 0; jr < columns; jr += nr) {
                int cols = Math.min(nr, batch - jr);
                for (int j = 0; j < cols; j++) {
                    MemorySegment.copy(x, FLOAT, ((long) (jr + j) * in + pc) * Float.BYTES, rows, j * kc, kc);
                }
                transpose(rows, cols, kc, panel);
                MemorySegment.copy(panel, 0, packedX, FLOAT, ((long) pc * columns + (long) jr * kc) * Float.BYTES,
                        kc * nr);
            }
        }
    }

    /**
     * {@code panel[p·NR + j] = rows[j·kc + p]}, columns from {@code cols} on zero. Plain array loops
     * (C1 compiles them well before C2 does), four depths per pass over the rows: each row's four
     * floats come from one cache line and go to four contiguous runs of the panel (fc_lenet's
     * 64x200 half, AVX-512: 4.0 us against 5.7 for one depth per pass reading X in place).
     */
    private void transpose(float[] rows, int cols, int kc, float[] panel) {
        int p = 0;
        for (; p + 4 <= kc; p += 4) {
            int d = p * nr;
            for (int j = 0; j < cols; j++) {
                int s = j * kc + p;
                panel[d + j] = rows[s];
                panel[d + nr + j] = rows[s + 1];
                panel[d + 2 * nr + j] = rows[s + 2];
                panel[d + 3 * nr + j] = rows[s + 3];
            }
        }
        for (; p < kc; p++) {
            int d = p * nr;
            for (int j = 0; j < cols; j++) {
                panel[d + j] = rows[j * kc + p];
            }
        }
        if (cols < nr) {
            for (p = 0; p < kc; p++) {
                Arrays.fill(panel, p * nr + cols, (p + 1) * nr, 0f);
            }
        }
    }

    /**
     * Depth part {@code part}: its blocks of Xᵀ packed and multiplied by the same member (so they
     * never cross cores), every tile of Yᵀ summed over the part's depth into the part's own sums.
     */
    private void multiplyPart(int member, int part, int chunks) {
        packBlocks(member, partBlocks[part], partBlocks[part + 1]);
        multiplyTiles(tileRows[member], 0, out, partBlocks[part], partBlocks[part + 1], (long) part * partFloats);
    }

    /** Yᵀ's rows of chunk {@code chunk} (whole groups), tile by tile over the whole depth, then their part of Y. */
    private void multiplyRows(int member, int chunk, int chunks) {
        int groups = (out + GROUP - 1) / GROUP;
        int from = WorkerPool.start(groups, chunk, chunks) * GROUP;
        int to = Math.min(out, WorkerPool.start(groups, chunk + 1, chunks) * GROUP);
        multiplyTiles(tileRows[member], from, to, 0, blockStarts.length - 1, 0);
        storeTransposed(from, to);
    }

    /**
     * Rows {@code [from, to)} of Yᵀ summed over depth blocks {@code [first, last)}, tile by tile,
     * into the sums at float {@code sums} of {@link #outputTSegment}.
     */
    private void multiplyTiles(float[] tile, int from, int to, int first, int last, long sums) {
        long rowBytes = (long) columns * Float.BYTES;
        for (int ir = from; ir < to; ir += mr) {
            int rows = Math.min(mr, to - ir);
            long c = sums * Float.BYTES + (long) ir * rowBytes;
            for (int block = first; block < last; block++) {
                int pc = blockStarts[block];
                int kc = blockStarts[block + 1] - pc;
                long packed = (long) pc * columns;
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
                    long b = (packed + (long) jr * kc) * Float.BYTES;
                    if (block > first) {
                        kernel.multiplyAddRows(kc, tile, 0, packedX, b, outputTSegment, c + (long) jr * Float.BYTES,
                                rowBytes);
                    } else {
                        kernel.multiplyRows(kc, tile, 0, packedX, b, outputTSegment, c + (long) jr * Float.BYTES,
                                rowBytes);
                    }
                }
            }
        }
    }

    /** Y for the outputs of chunk {@code chunk} (whole groups), from {@code Yᵀ} as the GEMM left it. */
    private void storeGroups(int member, int chunk, int chunks) {
        int groups = (out + GROUP - 1) / GROUP;
        int from = WorkerPool.start(groups, chunk, chunks) * GROUP;
        int to = Math.min(out, WorkerPool.start(groups, chunk + 1, chunks) * GROUP);
        if (parts > 1) {
            // The parts' sums of these rows, added in part order into part 0's.
            int rowsEnd = Math.min(partFloats / columns, (to + GROUP - 1) / GROUP * GROUP);
            int length = (rowsEnd - from) * columns;
            for (int q = 1; q < parts; q++) {
                SegmentVectors.add(outputTSegment, (long) from * columns, outputTSegment,
                        (long) q * partFloats + (long) from * columns, length);
            }
        }
        storeTransposed(from, to);
    }

    /** {@code Y[i][o] = a(Yᵀ[o][i] + bias[o])} for outputs {@code [from, to)}, one vector of outputs at a time. */
    private void storeTransposed(int from, int to) {
        // Yᵀ's rows come from the native Yᵀ to the array for the gathers (whole groups: a masked
        // gather still range-checks its unset lanes).
        int rowsEnd = Math.min(outputT.length / columns, (to + GROUP - 1) / GROUP * GROUP);
        MemorySegment.copy(outputTSegment, FLOAT, (long) from * columns * Float.BYTES, outputT, from * columns,
                (rowsEnd - from) * columns);
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
