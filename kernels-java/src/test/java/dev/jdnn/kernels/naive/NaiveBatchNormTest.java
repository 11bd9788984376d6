package dev.jdnn.kernels.naive;

import dev.jdnn.BatchNorm2d;
import dev.jdnn.Layout;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Naive batch normalisation against its definition in {@code double} (statistics over n, h, w
 * per channel, biased variance), its training-mode backward against central differences of that
 * definition, the large-mean case that a one-pass variance loses, and the NHWC layout against NCHW.
 */
class NaiveBatchNormTest {
    private static final Shape SHAPE = Shape.nchw(2, 3, 4, 5);
    private static final double EPSILON = 1e-5;
    private static final double STEP = 1e-5;

    private final ScratchTensors tensors = new ScratchTensors(17);

    @AfterEach
    void close() {
        tensors.close();
    }

    private static NaiveBatchNorm nchw(Shape shape) {
        return new NaiveBatchNorm(new BatchNorm2d(shape.dim(1), EPSILON), shape, Layout.NCHW);
    }

    /** The batch norm of {@code x} (logical NCHW order) with batch statistics, in double. */
    static double[] definition(Shape shape, double[] x, double[] gamma, double[] beta, double epsilon) {
        int n = shape.dim(0);
        int c = shape.dim(1);
        int plane = shape.dim(2) * shape.dim(3);
        double count = (double) n * plane;
        double[] y = new double[x.length];
        for (int channel = 0; channel < c; channel++) {
            double mean = 0;
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < plane; p++) {
                    mean += x[(i * c + channel) * plane + p];
                }
            }
            mean /= count;
            double variance = 0;
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < plane; p++) {
                    double d = x[(i * c + channel) * plane + p] - mean;
                    variance += d * d;
                }
            }
            variance /= count;
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < plane; p++) {
                    int at = (i * c + channel) * plane + p;
                    y[at] = gamma[channel] * (x[at] - mean) / Math.sqrt(variance + epsilon) + beta[channel];
                }
            }
        }
        return y;
    }

    @Test
    void trainingForwardNormalisesEachChannelWithItsBatchStatistics() {
        Tensor x = tensors.uniform(SHAPE, 3);
        Tensor gamma = tensors.uniform(Shape.of(3), 2);
        Tensor beta = tensors.uniform(Shape.of(3), 1);
        Tensor y = tensors.output(SHAPE);
        Tensor mean = tensors.output(Shape.of(3));
        Tensor variance = tensors.output(Shape.of(3));
        nchw(SHAPE).forwardTraining(x, gamma, beta, y, mean, variance);

        double[] xs = GradientCheck.toDoubles(x);
        TensorAssertions.assertClose("y", y, definition(SHAPE, xs, GradientCheck.toDoubles(gamma),
                GradientCheck.toDoubles(beta), EPSILON), 1e-5);
        double[] expectedMean = new double[3];
        double[] expectedVariance = new double[3];
        for (int c = 0; c < 3; c++) {
            double[] values = channel(xs, SHAPE, c);
            for (double v : values) {
                expectedMean[c] += v / values.length;
            }
            for (double v : values) {
                expectedVariance[c] += (v - expectedMean[c]) * (v - expectedMean[c]) / values.length;
            }
        }
        TensorAssertions.assertClose("mean", mean, expectedMean, 1e-6);
        TensorAssertions.assertClose("variance (biased)", variance, expectedVariance, 1e-6);
    }

    @Test
    void inferenceForwardUsesTheGivenStatistics() {
        Shape shape = Shape.nchw(1, 2, 1, 3);
        Tensor x = tensors.of(shape, 1, 2, 3, 10, 20, 30);
        Tensor y = tensors.output(shape);
        nchw(shape).forwardInference(x, tensors.of(Shape.of(2), 2, -1), tensors.of(Shape.of(2), 0.5f, 1),
                tensors.of(Shape.of(2), 2, 20), tensors.of(Shape.of(2), 4, 100), y);
        double s0 = 2 / Math.sqrt(4 + EPSILON);
        double s1 = -1 / Math.sqrt(100 + EPSILON);
        TensorAssertions.assertClose("y", y, new double[] {-s0 + 0.5, 0.5, s0 + 0.5, -10 * s1 + 1, 1, 10 * s1 + 1},
                1e-6);
    }

    /**
     * A mean of 1000 with a spread of 2 in float32: {@code Σx²/M - mean²} would keep about the last
     * bits of 10^6; the two-pass variance matches the exact one to double precision.
     */
    @Test
    void varianceSurvivesALargeMean() {
        Shape shape = Shape.nchw(8, 2, 7, 9);
        float[] values = new float[(int) shape.elementCount()];
        Random random = new Random(3);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (1000 + (2 * random.nextDouble() - 1) * 2);
        }
        Tensor x = tensors.of(shape, values);
        Tensor y = tensors.output(shape);
        Tensor mean = tensors.output(Shape.of(2));
        Tensor variance = tensors.output(Shape.of(2));
        nchw(shape).forwardTraining(x, tensors.of(Shape.of(2), 1, 1), tensors.of(Shape.of(2), 0, 0), y, mean,
                variance);
        double[] xs = GradientCheck.toDoubles(x);
        for (int c = 0; c < 2; c++) {
            BigDecimal total = BigDecimal.ZERO;
            double[] v = channel(xs, shape, c);
            for (double e : v) {
                total = total.add(new BigDecimal(e));
            }
            BigDecimal exactMean = total.divide(BigDecimal.valueOf(v.length),
                    MathContext.DECIMAL128);
            BigDecimal squares = BigDecimal.ZERO;
            for (double e : v) {
                BigDecimal d = new BigDecimal(e).subtract(exactMean);
                squares = squares.add(d.multiply(d));
            }
            double exactVariance = squares.divide(BigDecimal.valueOf(v.length),
                    MathContext.DECIMAL128).doubleValue();
            assertThat((double) variance.toArray()[c]).as("variance of channel %d", c)
                    .isCloseTo(exactVariance, within(exactVariance * 0x1p-23));
            assertThat((double) mean.toArray()[c]).as("mean of channel %d", c)
                    .isCloseTo(exactMean.doubleValue(), within(1000 * 0x1p-24));
        }
        // The normalised output has unit variance, so it is spread like uniform(-sqrt 3, sqrt 3).
        double[] ys = GradientCheck.toDoubles(y);
        double squares = 0;
        for (double e : ys) {
            squares += e * e;
        }
        assertThat(squares / ys.length).as("mean of y^2").isCloseTo(1.0, within(1e-4));
    }

    @Test
    void backwardMatchesCentralDifferencesOfTheTrainingForward() {
        Tensor x = tensors.uniform(SHAPE, 3);
        Tensor gamma = tensors.uniform(Shape.of(3), 2);
        Tensor beta = tensors.uniform(Shape.of(3), 1);
        Tensor g = tensors.uniform(SHAPE, 1);
        Tensor y = tensors.output(SHAPE);
        Tensor mean = tensors.output(Shape.of(3));
        Tensor variance = tensors.output(Shape.of(3));
        Tensor dx = tensors.output(SHAPE);
        Tensor dGamma = tensors.output(Shape.of(3));
        Tensor dBeta = tensors.output(Shape.of(3));
        NaiveBatchNorm plan = nchw(SHAPE);
        plan.forwardTraining(x, gamma, beta, y, mean, variance);
        plan.backward(x, g, gamma, mean, variance, dx, dGamma, dBeta);

        double[] xs = GradientCheck.toDoubles(x);
        double[] gs = GradientCheck.toDoubles(gamma);
        double[] bs = GradientCheck.toDoubles(beta);
        double[] upstream = GradientCheck.toDoubles(g);
        TensorAssertions.assertClose("dx", dx, GradientCheck.numeric(xs, STEP,
                p -> dot(definition(SHAPE, p, gs, bs, EPSILON), upstream)), 1e-5);
        TensorAssertions.assertClose("dGamma", dGamma, GradientCheck.numeric(gs, STEP,
                p -> dot(definition(SHAPE, xs, p, bs, EPSILON), upstream)), 1e-5);
        TensorAssertions.assertClose("dBeta", dBeta, GradientCheck.numeric(bs, STEP,
                p -> dot(definition(SHAPE, xs, gs, p, EPSILON), upstream)), 1e-5);
    }

    /** One element per channel (batch 1, h = w = 1): every x equals its mean, so dx is 0. */
    @Test
    void singleElementChannelsNormaliseToBetaWithZeroDataGradient() {
        Shape shape = Shape.nchw(1, 3, 1, 1);
        Tensor y = tensors.output(shape);
        Tensor mean = tensors.output(Shape.of(3));
        Tensor variance = tensors.output(Shape.of(3));
        Tensor gamma = tensors.of(Shape.of(3), 2, 3, 4);
        Tensor beta = tensors.of(Shape.of(3), 0.5f, -1, 7);
        Tensor x = tensors.of(shape, 5, -6, 0.25f);
        NaiveBatchNorm plan = nchw(shape);
        plan.forwardTraining(x, gamma, beta, y, mean, variance);
        assertThat(y.toArray()).containsExactly(0.5f, -1, 7);
        assertThat(mean.toArray()).containsExactly(5, -6, 0.25f);
        assertThat(variance.toArray()).containsExactly(0, 0, 0);
        Tensor dx = tensors.output(shape);
        Tensor dGamma = tensors.output(Shape.of(3));
        Tensor dBeta = tensors.output(Shape.of(3));
        plan.backward(x, tensors.of(shape, 1, 2, 3), gamma, mean, variance, dx, dGamma, dBeta);
        assertThat(dx.toArray()).containsExactly(0, 0, 0);
        assertThat(dGamma.toArray()).containsExactly(0, 0, 0);
        assertThat(dBeta.toArray()).containsExactly(1, 2, 3);
    }

    @Test
    void nhwcGivesTheSameLogicalResultsAsNchw() {
        Tensor x = tensors.uniform(SHAPE, 3);
        Tensor g = tensors.uniform(SHAPE, 1);
        Tensor gamma = tensors.uniform(Shape.of(3), 2);
        Tensor beta = tensors.uniform(Shape.of(3), 1);
        ElementIndex nhwc = LayoutPermutation.nhwc(SHAPE);
        Tensor xNhwc = LayoutPermutation.permute(tensors, x, nhwc);
        Tensor gNhwc = LayoutPermutation.permute(tensors, g, nhwc);
        NaiveBatchNorm planar = nchw(SHAPE);
        NaiveBatchNorm channelsLast = new NaiveBatchNorm(new BatchNorm2d(3, EPSILON), SHAPE, Layout.NHWC);
        Tensor[] a = run(planar, x, g, gamma, beta);
        Tensor[] b = run(channelsLast, xNhwc, gNhwc, gamma, beta);
        assertThat(b[0].toArray()).as("y").containsExactly(LayoutPermutation.permute(tensors, a[0], nhwc).toArray());
        assertThat(b[1].toArray()).as("dx").containsExactly(LayoutPermutation.permute(tensors, a[1], nhwc).toArray());
        for (int i = 2; i < a.length; i++) {
            assertThat(b[i].toArray()).as("per-channel output %d", i).containsExactly(a[i].toArray());
        }
    }

    /** y, dx, mean, variance, dGamma, dBeta. */
    private Tensor[] run(NaiveBatchNorm plan, Tensor x, Tensor g, Tensor gamma, Tensor beta) {
        Shape c = Shape.of(SHAPE.dim(1));
        Tensor y = tensors.output(SHAPE);
        Tensor dx = tensors.output(SHAPE);
        Tensor mean = tensors.output(c);
        Tensor variance = tensors.output(c);
        Tensor dGamma = tensors.output(c);
        Tensor dBeta = tensors.output(c);
        plan.forwardTraining(x, gamma, beta, y, mean, variance);
        plan.backward(x, g, gamma, mean, variance, dx, dGamma, dBeta);
        return new Tensor[] {y, dx, mean, variance, dGamma, dBeta};
    }

    private static double[] channel(double[] x, Shape shape, int c) {
        int plane = shape.dim(2) * shape.dim(3);
        double[] values = new double[shape.dim(0) * plane];
        for (int n = 0; n < shape.dim(0); n++) {
            System.arraycopy(x, (n * shape.dim(1) + c) * plane, values, n * plane, plane);
        }
        return values;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
