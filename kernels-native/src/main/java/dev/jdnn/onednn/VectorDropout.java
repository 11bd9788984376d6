package dev.jdnn.onednn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

/**
 * The whole-vector part of {@link JavaTrainingSteps#dropout}: the contract's counters
 * {@code seed + (i + 1) * 0x9E3779B97F4A7C15L} hashed by SplitMix64's finaliser in 64-bit lanes,
 * the keep decisions cast to float lanes of the same count. One element at a time the hash is
 * compute-bound (28 ms on [4M] floats with AVX-512, one thread); in lanes it runs at about the
 * speed of memory. Touch this class only when module {@code jdk.incubator.vector} is in the boot
 * layer ({@link JavaTrainingSteps} checks).
 */
final class VectorDropout {
    private static final VectorSpecies<Long> LONGS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS =
            VectorSpecies.of(float.class, VectorShape.forBitSize(LONGS.length() * Float.SIZE));
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private VectorDropout() {
    }

    /**
     * Writes the mask and {@code y} for the first whole multiple of the lane count below
     * {@code count} and returns how many elements it wrote; the caller finishes the tail.
     */
    static long forward(long threshold, float scale, long seed, long gamma, MemorySegment x, MemorySegment y,
                        MemorySegment mask, long count) {
        int lanes = LONGS.length();
        LongVector counters = LongVector.zero(LONGS).addIndex(1).add(1).mul(gamma).add(seed);
        LongVector stride = LongVector.broadcast(LONGS, lanes * gamma);
        FloatVector kept = FloatVector.broadcast(FLOATS, scale);
        FloatVector dropped = FloatVector.zero(FLOATS);
        long i = 0;
        for (; i <= count - lanes; i += lanes) {
            LongVector z = counters;
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
            VectorMask<Float> keep = z.lanewise(VectorOperators.LSHR, 40).compare(VectorOperators.GE, threshold)
                    .cast(FLOATS);
            FloatVector m = dropped.blend(kept, keep);
            long at = i * Float.BYTES;
            m.intoMemorySegment(mask, at, ORDER);
            FloatVector.fromMemorySegment(FLOATS, x, at, ORDER).mul(m).intoMemorySegment(y, at, ORDER);
            counters = counters.add(stride);
        }
        return i;
    }
}
