package dev.jdnn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private static String run(boolean terminal, int total) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Progress progress = new Progress(out, total, terminal);
        for (int i = 1; i <= total; i++) {
            progress.cellDone(i, "cell " + i);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void outsideATerminalPrintsOneWholeLinePerTenthOfTheCells() {
        String log = run(false, 95);
        assertThat(log.lines()).hasSize(10);
        assertThat(log).doesNotContain("\r");
        assertThat(log.lines().findFirst().orElseThrow()).isEqualTo("[10/95, 10%] cell 10");
        assertThat(log.lines().reduce((a, b) -> b).orElseThrow()).isEqualTo("[95/95, 100%] cell 95");
    }

    @Test
    void onATerminalPrintsEveryCell() {
        assertThat(run(true, 7).lines()).hasSize(7).first().isEqualTo("[1/7] cell 1");
    }

    @Test
    void fewCellsStillEndWithTheLastOne() {
        assertThat(run(false, 3).lines()).containsExactly("[1/3, 33%] cell 1", "[2/3, 66%] cell 2",
                "[3/3, 100%] cell 3");
    }
}
