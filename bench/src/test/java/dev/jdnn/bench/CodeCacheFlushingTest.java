package dev.jdnn.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

class CodeCacheFlushingTest {
    @Test
    void readsTheFlagThisJvmWasStartedWith() {
        boolean turnedOff = ManagementFactory.getRuntimeMXBean().getInputArguments()
                .contains("-XX:-UseCodeCacheFlushing");
        assertThat(CodeCacheFlushing.enabled()).isEqualTo(!turnedOff);
    }

    @Test
    void warnsARunWithoutForksWhenFlushingIsOn() {
        assertThat(CodeCacheFlushing.warning(JmhSettings.quick(), true)).hasValueSatisfying(w ->
                assertThat(w).contains("UseCodeCacheFlushing").contains("-XX:-UseCodeCacheFlushing"));
    }

    @Test
    void saysNothingWhenFlushingIsOffOrCellsAreForked() {
        assertThat(CodeCacheFlushing.warning(JmhSettings.quick(), false)).isEmpty();
        assertThat(CodeCacheFlushing.warning(JmhSettings.full(), true)).isEmpty();
    }
}
