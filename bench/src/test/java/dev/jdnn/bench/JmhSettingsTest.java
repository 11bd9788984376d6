package dev.jdnn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JmhSettingsTest {
    @Test
    void forkedNetworkStepWarmsUpAtLeastTwentySecondsAndMeasuresAsTheOthers() {
        JmhSettings step = JmhSettings.full().forNetworkStep();
        assertThat(step.forks()).isEqualTo(1);
        assertThat(step.warmupIterations()).isEqualTo(JmhSettings.NETWORK_WARMUP_ITERATIONS).isEqualTo(20);
        assertThat(step.warmupMillis()).isEqualTo(1000);
        assertThat(step.measurementIterations()).isEqualTo(JmhSettings.full().measurementIterations());
        assertThat(step.measurementMillis()).isEqualTo(JmhSettings.full().measurementMillis());
        JmhSettings longer = new JmhSettings(2, 30, 2000, 4, 300).forNetworkStep();
        assertThat(longer).isEqualTo(new JmhSettings(2, 30, 2000, 4, 300));
    }

    @Test
    void quickRunKeepsItsSettingsForTheStepWhichItsJitWarmUpHasWarmed() {
        assertThat(JmhSettings.quick().forNetworkStep()).isEqualTo(JmhSettings.quick());
    }
}
