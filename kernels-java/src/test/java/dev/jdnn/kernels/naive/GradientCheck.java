package dev.jdnn.kernels.naive;

import dev.jdnn.Tensor;

import java.util.function.DoubleSupplier;
import java.util.function.ToDoubleFunction;

/**
 * Central finite differences, {@code (L(x + h) - L(x - h)) / 2h} per element, and the loss
 * {@code sum(y * g)} through which a random upstream gradient {@code g} enters a check.
 */
final class GradientCheck {
    private GradientCheck() {
    }

    /**
     * The numeric gradient of {@code loss} with respect to every element of {@code input},
     * perturbing the tensor in place and restoring it. {@code step} must keep the perturbed
     * values exact in float (a power of two no finer than the values' own grid), so the
     * difference quotient sees exactly the step it divides by.
     */
    static double[] numeric(Tensor input, float step, DoubleSupplier loss) {
        float[] values = input.toArray();
        double[] gradient = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            float original = values[i];
            values[i] = original + step;
            input.copyFrom(values);
            double plus = loss.getAsDouble();
            values[i] = original - step;
            input.copyFrom(values);
            double minus = loss.getAsDouble();
            values[i] = original;
            gradient[i] = (plus - minus) / (2.0 * step);
        }
        input.copyFrom(values);
        return gradient;
    }

    /** The numeric gradient of a function computed wholly in {@code double}. */
    static double[] numeric(double[] input, double step, ToDoubleFunction<double[]> loss) {
        double[] x = input.clone();
        double[] gradient = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double original = x[i];
            x[i] = original + step;
            double plus = loss.applyAsDouble(x);
            x[i] = original - step;
            double minus = loss.applyAsDouble(x);
            x[i] = original;
            gradient[i] = (plus - minus) / (2.0 * step);
        }
        return gradient;
    }

    /** {@code sum(y * g)} in double: the loss whose gradient with respect to {@code y} is {@code g}. */
    static double weightedSum(Tensor y, Tensor g) {
        float[] ys = y.toArray();
        float[] gs = g.toArray();
        double sum = 0.0;
        for (int i = 0; i < ys.length; i++) {
            sum += (double) ys[i] * gs[i];
        }
        return sum;
    }

    /** Doubles of a float tensor's elements. */
    static double[] toDoubles(Tensor t) {
        float[] values = t.toArray();
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }
}
