package dev.jdnn.testkit;

import dev.jdnn.Shape;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

class MismatchTest {
    @Test
    void withinToleranceIsNoMismatch() {
        float[] expected = {1, 2, 3, 4};
        float[] actual = {1, 2.0001f, 3, 4};
        assertThat(Mismatch.describe("vector", actual, expected, Shape.nchw(1, 2, 1, 2), 1e-3)).isNull();
    }

    @Test
    void namesTheWorstElementAndTheChannelsOff() {
        Shape shape = Shape.nchw(1, 4, 1, 2);
        float[] expected = new float[8];
        float[] actual = new float[8];
        actual[2] = 0.5f;
        actual[5] = 2f;
        actual[7] = 0.25f;
        String described = Mismatch.describe("onednn", actual, expected, shape, 0.1);
        assertThat(described).startsWith("max |onednn - naive| = 2.0 at [0, 2, 0, 1]")
                .contains("(onednn 2.0, naive 0.0)").contains("3/8 elements off").endsWith("dim-1 indices {1-3}");
    }

    @Test
    void exactComparisonFlagsAnyDifference() {
        assertThat(Mismatch.describe("vector", new float[] {-0f}, new float[] {Float.MIN_VALUE}, Shape.of(1), 0))
                .contains("1/1 elements off").endsWith("dim-0 indices {0}");
    }

    @Test
    void nanIsAlwaysOff() {
        assertThat(Mismatch.describe("vector", new float[] {Float.NaN}, new float[] {1}, Shape.of(1), 1e9)).isNotNull();
    }

    @Test
    void rangesJoinRuns() {
        assertThat(Mismatch.ranges(new TreeSet<>(List.of(1, 2, 3, 7, 9, 10)))).isEqualTo("{1-3,7,9-10}");
        assertThat(Mismatch.ranges(new TreeSet<>())).isEqualTo("{}");
    }
}
