package dev.jdnn.onednn;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Activations on NaN and infinities follow the contract: ReLU keeps NaN and its gradient is
 * {@code dy} where {@code x > 0}, else exactly 0; sigmoid and tanh map NaN to NaN and the
 * infinities to their limits. oneDNN's ReLU gave 0 for NaN and passed the gradient at NaN.
 */
class NonFiniteActivationTest {
    private static final float NAN = Float.NaN;
    private static final float INF = Float.POSITIVE_INFINITY;
    private static Backend onednn;

    @BeforeAll
    static void open() {
        onednn = Backends.open("onednn", new BackendConfig(1));
    }

    @AfterAll
    static void close() {
        onednn.close();
    }

    @Test
    void reluKeepsNaNAndGivesTheGradientOnlyWherexIsPositive() {
        float[] x = {NAN, INF, -INF, -1, 0, 2, 3, -2};
        float[] dy = {1, 1, 1, NAN, INF, 1, NAN, -INF};
        assertThat(forward(Activation.RELU, x)).containsExactly(NAN, INF, 0, 0, 0, 2, 3, 0);
        assertThat(backward(Activation.RELU, x, dy)).containsExactly(0, 1, 0, 0, 0, 1, NAN, 0);
    }

    @Test
    void sigmoidAndTanhMapNaNToNaNAndInfinitiesToTheirLimits() {
        float[] x = {NAN, INF, -INF};
        assertThat(forward(Activation.SIGMOID, x)).containsExactly(NAN, 1, 0);
        assertThat(forward(Activation.TANH, x)).containsExactly(NAN, 1, -1);
        assertThat(backward(Activation.SIGMOID, x, new float[] {1, 1, 1})).containsExactly(NAN, 0, 0);
        assertThat(backward(Activation.TANH, x, new float[] {1, 1, 1})).containsExactly(NAN, 0, 0);
    }

    private static float[] forward(Activation a, float[] values) {
        try (Arena arena = Arena.ofShared()) {
            Shape shape = Shape.of(1, values.length);
            Tensor x = Tensor.allocate(shape, arena);
            x.copyFrom(values);
            Tensor y = Tensor.allocate(shape, arena);
            onednn.activation(a, x, y);
            return y.toArray();
        }
    }

    private static float[] backward(Activation a, float[] values, float[] gradient) {
        try (Arena arena = Arena.ofShared()) {
            Shape shape = Shape.of(1, values.length);
            Tensor x = Tensor.allocate(shape, arena);
            x.copyFrom(values);
            Tensor dy = Tensor.allocate(shape, arena);
            dy.copyFrom(gradient);
            Tensor dx = Tensor.allocate(shape, arena);
            onednn.activationBackward(a, x, dy, dx);
            return dx.toArray();
        }
    }
}
