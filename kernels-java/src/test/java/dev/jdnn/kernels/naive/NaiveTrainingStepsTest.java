package dev.jdnn.kernels.naive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.jdnn.Backend;
import dev.jdnn.Backends;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The naive dropout, add and optimiser steps against values worked out by hand: the dropout mask
 * from the contract's formula evaluated independently here (and SplitMix64's published first
 * outputs for seed 0), and one step of each optimiser written out term by term in double.
 */
class NaiveTrainingStepsTest {
    private final Backend backend = Backends.open("naive");

    @AfterEach
    void close() {
        backend.close();
    }

    private static Tensor of(float... values) {
        return Tensor.of(Shape.of(values.length), values);
    }

    /** The contract's draw for element {@code i}, written out from DESIGN.md. */
    private static double u(long seed, long i) {
        long z = seed + (i + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 40) * 0x1p-24;
    }

    @Test
    void dropoutMaskForSeedZeroFollowsSplitMix64sFirstOutputs() {
        // SplitMix64 from state 0 first returns 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4,
        // 0x06C45D188009454F, 0xF88BB8A8724C81EC: top 24 bits / 2^24 = 0.8833, 0.4315, 0.0264, 0.9709.
        assertThat(u(0, 0)).isEqualTo(0xE220A8 * 0x1p-24);
        assertThat(u(0, 1)).isEqualTo(0x6E789E * 0x1p-24);
        assertThat(u(0, 2)).isEqualTo(0x06C45D * 0x1p-24);
        assertThat(u(0, 3)).isEqualTo(0xF88BB8 * 0x1p-24);
        try (Tensor x = of(1, 2, 3, 4); Tensor y = Tensor.allocate(x.shape()); Tensor mask = Tensor.allocate(x.shape())) {
            backend.dropout(0.5, 0, x, y, mask);
            assertThat(mask.toArray()).containsExactly(2f, 0f, 0f, 2f);
            assertThat(y.toArray()).containsExactly(2f, 0f, 0f, 8f);
            backend.dropout(0.9, 0, x, y, mask);
            assertThat(mask.toArray()).containsExactly(0f, 0f, 0f, (float) (1 / (1 - 0.9)));
        }
    }

    @Test
    void dropoutKeepsExactlyTheElementsWhoseDrawIsAtLeastP() {
        long seed = 123456789L;
        int length = 37;
        double p = 0.3;
        try (Tensor x = Tensor.allocate(Shape.of(length)); Tensor y = Tensor.allocate(x.shape());
             Tensor mask = Tensor.allocate(x.shape()); Tensor dy = Tensor.allocate(x.shape());
             Tensor dx = Tensor.allocate(x.shape())) {
            x.fill(3);
            dy.fill(-1);
            backend.dropout(p, seed, x, y, mask);
            backend.dropoutBackward(mask, dy, dx);
            float scale = (float) (1 / (1 - p));
            for (int i = 0; i < length; i++) {
                float expected = u(seed, i) >= p ? scale : 0f;
                assertThat(mask.get(i)).as("mask[%d]", i).isEqualTo(expected);
                assertThat(y.get(i)).as("y[%d]", i).isEqualTo(3 * expected);
                assertThat(dx.get(i)).as("dx[%d]", i).isEqualTo(-expected);
            }
            // Element 2 of this seed draws 0.1916 (0x310E08 / 2^24): dropped at p = 0.3.
            assertThat(mask.get(2)).isZero();
        }
    }

    @Test
    void addSumsAndMayWriteIntoAnInput() {
        try (Tensor a = of(1, 2.5f, -3); Tensor b = of(0.5f, -2.5f, 7); Tensor y = Tensor.allocate(a.shape())) {
            backend.add(a, b, y);
            assertThat(y.toArray()).containsExactly(1.5f, 0f, 4f);
            backend.add(a, b, a);
            assertThat(a.toArray()).containsExactly(1.5f, 0f, 4f);
        }
    }

    @Test
    void oneSgdStepWithMomentumAndWeightDecay() {
        // g' = g + 0.01 w = [0.51, 0.23]; v = 0.9 v + g' = [0.6, 0.05]; w -= 0.1 v.
        try (Tensor w = of(1, -2); Tensor g = of(0.5f, 0.25f); Tensor v = of(0.1f, -0.2f)) {
            backend.sgdUpdate(w, g, v, 0.1f, 0.9f, 0.01f);
            assertThat(v.get(0)).isCloseTo(0.6f, within(1e-6f));
            assertThat(v.get(1)).isCloseTo(0.05f, within(1e-6f));
            assertThat(w.get(0)).isCloseTo(0.94f, within(1e-6f));
            assertThat(w.get(1)).isCloseTo(-2.005f, within(1e-6f));
            assertThat(g.toArray()).containsExactly(0.5f, 0.25f);
        }
    }

    @Test
    void oneAdaGradStep() {
        // g' = [0.51, 0.23]; s = [0.75 + 0.51^2, 0.23^2]; w -= 0.1 g' / (sqrt(s) + 1e-10).
        try (Tensor w = of(1, -2); Tensor g = of(0.5f, 0.25f); Tensor s = of(0.75f, 0)) {
            backend.adaGradUpdate(w, g, s, 0.1f, 0.01f, 1e-10f);
            assertThat(s.get(0)).isCloseTo(1.0101f, within(1e-6f));
            assertThat(s.get(1)).isCloseTo(0.0529f, within(1e-6f));
            assertThat((double) w.get(0)).isCloseTo(1 - 0.1 * 0.51 / (Math.sqrt(1.0101) + 1e-10), within(1e-6));
            assertThat((double) w.get(1)).isCloseTo(-2 - 0.1, within(1e-6));
        }
    }

    @Test
    void oneAdamStepFromAGivenState() {
        // Step 3: g' = [0.51, 0.23]; m = 0.9 m + 0.1 g' = [0.141, 0.023];
        // v = 0.999 v + 0.001 g'^2 = [0.0102501, 0.0400129];
        // w -= 0.01 / (1 - 0.9^3) * m / (sqrt(v) / sqrt(1 - 0.999^3) + 1e-8).
        try (Tensor w = of(1, -2); Tensor g = of(0.5f, 0.25f); Tensor m = of(0.1f, 0); Tensor v = of(0.01f, 0.04f)) {
            backend.adamUpdate(w, g, m, v, 3, 0.01f, 0.9f, 0.999f, 1e-8f, 0.01f);
            assertThat(m.get(0)).isCloseTo(0.141f, within(1e-6f));
            assertThat(m.get(1)).isCloseTo(0.023f, within(1e-6f));
            assertThat(v.get(0)).isCloseTo(0.0102501f, within(1e-7f));
            assertThat(v.get(1)).isCloseTo(0.0400129f, within(1e-7f));
            double stepSize = 0.01 / (1 - 0.9 * 0.9 * 0.9);
            double correction = Math.sqrt(1 - 0.999 * 0.999 * 0.999);
            assertThat((double) w.get(0))
                    .isCloseTo(1 - stepSize * 0.141 / (Math.sqrt(0.0102501) / correction + 1e-8), within(1e-6));
            assertThat((double) w.get(1))
                    .isCloseTo(-2 - stepSize * 0.023 / (Math.sqrt(0.0400129) / correction + 1e-8), within(1e-6));
        }
    }
}
