package dev.jdnn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BackendReportTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return BackendReport.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: ./jdnn backends").contains("--warmup");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void unknownArgumentIsRejectedWithExitCodeTwo() {
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown argument '--bogus'").contains("usage:");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void badValuesAreRejected() {
        assertThatThrownBy(() -> BackendReport.parse(new String[] {"--runs", "0"}))
                .hasMessageContaining("--runs: expected 1 to 10000, got 0");
        assertThatThrownBy(() -> BackendReport.parse(new String[] {"--warmup", "x"}))
                .hasMessageContaining("--warmup: expected a number of seconds, got 'x'");
        assertThatThrownBy(() -> BackendReport.parse(new String[] {"--warmup"}))
                .hasMessageContaining("expected a value");
    }

    @Test
    void warmupIsSteadyWhenTheLastRunsTakeAsLongAsTheOnesBefore() {
        java.util.List<Long> cold = java.util.List.of(300L, 280L, 250L, 200L, 150L, 30L, 28L, 29L, 30L, 28L);
        assertThat(BackendReport.steady(cold)).isFalse();
        java.util.List<Long> warm = java.util.List.of(30L, 28L, 29L, 30L, 28L, 1L, 1L, 2L, 1L, 1L);
        assertThat(BackendReport.steady(warm)).isFalse();
        java.util.List<Long> steady = java.util.List.of(10L, 11L, 10L, 12L, 10L, 11L, 10L, 10L, 11L, 10L);
        assertThat(BackendReport.steady(steady)).isTrue();
        assertThat(BackendReport.steady(java.util.List.of(1L, 1L, 1L))).isFalse();
    }

    @Test
    void diagnosticsOnlyWithoutTheDemo() {
        assertThat(run("--no-demo")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("jdnn diagnostics").doesNotContain("demo:");
    }

    @Test
    void demoSaysItWarmsUpAndTimesEveryAvailableBackend() {
        assertThat(run("--warmup", "0.2", "--runs", "3")).isZero();
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("warmed up (JIT-compiled) for at least 0.2 s and 10 runs until steady").contains("median of 3")
                .containsPattern("recording +[0-9.]+ ms \\(median of 3, after [0-9]+ warm-up runs\\)");
        int warmupRuns = Integer.parseInt(report.replaceAll("(?s).*median of 3, after ([0-9]+) warm-up runs.*", "$1"));
        assertThat(warmupRuns).isGreaterThanOrEqualTo(10);
    }
}
