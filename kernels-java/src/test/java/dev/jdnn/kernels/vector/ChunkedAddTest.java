package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/**
 * {@link ChunkedAdd} gives every element's exact float sum, on one thread and split over two,
 * at lengths on either side of the parallel threshold, with vector tails, and in place.
 */
class ChunkedAddTest {

    @Test
    void everyElementIsTheFloatSumAtAnyLengthAndThreadCount() {
        long[] lengths = {1, 17, ChunkedAdd.PARALLEL_FLOATS - 1, ChunkedAdd.PARALLEL_FLOATS,
                ChunkedAdd.PARALLEL_FLOATS * 3 + 5};
        for (int threads = 1; threads <= 2; threads++) {
            try (WorkerPool pool = new WorkerPool(threads); Arena arena = Arena.ofShared()) {
                ChunkedAdd adder = new ChunkedAdd(pool);
                for (long length : lengths) {
                    MemorySegment a = filled(arena, length, 0.37f);
                    MemorySegment b = filled(arena, length, -1.91f);
                    MemorySegment y = arena.allocate(length * Float.BYTES + Float.BYTES, Float.BYTES);
                    y.setAtIndex(ValueLayout.JAVA_FLOAT, length, 42f);
                    adder.add(a, b, y, length);
                    for (long i = 0; i < length; i++) {
                        float expected = a.getAtIndex(ValueLayout.JAVA_FLOAT, i) + b.getAtIndex(ValueLayout.JAVA_FLOAT, i);
                        if (y.getAtIndex(ValueLayout.JAVA_FLOAT, i) != expected) {
                            assertThat(y.getAtIndex(ValueLayout.JAVA_FLOAT, i))
                                    .as("%d threads, length %d, element %d", threads, length, i).isEqualTo(expected);
                        }
                    }
                    assertThat(y.getAtIndex(ValueLayout.JAVA_FLOAT, length)).as("past the end").isEqualTo(42f);
                    // In place: a = a + b.
                    float first = a.getAtIndex(ValueLayout.JAVA_FLOAT, length - 1)
                            + b.getAtIndex(ValueLayout.JAVA_FLOAT, length - 1);
                    adder.add(a, b, a, length);
                    assertThat(a.getAtIndex(ValueLayout.JAVA_FLOAT, length - 1)).isEqualTo(first);
                    assertThat(a.getAtIndex(ValueLayout.JAVA_FLOAT, 0)).isEqualTo(y.getAtIndex(ValueLayout.JAVA_FLOAT, 0));
                }
            }
        }
    }

    private static MemorySegment filled(Arena arena, long length, float scale) {
        MemorySegment s = arena.allocate(length * Float.BYTES, Float.BYTES);
        for (long i = 0; i < length; i++) {
            s.setAtIndex(ValueLayout.JAVA_FLOAT, i, (i % 1013) * scale + 0.001f * (i % 7));
        }
        return s;
    }
}
