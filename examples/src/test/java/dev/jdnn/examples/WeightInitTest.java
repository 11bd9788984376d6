package dev.jdnn.examples;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** {@code --init} draws LeNet-5's fc1 weights ([120, 400], 48,000 of them) from the scheme it names. */
class WeightInitTest {
    private static float[] fc1Weights(WeightInit init) {
        try (Model model = LeNet5.create(new ModelOptions(5, init, 0, null, dev.jdnn.Layout.NCHW))) {
            assertThat(model.parameters().get(5).value().toArray()).as("fc1.bias").containsOnly(0f);
            return model.parameters().get(4).value().toArray();
        }
    }

    private static double stddev(float[] values) {
        double sum = 0;
        for (float v : values) {
            sum += (double) v * v;
        }
        return Math.sqrt(sum / values.length);
    }

    private static double maxAbs(float[] values) {
        double max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    @Test
    void heIsNormalWithTheStandardDeviationOfItsFanIn() {
        float[] w = fc1Weights(WeightInit.HE);
        assertThat(stddev(w)).isCloseTo(Math.sqrt(2.0 / 400), within(0.02 * Math.sqrt(2.0 / 400)));
        assertThat(maxAbs(w)).isGreaterThan(3 * Math.sqrt(2.0 / 400));
    }

    @Test
    void xavierIsUniformWithinTheBoundOfFanInAndFanOut() {
        float[] w = fc1Weights(WeightInit.XAVIER);
        double bound = Math.sqrt(6.0 / (400 + 120));
        assertThat(maxAbs(w)).isLessThanOrEqualTo(bound).isGreaterThan(0.99 * bound);
        assertThat(stddev(w)).isCloseTo(bound / Math.sqrt(3), within(0.02 * bound));
    }

    @Test
    void truncatedNormalStaysWithinTwoOfItsStandardDeviationsWithHesVariance() {
        float[] w = fc1Weights(WeightInit.TRUNCATED_NORMAL);
        double sigma = Math.sqrt(2.0 / 400) / WeightInit.TRUNCATED_STDDEV;
        assertThat(maxAbs(w)).isLessThanOrEqualTo(2 * sigma * (1 + 1e-6));
        assertThat(stddev(w)).isCloseTo(Math.sqrt(2.0 / 400), within(0.02 * Math.sqrt(2.0 / 400)));
    }

    @Test
    void unknownSchemeIsRejected() {
        assertThatThrownBy(() -> WeightInit.ofFlag("orthogonal")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--init: expected he, xavier or truncated-normal, got 'orthogonal'");
    }
}
