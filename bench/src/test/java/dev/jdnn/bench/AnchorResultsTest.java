package dev.jdnn.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnchorResultsTest {
    private final AnchorResults anchor = CannedResults.anchor();

    @Test
    void takesTheLeastDisturbedRunOfTheNchwVariantForConvolution() {
        assertThat(anchor.millis(Pass.CONV_FORWARD, "lenet_c2", 1)).hasValue(0.141);
    }

    @Test
    void takesThePlainVariantForPoolingAtItsThreadCount() {
        assertThat(anchor.millis(Pass.POOL_FORWARD, "pool_lenet", 2)).hasValue(0.077);
        assertThat(anchor.millis(Pass.POOL_FORWARD, "pool_lenet", 1)).isEmpty();
    }

    @Test
    void hasNothingForPassesTheHarnessDidNotRun() {
        assertThat(anchor.millis(Pass.CONV_BACKWARD_DATA, "lenet_c2", 1)).isEmpty();
    }
}
