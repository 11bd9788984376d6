package dev.jdnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The initialisers: the same values for the same seed, PyTorch's fan-in and fan-out, and moments
 * within statistical bounds on a large tensor (mean within 5 standard errors, standard deviation
 * within 1%), truncation at two standard deviations.
 */
class InitTest {
    /** 64 x 32 x 5 x 5 = 51200 draws: fan-in 800, fan-out 1600. */
    private static final Shape CONV = Shape.of(64, 32, 5, 5);

    private static double[] moments(Tensor t) {
        double sum = 0;
        double squares = 0;
        float[] values = t.toArray();
        for (float v : values) {
            sum += v;
            squares += (double) v * v;
        }
        double mean = sum / values.length;
        return new double[] {mean, Math.sqrt(squares / values.length - mean * mean), values.length};
    }

    @Test
    void fansAreComputedAsPyTorchDoes() {
        try (Tensor conv = Tensor.allocate(CONV); Tensor dense = Tensor.allocate(Shape.of(10, 84))) {
            assertThat(Init.fans("t", conv)).containsExactly(32 * 25, 64 * 25);
            assertThat(Init.fans("t", dense)).containsExactly(84, 10);
        }
    }

    @Test
    void sameSeedSameValuesOtherSeedOtherValues() {
        try (Tensor a = Tensor.allocate(CONV); Tensor b = Tensor.allocate(CONV); Tensor c = Tensor.allocate(CONV)) {
            Init.heNormal(a, 5);
            Init.heNormal(b, 5);
            Init.heNormal(c, 6);
            assertThat(a.toArray()).containsExactly(b.toArray());
            assertThat(a.toArray()).isNotEqualTo(c.toArray());
            Init.xavierUniform(a, 5);
            Init.xavierUniform(b, 5);
            assertThat(a.toArray()).containsExactly(b.toArray());
            Init.truncatedNormal(a, 0.1, 5);
            Init.truncatedNormal(b, 0.1, 5);
            assertThat(a.toArray()).containsExactly(b.toArray());
        }
    }

    @Test
    void heNormalHasMeanZeroAndStdSqrtTwoOverFanIn() {
        try (Tensor w = Tensor.allocate(CONV)) {
            Init.heNormal(w, 1);
            double std = Math.sqrt(2.0 / 800);
            double[] m = moments(w);
            assertThat(m[0]).isCloseTo(0, within(5 * std / Math.sqrt(m[2])));
            assertThat(m[1]).isCloseTo(std, within(0.01 * std));
        }
    }

    @Test
    void xavierUniformStaysWithinItsBoundWithTheUniformStd() {
        try (Tensor w = Tensor.allocate(CONV)) {
            Init.xavierUniform(w, 2);
            double bound = Math.sqrt(6.0 / (800 + 1600));
            double std = bound / Math.sqrt(3);
            for (float v : w.toArray()) {
                assertThat((double) Math.abs(v)).isLessThanOrEqualTo(bound);
            }
            double[] m = moments(w);
            assertThat(m[0]).isCloseTo(0, within(5 * std / Math.sqrt(m[2])));
            assertThat(m[1]).isCloseTo(std, within(0.01 * std));
        }
    }

    @Test
    void truncatedNormalRedrawsBeyondTwoStandardDeviations() {
        try (Tensor w = Tensor.allocate(CONV)) {
            Init.truncatedNormal(w, 0.05, 3);
            float max = 0;
            for (float v : w.toArray()) {
                max = Math.max(max, Math.abs(v));
            }
            assertThat((double) max).isLessThanOrEqualTo(0.1 + 1e-7).isGreaterThan(0.095);
            // A standard normal truncated to [-2, 2] has standard deviation 0.8796.
            double[] m = moments(w);
            assertThat(m[1]).isCloseTo(0.8796 * 0.05, within(0.01 * 0.05));
            assertThat(m[0]).isCloseTo(0, within(5 * 0.05 / Math.sqrt(m[2])));
        }
    }

    @Test
    void rejectsBadArguments() {
        try (Tensor bias = Tensor.allocate(Shape.of(10)); Tensor w = Tensor.allocate(Shape.of(2, 2))) {
            assertThatThrownBy(() -> Init.heNormal(bias, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Init.heNormal").hasMessageContaining("w: expected rank >= 2")
                    .hasMessageContaining("[10]");
            assertThatThrownBy(() -> Init.xavierUniform(null, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Init.xavierUniform: w: expected a tensor");
            assertThatThrownBy(() -> Init.truncatedNormal(w, 0, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Init.truncatedNormal: stddev: expected a finite value > 0, got 0.0");
            assertThatThrownBy(() -> Init.truncatedNormal(w, Double.NaN, 1))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got NaN");
            assertThat(w.toArray()).containsOnly(0f);
        }
    }
}
