package dev.jdnn.kernels.vector;

import dev.jdnn.testkit.ForkedFuzz;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

/**
 * The testkit's fuzz harness on {@code vector}: 2,000 random valid configurations against naive
 * at each vector width. The width is read once per JVM ({@link VectorWidth#PROPERTY}), so each
 * width runs in a JVM of its own, forked by the harness, the same property the width-forcing
 * surefire executions set; the harness's timeout turns a hang into a failure.
 */
class VectorFuzzTest {
    private static final int CONFIGURATIONS = 2_000;

    @ParameterizedTest(name = "{0} bit, {1} thread(s)")
    @CsvSource({"128, 1", "256, 2", "512, 2"})
    void twoThousandRandomConfigurationsMatchNaive(int bits, int threads) throws Exception {
        ForkedFuzz.assertMatchesNaive("vector", CONFIGURATIONS, threads, List.of("-D" + VectorWidth.PROPERTY + "=" + bits));
    }
}
