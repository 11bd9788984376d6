package dev.jdnn.onednn;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The branch-free from-output ReLU gradient equals the scalar rule {@code y > 0 ? dy : 0} bit for
 * bit on every kind of float (signed zeros, subnormals, infinities, NaN of either sign and any
 * payload), in place too, and on a tensor of several chunks with a ragged end, over oneDNN's team
 * and on one thread.
 */
class ReluGradientFromOutputTest {
    private static final float[] SPECIAL = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, 1f, -1f,
        Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
        Float.intBitsToFloat(0x7fffffff), Float.intBitsToFloat(0xffc00000), Float.intBitsToFloat(0x7f800001)};

    @Test
    void maskKeepsExactlyThePositiveFloats() {
        for (float v : SPECIAL) {
            int expected = v > 0 ? -1 : 0;
            assertThat(ReluGradientFromOutput.keepMask(Float.floatToRawIntBits(v))).as("y = %s", v).isEqualTo(expected);
        }
        SplittableRandom random = new SplittableRandom(5);
        int wrong = 0;
        for (int i = 0; i < 1_000_000; i++) {
            int bits = random.nextInt();
            wrong += ReluGradientFromOutput.keepMask(bits) == (Float.intBitsToFloat(bits) > 0 ? -1 : 0) ? 0 : 1;
        }
        assertThat(wrong).as("random bit patterns with the wrong mask").isZero();
    }

    @Test
    void everyPairOfSpecialValuesInPlaceGivesTheScalarRule() {
        int n = SPECIAL.length * SPECIAL.length;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment y = arena.allocate(n * 4L);
            MemorySegment dy = arena.allocate(n * 4L);
            for (int i = 0; i < n; i++) {
                y.setAtIndex(ValueLayout.JAVA_FLOAT, i, SPECIAL[i / SPECIAL.length]);
                dy.setAtIndex(ValueLayout.JAVA_FLOAT, i, SPECIAL[i % SPECIAL.length]);
            }
            MemorySegment expected = arena.allocate(n * 4L);
            JavaActivation.backwardFromOutput(Activation.RELU, y, dy, expected, n);
            ReluGradientFromOutput.apply(y, dy, dy, 0, n);
            assertThat(dy.mismatch(expected)).isEqualTo(-1);
        }
    }

    @Test
    void theBackendsGradientOverSeveralChunksOnTwoThreadsEqualsTheScalarRule() {
        gradientOverSeveralChunksEqualsTheScalarRule(2);
    }

    @Test
    void theBackendsGradientOverSeveralChunksOnOneThreadEqualsTheScalarRule() {
        gradientOverSeveralChunksEqualsTheScalarRule(1);
    }

    /** On one thread, after the tensors' arena is closed, the gradient is refused with an exception. */
    @Test
    void onOneThreadAClosedTensorThrows() {
        Shape shape = Shape.of((int) (3 * DnnlEltwise.RELU_CHUNK));
        try (Backend onednn = Backends.open("onednn", new BackendConfig(1))) {
            Arena arena = Arena.ofShared();
            Tensor y = Tensor.allocate(shape, arena);
            Tensor dy = Tensor.allocate(shape, arena);
            Tensor dx = Tensor.allocate(shape, arena);
            onednn.activationBackwardFromOutput(Activation.RELU, y, dy, dx);
            arena.close();
            assertThatThrownBy(() -> onednn.activationBackwardFromOutput(Activation.RELU, y, dy, dx))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    private static void gradientOverSeveralChunksEqualsTheScalarRule(int threads) {
        long count = 3 * DnnlEltwise.RELU_CHUNK + 77;
        Shape shape = Shape.of((int) count);
        SplittableRandom random = new SplittableRandom(11);
        try (Backend onednn = Backends.open("onednn", new BackendConfig(threads)); Arena arena = Arena.ofShared()) {
            Tensor y = Tensor.allocate(shape, arena);
            Tensor dy = Tensor.allocate(shape, arena);
            Tensor dx = Tensor.allocate(shape, arena);
            for (long i = 0; i < count; i++) {
                float v = random.nextInt(8) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)] : (float) random.nextGaussian();
                y.segment().setAtIndex(ValueLayout.JAVA_FLOAT, i, v);
                dy.segment().setAtIndex(ValueLayout.JAVA_FLOAT, i, SPECIAL[random.nextInt(SPECIAL.length)]);
            }
            MemorySegment expected = arena.allocate(count * 4L);
            JavaActivation.backwardFromOutput(Activation.RELU, y.segment(), dy.segment(), expected, count);
            onednn.activationBackwardFromOutput(Activation.RELU, y, dy, dx);
            assertThat(dx.segment().mismatch(expected)).isEqualTo(-1);
            onednn.activationBackwardFromOutput(Activation.RELU, y, dy, dy);
            assertThat(dy.segment().mismatch(expected)).isEqualTo(-1);
        }
    }
}
