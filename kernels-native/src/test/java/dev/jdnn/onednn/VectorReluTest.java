package dev.jdnn.onednn;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link VectorRelu} gives, bit for bit, {@code Math.max(x, 0)} and {@code x > 0 ? dy : 0} on
 * lengths around every vector width (tails included), with NaN, both infinities and both zeros
 * placed at every lane position.
 */
class VectorReluTest {
    private static final float[] SPECIAL = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, -0f, 0f,
        Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 1.5f, -2.5f,
        Float.intBitsToFloat(0xffc00001)};
    private static final int[] LENGTHS = {1, 3, 4, 7, 8, 15, 16, 17, 31, 32, 33, 63, 64, 65, 100};

    @Test
    void forwardKeepsNaNAndZeroesEverythingNotPositive() {
        try (Arena arena = Arena.ofConfined()) {
            for (int length : LENGTHS) {
                for (int shift = 0; shift < SPECIAL.length; shift++) {
                    MemorySegment x = filled(arena, length, shift);
                    MemorySegment y = arena.allocate((long) length * Float.BYTES);
                    VectorRelu.forward(x, y, length);
                    for (int i = 0; i < length; i++) {
                        float expected = Math.max(x.getAtIndex(ValueLayout.JAVA_FLOAT, i), 0f);
                        assertThat(Float.floatToRawIntBits(y.getAtIndex(ValueLayout.JAVA_FLOAT, i)))
                                .as("length %d, shift %d, index %d", length, shift, i)
                                .isEqualTo(Float.floatToRawIntBits(expected));
                    }
                }
            }
        }
    }

    @Test
    void backwardPassesTheGradientOnlyWhereXIsPositive() {
        try (Arena arena = Arena.ofConfined()) {
            for (int length : LENGTHS) {
                for (int shift = 0; shift < SPECIAL.length; shift++) {
                    MemorySegment x = filled(arena, length, shift);
                    MemorySegment dy = filled(arena, length, shift + 5);
                    MemorySegment dx = arena.allocate((long) length * Float.BYTES);
                    VectorRelu.backward(x, dy, dx, length);
                    for (int i = 0; i < length; i++) {
                        float expected = x.getAtIndex(ValueLayout.JAVA_FLOAT, i) > 0
                                ? dy.getAtIndex(ValueLayout.JAVA_FLOAT, i) : 0f;
                        assertThat(Float.floatToRawIntBits(dx.getAtIndex(ValueLayout.JAVA_FLOAT, i)))
                                .as("length %d, shift %d, index %d", length, shift, i)
                                .isEqualTo(Float.floatToRawIntBits(expected));
                    }
                }
            }
        }
    }

    @Test
    void forwardWritesNoFloatPastCount() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment x = filled(arena, 40, 0);
            MemorySegment y = arena.allocate(40L * Float.BYTES);
            y.fill((byte) 0x7f);
            VectorRelu.forward(x, y, 17);
            for (int i = 17; i < 40; i++) {
                assertThat(y.getAtIndex(ValueLayout.JAVA_INT, i)).isEqualTo(0x7f7f7f7f);
            }
        }
    }

    private static MemorySegment filled(Arena arena, int length, int shift) {
        MemorySegment values = arena.allocate((long) length * Float.BYTES);
        for (int i = 0; i < length; i++) {
            values.setAtIndex(ValueLayout.JAVA_FLOAT, i, SPECIAL[(i + shift) % SPECIAL.length]);
        }
        return values;
    }
}
