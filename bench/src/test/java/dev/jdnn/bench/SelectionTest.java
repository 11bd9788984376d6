package dev.jdnn.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SelectionTest {

    @Test
    void runsEveryShapeOfThePassForEachBackendAndThreadCount() {
        Selection s = Selection.of(List.of(Pass.DENSE_FORWARD), Set.of(), List.of(ZeroWritingBackendProvider.NAME),
                List.of(1, 2), (p, shape) -> 0, 2);
        assertThat(s.cells()).hasSize(6).first()
                .isEqualTo(new Cell(Pass.DENSE_FORWARD, "fc_lenet", ZeroWritingBackendProvider.NAME, 1));
        assertThat(s.skipped()).isEmpty();
    }

    @Test
    void skipsNaiveWhereOneCallWouldExceedTheLimitAndAboveOneThread() {
        Selection s = Selection.of(List.of(Pass.DENSE_FORWARD), Set.of("fc_big", "fc_b1"), List.of(Selection.NAIVE),
                List.of(1, 2), (p, shape) -> shape.equals("fc_big") ? 7.5 : 0.01, 2);
        assertThat(s.cells()).containsExactly(new Cell(Pass.DENSE_FORWARD, "fc_b1", Selection.NAIVE, 1));
        assertThat(s.skipped()).extracting(SkippedCell::reason).containsExactly(
                "naive would take about 7.5 s per call (one image timed, times the batch), over the 2 s limit",
                "naive is single-threaded: its time equals the 1-thread one",
                "naive is single-threaded: its time equals the 1-thread one");
    }

    @Test
    void skipsBackendsThatAreNotOnTheClassPathWithTheReason() {
        Selection s = Selection.of(List.of(Pass.POOL_BACKWARD), Set.of("pool_lenet"), List.of("cuda"), List.of(1),
                (p, shape) -> 0, 2);
        assertThat(s.cells()).isEmpty();
        assertThat(s.skipped()).singleElement().extracting(SkippedCell::reason).asString()
                .startsWith("no backend 'cuda' on the class path");
    }
}
