package dev.jdnn.onednn;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Creates, runs and closes 20,000 plans after a warm-up of 10,000 and bounds the growth of the
 * resident set. Measured here (oneDNN 3.13, JDK 25): RSS climbs about 40 MB over the first
 * ~20,000 plans (JIT-compiled Java code, oneDNN's kernel cache, malloc arenas settling; the JVM's
 * own native memory, by NMT, stays flat) and then stays within ~3 MB over another 60,000, so a
 * leak of even 1 KB per plan would exceed the bound.
 */
class PlanChurnTest {
    private static final int WARMUP = 10_000;
    private static final int PLANS = WARMUP + 20_000;
    /** Allowed RSS growth over the 20,000 plans after warm-up, in KB. */
    private static final long BOUND_KB = 24 * 1024;

    @Test
    void twentyThousandPlansCreatedRunAndClosedKeepResidentMemoryWithinBound() throws Exception {
        ForkedJvm.Result result = ForkedJvm.run(PlanChurn.class, List.of("-Xms64m", "-Xmx64m"),
                String.valueOf(PLANS), String.valueOf(WARMUP));
        assertThat(result.exitCode()).as(result.output()).isZero();
        long warm = value(result.output(), "rss-warm ");
        long end = value(result.output(), "rss-end ");
        System.out.println("plan churn: RSS after " + WARMUP + " plans " + warm + " KB, after " + PLANS + " plans "
                + end + " KB");
        assertThat(end - warm).as("RSS growth in KB (warm %d, end %d)", warm, end).isLessThan(BOUND_KB);
    }

    /**
     * The same for the wave-2 plans and workspaces (NHWC fused conv, NHWC max pooling through a
     * workspace, batch norm, LRN in oneDNN and in Java, reorder): 10,000 after a warm-up of 5,000,
     * with half the bound, the same ~1.2 KB per plan.
     */
    @Test
    void tenThousandWaveTwoPlansAndWorkspacesKeepResidentMemoryWithinBound() throws Exception {
        int warmup = 5_000;
        ForkedJvm.Result result = ForkedJvm.run(PlanChurn.class, List.of("-Xms64m", "-Xmx64m"),
                String.valueOf(warmup + 10_000), String.valueOf(warmup), "wave2");
        assertThat(result.exitCode()).as(result.output()).isZero();
        long warm = value(result.output(), "rss-warm ");
        long end = value(result.output(), "rss-end ");
        System.out.println("wave-2 plan churn: RSS after " + warmup + " plans " + warm + " KB, after "
                + (warmup + 10_000) + " plans " + end + " KB");
        assertThat(end - warm).as("RSS growth in KB (warm %d, end %d)", warm, end).isLessThan(BOUND_KB / 2);
    }

    private static long value(String output, String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).map(l -> Long.parseLong(l.substring(prefix.length())))
                .findFirst().orElseThrow(() -> new AssertionError("no '" + prefix + "' in:\n" + output));
    }
}
