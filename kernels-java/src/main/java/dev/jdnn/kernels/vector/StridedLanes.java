package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.ORDER;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;

/**
 * Loads and adds of every {@code stride}-th float (stride 1 or 2), the access pattern of pooling
 * windows laid side by side: lane {@code i} is element {@code index + i * stride}. Stride 2 loads
 * two whole vectors and keeps their even lanes with one two-vector rearrange; its add spreads a
 * vector's lanes over the even positions of two vectors. Nothing past {@code limit} (loads) or
 * past the row's end (adds) is touched, so a worker never writes a cell another worker owns.
 */
final class StridedLanes {
    /** Lane {@code i} takes element {@code 2i} of the two vectors side by side. */
    private static final VectorShuffle<Float> EVENS = VectorShuffle.fromOp(SPECIES, i -> 2 * i);
    /**
     * Position {@code p} of the low vector takes lane {@code p / 2} when {@code p} is even, else a
     * lane of the second (zero) operand.
     */
    private static final VectorShuffle<Float> SPREAD_LOW =
            VectorShuffle.fromOp(SPECIES, p -> p % 2 == 0 ? p / 2 : LANES + p);
    /** The same for the high vector: lane {@code LANES / 2 + p / 2} at even positions. */
    private static final VectorShuffle<Float> SPREAD_HIGH =
            VectorShuffle.fromOp(SPECIES, p -> p % 2 == 0 ? LANES / 2 + p / 2 : LANES + p);

    private StridedLanes() {
    }

    /** Whether these loads support {@code stride}. */
    static boolean supports(int stride) {
        return stride == 1 || stride == 2;
    }

    /** Lane {@code i} = {@code s[index + i * stride]}; lanes past {@code limit} read as 0. */
    static FloatVector load(MemorySegment s, long index, int stride, long limit) {
        if (stride == 1) {
            return contiguous(s, index, limit);
        }
        FloatVector low = contiguous(s, index, limit);
        FloatVector high = contiguous(s, index + LANES, limit);
        return low.rearrange(EVENS, high);
    }

    private static FloatVector contiguous(MemorySegment s, long index, long limit) {
        if (index + LANES <= limit) {
            return FloatVector.fromMemorySegment(SPECIES, s, index * Float.BYTES, ORDER);
        }
        VectorMask<Float> inside = SPECIES.indexInRange(index, limit);
        return FloatVector.fromMemorySegment(SPECIES, s, index * Float.BYTES, ORDER, inside);
    }

    /**
     * {@code s[index + i * stride] += v[i]} for every lane; positions at or past {@code rowEnd}
     * are left alone, so {@code v}'s unused lanes must be 0 or lie past the row's end.
     */
    static void add(FloatVector v, MemorySegment s, long index, int stride, long rowEnd) {
        if (stride == 1) {
            addContiguous(v, s, index, rowEnd);
            return;
        }
        FloatVector zero = FloatVector.zero(SPECIES);
        addContiguous(v.rearrange(SPREAD_LOW, zero), s, index, rowEnd);
        if (index + LANES < rowEnd) {
            addContiguous(v.rearrange(SPREAD_HIGH, zero), s, index + LANES, rowEnd);
        }
    }

    private static void addContiguous(FloatVector v, MemorySegment s, long index, long rowEnd) {
        long at = index * Float.BYTES;
        if (index + LANES <= rowEnd) {
            FloatVector.fromMemorySegment(SPECIES, s, at, ORDER).add(v).intoMemorySegment(s, at, ORDER);
            return;
        }
        VectorMask<Float> inside = SPECIES.indexInRange(index, rowEnd);
        FloatVector.fromMemorySegment(SPECIES, s, at, ORDER, inside).add(v).intoMemorySegment(s, at, ORDER, inside);
    }
}
