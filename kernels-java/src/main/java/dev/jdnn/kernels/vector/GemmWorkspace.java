package dev.jdnn.kernels.vector;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * One thread's packing buffers for {@link PackedGemm}, sized once for the largest product a plan
 * runs: a block of A in MR-tall panels, a block of B in NR-wide panels and one edge tile.
 */
final class GemmWorkspace {
    final float[] packedA;
    final float[] packedB;
    final MemorySegment tile;

    GemmWorkspace(int packedASize, int packedBSize, int tileSize) {
        this.packedA = new float[packedASize];
        this.packedB = new float[packedBSize];
        this.tile = Arena.ofAuto().allocate((long) tileSize * Float.BYTES, 64);
    }
}
