package dev.jdnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Strict mode ({@link BackendConfig#requireOneOf}, {@value Backends#REQUIRE_PROPERTY}) and the
 * WARNING a fallback logs. The test providers: {@code unloadable} (priority 1000, never
 * available) and {@code recording} (available).
 */
class StrictModeTest {
    @AfterEach
    void clearProperties() {
        System.clearProperty(Backends.REQUIRE_PROPERTY);
        System.clearProperty(Backends.PROPERTY);
    }

    @Test
    void requiredUnavailableBackendFailsInsteadOfFallingBack() {
        BackendConfig strict = BackendConfig.defaults().requireOneOf("unloadable");
        assertThatThrownBy(() -> Backends.open(strict)).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("BackendConfig.requireOneOf requires one of [unloadable]")
                .hasMessageContaining("no fallback")
                .hasMessageContaining("unloadable (unavailable: " + UnloadableBackendProvider.REASON);
    }

    @Test
    void requirePropertyFailsInsteadOfFallingBack() {
        System.setProperty(Backends.REQUIRE_PROPERTY, "unloadable");
        assertThatThrownBy(Backends::open).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("system property jdnn.backend.require=unloadable")
                .hasMessageContaining(UnloadableBackendProvider.REASON);
    }

    @Test
    void requireListChoosesTheBestAvailableOfItsBackends() {
        System.setProperty(Backends.REQUIRE_PROPERTY, "Unloadable, recording");
        try (Backend b = Backends.open()) {
            assertThat(b.name()).isEqualTo("recording");
        }
    }

    @Test
    void configRequirementWinsOverTheProperty() {
        System.setProperty(Backends.REQUIRE_PROPERTY, "unloadable");
        try (Backend b = Backends.open(BackendConfig.defaults().requireOneOf("recording"))) {
            assertThat(b.name()).isEqualTo("recording");
        }
    }

    @Test
    void namedBackendOutsideTheRequirementIsRejected() {
        System.setProperty(Backends.REQUIRE_PROPERTY, "unloadable");
        System.setProperty(Backends.PROPERTY, "recording");
        assertThatThrownBy(Backends::open).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("names 'recording'").hasMessageContaining("requires one of [unloadable]");
    }

    @Test
    void configKeepsItsRequirementWhenTheThreadsChange() {
        BackendConfig config = new BackendConfig(2).requireOneOf("OneDNN").withThreads(1);
        assertThat(config.threads()).isEqualTo(1);
        assertThat(config.required()).containsExactly("onednn");
        assertThat(new BackendConfig(3).required()).isEmpty();
    }

    @Test
    void configRejectsBlankOrNullNames() {
        assertThatThrownBy(() -> new BackendConfig(1).requireOneOf("onednn", " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BackendConfig: required");
        assertThatThrownBy(() -> new BackendConfig(1).requireOneOf("onednn", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
        assertThatThrownBy(() -> new BackendConfig(1).requireOneOf((String[]) null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("requireOneOf");
    }

    @Test
    void fallbackIsLoggedOnceAtWarningWithTheReasonAndHowToMakeItFail() {
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(Backends.class.getName());
        logger.addHandler(handler);
        Backends.forgetLoggedMessages();
        try {
            for (int i = 0; i < 3; i++) {
                try (Backend b = Backends.open()) {
                    assertThat(b.name()).isEqualTo("recording");
                }
            }
        } finally {
            logger.removeHandler(handler);
        }
        List<String> warnings = records.stream().filter(r -> r.getLevel() == java.util.logging.Level.WARNING)
                .map(LogRecord::getMessage).filter(m -> m.contains("falling back")).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.getFirst()).contains("unloadable is present but unavailable, falling back to recording")
                .contains(UnloadableBackendProvider.REASON).contains("-Djdnn.backend.require=unloadable");
    }
}
