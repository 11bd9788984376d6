package dev.jdnn.onednn;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LayoutChoiceTest {
    private static final long LARGE = LayoutChoice.POOL_TIMED_MIN_ELEMENTS;
    private static final long SMALL = LARGE - 1;

    @Test
    void aLargePoolTimesBlockedAgainstPlainAndASmallOneStaysPlain() {
        LayoutChoice timed = LayoutChoice.forced("timed");
        assertThat(timed.poolingCandidates(LARGE)).containsExactly(PassLayout.BLOCKED, PassLayout.PLAIN);
        assertThat(timed.poolingTimed(LARGE)).isTrue();
        assertThat(timed.poolingCandidates(SMALL)).containsExactly(PassLayout.PLAIN);
        assertThat(timed.poolingTimed(SMALL)).isFalse();
    }

    @Test
    void aForcedLayoutDecidesPoolingWithoutTiming() {
        for (long elements : new long[] {SMALL, LARGE}) {
            assertThat(LayoutChoice.forced("blocked").poolingCandidates(elements))
                    .containsExactly(PassLayout.BLOCKED, PassLayout.PLAIN);
            assertThat(LayoutChoice.forced("BLOCKED").poolingTimed(elements)).isFalse();
            assertThat(LayoutChoice.forced("plain").poolingCandidates(elements)).containsExactly(PassLayout.PLAIN);
            assertThat(LayoutChoice.forced("mixed").poolingCandidates(elements)).containsExactly(PassLayout.PLAIN);
        }
    }

    @Test
    void nhwcJitBackwardDataComesFirstOnlyWhenNoLayoutIsForced() {
        assertThat(LayoutChoice.forced("timed").nhwcJitBackwardDataFirst()).isTrue();
        for (String name : new String[] {"blocked", "mixed", "plain", "BLOCKED"}) {
            assertThat(LayoutChoice.forced(name).nhwcJitBackwardDataFirst()).as(name).isFalse();
        }
    }

    @Test
    void smallChannelNhwcBackwardDataTakesBlockedFirstUnlessALayoutIsForced() {
        for (String name : new String[] {"timed", "blocked"}) {
            assertThat(LayoutChoice.forced(name).smallChannelNhwcBackwardData())
                    .containsExactly(PassLayout.BLOCKED, PassLayout.PLAIN_ACTIVATIONS, PassLayout.PLAIN);
        }
        assertThat(LayoutChoice.forced("mixed").smallChannelNhwcBackwardData())
                .containsExactly(PassLayout.PLAIN_ACTIVATIONS, PassLayout.PLAIN);
        assertThat(LayoutChoice.forced("plain").smallChannelNhwcBackwardData()).containsExactly(PassLayout.PLAIN);
    }
}
