package dev.jdnn.kernels.naive;

import dev.jdnn.Tensor;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

/**
 * Element-wise {@code y = a + b} (one float sum per element, so exact to the rounding every
 * backend shares). Reading element {@code i} of both inputs before writing it makes {@code y == a}
 * or {@code y == b} (in place) safe.
 */
final class NaiveAdd {
    private NaiveAdd() {
    }

    static void add(Tensor a, Tensor b, Tensor y) {
        MemorySegment left = a.segment();
        MemorySegment right = b.segment();
        MemorySegment out = y.segment();
        long count = a.shape().elementCount();
        for (long i = 0; i < count; i++) {
            out.setAtIndex(JAVA_FLOAT, i, left.getAtIndex(JAVA_FLOAT, i) + right.getAtIndex(JAVA_FLOAT, i));
        }
    }
}
