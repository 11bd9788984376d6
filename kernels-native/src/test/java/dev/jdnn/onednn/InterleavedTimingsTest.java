package dev.jdnn.onednn;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InterleavedTimingsTest {
    @Test
    void aCandidateThatIsFasterInMostRoundsWinsDespiteTheOtherLuckiestRound() {
        InterleavedTimings timings = new InterleavedTimings(2, 10);
        // candidate 1 is 30% slower in every round but one, where a quiet moment made it the
        // fastest single run of all: the lowest-single-time rule would pick it
        timings.record(100, 130);
        timings.record(300, 390);
        timings.record(200, 60);
        timings.record(110, 143);
        timings.record(250, 325);
        assertThat(timings.fastest()).isZero();
        assertThat(timings.score(0)).isEqualTo(1.0);
        assertThat(timings.score(1)).isCloseTo(1.3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aLaterCandidateNeedsMoreThanTheMarginToDisplaceAnEarlierOne() {
        InterleavedTimings nearTie = new InterleavedTimings(2, 4);
        nearTie.record(102, 100);
        nearTie.record(204, 200);
        nearTie.record(51, 50);
        assertThat(nearTie.fastest()).isZero();

        InterleavedTimings clear = new InterleavedTimings(3, 4);
        clear.record(150, 100, 120);
        clear.record(300, 200, 240);
        clear.record(90, 60, 72);
        assertThat(clear.fastest()).isEqualTo(1);
    }

    @Test
    void theMedianOfAnEvenNumberOfRoundsIsTheMeanOfTheMiddleTwo() {
        InterleavedTimings timings = new InterleavedTimings(2, 4);
        timings.record(100, 110);
        timings.record(100, 130);
        timings.record(100, 120);
        timings.record(100, 200);
        assertThat(timings.score(1)).isCloseTo(1.25, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void misuseFailsWithTheCallNamed() {
        assertThatThrownBy(() -> new InterleavedTimings(0, 3)).hasMessageContaining("candidates and maxRounds");
        InterleavedTimings timings = new InterleavedTimings(2, 1);
        assertThatThrownBy(timings::fastest).hasMessageContaining("no rounds recorded");
        assertThatThrownBy(() -> timings.record(1, 2, 3)).hasMessageContaining("expected 2 times, got 3");
        timings.record(1, 2);
        assertThat(timings.hasRoom()).isFalse();
        assertThatThrownBy(() -> timings.record(1, 2)).hasMessageContaining("all 1 rounds recorded");
    }
}
