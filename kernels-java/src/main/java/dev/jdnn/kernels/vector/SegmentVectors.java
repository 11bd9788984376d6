package dev.jdnn.kernels.vector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vectorised loops over runs of floats in memory segments, the building blocks of the bandwidth-
 * bound kernels (bias, col2im, reductions). Offsets and lengths count floats; each loop does whole
 * vectors first and finishes the tail with scalars.
 */
final class SegmentVectors {
    static final VectorSpecies<Float> SPECIES = VectorWidth.SPECIES;
    static final int LANES = SPECIES.length();
    static final ByteOrder ORDER = ByteOrder.nativeOrder();
    static final ValueLayout.OfFloat FLOAT = ValueLayout.JAVA_FLOAT;
    private static final int SHORT_COPY = 256;

    private SegmentVectors() {
    }

    static FloatVector load(MemorySegment s, long index) {
        return FloatVector.fromMemorySegment(SPECIES, s, index * Float.BYTES, ORDER);
    }

    static void store(FloatVector v, MemorySegment s, long index) {
        v.intoMemorySegment(s, index * Float.BYTES, ORDER);
    }

    /**
     * {@code dst[i] = src[i]}. Short runs (im2col rows, packing panels) go through vector registers:
     * a bulk {@link MemorySegment#copy} costs tens of nanoseconds of checks per call.
     */
    static void copy(MemorySegment src, long srcOffset, MemorySegment dst, long dstOffset, long length) {
        if (length > SHORT_COPY) {
            MemorySegment.copy(src, srcOffset * Float.BYTES, dst, dstOffset * Float.BYTES, length * Float.BYTES);
            return;
        }
        long i = 0;
        for (; i <= length - LANES; i += LANES) {
            store(load(src, srcOffset + i), dst, dstOffset + i);
        }
        for (; i < length; i++) {
            dst.setAtIndex(FLOAT, dstOffset + i, src.getAtIndex(FLOAT, srcOffset + i));
        }
    }

    /** {@code dst[dstOffset + i] = src[srcOffset + i]} into a heap array. */
    static void copy(MemorySegment src, long srcOffset, float[] dst, int dstOffset, int length) {
        int i = 0;
        for (; i <= length - LANES; i += LANES) {
            load(src, srcOffset + i).intoArray(dst, dstOffset + i);
        }
        for (; i < length; i++) {
            dst[dstOffset + i] = src.getAtIndex(FLOAT, srcOffset + i);
        }
    }

    /** {@code dst[i] = value}. */
    static void fill(MemorySegment dst, long offset, int length, float value) {
        FloatVector v = FloatVector.broadcast(SPECIES, value);
        int i = 0;
        for (; i <= length - LANES; i += LANES) {
            store(v, dst, offset + i);
        }
        for (; i < length; i++) {
            dst.setAtIndex(FLOAT, offset + i, value);
        }
    }

    /** {@code dst[i] += value}. */
    static void addScalar(MemorySegment dst, long offset, int length, float value) {
        int i = 0;
        for (; i <= length - LANES; i += LANES) {
            store(load(dst, offset + i).add(value), dst, offset + i);
        }
        for (; i < length; i++) {
            dst.setAtIndex(FLOAT, offset + i, dst.getAtIndex(FLOAT, offset + i) + value);
        }
    }

    /** {@code dst[i] += src[i]}. */
    static void add(MemorySegment dst, long dstOffset, MemorySegment src, long srcOffset, int length) {
        int i = 0;
        for (; i <= length - LANES; i += LANES) {
            store(load(dst, dstOffset + i).add(load(src, srcOffset + i)), dst, dstOffset + i);
        }
        for (; i < length; i++) {
            dst.setAtIndex(FLOAT, dstOffset + i,
                    dst.getAtIndex(FLOAT, dstOffset + i) + src.getAtIndex(FLOAT, srcOffset + i));
        }
    }

    /** {@code dst[dstOffset + i] += src[srcOffset + i]} from a heap array. */
    static void addArray(MemorySegment dst, long dstOffset, float[] src, int srcOffset, int length) {
        int i = 0;
        for (; i <= length - LANES; i += LANES) {
            store(load(dst, dstOffset + i).add(FloatVector.fromArray(SPECIES, src, srcOffset + i)), dst, dstOffset + i);
        }
        for (; i < length; i++) {
            dst.setAtIndex(FLOAT, dstOffset + i, dst.getAtIndex(FLOAT, dstOffset + i) + src[srcOffset + i]);
        }
    }

    /**
     * Whether every one of {@code length} floats is finite: {@code 0·v} is 0 for a finite
     * {@code v} and NaN for ±Inf and NaN, and NaN survives the sum.
     */
    static boolean allFinite(MemorySegment src, long offset, long length) {
        FloatVector acc = FloatVector.zero(SPECIES);
        long i = 0;
        for (; i <= length - LANES; i += LANES) {
            acc = acc.add(load(src, offset + i).mul(0f));
        }
        float tail = 0f;
        for (; i < length; i++) {
            tail += 0f * src.getAtIndex(FLOAT, offset + i);
        }
        return !acc.test(VectorOperators.IS_NAN).anyTrue() && !Float.isNaN(tail);
    }

    /** {@code dst[i] += a * src[i]}. */
    static void addScaled(MemorySegment dst, long dstOffset, float a, MemorySegment src, long srcOffset, int length) {
        FloatVector scale = FloatVector.broadcast(SPECIES, a);
        int i = 0;
        for (; i <= length - LANES; i += LANES) {
            store(load(src, srcOffset + i).fma(scale, load(dst, dstOffset + i)), dst, dstOffset + i);
        }
        for (; i < length; i++) {
            dst.setAtIndex(FLOAT, dstOffset + i,
                    Math.fma(a, src.getAtIndex(FLOAT, srcOffset + i), dst.getAtIndex(FLOAT, dstOffset + i)));
        }
    }

    /**
     * Terms one vector accumulator takes before its partial sum moves into a {@code double}: short
     * enough that a float partial stays accurate (each lane sums at most 64 terms at 512 bits),
     * long enough that the hand-over costs nothing. A single float accumulator over a whole long run stalls:
     * 536,895,241 ones summed to exactly 2^28 (each lane stuck at 2^24).
     */
    static final int BLOCK = 1024;

    /** {@code Σ src[i]}, in an order fixed by the length alone (the same bits at every JIT tier). */
    static float sum(MemorySegment src, long offset, long length) {
        double total = 0;
        long i = 0;
        for (; i + BLOCK <= length; i += BLOCK) {
            total += blockSum(src, offset + i, BLOCK);
        }
        return (float) (total + blockSum(src, offset + i, (int) (length - i)));
    }

    private static float blockSum(MemorySegment src, long offset, int length) {
        FloatVector acc = FloatVector.zero(SPECIES);
        int i = 0;
        for (; i <= length - LANES; i += LANES) {
            acc = acc.add(load(src, offset + i));
        }
        float s = sumLanes(acc);
        for (; i < length; i++) {
            s += src.getAtIndex(FLOAT, offset + i);
        }
        return s;
    }

    /** {@code Σ a[i] * b[i]}, blockwise and in a fixed order like {@link #sum}. */
    static float dot(MemorySegment a, long aOffset, MemorySegment b, long bOffset, int length) {
        double total = 0;
        int i = 0;
        for (; i + BLOCK <= length; i += BLOCK) {
            total += blockDot(a, aOffset + i, b, bOffset + i, BLOCK);
        }
        return (float) (total + blockDot(a, aOffset + i, b, bOffset + i, length - i));
    }

    private static float blockDot(MemorySegment a, long aOffset, MemorySegment b, long bOffset, int length) {
        FloatVector acc = FloatVector.zero(SPECIES);
        int i = 0;
        for (; i <= length - LANES; i += LANES) {
            acc = load(a, aOffset + i).fma(load(b, bOffset + i), acc);
        }
        float s = sumLanes(acc);
        for (; i < length; i++) {
            s = Math.fma(a.getAtIndex(FLOAT, aOffset + i), b.getAtIndex(FLOAT, bOffset + i), s);
        }
        return s;
    }

    /**
     * The sum of {@code v}'s lanes by a fixed tree: lane i plus lane i + LANES/2, then + LANES/4,
     * and so on. {@code reduceLanes(ADD)} leaves the order unspecified, and its intrinsic and its
     * Java fallback add in different orders, so a result could change with the JIT tier that ran it.
     */
    static float sumLanes(FloatVector v) {
        if (LANES >= 16) {
            v = v.add(v.rearrange(ROTATE_8));
        }
        if (LANES >= 8) {
            v = v.add(v.rearrange(ROTATE_4));
        }
        v = v.add(v.rearrange(ROTATE_2));
        v = v.add(v.rearrange(ROTATE_1));
        return v.lane(0);
    }

    private static final VectorShuffle<Float> ROTATE_8 = rotation(8);
    private static final VectorShuffle<Float> ROTATE_4 = rotation(4);
    private static final VectorShuffle<Float> ROTATE_2 = rotation(2);
    private static final VectorShuffle<Float> ROTATE_1 = rotation(1);

    /** Lane i takes lane {@code (i + by) mod LANES}. */
    private static VectorShuffle<Float> rotation(int by) {
        return VectorShuffle.fromOp(SPECIES, i -> (i + by) % LANES);
    }

    /** {@code max src[i]}, {@code length >= 1}. */
    static float max(MemorySegment src, long offset, int length) {
        FloatVector acc = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        int i = 0;
        for (; i <= length - LANES; i += LANES) {
            acc = acc.max(load(src, offset + i));
        }
        float m = acc.reduceLanes(VectorOperators.MAX);
        for (; i < length; i++) {
            m = Math.max(m, src.getAtIndex(FLOAT, offset + i));
        }
        return m;
    }
}
