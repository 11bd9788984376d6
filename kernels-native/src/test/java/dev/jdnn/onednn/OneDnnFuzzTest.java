package dev.jdnn.onednn;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OneDnnFuzzTest {
    private static final int CONFIGURATIONS = 2100;

    @Test
    void twoThousandRandomValidAndBoundaryConfigurationsMatchNaiveWithoutCrashingTheJvm() throws Exception {
        ForkedJvm.Result result = ForkedJvm.run(FuzzAgainstNaive.class, List.of("-Xss8m"),
                String.valueOf(CONFIGURATIONS), "20261126");
        String tail = result.output().lines().skip(Math.max(0, result.output().lines().count() - 15))
                .reduce("", (a, b) -> a + b + "\n");
        assertThat(result.exitCode()).as("exit code; last output:\n%s", tail).isZero();
        assertThat(result.output()).contains("checked " + CONFIGURATIONS + " configurations");
    }
}
