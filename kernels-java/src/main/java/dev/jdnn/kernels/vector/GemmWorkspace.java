package dev.jdnn.kernels.vector;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One thread's packing buffers for {@link PackedGemm}, sized once for the largest product a plan
 * runs: a block of A in MR-tall panels (a heap array: the kernel only broadcasts single floats from
 * it, and array indexing lets the JIT drop the bounds checks), a block of B in NR-wide panels and
 * one edge tile (64-byte aligned native memory: the kernel loads whole vectors from them), a heap
 * staging array for packing A and one for a transposed B panel.
 */
final class GemmWorkspace {
    final float[] packedA;
    final MemorySegment packedB;
    final MemorySegment tile;
    /** Rows of A on their way into the packed layout: one row of KC, or one of MC. */
    final float[] rows;
    /** One NR-wide panel of a transposed B, assembled on the heap before its bulk copy out. */
    final float[] panel;

    GemmWorkspace(int packedASize, int packedBSize, int tileSize, int rowsSize, int panelSize) {
        Arena arena = Arena.ofAuto();
        this.packedA = new float[packedASize];
        this.packedB = arena.allocate((long) packedBSize * Float.BYTES, 64);
        this.tile = arena.allocate((long) tileSize * Float.BYTES, 64);
        this.rows = new float[rowsSize];
        this.panel = new float[panelSize];
    }
}
