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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.foreign.Arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OneDnnElementwiseAndSoftmaxTest {
    private static Backend onednn;
    private static Backend naive;

    @BeforeAll
    static void open() {
        onednn = Backends.open("onednn", new BackendConfig(2));
        naive = Backends.open("naive");
    }

    @AfterAll
    static void close() {
        onednn.close();
        naive.close();
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void activationForwardAndBackwardMatchNaive(Activation a) {
        try (Arena arena = Arena.ofShared()) {
            NaiveComparison random = new NaiveComparison(onednn, naive, a.ordinal());
            Shape shape = Shape.of(3, 5, 7, 9);
            Tensor x = random.random(shape, arena);
            x.set(0f, 0, 0, 0, 0);
            Tensor dy = random.random(shape, arena);
            Tensor y1 = Tensor.allocate(shape, arena);
            Tensor y2 = Tensor.allocate(shape, arena);
            onednn.activation(a, x, y1);
            naive.activation(a, x, y2);
            NaiveComparison.check(a + " forward", y1, y2, 1);
            Tensor dx1 = Tensor.allocate(shape, arena);
            Tensor dx2 = Tensor.allocate(shape, arena);
            onednn.activationBackward(a, x, dy, dx1);
            naive.activationBackward(a, x, dy, dx2);
            NaiveComparison.check(a + " backward", dx1, dx2, 1);
        }
    }

    @Test
    void reluGradientAtZeroIsZero() {
        try (Arena arena = Arena.ofShared()) {
            Tensor x = Tensor.allocate(Shape.of(3), arena);
            x.copyFrom(new float[] {-1f, 0f, 1f});
            Tensor dy = Tensor.allocate(Shape.of(3), arena);
            dy.fill(5f);
            Tensor dx = Tensor.allocate(Shape.of(3), arena);
            onednn.activationBackward(Activation.RELU, x, dy, dx);
            assertThat(dx.toArray()).containsExactly(0f, 0f, 5f);
        }
    }

    @Test
    void softmaxAndLogSoftmaxForwardAndBackwardMatchNaiveOverTheLastAxis() {
        try (Arena arena = Arena.ofShared()) {
            NaiveComparison random = new NaiveComparison(onednn, naive, 11);
            Shape shape = Shape.of(4, 3, 10);
            Tensor logits = random.random(shape, arena);
            Tensor dy = random.random(shape, arena);
            for (boolean log : new boolean[] {false, true}) {
                Tensor p1 = Tensor.allocate(shape, arena);
                Tensor p2 = Tensor.allocate(shape, arena);
                Tensor d1 = Tensor.allocate(shape, arena);
                Tensor d2 = Tensor.allocate(shape, arena);
                if (log) {
                    onednn.logSoftmax(logits, p1);
                    naive.logSoftmax(logits, p2);
                    onednn.logSoftmaxBackward(p2, dy, d1);
                    naive.logSoftmaxBackward(p2, dy, d2);
                } else {
                    onednn.softmax(logits, p1);
                    naive.softmax(logits, p2);
                    onednn.softmaxBackward(p2, dy, d1);
                    naive.softmaxBackward(p2, dy, d2);
                }
                NaiveComparison.check("log=" + log + " forward", p1, p2, 10);
                NaiveComparison.check("log=" + log + " backward", d1, d2, 10);
            }
        }
    }

    @Test
    void softmaxDoesNotOverflowOnLargeLogits() {
        try (Arena arena = Arena.ofShared()) {
            Tensor logits = Tensor.allocate(Shape.of(1, 3), arena);
            logits.copyFrom(new float[] {1000f, 1000f, -1000f});
            Tensor p = Tensor.allocate(Shape.of(1, 3), arena);
            onednn.softmax(logits, p);
            assertThat(p.toArray()).containsExactly(new float[] {0.5f, 0.5f, 0f}, within(1e-6f));
        }
    }

    @Test
    void crossEntropyLossAndGradientMatchNaive() {
        try (Arena arena = Arena.ofShared()) {
            NaiveComparison random = new NaiveComparison(onednn, naive, 12);
            Shape shape = Shape.of(6, 10);
            Tensor logits = random.random(shape, arena);
            int[] labels = {0, 9, 3, 3, 7, 1};
            Tensor g1 = Tensor.allocate(shape, arena);
            Tensor g2 = Tensor.allocate(shape, arena);
            float loss1 = onednn.softmaxCrossEntropy(logits, labels, g1);
            float loss2 = naive.softmaxCrossEntropy(logits, labels, g2);
            assertThat(loss1).isCloseTo(loss2, within(1e-5f));
            NaiveComparison.check("cross-entropy gradient", g1, g2, 10);
            assertThat(onednn.softmaxCrossEntropy(logits, labels, null)).isCloseTo(loss2, within(1e-5f));
        }
    }
}
