package dev.jdnn.testkit;

import dev.jdnn.Shape;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BatchNormBound} against batch norm computed in float32 the way a fast backend does it
 * (sequential float sums, two passes, the normalisation folded into {@code x·scale + shift} or not):
 * such a backend always lies inside, and a one-pass float variance {@code Σx²/M - mean²} lies outside
 * once the mean is large.
 */
class BatchNormBoundTest {
    private static final double EPSILON = 1e-5;

    /** Float32 two-pass statistics of channel {@code c}: mean, biased variance. */
    private static float[] floatStatistics(float[] x, Shape shape, int c, boolean onePass) {
        int plane = shape.dim(2) * shape.dim(3);
        int m = shape.dim(0) * plane;
        float sum = 0;
        float squares = 0;
        for (int j = 0; j < m; j++) {
            float v = x[((j / plane) * shape.dim(1) + c) * plane + j % plane];
            sum += v;
            squares += v * v;
        }
        float mean = sum / m;
        if (onePass) {
            return new float[] {mean, squares / m - mean * mean};
        }
        float centred = 0;
        for (int j = 0; j < m; j++) {
            float d = x[((j / plane) * shape.dim(1) + c) * plane + j % plane] - mean;
            centred += d * d;
        }
        return new float[] {mean, centred / m};
    }

    @ParameterizedTest(name = "x[{0}, {1}, {2}, {3}] in {4} +- {5}")
    @CsvSource({"1, 3, 1, 1, 0, 1", "2, 5, 4, 3, 0, 1", "4, 3, 6, 7, 1000, 2", "16, 2, 17, 17, 3, 1",
        "2, 4, 8, 8, -500, 0.5"})
    void floatTwoPassBatchNormStaysWithinTheBound(int n, int c, int h, int w, float centre, float spread) {
        Shape shape = Shape.nchw(n, c, h, w);
        SplittableRandom random = new SplittableRandom(n * 31L + c);
        float[] x = new float[(int) shape.elementCount()];
        float[] dy = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(centre - spread, centre + spread);
            dy[i] = (float) random.nextDouble(-1, 1);
        }
        float[] gamma = new float[c];
        float[] beta = new float[c];
        for (int i = 0; i < c; i++) {
            gamma[i] = (float) random.nextDouble(0.5, 2);
            beta[i] = (float) random.nextDouble(-1, 1);
        }
        BatchNormBound bound = new BatchNormBound(shape);
        double[] mean = bound.exactMean(x);
        double[] variance = bound.exactVariance(x, mean);
        double[] meanError = bound.meanError(x);
        double[] varianceError = bound.varianceRelativeError(x, variance, EPSILON);
        double[] meanBound = bound.mean(x, mean);
        double[] varianceBound = bound.variance(x, variance, EPSILON);
        int plane = h * w;
        double[] exactY = new double[x.length];
        float[] plainY = new float[x.length];
        float[] foldedY = new float[x.length];
        float[] floatMean = new float[c];
        float[] floatVariance = new float[c];
        for (int ch = 0; ch < c; ch++) {
            float[] stats = floatStatistics(x, shape, ch, false);
            floatMean[ch] = stats[0];
            floatVariance[ch] = stats[1];
            assertThat(Math.abs(stats[0] - mean[ch])).as("float mean of channel %d", ch)
                    .isLessThanOrEqualTo(meanBound[ch]);
            assertThat(Math.abs(stats[1] - variance[ch])).as("float variance of channel %d", ch)
                    .isLessThanOrEqualTo(varianceBound[ch]);
            float inverseStd = (float) (1 / Math.sqrt(stats[1] + (float) EPSILON));
            float scale = gamma[ch] * inverseStd;
            float shift = beta[ch] - stats[0] * scale;
            double exactScale = gamma[ch] / Math.sqrt(variance[ch] + EPSILON);
            for (int j = 0; j < n * plane; j++) {
                int i = ((j / plane) * c + ch) * plane + j % plane;
                exactY[i] = exactScale * (x[i] - mean[ch]) + beta[ch];
                plainY[i] = (x[i] - stats[0]) * inverseStd * gamma[ch] + beta[ch];
                foldedY[i] = Math.fma(x[i], scale, shift);
            }
        }
        double[] yBound = bound.forward(x, gamma, beta, mean, variance, EPSILON, meanError, varianceError, exactY);
        for (int i = 0; i < x.length; i++) {
            assertThat(Math.abs(plainY[i] - exactY[i])).as("y[%d], (x - mean)·invstd·gamma + beta", i)
                    .isLessThanOrEqualTo(yBound[i]);
            assertThat(Math.abs(foldedY[i] - exactY[i])).as("y[%d], fma(x, scale, shift)", i)
                    .isLessThanOrEqualTo(yBound[i]);
        }

        // Backward in float with the backend's own statistics, against the exact gradient.
        double[][] exact = exactBackward(shape, x, dy, gamma, mean, variance);
        double[][] backwardBound = bound.backward(x, dy, gamma, mean, variance, EPSILON, meanError, varianceError,
                exact[0]);
        float[][] floats = floatBackward(shape, x, dy, gamma, floatMean, floatVariance);
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < exact[k].length; i++) {
                assertThat(Math.abs(floats[k][i] - exact[k][i])).as("backward output %d [%d]", k, i)
                        .isLessThanOrEqualTo(backwardBound[k][i]);
            }
        }
    }

    @ParameterizedTest(name = "mean {0}")
    @CsvSource({"1000", "-4000"})
    void onePassFloatVarianceOfALargeMeanFallsOutsideTheBound(float centre) {
        Shape shape = Shape.nchw(4, 1, 6, 7);
        SplittableRandom random = new SplittableRandom(5);
        float[] x = new float[(int) shape.elementCount()];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(centre - 2, centre + 2);
        }
        BatchNormBound bound = new BatchNormBound(shape);
        double[] mean = bound.exactMean(x);
        double[] variance = bound.exactVariance(x, mean);
        float onePass = floatStatistics(x, shape, 0, true)[1];
        assertThat(Math.abs(onePass - variance[0])).isGreaterThan(bound.variance(x, variance, EPSILON)[0]);
    }

    /** dx, dGamma, dBeta in double with the given statistics. */
    private static double[][] exactBackward(Shape shape, float[] x, float[] dy, float[] gamma, double[] mean,
                                            double[] variance) {
        int c = shape.dim(1);
        int plane = shape.dim(2) * shape.dim(3);
        int m = shape.dim(0) * plane;
        double[] dx = new double[x.length];
        double[] dGamma = new double[c];
        double[] dBeta = new double[c];
        for (int ch = 0; ch < c; ch++) {
            double s = 1 / Math.sqrt(variance[ch] + EPSILON);
            for (int j = 0; j < m; j++) {
                int i = ((j / plane) * c + ch) * plane + j % plane;
                dBeta[ch] += dy[i];
                dGamma[ch] += dy[i] * (x[i] - mean[ch]) * s;
            }
            for (int j = 0; j < m; j++) {
                int i = ((j / plane) * c + ch) * plane + j % plane;
                double xhat = (x[i] - mean[ch]) * s;
                dx[i] = gamma[ch] * s * (dy[i] - dBeta[ch] / m - xhat * dGamma[ch] / m);
            }
        }
        return new double[][] {dx, dGamma, dBeta};
    }

    /** The same in float, sequential sums. */
    private static float[][] floatBackward(Shape shape, float[] x, float[] dy, float[] gamma, float[] mean,
                                           float[] variance) {
        int c = shape.dim(1);
        int plane = shape.dim(2) * shape.dim(3);
        int m = shape.dim(0) * plane;
        float[] dx = new float[x.length];
        float[] dGamma = new float[c];
        float[] dBeta = new float[c];
        for (int ch = 0; ch < c; ch++) {
            float s = (float) (1 / Math.sqrt(variance[ch] + (float) EPSILON));
            for (int j = 0; j < m; j++) {
                int i = ((j / plane) * c + ch) * plane + j % plane;
                dBeta[ch] += dy[i];
                dGamma[ch] += dy[i] * ((x[i] - mean[ch]) * s);
            }
            for (int j = 0; j < m; j++) {
                int i = ((j / plane) * c + ch) * plane + j % plane;
                float xhat = (x[i] - mean[ch]) * s;
                dx[i] = gamma[ch] * s * (dy[i] - dBeta[ch] / m - xhat * dGamma[ch] / m);
            }
        }
        return new float[][] {dx, dGamma, dBeta};
    }
}
