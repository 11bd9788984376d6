package dev.jdnn.testkit;

import dev.jdnn.Activation;

/**
 * How far a correct float32 result may lie from the reference, element by element.
 *
 * <h2>Reductions (conv, dense, pooling)</h2>
 * Every output of these ops is a sum of {@code K} terms (products, or inputs for pooling) plus
 * perhaps a bias and a division. Computed in float32 in any order, with or without fused
 * multiply-add, and with any blocking or splitting among threads, the classic bound (Higham,
 * <i>Accuracy and Stability of Numerical Algorithms</i>, §3.1) is
 * {@code |fl(s) - s| <= γ(K) · Σ|terms|} with {@code γ(K) = K·u / (1 - K·u)} and the unit
 * roundoff {@code u = 2^-24}. The reference is exact up to its own final rounding to float
 * ({@code <= u·|s| <= u·Σ|terms|}). So a correct backend always satisfies
 * <pre>  |actual - reference| &lt;= (K + 2) · u · M,   M = Σ|terms|</pre>
 * where {@code K} is the reduction length (an upper bound is fine) and {@code M} is the same op
 * run on the absolute values of its inputs, which for a bilinear op is exactly the sum of the
 * absolute terms. The bound is linear in {@code K}: it holds for every summation order, so no
 * correct backend can fail it, whereas the {@code sqrt(K)} rule describes typical, not worst,
 * rounding. It stays sharp enough to catch real bugs: a single term dropped or counted twice
 * moves the result by about {@code M / K}, far above {@code K·u·M} for every {@code K} below
 * {@code 1/sqrt(u) ≈ 4096}, and the suite keeps its reduction lengths well under that.
 *
 * <h2>Long reductions</h2>
 * Past {@link #BLOCK} terms a sequential float sum is no longer acceptable: at {@code K ≥ 1/u}
 * its bound exceeds {@code M} and allows anything (summing {@code 2^29} ones gives {@code 2^24}
 * in float), so the contract asks a backend to sum a long reduction in blocks of at most
 * {@link #BLOCK} terms and then add the partial sums (in sequence, pairwise, or in a wider type).
 * Each term then passes through at most {@code BLOCK + ceil(K / BLOCK)} roundings, which is the
 * length {@link #effectiveLength} puts into the bound instead of {@code K}. So the bound holds
 * for every correct blocked summation and stays meaningful for any length a tensor can have:
 * at {@code K = 2^31} it is about {@code 0.03·M}, and it rejects a sequential float sum of
 * {@code 2^25} ones (which stops at {@code 2^24}). Up to {@link #BLOCK} terms nothing changes.
 *
 * <h2>Element-wise and softmax ops</h2>
 * These also call {@code exp}, {@code log} or {@code tanh}. Fast implementations of those are
 * polynomial approximations accurate to about {@code 2^-18} relative, not to half an ulp:
 * oneDNN's log-softmax, for one, lands up to about 50 ulps from the exact value. So each such
 * call is allowed {@code E =} {@value #ELEMENTARY_ULPS} ulps (still some {@code 10^-5} relative, far below
 * what a wrong formula or a wrong element gives); the per-op bounds below follow from that
 * allowance and the reduction over the class axis.
 *
 * <p>Every bound adds {@link #UNDERFLOW}: fast exponentials clamp their argument near
 * {@code ln(Float.MIN_NORMAL) ≈ -87.3} and return 0 below it, and some backends flush subnormal
 * results to zero, so results that small may come out as 0.
 */
final class ErrorBound {
    /** The unit roundoff of float32, {@code 2^-24}. */
    static final double UNIT_ROUNDOFF = 0x1p-24;

    /**
     * Absolute slack for results near float's underflow threshold, {@code 2^-120}: 64 times
     * {@link Float#MIN_NORMAL}, so that a probability a little above it may still be flushed to 0.
     */
    static final double UNDERFLOW = 0x1p-120;

    /**
     * Longest run of terms a backend may add one after another into one float accumulator:
     * {@code 2^12 ≈ 1/sqrt(u)}, where the linear bound stops catching a dropped term.
     */
    static final int BLOCK = 4096;

    /** Ulps allowed for one call of {@code exp}, {@code log} or {@code tanh}. */
    static final int ELEMENTARY_ULPS = 64;

    private ErrorBound() {
    }

    /**
     * {@code (terms + 2) · u · magnitude[i]} for a reduction of {@code terms} terms whose absolute
     * values sum to {@code magnitude[i]}.
     */
    static double[] reduction(float[] magnitude, long terms) {
        double length = effectiveLength(terms);
        double[] bound = new double[magnitude.length];
        for (int i = 0; i < bound.length; i++) {
            bound[i] = (length + 2) * UNIT_ROUNDOFF * Math.abs(magnitude[i]) + UNDERFLOW;
        }
        return bound;
    }

    /**
     * The most roundings one term of a {@code terms}-long reduction passes through when it is summed
     * in blocks of at most {@link #BLOCK}: {@code terms} itself up to {@code BLOCK}, then
     * {@code BLOCK + ceil(terms / BLOCK)}.
     */
    static long effectiveLength(long terms) {
        if (terms <= BLOCK) {
            return terms;
        }
        return BLOCK + (terms + BLOCK - 1) / BLOCK;
    }

    /**
     * Forward activation. ReLU is exact. Sigmoid and tanh are one elementary call plus a few
     * operations, and their outputs lie in {@code [-1, 1]}: an implementation through
     * {@code (e^2x - 1) / (e^2x + 1)} is accurate in absolute, not relative terms near zero, so
     * the bound is {@code E·u·(|y| + 1)}.
     */
    static double[] activation(Activation a, double[] reference) {
        double[] bound = new double[reference.length];
        for (int i = 0; i < bound.length; i++) {
            double y = Math.abs(reference[i]);
            bound[i] = (a == Activation.RELU ? UNIT_ROUNDOFF * y : ELEMENTARY_ULPS * UNIT_ROUNDOFF * (y + 1))
                    + UNDERFLOW;
        }
        return bound;
    }

    /**
     * Activation backward {@code dx = a'(x) · dy}. ReLU's is exact. For sigmoid and tanh the
     * derivative {@code s(1 - s)} or {@code 1 - t²} is formed from a recomputed output that is
     * {@code E·u} off in absolute terms, which the formula amplifies at most threefold, so the
     * bound is {@code (3E + 2)·u·|dy|}.
     */
    static double[] activationBackward(Activation a, float[] dy, double[] reference) {
        double[] bound = new double[reference.length];
        for (int i = 0; i < bound.length; i++) {
            bound[i] = (a == Activation.RELU
                    ? UNIT_ROUNDOFF * Math.abs(reference[i])
                    : (3 * ELEMENTARY_ULPS + 2) * UNIT_ROUNDOFF * Math.abs(dy[i])) + UNDERFLOW;
        }
        return bound;
    }

    /**
     * Softmax {@code p = e^(x - max) / Σ e^(x - max)} over rows of {@code classes}: one exponential,
     * a sum of {@code classes} positive terms and a division give a relative bound
     * {@code (classes + E + 2)·u·p}. The exponent {@code x - max} itself is rounded, by up to
     * {@code u·|x - max| <= u·|ln p|}, which the exponential turns into that much relative error
     * (small probabilities are the least accurate), so the bound is
     * {@code (classes + E + 2 + |ln p|)·u·p}.
     */
    static double[] softmax(double[] reference, int classes) {
        double[] bound = new double[reference.length];
        for (int i = 0; i < bound.length; i++) {
            bound[i] = probabilityBound(Math.abs(reference[i]), classes) + UNDERFLOW;
        }
        return bound;
    }

    /** The softmax bound of one probability {@code p}. */
    private static double probabilityBound(double p, int classes) {
        double exponent = p > 0 ? Math.abs(Math.log(p)) : 0;
        return (effectiveLength(classes) + ELEMENTARY_ULPS + 2 + exponent) * UNIT_ROUNDOFF * p;
    }

    /**
     * Log-softmax {@code (x - max) - log Σ e^(x - max)}: the sum's relative error
     * {@code (classes + E)·u} becomes an absolute error of the logarithm, and the two parts, whose
     * absolute values add up to {@code |y|} (the first is {@code <= 0}, the second {@code >= 0}),
     * each carry a few roundings: {@code u·((classes + E) + (E + 2)·|y|)}.
     */
    static double[] logSoftmax(double[] reference, int classes) {
        double[] bound = new double[reference.length];
        for (int i = 0; i < bound.length; i++) {
            bound[i] = UNIT_ROUNDOFF * ((effectiveLength(classes) + ELEMENTARY_ULPS) + (ELEMENTARY_ULPS + 2) * Math.abs(reference[i]))
                    + UNDERFLOW;
        }
        return bound;
    }

    /**
     * Softmax backward {@code dx = p · (dy - Σ dy·p)} per row: the dot product over
     * {@code classes} terms, one subtraction and one product give
     * {@code (classes + 3)·u·p·(|dy| + Σ|dy·p|)}.
     */
    static double[] softmaxBackward(float[] probabilities, float[] dy, int classes) {
        double[] bound = new double[dy.length];
        for (int row = 0; row < dy.length; row += classes) {
            double dot = 0;
            for (int j = row; j < row + classes; j++) {
                dot += Math.abs((double) dy[j] * probabilities[j]);
            }
            for (int j = row; j < row + classes; j++) {
                bound[j] = (effectiveLength(classes) + 3) * UNIT_ROUNDOFF * Math.abs(probabilities[j]) * (Math.abs(dy[j]) + dot)
                        + UNDERFLOW;
            }
        }
        return bound;
    }

    /**
     * Log-softmax backward {@code dx = dy - e^logp · Σ dy} per row: a sum of {@code classes}
     * terms, one exponential, a product and a subtraction give
     * {@code (classes + E + 2)·u·(|dy| + e^logp · Σ|dy|)}.
     */
    static double[] logSoftmaxBackward(float[] logProbabilities, float[] dy, int classes) {
        double[] bound = new double[dy.length];
        for (int row = 0; row < dy.length; row += classes) {
            double sum = 0;
            for (int j = row; j < row + classes; j++) {
                sum += Math.abs(dy[j]);
            }
            for (int j = row; j < row + classes; j++) {
                bound[j] = (effectiveLength(classes) + ELEMENTARY_ULPS + 2) * UNIT_ROUNDOFF
                        * (Math.abs(dy[j]) + Math.exp(logProbabilities[j]) * sum) + UNDERFLOW;
            }
        }
        return bound;
    }

    /**
     * Mean cross-entropy: each row's loss is a log-softmax entry (bound as in
     * {@link #logSoftmax}), and the mean over {@code batch} rows adds {@code batch} roundings:
     * {@code (classes + batch + E)·u·(1 + |loss|)}.
     */
    static double crossEntropyLoss(double reference, int batch, int classes) {
        return (effectiveLength(classes) + effectiveLength(batch) + ELEMENTARY_ULPS) * UNIT_ROUNDOFF * (1 + Math.abs(reference))
                + UNDERFLOW;
    }

    /**
     * Cross-entropy gradient {@code (p - onehot) / batch}: {@code p = batch · g + onehot}
     * carries the {@link #softmax} bound, divided by {@code batch}; at the label {@code p - 1}
     * cancels, so there the bound stays relative to {@code p}, not to the small difference. The
     * subtraction, the division by {@code batch} and the reference's own rounding add
     * {@code 3·u·|g|}.
     */
    static double[] crossEntropyGradient(double[] reference, int[] labels, int classes) {
        int batch = labels.length;
        double[] bound = new double[reference.length];
        for (int i = 0; i < bound.length; i++) {
            boolean label = i % classes == labels[i / classes];
            double p = Math.abs(batch * reference[i] + (label ? 1 : 0));
            bound[i] = probabilityBound(p, classes) / batch + 3 * UNIT_ROUNDOFF * Math.abs(reference[i])
                    + UNDERFLOW;
        }
        return bound;
    }
}
