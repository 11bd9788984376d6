package dev.jdnn.testkit;

import dev.jdnn.Shape;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LrnBound} against LRN computed in float32 the way a fast backend does it (float window
 * sums, the power through float {@code exp}/{@code log}): inside the bound; and a wrong window (one
 * channel off) outside it.
 */
class LrnBoundTest {

    @ParameterizedTest(name = "size {0}, alpha {1}, beta {2}, k {3}, c {4}")
    @CsvSource({"5, 0.0001, 0.75, 2, 7", "4, 0.5, 0.75, 2, 6", "9, 1.5, 0.75, 1, 4", "1, 2, 1, 0.5, 3",
        "9, 0.00099, 0.75, 1, 16", "5, 2.5, 0.5, 2, 33",
        "1001, 2, 0.75, 1, 3"})
    void floatLrnStaysWithinTheBoundAndAShiftedWindowDoesNot(int size, double alpha, double beta, double k, int c) {
        Shape shape = Shape.nchw(2, c, 2, 3);
        SplittableRandom random = new SplittableRandom(size * 7L + c);
        float[] x = new float[(int) shape.elementCount()];
        float[] dy = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(-2, 2);
            dy[i] = (float) random.nextDouble(-1, 1);
        }
        double[][] exact = lrn(shape, x, dy, size, alpha, beta, k, 0, false);
        double[][] floats = lrn(shape, x, dy, size, alpha, beta, k, 0, true);
        LrnBound bound = new LrnBound(shape, size, alpha, beta, k);
        double[] yBound = bound.forward(x, exact[0]);
        double[] dxBound = bound.backward(x, dy, exact[1]);
        for (int i = 0; i < x.length; i++) {
            assertThat(Math.abs(floats[0][i] - exact[0][i])).as("y[%d]", i).isLessThanOrEqualTo(yBound[i]);
            assertThat(Math.abs(floats[1][i] - exact[1][i])).as("dx[%d]", i).isLessThanOrEqualTo(dxBound[i]);
        }
        if (size > 1 && size < c && alpha > 0.1) {
            double[][] shifted = lrn(shape, x, dy, size, alpha, beta, k, 1, false);
            boolean outside = false;
            for (int i = 0; i < x.length; i++) {
                outside |= Math.abs(shifted[0][i] - exact[0][i]) > yBound[i];
            }
            assertThat(outside).as("a window one channel off is caught").isTrue();
        }
    }

    /**
     * A window far wider than the channels sums only the channels there are, so the bound charges
     * {@code min(size, channels)} terms, not {@code size}: with size 1001 over 3 channels an error of
     * 200 units of roundoff in every y and dx (inside a bound charged for 1001 terms,
     * {@code 0.75 · 1005 u} on y) is caught.
     */
    @Test
    void aWindowWiderThanTheChannelsIsChargedOnlyForTheChannelsItSums() {
        int size = 1001;
        Shape shape = Shape.nchw(2, 3, 2, 3);
        SplittableRandom random = new SplittableRandom(1001);
        float[] x = new float[(int) shape.elementCount()];
        float[] dy = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble(0.5, 2);
            dy[i] = (float) random.nextDouble(0.5, 1);
        }
        double[][] exact = lrn(shape, x, dy, size, 2, 0.75, 1, 0, false);
        LrnBound bound = new LrnBound(shape, size, 2, 0.75, 1);
        double[] yBound = bound.forward(x, exact[0]);
        double[] dxBound = bound.backward(x, dy, exact[1]);
        double off = 200 * ErrorBound.UNIT_ROUNDOFF;
        for (int i = 0; i < x.length; i++) {
            assertThat(Math.abs(exact[0][i]) * off).as("y[%d] off by 200 u", i).isGreaterThan(yBound[i]);
            assertThat(Math.abs(exact[1][i]) * off).as("dx[%d] off by 200 u", i).isGreaterThan(dxBound[i]);
        }
    }

    /**
     * y and dx, in double or (rounding every step to float) in float; {@code shift} moves the window.
     */
    private static double[][] lrn(Shape shape, float[] x, float[] dy, int size, double alpha, double beta, double k,
                                  int shift, boolean inFloat) {
        int c = shape.dim(1);
        int plane = shape.dim(2) * shape.dim(3);
        double[] y = new double[x.length];
        double[] dx = new double[x.length];
        double[] s = new double[c];
        double[] t = new double[c];
        for (int n = 0; n < shape.dim(0); n++) {
            for (int p = 0; p < plane; p++) {
                for (int ch = 0; ch < c; ch++) {
                    double sum = 0;
                    for (int o = ch - size / 2 + shift; o <= ch + (size - 1) / 2 + shift; o++) {
                        if (o >= 0 && o < c) {
                            double v = x[(n * c + o) * plane + p];
                            sum = round(sum + round(v * v, inFloat), inFloat);
                        }
                    }
                    s[ch] = round(k + round(round(alpha / size, inFloat) * sum, inFloat), inFloat);
                    int i = (n * c + ch) * plane + p;
                    t[ch] = round(round(dy[i] * (double) x[i], inFloat) * power(s[ch], -beta - 1, inFloat), inFloat);
                }
                for (int ch = 0; ch < c; ch++) {
                    int i = (n * c + ch) * plane + p;
                    y[i] = round(x[i] * power(s[ch], -beta, inFloat), inFloat);
                    double sum = 0;
                    for (int o = ch - (size - 1) / 2 + shift; o <= ch + size / 2 + shift; o++) {
                        if (o >= 0 && o < c) {
                            sum = round(sum + t[o], inFloat);
                        }
                    }
                    double direct = round(dy[i] * power(s[ch], -beta, inFloat), inFloat);
                    dx[i] = round(direct - round(round(2 * alpha * beta / size, inFloat) * round(x[i] * sum, inFloat),
                            inFloat), inFloat);
                }
            }
        }
        return new double[][] {y, dx};
    }

    /** {@code s^e}; in float as {@code exp(e·log s)} with each step rounded to float. */
    private static double power(double s, double e, boolean inFloat) {
        if (!inFloat) {
            return Math.pow(s, e);
        }
        return (float) Math.exp((float) (e * (float) Math.log(s)));
    }

    private static double round(double v, boolean inFloat) {
        return inFloat ? (float) v : v;
    }
}
