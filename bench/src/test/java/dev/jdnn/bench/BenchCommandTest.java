package dev.jdnn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {
    @Test
    void unknownBackendIsAUsageErrorThatListsTheBackends() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        int rc;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            rc = new CommandLine(new BenchCommand()).execute("--backend", "nosuch", "--list");
        } finally {
            System.setErr(original);
        }
        assertThat(rc).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--backend: unknown backend 'nosuch'; expected one of", "naive", "vector");
    }
}
