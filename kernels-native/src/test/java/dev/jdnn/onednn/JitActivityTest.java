package dev.jdnn.onednn;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

class JitActivityTest {
    @Test
    void compilationTimeIsReportedOnHotSpotAndNeverDecreases() {
        assertThat(ManagementFactory.getCompilationMXBean().isCompilationTimeMonitoringSupported()).isTrue();
        long first = JitActivity.millis();
        double sink = 0;
        for (int i = 0; i < 200_000; i++) {
            sink += Math.sqrt(i) * (i & 7);
        }
        assertThat(sink).isPositive();
        assertThat(JitActivity.millis()).isGreaterThanOrEqualTo(first);
    }

    @Test
    void waitingForAQuietCompilerEndsWithinTheLimitEvenIfItNeverQuietens() {
        long start = System.nanoTime();
        // a quiet window longer than the limit can never be seen: the limit must end the wait
        JitActivity.awaitQuiet(10_000_000_000L, 100_000_000L);
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(waitedMillis).isBetween(90L, 2_000L);
    }

    @Test
    void anInterruptedWaitReturnsAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        long start = System.nanoTime();
        JitActivity.awaitQuiet(10_000_000_000L, 5_000_000_000L);
        assertThat(Thread.interrupted()).isTrue();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000L);
    }
}
