package dev.jdnn.testkit;

import dev.jdnn.Shape;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GoldenDataTest {

    @ParameterizedTest
    @ValueSource(strings = {"conv2d.json", "pool2d.json", "dense.json", "activation.json", "softmax.json",
            "cross_entropy.json"})
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
    @ValueSource(strings = {"conv2d.json", "pool2d.json", "dense.json"})
    void linearOpsCarryTheirErrorMagnitudes(String file) {
        for (GoldenCase c : GoldenData.load(file)) {
            assertThat(c.expected().values()).allSatisfy(t -> assertThat(t.magnitude()).isNotNull());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"conv2d.json", "pool2d.json"})
    void jdnnOutputShapesAgreeWithPyTorch(String file) {
        for (GoldenCase c : GoldenData.load(file)) {
            Shape input = c.inputs().get("x").shape();
            Shape output = file.startsWith("conv") ? c.conv2d().outputShape(input) : c.pool2d().outputShape(input);
            assertThat(output).as("output shape of %s", c).isEqualTo(c.expected().get("y").shape());
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
