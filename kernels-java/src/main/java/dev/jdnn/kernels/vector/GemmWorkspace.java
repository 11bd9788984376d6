package dev.jdnn.kernels.vector;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One thread's packing buffers for {@link PackedGemm}, sized once for the largest product a plan
 * runs: a block of A in MR-tall panels (a heap array: the kernel only broadcasts single floats from
 * it, and array indexing lets the JIT drop the bounds checks), a block of B in NR-wide panels and
 * one edge tile (64-byte aligned native memory: the kernel loads whole vectors from them), and a heap
 * staging array for packing A.
 */
final class GemmWorkspace {
    final float[] packedA;
    final MemorySegment packedB;
    final MemorySegment tile;
    /** Rows of A on their way into the packed layout: one row of KC, or one of MC. */
    final float[] rows;

    GemmWorkspace(int packedASize, int packedBSize, int tileSize, int rowsSize) {
        Arena arena = Arena.ofAuto();
        this.packedA = new float[packedASize];
        this.packedB = arena.allocate((long) packedBSize * Float.BYTES, 64);
        this.tile = arena.allocate((long) tileSize * Float.BYTES, 64);
        this.rows = new float[rowsSize];
    }
}
