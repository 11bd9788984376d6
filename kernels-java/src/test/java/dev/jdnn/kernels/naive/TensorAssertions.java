package dev.jdnn.kernels.naive;

import dev.jdnn.Tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Element-wise comparison of a float tensor against values computed in {@code double}. */
final class TensorAssertions {
    private TensorAssertions() {
    }

    /** Asserts that {@code actual} has {@code expected.length} elements, each within {@code tolerance}. */
    static void assertClose(String what, Tensor actual, double[] expected, double tolerance) {
        float[] values = actual.toArray();
        assertThat(values).as(what).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat((double) values[i]).as("%s[%d]", what, i).isCloseTo(expected[i], within(tolerance));
        }
    }
}
