package dev.jdnn.onednn;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing a plan, or the caller's arena behind its tensors, while another thread runs the plan:
 * each must end in {@link IllegalStateException} (the close refused while the run holds the
 * plan/arena, the run refused after the close), never in a native crash. Each runs in a forked JVM
 * with a timeout (before the fix: SIGSEGV in {@code dnnl_primitive_execute}, glibc heap
 * corruption); {@link HostileCallerProbe} has the scenario.
 */
class HostileCallerTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Test
    void closingAPlanWhileAnotherThreadRunsItIsRefusedOrStopsTheRunnerWithIllegalStateException() throws Exception {
        assertProbePasses("close-plan", 40);
    }

    @Test
    void closingTheCallersArenaDuringAForwardIsRefusedOrStopsTheRunnerWithIllegalStateException() throws Exception {
        assertProbePasses("close-arena", 100);
    }

    private static void assertProbePasses(String mode, int rounds) throws Exception {
        ForkedJvm.Result result = ForkedJvm.run(HostileCallerProbe.class, List.of("-Xmx256m",
                "-XX:ErrorFile=" + System.getProperty("java.io.tmpdir") + "/jdnn-hostile-hs_err_%p.log"), TIMEOUT, mode,
                String.valueOf(rounds));
        System.out.println("hostile caller " + mode + ": " + result.output().lines().filter(l -> l.startsWith("OK"))
                .findFirst().orElse("-"));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("OK " + mode);
    }
}
