package dev.jdnn.onednn;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Finds NaN and infinite floats in a tensor, cheaply enough to run before or after a primitive
 * whose result may differ from the contract only on such values (oneDNN's max pooling ignores NaN
 * and starts from {@code -FLT_MAX}; its ReLU maps NaN to 0). A float is NaN or infinite exactly
 * when its exponent bits are all ones, so the scan takes the maximum of the masked exponents: a
 * branch-free integer reduction, written with the Vector API over four independent accumulators
 * because C2's auto-vectorised scalar loop ran 1.5-1.6x slower (AVX-512, 16 MB: 0.37 against
 * 0.23 ms; 51 MB: 1.47 against 0.96 ms), and on a max-pooling forward the scan is the only work
 * beside oneDNN's.
 */
final class NonFinite {
    private static final int EXPONENT = 0x7f800000;
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    private static final long VECTOR_BYTES = INTS.vectorByteSize();
    /** Four vectors per step: enough independent maxima to keep the loads, not the reduction, the limit. */
    private static final long STEP_BYTES = 4 * VECTOR_BYTES;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private NonFinite() {
    }

    /** Whether any of the first {@code count} floats of {@code values} is NaN or infinite. */
    static boolean any(MemorySegment values, long count) {
        long bytes = count * Float.BYTES;
        long bulk = bytes - bytes % STEP_BYTES;
        IntVector m0 = IntVector.zero(INTS);
        IntVector m1 = m0;
        IntVector m2 = m0;
        IntVector m3 = m0;
        for (long at = 0; at < bulk; at += STEP_BYTES) {
            m0 = m0.max(exponents(values, at));
            m1 = m1.max(exponents(values, at + VECTOR_BYTES));
            m2 = m2.max(exponents(values, at + 2 * VECTOR_BYTES));
            m3 = m3.max(exponents(values, at + 3 * VECTOR_BYTES));
        }
        int max = m0.max(m1).max(m2.max(m3)).reduceLanes(VectorOperators.MAX);
        return Math.max(max, tail(values, bulk / Float.BYTES, count)) == EXPONENT;
    }

    /** Whether any of the first {@code count} floats of {@code a} or of {@code b} is NaN or infinite, in one pass. */
    static boolean any(MemorySegment a, MemorySegment b, long count) {
        long bytes = count * Float.BYTES;
        long bulk = bytes - bytes % (2 * VECTOR_BYTES);
        IntVector m0 = IntVector.zero(INTS);
        IntVector m1 = m0;
        IntVector m2 = m0;
        IntVector m3 = m0;
        for (long at = 0; at < bulk; at += 2 * VECTOR_BYTES) {
            m0 = m0.max(exponents(a, at));
            m1 = m1.max(exponents(b, at));
            m2 = m2.max(exponents(a, at + VECTOR_BYTES));
            m3 = m3.max(exponents(b, at + VECTOR_BYTES));
        }
        int max = m0.max(m1).max(m2.max(m3)).reduceLanes(VectorOperators.MAX);
        max = Math.max(max, Math.max(tail(a, bulk / Float.BYTES, count), tail(b, bulk / Float.BYTES, count)));
        return max == EXPONENT;
    }

    private static IntVector exponents(MemorySegment values, long offset) {
        return IntVector.fromMemorySegment(INTS, values, offset, ORDER).and(EXPONENT);
    }

    /** The largest masked exponent of the floats {@code from} (inclusive) to {@code to}, scalar. */
    private static int tail(MemorySegment values, long from, long to) {
        int max = 0;
        for (long i = from; i < to; i++) {
            max = Math.max(max, values.getAtIndex(ValueLayout.JAVA_INT, i) & EXPONENT);
        }
        return max;
    }
}
