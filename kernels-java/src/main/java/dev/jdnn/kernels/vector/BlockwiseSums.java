package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.ORDER;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * Sums over long runs of floats that stay accurate and reproducible: each block of
 * {@value #BLOCK} floats is summed in vector lanes, its lanes are added in lane order into a
 * {@code double}, and the blocks' sums are added in block order. A float accumulator alone stops
 * growing once it reaches 2^24 times the terms (a softmax over 2^29 + 17 equal logits gave
 * p = 0.5 instead of 0.4747, issue 12 item 7); the fixed lane order replaces
 * {@code reduceLanes(ADD)}, whose order is unspecified and differs between the JIT's intrinsic and
 * the Java fallback (issue 13 item 2). The same inputs give the same bits at every JIT tier.
 */
final class BlockwiseSums {
    /** Floats per block; a multiple of every vector length. */
    static final int BLOCK = 1024;

    private BlockwiseSums() {
    }

    /** {@code Σ v[i]} over the lanes in lane order, in double. */
    static double lanesInOrder(FloatVector v) {
        double total = 0;
        for (int i = 0; i < LANES; i++) {
            total += v.lane(i);
        }
        return total;
    }

    /** {@code Σ s[offset + i]} for {@code i < length}. */
    static double sum(MemorySegment s, long offset, long length) {
        double total = 0;
        for (long block = 0; block < length; block += BLOCK) {
            long end = Math.min(length, block + BLOCK);
            FloatVector acc = FloatVector.zero(SPECIES);
            for (long i = block; i < end; i += LANES) {
                acc = acc.add(load(s, offset + i, offset + end));
            }
            total += lanesInOrder(acc);
        }
        return total;
    }

    /** {@code Σ a[aOffset + i] * b[bOffset + i]} for {@code i < length}. */
    static double dot(MemorySegment a, long aOffset, MemorySegment b, long bOffset, long length) {
        double total = 0;
        for (long block = 0; block < length; block += BLOCK) {
            long end = Math.min(length, block + BLOCK);
            FloatVector acc = FloatVector.zero(SPECIES);
            for (long i = block; i < end; i += LANES) {
                acc = load(a, aOffset + i, aOffset + end).fma(load(b, bOffset + i, bOffset + end), acc);
            }
            total += lanesInOrder(acc);
        }
        return total;
    }

    /**
     * {@code Σ exp(x[xOffset + i] - shift)}; when {@code out} is not null the exponentials are
     * also stored at {@code out[outOffset + i]}.
     */
    static double expSum(MemorySegment x, long xOffset, long length, float shift, MemorySegment out,
            long outOffset) {
        double total = 0;
        for (long block = 0; block < length; block += BLOCK) {
            long end = Math.min(length, block + BLOCK);
            FloatVector acc = FloatVector.zero(SPECIES);
            for (long i = block; i < end; i += LANES) {
                FloatVector e = VectorExp.exp(load(x, xOffset + i, xOffset + end).sub(shift));
                if (i + LANES > end) {
                    // Masked-off lanes loaded 0, whose exponential is not 0.
                    VectorMask<Float> m = SPECIES.indexInRange(i, end);
                    e = FloatVector.zero(SPECIES).blend(e, m);
                    if (out != null) {
                        e.intoMemorySegment(out, (outOffset + i) * Float.BYTES, ORDER, m);
                    }
                } else if (out != null) {
                    e.intoMemorySegment(out, (outOffset + i) * Float.BYTES, ORDER);
                }
                acc = acc.add(e);
            }
            total += lanesInOrder(acc);
        }
        return total;
    }

    /** {@code max s[offset + i]} for {@code 0 < length}; NaN if any element is NaN. */
    static float max(MemorySegment s, long offset, long length) {
        FloatVector acc = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        long i = 0;
        for (; i <= length - LANES; i += LANES) {
            acc = acc.max(FloatVector.fromMemorySegment(SPECIES, s, (offset + i) * Float.BYTES, ORDER));
        }
        float m = Float.NEGATIVE_INFINITY;
        for (int lane = 0; lane < LANES; lane++) {
            m = Math.max(m, acc.lane(lane));
        }
        for (; i < length; i++) {
            m = Math.max(m, s.getAtIndex(SegmentVectors.FLOAT, offset + i));
        }
        return m;
    }

    /** {@code s[index ..]} up to (excluding) {@code end}; lanes past it read as 0. */
    private static FloatVector load(MemorySegment s, long index, long end) {
        if (index + LANES <= end) {
            return FloatVector.fromMemorySegment(SPECIES, s, index * Float.BYTES, ORDER);
        }
        return FloatVector.fromMemorySegment(SPECIES, s, index * Float.BYTES, ORDER, SPECIES.indexInRange(index, end));
    }
}
