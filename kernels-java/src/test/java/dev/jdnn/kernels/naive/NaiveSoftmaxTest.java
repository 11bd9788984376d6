package dev.jdnn.kernels.naive;

import dev.jdnn.Backend;
import dev.jdnn.Backends;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Naive softmax, log-softmax and softmax cross-entropy against their definitions in
 * {@code double}, and their gradients against central differences of those definitions.
 */
class NaiveSoftmaxTest {
    /** Rank 3, so "the last axis" means rows of 5 in 6 rows. */
    private static final Shape LOGITS = Shape.of(2, 3, 5);
    private static final double STEP = 1e-5;
    private static final double TOLERANCE = 1e-6;

    private final Backend backend = Backends.open("naive");
    private final ScratchTensors tensors = new ScratchTensors(5);

    @AfterEach
    void close() {
        tensors.close();
        backend.close();
    }

    @Test
    void softmaxOverTheLastAxisMatchesTheDefinition() {
        Tensor x = tensors.uniform(LOGITS, 3);
        Tensor p = tensors.output(LOGITS);
        backend.softmax(x, p);
        TensorAssertions.assertClose("p", p, logSoftmaxReference(GradientCheck.toDoubles(x), width(LOGITS), true), TOLERANCE);
    }

    @Test
    void logSoftmaxOverTheLastAxisMatchesTheDefinition() {
        Tensor x = tensors.uniform(LOGITS, 3);
        Tensor logp = tensors.output(LOGITS);
        backend.logSoftmax(x, logp);
        TensorAssertions.assertClose("logp", logp, logSoftmaxReference(GradientCheck.toDoubles(x), width(LOGITS), false), TOLERANCE);
    }

    @Test
    void softmaxAndLogSoftmaxStayFiniteForHugeLogits() {
        Shape shape = Shape.of(1, 3);
        Tensor p = tensors.output(shape);
        Tensor logp = tensors.output(shape);
        Tensor x = tensors.of(shape, 1000, 1001, 1002);
        backend.softmax(x, p);
        backend.logSoftmax(x, logp);
        // Shifting logits changes nothing: these are softmax(0, 1, 2) = e^i / (1 + e + e^2).
        double denominator = 1 + Math.E + Math.E * Math.E;
        TensorAssertions.assertClose("p", p, new double[] {1 / denominator, Math.E / denominator, Math.E * Math.E / denominator}, TOLERANCE);
        TensorAssertions.assertClose("logp", logp, new double[] {-Math.log(denominator), 1 - Math.log(denominator), 2 - Math.log(denominator)}, TOLERANCE);
    }

    @Test
    void softmaxBackwardMatchesCentralDifferences() {
        Tensor x = tensors.uniform(LOGITS, 3);
        Tensor g = tensors.uniform(LOGITS, 1);
        Tensor p = tensors.output(LOGITS);
        Tensor dx = tensors.output(LOGITS);
        backend.softmax(x, p);
        backend.softmaxBackward(p, g, dx);

        double[] numeric = GradientCheck.numeric(GradientCheck.toDoubles(x), STEP,
                xs -> dot(logSoftmaxReference(xs, width(LOGITS), true), GradientCheck.toDoubles(g)));
        TensorAssertions.assertClose("dLogits", dx, numeric, TOLERANCE);
    }

    @Test
    void logSoftmaxBackwardMatchesCentralDifferences() {
        Tensor x = tensors.uniform(LOGITS, 3);
        Tensor g = tensors.uniform(LOGITS, 1);
        Tensor logp = tensors.output(LOGITS);
        Tensor dx = tensors.output(LOGITS);
        backend.logSoftmax(x, logp);
        backend.logSoftmaxBackward(logp, g, dx);

        double[] numeric = GradientCheck.numeric(GradientCheck.toDoubles(x), STEP,
                xs -> dot(logSoftmaxReference(xs, width(LOGITS), false), GradientCheck.toDoubles(g)));
        TensorAssertions.assertClose("dLogits", dx, numeric, TOLERANCE);
    }

    @Test
    void crossEntropyIsTheMeanNegativeLogLikelihoodAndItsGradientMatchesCentralDifferences() {
        Shape shape = Shape.of(4, 6);
        int[] labels = {2, 0, 5, 2};
        Tensor x = tensors.uniform(shape, 3);
        Tensor dx = tensors.output(shape);
        float loss = backend.softmaxCrossEntropy(x, labels, dx);

        double[] xs = GradientCheck.toDoubles(x);
        assertThat((double) loss).isCloseTo(crossEntropyReference(xs, labels), within(1e-6));
        double[] numeric = GradientCheck.numeric(xs, STEP, perturbed -> crossEntropyReference(perturbed, labels));
        TensorAssertions.assertClose("dLogits", dx, numeric, TOLERANCE);
    }

    @Test
    void crossEntropyOfEqualLogitsIsLogOfTheClassCount() {
        Shape shape = Shape.of(2, 4);
        Tensor x = tensors.of(shape, 0, 0, 0, 0, 7, 7, 7, 7);
        Tensor dx = tensors.output(shape);
        float loss = backend.softmaxCrossEntropy(x, new int[] {1, 3}, dx);
        // Every class has probability 1/4: loss ln 4, gradient (1/4 - onehot) / 2.
        assertThat((double) loss).isCloseTo(Math.log(4), within(1e-6));
        assertThat(dx.toArray()).containsExactly(
                0.125f, -0.375f, 0.125f, 0.125f,
                0.125f, 0.125f, 0.125f, -0.375f);
    }

    @Test
    void crossEntropyOfHugeTiedLogitsIsExactlyLogTwo() {
        // log(sum) + max rounded the ln 2 away next to 3e38 (and 1e17) and returned 0: issue #12 item 6.
        Tensor x = tensors.of(Shape.of(1, 3), 3e38f, 3e38f, 0f);
        Tensor dx = tensors.output(Shape.of(1, 3));
        assertThat(backend.softmaxCrossEntropy(x, new int[] {0}, dx)).isEqualTo((float) Math.log(2));
        assertThat(dx.toArray()).containsExactly(-0.5f, 0.5f, 0f);
        Tensor y = tensors.of(Shape.of(1, 2), 1e17f, 1e17f);
        assertThat(backend.softmaxCrossEntropy(y, new int[] {1}, null)).isEqualTo((float) Math.log(2));
    }

    @Test
    void logSoftmaxOfHugeTiedLogitsIsExactlyMinusLogTwo() {
        Tensor x = tensors.of(Shape.of(1, 3), 3e38f, 3e38f, -3e38f);
        Tensor logp = tensors.output(Shape.of(1, 3));
        backend.logSoftmax(x, logp);
        assertThat(logp.toArray()).containsExactly((float) -Math.log(2), (float) -Math.log(2), Float.NEGATIVE_INFINITY);
        Tensor p = tensors.output(Shape.of(1, 3));
        backend.softmax(x, p);
        assertThat(p.toArray()).containsExactly(0.5f, 0.5f, 0f);
    }

    @Test
    void crossEntropyWithoutGradientTensorReturnsTheSameLoss() {
        Shape shape = Shape.of(3, 5);
        int[] labels = {4, 1, 0};
        Tensor x = tensors.uniform(shape, 3);
        float withGradient = backend.softmaxCrossEntropy(x, labels, tensors.output(shape));
        assertThat(backend.softmaxCrossEntropy(x, labels, null)).isEqualTo(withGradient);
    }

    private static int width(Shape shape) {
        return shape.dim(shape.rank() - 1);
    }

    /** Softmax (when {@code exponentiate}) or log-softmax of each row of {@code width}, by the definition. */
    private static double[] logSoftmaxReference(double[] x, int width, boolean exponentiate) {
        double[] result = new double[x.length];
        for (int base = 0; base < x.length; base += width) {
            double sum = 0;
            for (int j = 0; j < width; j++) {
                sum += Math.exp(x[base + j]);
            }
            for (int j = 0; j < width; j++) {
                double logp = x[base + j] - Math.log(sum);
                result[base + j] = exponentiate ? Math.exp(logp) : logp;
            }
        }
        return result;
    }

    private static double crossEntropyReference(double[] x, int[] labels) {
        int width = x.length / labels.length;
        double[] logp = logSoftmaxReference(x, width, false);
        double total = 0;
        for (int row = 0; row < labels.length; row++) {
            total -= logp[row * width + labels[row]];
        }
        return total / labels.length;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
