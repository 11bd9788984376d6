package dev.jdnn.testkit;

import dev.jdnn.Shape;

/**
 * How far a correct float32 LRN across channels may lie from the exact one, element by element,
 * in logical {@code [n, c, h, w]} order. With {@code s[c] = k + alpha/size · Σ_window x²}:
 * <ul>
 *   <li>{@code s} carries {@code (m + 4)·u} relative to its magnitude
 *       {@code |k| + |alpha|/size · Σx²}, where {@code m = min(size, channels)} is the most squares a
 *       window clipped to the tensor's channels sums (so a size far beyond the channel count does not
 *       loosen the bound); a cancellation when {@code k} and alpha have opposite signs shows up
 *       there;</li>
 *   <li>{@code s^-beta} through {@code exp(-beta·ln s)} adds {@code |beta|} times that, the
 *       {@link ErrorBound#ELEMENTARY_ULPS} of each elementary call, and {@code |beta·ln s|·u} for the
 *       rounding of the exponent;</li>
 *   <li>backward adds, for each window {@code c''} that holds {@code c}, the same for
 *       {@code s[c'']^(-beta-1)} and the sum of at most {@code m} such terms.</li>
 * </ul>
 */
final class LrnBound {
    private static final double U = ErrorBound.UNIT_ROUNDOFF;
    private static final double E = ErrorBound.ELEMENTARY_ULPS;

    private final Shape shape;
    private final int size;
    private final double alpha;
    private final double beta;
    private final double k;
    private final int channels;
    private final int plane;
    /** The most terms a window sum holds: the window clipped to the channels, {@code min(size, channels)}. */
    private final int summed;

    LrnBound(Shape shape, int size, double alpha, double beta, double k) {
        this.shape = shape;
        this.size = size;
        this.alpha = alpha;
        this.beta = beta;
        this.k = k;
        this.channels = shape.dim(1);
        this.plane = shape.dim(2) * shape.dim(3);
        this.summed = Math.min(size, channels);
    }

    private int at(int n, int c, int p) {
        return (n * channels + c) * plane + p;
    }

    /** Window of {@code s[c]}: {@code [c - ⌊size/2⌋, c + ⌊(size-1)/2⌋]} clipped to the channels. */
    private double squares(float[] x, int n, int c, int p) {
        double sum = 0;
        for (int other = Math.max(0, c - size / 2); other <= Math.min(channels - 1, c + (size - 1) / 2); other++) {
            double v = x[at(n, other, p)];
            sum += v * v;
        }
        return sum;
    }

    private double scale(double squares) {
        return k + alpha / size * squares;
    }

    private double relativeScaleError(double squares) {
        return (summed + 4) * U * (Math.abs(k) + Math.abs(alpha) / size * squares) / Math.abs(scale(squares));
    }

    /** Relative error of {@code s^-power}. */
    private double relativePowerError(double squares, double power) {
        double s = scale(squares);
        return Math.abs(power) * relativeScaleError(squares) + (E + 2 + Math.abs(power * Math.log(s))) * U;
    }

    /** Bound on {@code y}. */
    double[] forward(float[] x, double[] reference) {
        double[] bound = new double[x.length];
        for (int n = 0; n < shape.dim(0); n++) {
            for (int c = 0; c < channels; c++) {
                for (int p = 0; p < plane; p++) {
                    int i = at(n, c, p);
                    bound[i] = Math.abs(reference[i]) * (relativePowerError(squares(x, n, c, p), beta) + 2 * U)
                            + ErrorBound.UNDERFLOW;
                }
            }
        }
        return bound;
    }

    /** Bound on {@code dx}. */
    double[] backward(float[] x, float[] dy, double[] reference) {
        double[] bound = new double[x.length];
        double factor = Math.abs(2 * alpha * beta / size);
        double[] term = new double[channels];
        double[] termError = new double[channels];
        for (int n = 0; n < shape.dim(0); n++) {
            for (int p = 0; p < plane; p++) {
                for (int c = 0; c < channels; c++) {
                    double squares = squares(x, n, c, p);
                    int i = at(n, c, p);
                    term[c] = Math.abs((double) dy[i] * x[i] * Math.pow(scale(squares), -beta - 1));
                    termError[c] = term[c] * (relativePowerError(squares, beta + 1) + 4 * U);
                }
                for (int c = 0; c < channels; c++) {
                    int i = at(n, c, p);
                    double squares = squares(x, n, c, p);
                    double direct = Math.abs(dy[i] * Math.pow(scale(squares), -beta));
                    double sum = 0;
                    double sumError = 0;
                    for (int window = Math.max(0, c - (size - 1) / 2); window <= Math.min(channels - 1, c + size / 2);
                         window++) {
                        sum += term[window];
                        sumError += termError[window];
                    }
                    bound[i] = direct * (relativePowerError(squares, beta) + 2 * U)
                            + factor * Math.abs(x[i]) * (sumError + (summed + 4) * U * sum)
                            + U * Math.abs(reference[i]) + ErrorBound.UNDERFLOW;
                }
            }
        }
        return bound;
    }
}
