package dev.jdnn.examples;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DropoutLayerTest {
    private static final int SIZE = 20_000;

    @Test
    void trainingDropsAboutPAndScalesTheRestInPlaceWithANewMaskEveryStep() {
        RunMode mode = new RunMode();
        try (Backend naive = Backends.open("naive", new BackendConfig(1));
                Tensor x = Tensor.allocate(Shape.of(4, SIZE / 4));
                DropoutLayer layer = new DropoutLayer("drop", naive, x, 0.25, 17, mode)) {
            assertThat(layer.output()).isSameAs(x);
            x.fill(2);
            mode.training(0);
            layer.forward();
            float[] first = x.toArray();
            long dropped = 0;
            for (float v : first) {
                assertThat(v).isIn(0f, 2f / 0.75f);
                dropped += v == 0 ? 1 : 0;
            }
            assertThat(dropped / (double) SIZE).isCloseTo(0.25, within(0.015));

            x.fill(2);
            mode.training(1);
            layer.forward();
            assertThat(x.toArray()).isNotEqualTo(first);

            try (Tensor dy = Tensor.allocate(x.shape())) {
                dy.fill(1);
                layer.backward(dy);
                float[] dx = layer.inputGradient().toArray();
                float[] y = x.toArray();
                for (int i = 0; i < SIZE; i++) {
                    assertThat(dx[i]).isEqualTo(y[i] / 2);
                }
            }
        }
    }

    @Test
    void inferenceLeavesTheInputAsItIs() {
        RunMode mode = new RunMode();
        try (Backend naive = Backends.open("naive", new BackendConfig(1));
                Tensor x = Tensor.allocate(Shape.of(2, 50));
                DropoutLayer layer = new DropoutLayer("drop", naive, x, 0.5, 17, mode)) {
            x.fill(3);
            mode.inference();
            layer.forward();
            assertThat(x.toArray()).containsOnly(3f);
        }
    }

    @Test
    void stepsGetUnrelatedMaskSeeds() {
        assertThat(DropoutLayer.maskSeed(1, 0)).isNotEqualTo(DropoutLayer.maskSeed(1, 1))
                .isNotEqualTo(DropoutLayer.maskSeed(2, 0));
    }
}
