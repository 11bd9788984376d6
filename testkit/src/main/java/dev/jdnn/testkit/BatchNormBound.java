package dev.jdnn.testkit;

import dev.jdnn.Shape;

/**
 * How far a correct float32 batch normalisation may lie from the exact one, element by element,
 * in the spirit of {@link ErrorBound}: worst-case rounding, linear in the reduction length
 * {@code M = n·h·w} (through {@link ErrorBound#effectiveLength}), for any summation order.
 * Every array is in logical {@code [n, c, h, w]} order (per-channel arrays have {@code c} entries).
 *
 * <p>A float backend's channel mean is off by up to {@code δ = (L + 2)·u·mean|x|} (the sum's
 * rounding over the magnitudes, which for a mean of 1000 and a spread of 2 is most of the
 * error), its two-pass variance by {@code (L + 4)·u} relative plus {@code δ²} (the square of the
 * mean's error, which a second pass about an inexact mean adds), and {@code 1/sqrt(v + eps)} by
 * half that plus two roundings. A one-pass {@code Σx²/M - mean²} in float is off by about
 * {@code L·u·mean(x²)}, {@code 10^6·L·u} for a mean of 1000: far outside, as the contract wants.
 * Forward outputs also allow {@code 3u·(|x| + |mean|)} per unit of {@code |gamma|/std}, the rounding
 * of the {@code x·scale + shift} form in which backends fold the normalisation.
 */
final class BatchNormBound {
    private static final double U = ErrorBound.UNIT_ROUNDOFF;

    private final Shape shape;
    private final int channels;
    private final int plane;
    private final int perChannel;
    private final double length;

    BatchNormBound(Shape shape) {
        this.shape = shape;
        this.channels = shape.dim(1);
        this.plane = shape.dim(2) * shape.dim(3);
        this.perChannel = shape.dim(0) * plane;
        this.length = ErrorBound.effectiveLength(perChannel);
    }

    /** Index in logical order of the {@code j}-th element of channel {@code c}. */
    private int at(int c, int j) {
        return ((j / plane) * channels + c) * plane + j % plane;
    }

    /** The exact (double, two-pass) mean of each channel. */
    double[] exactMean(float[] x) {
        double[] mean = new double[channels];
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int j = 0; j < perChannel; j++) {
                sum += x[at(c, j)];
            }
            mean[c] = sum / perChannel;
        }
        return mean;
    }

    /** The exact biased variance of each channel about {@code mean}. */
    double[] exactVariance(float[] x, double[] mean) {
        double[] variance = new double[channels];
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int j = 0; j < perChannel; j++) {
                double d = x[at(c, j)] - mean[c];
                sum += d * d;
            }
            variance[c] = sum / perChannel;
        }
        return variance;
    }

    /** {@code δ}: how far a float backend's channel mean may be from the exact one. */
    double[] meanError(float[] x) {
        double[] error = new double[channels];
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int j = 0; j < perChannel; j++) {
                sum += Math.abs(x[at(c, j)]);
            }
            error[c] = (length + 2) * U * sum / perChannel;
        }
        return error;
    }

    /** Bound on the mean a training forward writes. */
    double[] mean(float[] x, double[] exactMean) {
        double[] delta = meanError(x);
        double[] bound = new double[channels];
        for (int c = 0; c < channels; c++) {
            bound[c] = delta[c] + U * Math.abs(exactMean[c]) + ErrorBound.UNDERFLOW;
        }
        return bound;
    }

    /** Relative error of a float two-pass variance. */
    double[] varianceRelativeError(float[] x, double[] exactVariance, double epsilon) {
        double[] delta = meanError(x);
        double[] relative = new double[channels];
        for (int c = 0; c < channels; c++) {
            relative[c] = (length + 4) * U + delta[c] * delta[c] / (exactVariance[c] + epsilon);
        }
        return relative;
    }

    /** Bound on the biased variance a training forward writes. */
    double[] variance(float[] x, double[] exactVariance, double epsilon) {
        double[] relative = varianceRelativeError(x, exactVariance, epsilon);
        double[] delta = meanError(x);
        double[] bound = new double[channels];
        for (int c = 0; c < channels; c++) {
            bound[c] = (relative[c] + U) * exactVariance[c] + delta[c] * delta[c] + ErrorBound.UNDERFLOW;
        }
        return bound;
    }

    /**
     * Bound on {@code y = gamma·(x - mean)/sqrt(variance + eps) + beta}, where the backend's mean is
     * off by up to {@code meanError} and its variance by {@code varianceError} relative (both 0
     * when the statistics are given, as in inference).
     */
    double[] forward(float[] x, float[] gamma, float[] beta, double[] mean, double[] variance, double epsilon,
                     double[] meanError, double[] varianceError, double[] reference) {
        double[] bound = new double[x.length];
        for (int c = 0; c < channels; c++) {
            double inverseStd = 1 / Math.sqrt(variance[c] + epsilon);
            double scale = Math.abs(gamma[c]) * inverseStd;
            double relativeStd = varianceError[c] / 2 + 3 * U;
            for (int j = 0; j < perChannel; j++) {
                int i = at(c, j);
                double centred = Math.abs(x[i] - mean[c]);
                bound[i] = scale * (meanError[c] + (relativeStd + 4 * U) * centred
                        + 3 * U * (Math.abs(x[i]) + Math.abs(mean[c])))
                        + 3 * U * (Math.abs(beta[c]) + Math.abs(reference[i])) + ErrorBound.UNDERFLOW;
            }
        }
        return bound;
    }

    /** Zeros, for given statistics. */
    double[] none() {
        return new double[channels];
    }

    /**
     * Bounds on the training-mode backward {@code dx}, {@code dGamma}, {@code dBeta} (in that order)
     * computed with {@code mean} and {@code variance}; {@code meanError} and {@code varianceError}
     * as for {@link #forward}, when the backend's statistics are its own rather than the
     * reference's. {@code dxReference} and {@code dGammaReference}: the exact results.
     */
    double[][] backward(float[] x, float[] dy, float[] gamma, double[] mean, double[] variance, double epsilon,
                        double[] meanError, double[] varianceError, double[] dxReference) {
        double[] dx = new double[x.length];
        double[] dGamma = new double[channels];
        double[] dBeta = new double[channels];
        for (int c = 0; c < channels; c++) {
            double inverseStd = 1 / Math.sqrt(variance[c] + epsilon);
            double relativeStd = varianceError[c] / 2 + 3 * U;
            double sumDy = 0;
            double absDy = 0;
            double sumDyXhat = 0;
            double absDyXhat = 0;
            double xhatError = 0;
            for (int j = 0; j < perChannel; j++) {
                int i = at(c, j);
                double xhat = (x[i] - mean[c]) * inverseStd;
                sumDy += dy[i];
                absDy += Math.abs(dy[i]);
                sumDyXhat += dy[i] * xhat;
                absDyXhat += Math.abs(dy[i] * xhat);
                xhatError += Math.abs(dy[i]) * xhatError(x[i], mean[c], inverseStd, meanError[c], relativeStd);
            }
            dBeta[c] = (length + 2) * U * absDy + ErrorBound.UNDERFLOW;
            dGamma[c] = (length + 2) * U * absDyXhat + xhatError + ErrorBound.UNDERFLOW;
            double scale = Math.abs(gamma[c]) * inverseStd;
            for (int j = 0; j < perChannel; j++) {
                int i = at(c, j);
                double xhat = Math.abs((x[i] - mean[c]) * inverseStd);
                double terms = Math.abs(dy[i]) + Math.abs(sumDy) / perChannel + xhat * Math.abs(sumDyXhat) / perChannel;
                dx[i] = scale * ((relativeStd + 4 * U) * terms + dBeta[c] / perChannel + xhat * dGamma[c] / perChannel
                        + xhatError(x[i], mean[c], inverseStd, meanError[c], relativeStd) * Math.abs(sumDyXhat)
                        / perChannel)
                        + U * Math.abs(dxReference[i]) + ErrorBound.UNDERFLOW;
            }
        }
        return new double[][] {dx, dGamma, dBeta};
    }

    /** How far a backend's {@code xhat} may be off: its mean's error, its 1/std's, and three roundings. */
    private static double xhatError(float x, double mean, double inverseStd, double meanError, double relativeStd) {
        double xhat = Math.abs((x - mean) * inverseStd);
        return inverseStd * (meanError + 3 * U * (Math.abs(x) + Math.abs(mean))) + relativeStd * xhat;
    }

    Shape shape() {
        return shape;
    }
}
