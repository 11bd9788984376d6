package dev.jdnn.kernels.naive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The reference's sums are exact where plain {@code double} accumulation drifts. */
class CompensatedSumTest {
    @Test
    void keepsManyTermsBelowTheRunningSumsUlp() {
        // 2^24 terms of 2^-60 after a 1: each vanishes in a plain double sum (ulp(1) = 2^-52),
        // together they are 2^-36, which the compensated sum keeps exactly.
        CompensatedSum sum = new CompensatedSum().reset(1.0);
        double plain = 1.0;
        for (int i = 0; i < 1 << 24; i++) {
            sum.add(0x1p-60);
            plain += 0x1p-60;
        }
        assertThat(plain).isEqualTo(1.0);
        assertThat(sum.value()).isEqualTo(1.0 + 0x1p-36);
    }

    @Test
    void cancellationLeavesTheExactRemainder() {
        CompensatedSum sum = new CompensatedSum().reset(0.0);
        sum.add(0x1p60);
        sum.add(1.0);
        sum.add(-0x1p60);
        assertThat(sum.value()).isEqualTo(1.0);
    }

    @Test
    void infinitiesAndNanPropagateAsInIeeeAddition() {
        CompensatedSum sum = new CompensatedSum().reset(0.0);
        sum.add(1.0);
        sum.add(Double.POSITIVE_INFINITY);
        sum.add(2.0);
        assertThat(sum.value()).isEqualTo(Double.POSITIVE_INFINITY);
        sum.add(Double.NEGATIVE_INFINITY);
        assertThat(sum.value()).isNaN();
        assertThat(sum.reset(5.0).value()).isEqualTo(5.0);
    }
}
