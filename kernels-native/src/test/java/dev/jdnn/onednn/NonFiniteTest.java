package dev.jdnn.onednn;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static org.assertj.core.api.Assertions.assertThat;

class NonFiniteTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 15, 16, 17, 31, 33, 63, 64, 65, 129, 255, 1000})
    void findsNaNAndInfinitiesAtEveryPositionAndNothingInFiniteValues(int count) {
        float[] specials = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                Float.intBitsToFloat(0x7fc00001), Float.intBitsToFloat(0xff800001)};
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment values = arena.allocate((long) count * Float.BYTES, 64);
            for (int i = 0; i < count; i++) {
                values.setAtIndex(ValueLayout.JAVA_FLOAT, i, i % 2 == 0 ? Float.MAX_VALUE : -Float.MIN_VALUE);
            }
            assertThat(NonFinite.any(values, count)).isFalse();
            for (int at = 0; at < count; at += count > 300 ? 37 : 1) {
                for (float special : specials) {
                    float before = values.getAtIndex(ValueLayout.JAVA_FLOAT, at);
                    values.setAtIndex(ValueLayout.JAVA_FLOAT, at, special);
                    assertThat(NonFinite.any(values, count)).as("%s at %d of %d", special, at, count).isTrue();
                    values.setAtIndex(ValueLayout.JAVA_FLOAT, at, before);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 17, 31, 32, 33, 64, 97, 1000})
    void thePairScanFindsASpecialValueInEitherTensorAndNoneInFiniteOnes(int count) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment a = arena.allocate((long) count * Float.BYTES, 64);
            MemorySegment b = arena.allocate((long) count * Float.BYTES, 64);
            for (int i = 0; i < count; i++) {
                a.setAtIndex(ValueLayout.JAVA_FLOAT, i, 1f);
                b.setAtIndex(ValueLayout.JAVA_FLOAT, i, 2f);
            }
            assertThat(NonFinite.any(a, b, count)).as("1.0 and 2.0, whose exponent bits OR to all ones").isFalse();
            b.setAtIndex(ValueLayout.JAVA_FLOAT, count - 1, Float.NaN);
            assertThat(NonFinite.any(a, b, count)).isTrue();
            b.setAtIndex(ValueLayout.JAVA_FLOAT, count - 1, 2f);
            a.setAtIndex(ValueLayout.JAVA_FLOAT, count / 2, Float.NEGATIVE_INFINITY);
            assertThat(NonFinite.any(a, b, count)).isTrue();
            a.setAtIndex(ValueLayout.JAVA_FLOAT, count / 2, 1f);
            for (int at = 0; at < count; at++) {
                for (MemorySegment holder : new MemorySegment[] {a, b}) {
                    float before = holder.getAtIndex(ValueLayout.JAVA_FLOAT, at);
                    holder.setAtIndex(ValueLayout.JAVA_FLOAT, at, Float.POSITIVE_INFINITY);
                    assertThat(NonFinite.any(a, b, count)).as("+Inf at %d of %d", at, count).isTrue();
                    holder.setAtIndex(ValueLayout.JAVA_FLOAT, at, before);
                }
            }
            assertThat(NonFinite.any(a, b, count)).isFalse();
        }
    }
}
