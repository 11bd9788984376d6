package dev.jdnn.kernels.vector;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One thread's packing buffers for {@link PackedGemm}, sized once for the largest product a plan
 * runs: a block of A in MR-tall panels (a heap array: the kernel only broadcasts single floats from
 * it, and array indexing lets the JIT drop the bounds checks), a block of B in NR-wide panels (for
 * a {@link PackedGemm.PanelSource}), one such panel and one edge tile (64-byte aligned native
 * memory: the kernel loads whole vectors from them), a heap staging array for packing A and one for
 * a transposed B panel.
 */
final class GemmWorkspace {
    final float[] packedA;
    final MemorySegment packedB;
    /** One NR-wide panel of B, packed right before its tiles run (a B in memory, see {@link PackedGemm}). */
    final MemorySegment panelB;
    final MemorySegment tile;
    /** Rows of A on their way into the packed layout: one row of KC, or one of MC. */
    final float[] rows;
    /** One NR-wide panel of a transposed B, assembled on the heap before its bulk copy out. */
    final float[] panel;

    /**
     * Whether the workspace serves the one thread of a one-thread pool, the only thread then using
     * the caches: {@link PackedGemm} takes a row-major A in blocks of {@link PackedGemm#MC} rows and
     * packs B one panel at a time (else it packs a block of B ahead and takes A in blocks of
     * {@link PackedGemm#BLOCK_MC} rows).
     */
    final boolean alone;

    GemmWorkspace(int packedASize, int packedBSize, int tileSize, int rowsSize, int panelSize, boolean alone) {
        this.alone = alone;
        Arena arena = Arena.ofAuto();
        this.packedA = new float[packedASize];
        this.packedB = arena.allocate((long) packedBSize * Float.BYTES, 64);
        this.panelB = arena.allocate((long) panelSize * Float.BYTES, 64);
        this.tile = arena.allocate((long) tileSize * Float.BYTES, 64);
        this.rows = new float[rowsSize];
        this.panel = new float[panelSize];
    }
}
