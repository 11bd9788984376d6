package dev.jdnn.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnchorResultsTest {
    private final AnchorResults anchor = CannedResults.anchor();

    @Test
    void takesTheLeastDisturbedRunOfEachVariantAndTheFastestPlainTensorVariant() {
        // reord's disturbed 0.200 run is dropped for its quieter 0.141; the reference 'plain' kernel loses
        assertThat(anchor.fastest(Pass.CONV_FORWARD, "lenet_c2", 1))
                .hasValue(new AnchorResults.AnchorTime(0.141, "reord"));
        assertThat(anchor.millis(Pass.CONV_FORWARD, "lenet_c2", 1)).hasValue(0.141);
    }

    @Test
    void takesMixedWhenItBeatsReordButNeverTheBlockedVariant() {
        // blk (0.150) is faster still, but its tensors are not plain NCHW
        assertThat(anchor.fastest(Pass.CONV_BACKWARD_WEIGHTS, "lenet_c2", 1))
                .hasValue(new AnchorResults.AnchorTime(0.205, "mixed"));
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
