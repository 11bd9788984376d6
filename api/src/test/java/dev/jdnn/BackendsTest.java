package dev.jdnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BackendsTest {
    @AfterEach
    void clearProperty() {
        System.clearProperty(Backends.PROPERTY);
    }

    @Test
    void listFindsEveryProviderHighestPriorityFirstWithReasons() {
        assertThat(Backends.list()).extracting(Backends.Entry::name).containsExactly("unloadable", "recording");
        Backends.Entry unloadable = Backends.list().get(0);
        assertThat(unloadable.available()).isFalse();
        assertThat(unloadable.reason()).isEqualTo(UnloadableBackendProvider.REASON);
    }

    @Test
    void openWithoutANameFallsBackToTheBestAvailable() {
        try (Backend b = Backends.open()) {
            assertThat(b.name()).isEqualTo("recording");
        }
    }

    @Test
    void propertyNamesTheBackend() {
        System.setProperty(Backends.PROPERTY, "unloadable");
        assertThatThrownBy(Backends::open).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("'unloadable' is not available").hasMessageContaining(UnloadableBackendProvider.REASON);
        System.setProperty(Backends.PROPERTY, "RECORDING");
        try (Backend b = Backends.open()) {
            assertThat(b.name()).isEqualTo("recording");
        }
    }

    @Test
    void unknownNameListsWhatExistsAndWhy() {
        assertThatThrownBy(() -> Backends.open("nope")).isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("got 'nope'")
                .hasMessageContaining("recording (available)")
                .hasMessageContaining("unloadable (unavailable: " + UnloadableBackendProvider.REASON);
    }

    @Test
    void diagnosticsNamesJdkAndEveryBackend() {
        String report = Backends.diagnostics();
        assertThat(report).contains("java: " + System.getProperty("java.version"))
                .contains("backend recording (priority 10): available")
                .contains("records calls only")
                .contains("backend unloadable (priority 1000): unavailable: " + UnloadableBackendProvider.REASON);
    }

    @Test
    void rejectedCallsNeverReachTheEngine() {
        try (Backend b = Backends.open("recording");
             Tensor x = Tensor.allocate(Shape.of(2, 3));
             Tensor y = Tensor.allocate(Shape.of(3, 2));
             Tensor pair = Tensor.allocate(Shape.of(7))) {
            int before = RecordingBackendProvider.ENGINE_CALLS.get();
            assertThatThrownBy(() -> b.activation(Activation.RELU, x, y)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("activation: y: expected shape [2, 3], got [3, 2]");
            Tensor shifted = Tensor.wrap(pair.segment().asSlice(Float.BYTES), Shape.of(2, 3));
            Tensor first = Tensor.wrap(pair.segment(), Shape.of(2, 3));
            assertThatThrownBy(() -> b.activation(Activation.RELU, first, shifted))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("y: expected memory disjoint from x [0x").hasMessageContaining("which overlaps it");
            Tensor planar = Tensor.wrap(pair.segment(), Shape.nchw(1, 2, 3, 1));
            Tensor channelsLast = Tensor.allocate(Shape.nchw(1, 2, 3, 1), Layout.NHWC);
            assertThatThrownBy(() -> b.activation(Activation.RELU, planar, channelsLast))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("activation: y: expected layout NCHW, got NHWC (tensor [1, 2, 3, 1])");
            assertThatThrownBy(() -> b.softmaxCrossEntropy(x, new int[] {0, 3}, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("labels[1]: expected 0..2, got 3");
            assertThatThrownBy(() -> b.plan(Conv2d.of(4, 4, 3), Shape.nchw(1, 3, 8, 8)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 4 channels, got 3");
            assertThat(RecordingBackendProvider.ENGINE_CALLS.get()).isEqualTo(before);
        }
    }

    @Test
    void aTensorCannotBeFreedWhileACallUsesIt() {
        try (Backend b = Backends.open("recording");
             Tensor x = Tensor.allocate(Shape.of(4));
             Tensor y = Tensor.allocate(Shape.of(4))) {
            RecordingBackendProvider.duringActivation = t -> assertThatThrownBy(t::close)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("in progress");
            b.activation(Activation.RELU, x, y);
            assertThat(x.isClosed()).isFalse();
        } finally {
            RecordingBackendProvider.duringActivation = t -> { };
        }
    }

    @Test
    void planOfAClosedBackendRejectsRuns() {
        Backend b = Backends.open("recording");
        Conv2dPlan plan = b.plan(Conv2d.of(1, 1, 1).bias(false), Shape.nchw(1, 1, 2, 2));
        b.close();
        try (Tensor x = Tensor.allocate(Shape.nchw(1, 1, 2, 2));
             Tensor w = Tensor.allocate(Shape.of(1, 1, 1, 1));
             Tensor y = Tensor.allocate(Shape.nchw(1, 1, 2, 2))) {
            int before = RecordingBackendProvider.ENGINE_CALLS.get();
            assertThatThrownBy(() -> plan.forward(x, w, null, y)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("conv2d forward").hasMessageContaining("backend recording");
            assertThat(RecordingBackendProvider.ENGINE_CALLS.get()).isEqualTo(before);
        }
    }

    @Test
    void openRejectsANullConfig() {
        assertThatThrownBy(() -> Backends.open((BackendConfig) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("config").hasMessageContaining("null");
    }

    @Test
    void closedBackendRejectsCalls() {
        Backend b = Backends.open("recording");
        b.close();
        try (Tensor x = Tensor.allocate(Shape.of(2))) {
            assertThatThrownBy(() -> b.softmax(x, x)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("backend recording");
        }
    }
}
