package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;
import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.ORDER;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

import dev.jdnn.Activation;
import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * What {@link PackedGemm} applies to a block of C once its last depth block is multiplied, while
 * the block is still in cache: {@code C = a(C + bias)}, the bias indexed by C's row (a
 * convolution's output channel, NCHW) or column (a dense layer's output, or NHWC), the activation
 * optional. Set by a plan before each product ({@link #set}); read by the workers during it.
 */
final class GemmEpilogue {
    private final boolean biasPerRow;
    private final Activation activation;
    private MemorySegment bias;

    GemmEpilogue(boolean biasPerRow, Activation activation) {
        this.biasPerRow = biasPerRow;
        this.activation = activation;
    }

    /** The bias of the next products ({@code null} for none). */
    void set(MemorySegment bias) {
        this.bias = bias;
    }

    /** Whether applying it would change anything. */
    boolean active() {
        return bias != null || activation != null;
    }

    /**
     * Applies to {@code rows x cols} of C at float offset {@code offset}, rows {@code ldc} apart;
     * {@code biasIndex} is the bias element of the block's first row (per row) or first column.
     */
    void apply(MemorySegment c, long offset, int ldc, int rows, int cols, long biasIndex) {
        MemorySegment b = bias;
        Activation a = activation;
        for (int i = 0; i < rows; i++) {
            long row = offset + (long) i * ldc;
            FloatVector rowBias = FloatVector.broadcast(SPECIES, b != null && biasPerRow
                    ? b.getAtIndex(FLOAT, biasIndex + i) : 0f);
            for (int j = 0; j < cols; j += LANES) {
                VectorMask<Float> m = SPECIES.indexInRange(j, cols);
                long at = (row + j) * Float.BYTES;
                FloatVector v = FloatVector.fromMemorySegment(SPECIES, c, at, ORDER, m);
                if (b != null) {
                    v = v.add(biasPerRow ? rowBias
                            : FloatVector.fromMemorySegment(SPECIES, b, (biasIndex + j) * Float.BYTES, ORDER, m));
                }
                if (a != null) {
                    v = ActivationKernels.apply(a, v);
                }
                v.intoMemorySegment(c, at, ORDER, m);
            }
        }
    }

    /** Whether the bias is indexed by C's row (else by its column). */
    boolean biasPerRow() {
        return biasPerRow;
    }
}
