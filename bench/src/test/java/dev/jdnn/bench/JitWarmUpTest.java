package dev.jdnn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JitWarmUpTest {

    @Test
    void runsAtLeastOneTrainingStepOfEveryNetworkPerBackendAndSaysSo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JitWarmUp.run(List.of("onednn"), 0, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("JIT warm-up of onednn: " + NetworkShape.all().size() + " training steps in ");
    }

    @Test
    void toursEveryCellButNaivesOnceAndSaysHowMany(@TempDir Path dir) {
        List<Cell> cells = List.of(new Cell(Pass.POOL_FORWARD, "pool_lenet", Selection.NAIVE, 1),
                new Cell(Pass.POOL_FORWARD, "pool_lenet", "onednn", 1),
                new Cell(Pass.POOL_BACKWARD, "pool_lenet", "onednn", 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JitWarmUp.tour(new CellRunner(JmhSettings.quick(), dir), cells, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("JIT warm-up: toured 2 cells in ");
        assertThat(dir.resolve("tour-001-" + Pass.POOL_FORWARD.label() + "-pool_lenet-nchw-onednn-1t.json")).exists();
        assertThat(dir.resolve("tour-002-" + Pass.POOL_BACKWARD.label() + "-pool_lenet-nchw-onednn-1t.json")).exists();
        assertThat(dir.toFile().list()).noneMatch(name -> name.contains("naive"));
    }
}
