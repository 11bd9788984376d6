package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.jdnn.Backend;
import dev.jdnn.Backends;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Softmax, log-softmax and cross-entropy over a long row keep float accuracy (issue 12 item 7):
 * with one float accumulator per lane, a row of 2^22 terms of e^-1 summed to 1.54066e6 instead of
 * 1.542999e6 (relative error 1.5e-3).
 */
class SoftmaxKernelsTest {
    private static final int LONG_ROW = (1 << 22) + 17;

    @Test
    void softmaxOfALongRowIsAccurate() {
        try (Backend backend = Backends.open("vector", TestThreads.config());
                Tensor logits = longRow();
                Tensor p = Tensor.allocate(logits.shape());
                Tensor logp = Tensor.allocate(logits.shape())) {
            double sum = 1 + (LONG_ROW - 1) * Math.exp(-1);
            // The bound allows VectorExp's few-ulp error in e^-1, which every term of the sum shares.
            backend.softmax(logits, p);
            backend.logSoftmax(logits, logp);
            assertThat((double) p.get(0, 0)).isCloseTo(1 / sum, within(4e-6 / sum));
            assertThat((double) p.get(0, LONG_ROW - 1)).isCloseTo(Math.exp(-1) / sum, within(4e-6 / sum));
            assertThat((double) logp.get(0, 0)).isCloseTo(-Math.log(sum), within(2e-6 * Math.log(sum)));
            float loss = backend.softmaxCrossEntropy(logits, new int[] {0}, null);
            assertThat((double) loss).isCloseTo(Math.log(sum), within(2e-6 * Math.log(sum)));
        }
    }

    @Test
    void backwardSumsOfALongRowAreAccurate() {
        try (Backend backend = Backends.open("vector", TestThreads.config());
                Tensor dy = Tensor.allocate(Shape.of(1, LONG_ROW));
                Tensor logp = Tensor.allocate(dy.shape());
                Tensor dl = Tensor.allocate(dy.shape())) {
            dy.fill(0.1f);
            logp.fill((float) -Math.log(LONG_ROW));
            backend.logSoftmaxBackward(logp, dy, dl);
            // dl = dy - exp(logp) * Σ dy = 0.1 - 0.1 (up to float rounding of both terms and exp's
            // few ulp); a float sum per lane was off by 1.5e-3 relative, 1.5e-4 here.
            double sumDy = 0.1f * (double) LONG_ROW;
            double expected = 0.1f - Math.exp((float) -Math.log(LONG_ROW)) * sumDy;
            assertThat((double) dl.get(0, 5)).isCloseTo(expected, within(1e-6));
        }
    }

    @Test
    void sameInputsGiveTheSameBits() {
        try (Backend backend = Backends.open("vector", TestThreads.config());
                Tensor logits = Tensor.allocate(Shape.of(3, 1000));
                Tensor first = Tensor.allocate(logits.shape());
                Tensor again = Tensor.allocate(logits.shape())) {
            float[] values = new float[3000];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) Math.sin(i * 0.37) * 9;
            }
            logits.copyFrom(values);
            backend.softmax(logits, first);
            for (int round = 0; round < 2_000; round++) {
                backend.softmax(logits, again);
            }
            assertThat(again.toArray()).containsExactly(first.toArray());
        }
    }

    /** {@code [1, LONG_ROW]}: logit 0 at index 0, -1 everywhere else. */
    private static Tensor longRow() {
        Tensor t = Tensor.allocate(Shape.of(1, LONG_ROW));
        t.fill(-1f);
        t.set(0f, 0, 0);
        return t;
    }
}
