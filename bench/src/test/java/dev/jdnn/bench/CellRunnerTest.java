package dev.jdnn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CellRunnerTest {
    private static final JmhSettings TINY = new JmhSettings(0, 0, 10, 1, 20);

    @Test
    void returnsJmhsResultForTheCellAndKeepsItsLog(@TempDir Path dir) throws Exception {
        Cell cell = new Cell(Pass.POOL_FORWARD, "pool_lenet", Selection.NAIVE, 1);
        JsonNode entries = new CellRunner(TINY, dir).run(cell, "cell");
        assertThat(RunResults.parse(entries).measurements()).singleElement()
                .satisfies(m -> assertThat(m.cell()).isEqualTo(cell));
        assertThat(dir.resolve("cell.log")).exists();
        assertThat(dir.resolve("cell.json")).exists();
    }

    @Test
    void failsWithTheSetUpsReasonWhenTheBackendComputesTheWrongThing(@TempDir Path dir) {
        Cell cell = new Cell(Pass.CONV_FORWARD, "lenet_c2", ZeroWritingBackendProvider.NAME, 1);
        assertThatThrownBy(() -> new CellRunner(TINY, dir).run(cell, "wrong"))
                .isInstanceOf(CellFailedException.class)
                .hasMessageContaining(ReferenceMismatchException.class.getName())
                .hasMessageContaining("differs from naive");
    }
}
