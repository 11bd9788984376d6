package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.Backends;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The NaN and infinity semantics every backend shares (issue 12 item 12), on 19 elements so both
 * the whole-vector loop and the masked tail see the special values at every width.
 */
class ActivationKernelsTest {
    private static final float NAN = Float.NaN;
    private static final float INF = Float.POSITIVE_INFINITY;

    /** Special values at the start (whole vectors) and the end (the tail). */
    private static final float[] X = {NAN, INF, -INF, 0f, -0f, 2f, -2f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f, 1f,
        NAN, INF, -INF};

    @Test
    void reluKeepsNaNAndItsGradientIsZeroAtNaNAndZero() {
        float[][] r = run(Activation.RELU);
        assertThat(r[0][0]).isNaN();
        assertThat(r[0][16]).isNaN();
        assertThat(r[0][1]).isEqualTo(INF);
        assertThat(r[0][2]).isZero();
        assertThat(r[0][6]).isZero();
        float[] dx = r[1];
        assertThat(dx[0]).isZero();
        assertThat(dx[16]).isZero();
        assertThat(dx[1]).isEqualTo(3f);
        assertThat(dx[2]).isZero();
        assertThat(dx[3]).isZero();
        assertThat(dx[4]).isZero();
        assertThat(dx[5]).isEqualTo(3f);
        assertThat(dx[17]).isEqualTo(3f);
    }

    @Test
    void sigmoidReachesItsLimitsAtInfinityWithZeroGradient() {
        float[][] r = run(Activation.SIGMOID);
        assertThat(r[0][0]).isNaN();
        assertThat(r[0][1]).isEqualTo(1f);
        assertThat(r[0][2]).isZero();
        assertThat(r[0][17]).isEqualTo(1f);
        assertThat(r[0][18]).isZero();
        assertThat(r[1][0]).isNaN();
        assertThat(r[1][1]).isZero();
        assertThat(r[1][2]).isZero();
        assertThat(r[1][17]).isZero();
        assertThat(r[1][18]).isZero();
        assertThat(r[0][3]).isEqualTo(0.5f);
    }

    @Test
    void tanhReachesItsLimitsAtInfinityWithZeroGradient() {
        float[][] r = run(Activation.TANH);
        assertThat(r[0][0]).isNaN();
        assertThat(r[0][1]).isEqualTo(1f);
        assertThat(r[0][2]).isEqualTo(-1f);
        assertThat(r[0][17]).isEqualTo(1f);
        assertThat(r[0][18]).isEqualTo(-1f);
        assertThat(r[1][0]).isNaN();
        assertThat(r[1][1]).isZero();
        assertThat(r[1][2]).isZero();
        assertThat(r[1][17]).isZero();
        assertThat(r[1][18]).isZero();
    }

    /** {y, dx} for {@link #X} with {@code dy = 3} everywhere. */
    private static float[][] run(Activation a) {
        Shape shape = Shape.of(X.length);
        try (Backend backend = Backends.open("vector", TestThreads.config());
                Tensor x = Tensor.of(shape, X);
                Tensor y = Tensor.allocate(shape);
                Tensor dy = Tensor.allocate(shape);
                Tensor dx = Tensor.allocate(shape)) {
            dy.fill(3f);
            backend.activation(a, x, y);
            backend.activationBackward(a, x, dy, dx);
            return new float[][] {y.toArray(), dx.toArray()};
        }
    }
}
