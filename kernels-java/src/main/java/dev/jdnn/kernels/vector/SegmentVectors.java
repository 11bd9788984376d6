package dev.jdnn.kernels.vector;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
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

    private SegmentVectors() {
    }

    static FloatVector load(MemorySegment s, long index) {
        return FloatVector.fromMemorySegment(SPECIES, s, index * Float.BYTES, ORDER);
    }

    static void store(FloatVector v, MemorySegment s, long index) {
        v.intoMemorySegment(s, index * Float.BYTES, ORDER);
    }

    /** {@code dst[i] = src[i]}. */
    static void copy(MemorySegment src, long srcOffset, MemorySegment dst, long dstOffset, long length) {
        MemorySegment.copy(src, srcOffset * Float.BYTES, dst, dstOffset * Float.BYTES, length * Float.BYTES);
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

    /** {@code Σ src[i]}. */
    static float sum(MemorySegment src, long offset, long length) {
        FloatVector acc = FloatVector.zero(SPECIES);
        long i = 0;
        for (; i <= length - LANES; i += LANES) {
            acc = acc.add(load(src, offset + i));
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < length; i++) {
            s += src.getAtIndex(FLOAT, offset + i);
        }
        return s;
    }

    /** {@code Σ a[i] * b[i]}. */
    static float dot(MemorySegment a, long aOffset, MemorySegment b, long bOffset, int length) {
        FloatVector acc = FloatVector.zero(SPECIES);
        int i = 0;
        for (; i <= length - LANES; i += LANES) {
            acc = load(a, aOffset + i).fma(load(b, bOffset + i), acc);
        }
        float s = acc.reduceLanes(VectorOperators.ADD);
        for (; i < length; i++) {
            s = Math.fma(a.getAtIndex(FLOAT, aOffset + i), b.getAtIndex(FLOAT, bOffset + i), s);
        }
        return s;
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
