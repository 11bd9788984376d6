package dev.jdnn.testkit;

import dev.jdnn.Layout;
import dev.jdnn.Shape;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GoldenDataTest {

    @ParameterizedTest
    @ValueSource(strings = {"conv2d.json", "pool2d.json", "dense.json", "activation.json", "softmax.json",
            "cross_entropy.json", "conv2d_nhwc.json", "pool2d_nhwc.json", "batch_norm.json", "lrn.json"})
    void everyTensorHoldsAsManyValuesAsItsShapeSays(String file) {
        List<GoldenCase> cases = GoldenData.load(file);
        assertThat(cases).isNotEmpty();
        for (GoldenCase c : cases) {
            assertThat(c.inputs()).isNotEmpty();
            assertThat(c.expected()).isNotEmpty();
            c.inputs().values().forEach(t -> assertThat(t.data()).hasSize((int) t.shape().elementCount()));
            c.expected().values().forEach(t -> {
                assertThat(t.data()).hasSize((int) t.shape().elementCount());
                if (t.magnitude() != null) {
                    assertThat(t.magnitude()).hasSize(t.data().length);
                    for (int i = 0; i < t.data().length; i++) {
                        assertThat((double) t.magnitude()[i]).as("magnitude bounds |value| in %s", c)
                                .isGreaterThanOrEqualTo(Math.abs(t.data()[i]) * (1 - 1e-3));
                    }
                }
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"conv2d.json", "pool2d.json", "dense.json", "conv2d_nhwc.json", "pool2d_nhwc.json"})
    void linearOpsCarryTheirErrorMagnitudes(String file) {
        for (GoldenCase c : GoldenData.load(file)) {
            assertThat(c.expected().values()).allSatisfy(t -> assertThat(t.magnitude()).isNotNull());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"conv2d.json", "pool2d.json", "conv2d_nhwc.json", "pool2d_nhwc.json"})
    void jdnnOutputShapesAgreeWithPyTorch(String file) {
        for (GoldenCase c : GoldenData.load(file)) {
            Shape input = c.inputs().get("x").shape();
            Shape output = file.startsWith("conv") ? c.conv2d().outputShape(input) : c.pool2d().outputShape(input);
            assertThat(output).as("output shape of %s", c).isEqualTo(c.expected().get("y").shape());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"conv2d_nhwc.json", "pool2d_nhwc.json"})
    void channelsLastCasesSayTheirLayout(String file) {
        assertThat(GoldenData.load(file)).allSatisfy(c -> assertThat(c.layout()).isEqualTo(Layout.NHWC));
    }

    /** PyTorch's biased batch variance, recomputed here from the float32 input of every training case. */
    @Test
    void batchNormTrainingCasesHoldTheBatchStatistics() {
        for (GoldenCase c : GoldenData.load("batch_norm.json")) {
            if (!c.training()) {
                continue;
            }
            GoldenTensor x = c.inputs().get("x");
            BatchNormBound bound = new BatchNormBound(x.shape());
            double[] mean = bound.exactMean(x.floats());
            double[] variance = bound.exactVariance(x.floats(), mean);
            for (int ch = 0; ch < mean.length; ch++) {
                assertThat(c.expected("mean").data()[ch]).as("mean %d of %s", ch, c)
                        .isCloseTo(mean[ch], within(1e-9 * (1 + Math.abs(mean[ch]))));
                assertThat(c.expected("variance").data()[ch]).as("variance %d of %s", ch, c)
                        .isCloseTo(variance[ch], within(1e-9 * variance[ch]));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"cross_entropy.json"})
    void crossEntropyCasesHaveOneLabelPerRow(String file) {
        for (GoldenCase c : GoldenData.load(file)) {
            Shape logits = c.inputs().get("logits").shape();
            assertThat(c.labels()).hasSize(logits.dim(0));
            for (int label : c.labels()) {
                assertThat(label).isBetween(0, logits.dim(1) - 1);
            }
        }
    }
}
