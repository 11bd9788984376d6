package dev.jdnn.testkit;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorBoundTest {

    /** Sums of products computed in float32 in several orders, as backends do, stay within the bound. */
    @Test
    void reductionBoundHoldsForFloatSumsInAnyOrder() {
        SplittableRandom random = new SplittableRandom(11);
        for (int k : new int[] {1, 2, 7, 64, 1000, 4096}) {
            for (int trial = 0; trial < 20; trial++) {
                float[] a = new float[k];
                float[] b = new float[k];
                double exact = 0;
                double magnitude = 0;
                for (int i = 0; i < k; i++) {
                    a[i] = (float) random.nextDouble(-1, 1);
                    b[i] = (float) (random.nextDouble(-1, 1) * (1 + 1000 * random.nextInt(2)));
                    exact += (double) a[i] * b[i];
                    magnitude += Math.abs((double) a[i] * b[i]);
                }
                double bound = ErrorBound.reduction(new float[] {(float) magnitude}, k)[0];
                float forward = 0;
                float backward = 0;
                float fused = 0;
                for (int i = 0; i < k; i++) {
                    forward += a[i] * b[i];
                    backward += a[k - 1 - i] * b[k - 1 - i];
                    fused = Math.fma(a[i], b[i], fused);
                }
                assertThat(Math.abs(forward - exact)).isLessThanOrEqualTo(bound);
                assertThat(Math.abs(backward - exact)).isLessThanOrEqualTo(bound);
                assertThat(Math.abs(fused - exact)).isLessThanOrEqualTo(bound);
                assertThat(Math.abs(pairwise(a, b, 0, k) - exact)).isLessThanOrEqualTo(bound);
            }
        }
    }

    private static float pairwise(float[] a, float[] b, int from, int to) {
        if (to - from == 1) {
            return a[from] * b[from];
        }
        int middle = (from + to) >>> 1;
        return pairwise(a, b, from, middle) + pairwise(a, b, middle, to);
    }

    @Test
    void reductionBoundScalesWithTheReductionLength() {
        double short1 = ErrorBound.reduction(new float[] {1f}, 10)[0];
        double long1 = ErrorBound.reduction(new float[] {1f}, 1000)[0];
        assertThat(long1 / short1).isBetween(80.0, 90.0);
    }

    @Test
    void softmaxBoundStaysFiniteForUnderflowedProbabilities() {
        double[] bound = ErrorBound.softmax(new double[] {0.0, 1e-30, 0.5}, 3);
        for (double b : bound) {
            assertThat(b).isFinite().isPositive();
        }
        assertThat(bound[0]).isEqualTo(ErrorBound.UNDERFLOW);
        assertThat(bound[2]).isLessThan(1e-5);
    }

    @Test
    void crossEntropyGradientBoundIsRelativeToTheProbabilityAtTheLabel() {
        // batch 2, classes 2: row 0 label 0 with p = (0.99, 0.01), row 1 label 1 with p = (0.5, 0.5)
        double[] gradient = {(0.99 - 1) / 2, 0.01 / 2, 0.5 / 2, (0.5 - 1) / 2};
        double[] bound = ErrorBound.crossEntropyGradient(gradient, new int[] {0, 1}, 2);
        assertThat(bound[0]).as("label entry, p = 0.99").isGreaterThan(bound[1]);
        for (double b : bound) {
            assertThat(b).isLessThan(1e-5);
        }
    }

    @Test
    void longReductionBoundStaysBelowTheMagnitudeForAnyLengthATensorCanHave() {
        assertThat(ErrorBound.effectiveLength(1)).isEqualTo(1);
        assertThat(ErrorBound.effectiveLength(ErrorBound.BLOCK)).isEqualTo(ErrorBound.BLOCK);
        assertThat(ErrorBound.effectiveLength(ErrorBound.BLOCK + 1)).isEqualTo(ErrorBound.BLOCK + 2);
        for (long k : new long[] {1L << 20, 536_895_241L, Integer.MAX_VALUE}) {
            double bound = ErrorBound.reduction(new float[] {1f}, k)[0];
            assertThat(bound).as("bound for %d terms, relative to the magnitude", k).isLessThan(0.04);
        }
    }

    /** Blocked float summation, as the contract asks of long reductions, stays within the bound. */
    @Test
    void blockedFloatSumOfALongReductionIsWithinTheBound() {
        int k = 1 << 20;
        SplittableRandom random = new SplittableRandom(13);
        float[] terms = new float[k];
        double exact = 0;
        double magnitude = 0;
        for (int i = 0; i < k; i++) {
            terms[i] = (float) random.nextDouble(0, 1);
            exact += terms[i];
            magnitude += terms[i];
        }
        float total = 0;
        for (int start = 0; start < k; start += ErrorBound.BLOCK) {
            float block = 0;
            for (int i = start; i < Math.min(k, start + ErrorBound.BLOCK); i++) {
                block += terms[i];
            }
            total += block;
        }
        double bound = ErrorBound.reduction(new float[] {(float) magnitude}, k)[0];
        assertThat(Math.abs(total - exact)).isLessThanOrEqualTo(bound);
    }

    /** A sequential float sum of 2^25 ones stops at 2^24 (issue #12 item 7): the bound rejects it. */
    @Test
    void sequentialFloatSumOfTwoToTheTwentyFiveOnesFailsTheBound() {
        int k = 1 << 25;
        float sum = 0;
        for (int i = 0; i < k; i++) {
            sum += 1f;
        }
        assertThat(sum).isEqualTo(0x1p24f);
        double bound = ErrorBound.reduction(new float[] {k}, k)[0];
        assertThat(Math.abs((double) sum - k)).isGreaterThan(bound);
    }
}
