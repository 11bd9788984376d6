package dev.jdnn.examples;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

class LearningRateScheduleTest {
    @Test
    void cosinePerEpochHoldsTheRateWithinAnEpoch() {
        LearningRateSchedule rates = new LearningRateSchedule(LearningRateSchedule.Kind.COSINE_EPOCH, 0.01f, 3, 10);
        assertThat(rates.rate(0, 0)).isEqualTo(0.01f);
        assertThat(rates.rate(0, 9)).isEqualTo(0.01f);
        assertThat(rates.rate(1, 5)).isEqualTo(0.0075f, offset(1e-9f));
        assertThat(rates.rate(2, 9)).isEqualTo(0.0025f, offset(1e-9f));
    }

    @Test
    void cosinePerStepFallsAfterEveryStepAndEndsNearZero() {
        LearningRateSchedule rates = new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, 0.01f, 2, 4);
        // t / T over 8 steps: half-way (t = 4, epoch 1 step 0) is half the rate
        assertThat(rates.rate(0, 0)).isEqualTo(0.01f);
        assertThat(rates.rate(1, 0)).isEqualTo(0.005f, offset(1e-9f));
        assertThat(rates.rate(1, 3)).isEqualTo((float) (0.01 * 0.5 * (1 + Math.cos(Math.PI * 7 / 8))), offset(1e-9f));
        float previous = Float.POSITIVE_INFINITY;
        for (int e = 0; e < 2; e++) {
            for (int s = 0; s < 4; s++) {
                assertThat(rates.rate(e, s)).as("epoch %d step %d", e, s).isLessThan(previous).isPositive();
                previous = rates.rate(e, s);
            }
        }
        assertThat(previous).isLessThan(0.0004f);
    }

    @Test
    void constantIsTheBaseAtEveryStep() {
        LearningRateSchedule rates = new LearningRateSchedule(LearningRateSchedule.Kind.CONSTANT, 0.02f, 3, 5);
        assertThat(rates.rate(2, 4)).isEqualTo(0.02f);
        assertThat(rates.of(1).at(3)).isEqualTo(0.02f);
    }

    @Test
    void rejectsRangesThatMakeNoRun() {
        assertThatThrownBy(() -> new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, -1f, 3, 5))
                .hasMessage("LearningRateSchedule: base: expected a finite value >= 0, got -1.0");
        assertThatThrownBy(() -> new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, 0.1f, 0, 5))
                .hasMessage("LearningRateSchedule: epochs: expected a positive number, got 0");
        assertThatThrownBy(() -> new LearningRateSchedule(LearningRateSchedule.Kind.COSINE, 0.1f, 3, 0))
                .hasMessage("LearningRateSchedule: stepsPerEpoch: expected a positive number, got 0");
        assertThatThrownBy(() -> LearningRateSchedule.Kind.ofFlag("linear"))
                .hasMessage("--schedule: expected constant, cosine or cosine-epoch, got 'linear'");
    }
}
