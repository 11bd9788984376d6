package dev.jdnn.kernels.vector;

import java.lang.foreign.MemorySegment;

/**
 * The innermost GEMM step: one {@code rows() x columns()} tile of C from a packed panel of A and
 * a packed panel of B. Implementations are generated per vector width by
 * {@code kernels-java/src/build/GemmMicroKernelGenerator.java}; only one is loaded in a JVM, so
 * calls through this interface stay monomorphic.
 */
interface GemmMicroKernel {
    /** MR: rows of the tile. */
    int rows();

    /** NR: columns of the tile, a whole number of vectors. */
    int columns();

    /** The vector width the kernel is written for. */
    int bits();

    /**
     * {@code C[i][j] = Σ_p A[p][i] * B[p][j]} for the full tile.
     *
     * @param a packed A panel: for each {@code p}, {@code rows()} consecutive values
     * @param b packed B panel: for each {@code p}, {@code columns()} consecutive values starting at
     *     {@code bByteOffset}; kept 64-byte aligned in native memory, because on a heap array every
     *     other 256-bit load would straddle two cache lines (measured: 4 x 2 kernel 51 instead of
     *     82 GFLOP/s on a Zen 3) and the JVM gives no way to align one
     * @param c row-major C; the tile starts at {@code cByteOffset}, rows {@code cRowBytes} apart
     */
    void multiply(int kc, float[] a, int aOffset, MemorySegment b, long bByteOffset, MemorySegment c, long cByteOffset,
            long cRowBytes);

    /**
     * {@code C[i][j] += Σ_p A[p][i] * B[p][j]}, arguments as in {@link #multiply}. A method of its
     * own, not a flag of {@code multiply}: a rarely taken branch inside the hot kernel makes C2
     * deoptimise it when the branch is first taken.
     */
    void multiplyAdd(int kc, float[] a, int aOffset, MemorySegment b, long bByteOffset, MemorySegment c,
            long cByteOffset, long cRowBytes);

    /** Floats between two rows of A in {@link #multiplyRows}: {@link PackedGemm#KC}, whole depth blocks. */
    int ROW_STRIDE = PackedGemm.KC;

    /**
     * {@code C[i][j] = Σ_p A[i][p] * B[p][j]} with A as plain rows: row {@code i} of the tile is
     * {@code kc} consecutive floats at {@code aOffset + i * }{@link #ROW_STRIDE} (for an operand each
     * element of which meets a single B panel, where packing it into MR-interleaved panels would
     * cost a scatter per float); B and C as in {@link #multiply}.
     */
    void multiplyRows(int kc, float[] a, int aOffset, MemorySegment b, long bByteOffset, MemorySegment c,
            long cByteOffset, long cRowBytes);

    /** {@code C[i][j] += Σ_p A[i][p] * B[p][j]}, arguments as in {@link #multiplyRows}. */
    void multiplyAddRows(int kc, float[] a, int aOffset, MemorySegment b, long bByteOffset, MemorySegment c,
            long cByteOffset, long cRowBytes);

    /**
     * {@code C[i][j] = Σ_p A[i][p] * B[p][j]} with A's rows read where they are: row {@code i} of the
     * tile is {@code kc} consecutive floats of {@code a} at byte {@code aByteOffset + i * aRowBytes}
     * (for an operand each element of which meets a single B panel and that is too large to stay in
     * any cache, such as a large dense layer's weights: the kernel's loads of its MR row streams
     * overlap the multiply-adds, where a copy into the heap first runs alone); every element is
     * summed in the same order as {@link #multiplyRows} sums it. B and C as in {@link #multiply}. No
     * accumulating twin: at 512 bits C1 refuses one (see the generator); callers add the tile to C.
     */
    void multiplyRowsFrom(int kc, MemorySegment a, long aByteOffset, long aRowBytes, MemorySegment b, long bByteOffset,
            MemorySegment c, long cByteOffset, long cRowBytes);

    /**
     * Packs one full-width panel of a row-major B: {@code columns()} floats from each of {@code kc}
     * rows, {@code bRowBytes} apart, into consecutive rows of {@code dst}. Unrolled per width like the
     * kernel: a generic copy loop per row costs tens of nanoseconds of set-up for 16 floats.
     */
    void packPanel(int kc, MemorySegment b, long bByteOffset, long bRowBytes, MemorySegment dst, long dstByteOffset);
}
