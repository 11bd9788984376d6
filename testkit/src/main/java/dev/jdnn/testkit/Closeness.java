package dev.jdnn.testkit;

import dev.jdnn.Shape;
import dev.jdnn.Tensor;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Asserts that a backend's output matches a reference element by element within an
 * {@link ErrorBound}, and reports the worst element, how many failed, the case and the seed.
 * A NaN in the output always fails: outputs start as NaN, so a NaN left over means an element
 * was never written.
 */
final class Closeness {
    private Closeness() {
    }

    /** {@code actual} matches the float reference {@code expected} within {@code bound}. */
    static void assertClose(String what, Object testCase, Tensor actual, Tensor expected, double[] bound) {
        assertClose(what, testCase, actual, toDoubles(expected.toArray()), bound);
    }

    /** {@code actual} matches {@code expected} (row-major, same shape) within {@code bound}. */
    static void assertClose(String what, Object testCase, Tensor actual, double[] expected, double[] bound) {
        float[] values = actual.toArray();
        if (values.length != expected.length) {
            fail(what + ": expected " + expected.length + " elements, got " + values.length + " in " + actual.shape()
                    + "; case " + testCase);
        }
        int failures = 0;
        int worst = -1;
        double worstRatio = 0;
        for (int i = 0; i < values.length; i++) {
            double error = Math.abs(values[i] - expected[i]);
            // An infinite reference is matched exactly (the error Inf - Inf is NaN, not 0).
            boolean bad = Float.isNaN(values[i]) || !(values[i] == expected[i] || error <= bound[i]);
            if (bad) {
                failures++;
                double ratio = Float.isNaN(values[i]) ? Double.POSITIVE_INFINITY : error / bound[i];
                if (worst < 0 || ratio > worstRatio) {
                    worst = i;
                    worstRatio = ratio;
                }
            }
        }
        if (failures > 0) {
            fail(what + ": " + failures + " of " + values.length + " elements outside the error bound; worst at "
                    + Arrays.toString(index(actual.shape(), worst)) + ": actual " + values[worst] + ", expected "
                    + expected[worst] + ", bound " + bound[worst] + "; case " + testCase + origin(testCase));
        }
    }

    /** A scalar result, such as a mean loss, within {@code bound} of {@code expected}. */
    static void assertClose(String what, Object testCase, double actual, double expected, double bound) {
        if (Double.isNaN(actual) || !(actual == expected || Math.abs(actual - expected) <= bound)) {
            fail(what + ": actual " + actual + ", expected " + expected + ", bound " + bound + "; case " + testCase
                    + origin(testCase));
        }
    }

    /** Where a case comes from, so that a reader can reproduce it. */
    private static String origin(Object testCase) {
        return testCase instanceof GoldenCase ? " (golden data from PyTorch)" : "; " + TestSeed.rerunHint();
    }

    static double[] toDoubles(float[] values) {
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
    }

    private static int[] index(Shape shape, int flat) {
        int[] index = new int[shape.rank()];
        for (int d = shape.rank() - 1; d >= 0; d--) {
            index[d] = flat % shape.dim(d);
            flat /= shape.dim(d);
        }
        return index;
    }
}
