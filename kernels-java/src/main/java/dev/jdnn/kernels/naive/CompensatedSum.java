package dev.jdnn.kernels.naive;

/**
 * A running sum in {@code double} with Neumaier's compensation: the rounding error of every
 * addition is kept in a second {@code double} and added back at the end, so the result is the
 * exact sum rounded about once, whatever the number of terms. Plain {@code double} accumulation
 * drifts by up to {@code n · 2^-53} of the magnitude, which reaches float's own half-ulp at
 * {@code n ≈ 2^29} terms (a softmax row or a bias gradient that long, issue #12 item 7); the
 * reference must stay exact there. Products of two floats are exact in {@code double}, so every
 * reduction term reaches this class unrounded.
 *
 * <p>One instance is reused for sum after sum ({@link #reset}); it is not thread-safe, each plan
 * or call holds its own. Infinities and NaN propagate as IEEE addition has them: once the sum is
 * not finite the compensation (then NaN) is ignored.
 */
final class CompensatedSum {
    private double sum;
    private double compensation;

    /** Starts a new sum at {@code start}. */
    CompensatedSum reset(double start) {
        sum = start;
        compensation = 0.0;
        return this;
    }

    /** Adds {@code term}, keeping the part the addition rounded away. */
    void add(double term) {
        double t = sum + term;
        if (Math.abs(sum) >= Math.abs(term)) {
            compensation += (sum - t) + term;
        } else {
            compensation += (term - t) + sum;
        }
        sum = t;
    }

    /** The sum so far. */
    double value() {
        return Double.isFinite(sum) ? sum + compensation : sum;
    }
}
