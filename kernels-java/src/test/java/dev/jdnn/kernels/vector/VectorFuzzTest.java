package dev.jdnn.kernels.vector;

import dev.jdnn.testkit.ForkedFuzz;
import org.junit.jupiter.api.Test;
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

    /**
     * One plan called from two threads, and closed under a running call, refused in a forked JVM
     * (issue #12 item 4: before the api's guard, 61 wrong results of 300 and
     * IndexOutOfBoundsException / NullPointerException from inside the kernels).
     */
    @Test
    void closingOrCallingAPlanAnotherThreadRunsIsRefusedCleanly() throws Exception {
        ForkedFuzz.assertPlanContentionIsRefused("vector", 30, 2, List.of());
    }
}
