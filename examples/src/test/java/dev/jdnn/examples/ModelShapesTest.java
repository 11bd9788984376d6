package dev.jdnn.examples;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Shape;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ModelShapesTest {
    @Test
    void leNet5HasItsTextbookParameterCountAndTenLogits() {
        try (Model model = LeNet5.create(1)) {
            assertThat(model.parameterCount()).isEqualTo(61_706);
            assertThat(model.parameters()).extracting(Parameter::name).containsExactly("conv1.weight", "conv1.bias",
                    "conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias", "fc2.weight", "fc2.bias", "fc3.weight",
                    "fc3.bias");
            assertThat(logitsShape(model)).isEqualTo(Shape.of(5, 10));
        }
    }

    @Test
    void cifarNetPoolsTwentyEightDownToSixBeforeItsDenseLayers() {
        try (Model model = CifarNet.create(1)) {
            // conv 1->64 5x5, conv 64->64 5x5, dense 64*6*6 -> 256, dense 256 -> 10, with biases
            assertThat(model.parameterCount()).isEqualTo(64 * 25 + 64 + 64 * 64 * 25 + 64 + 2304 * 256 + 256 + 2570);
            assertThat(model.parameters().get(4).value().shape()).isEqualTo(Shape.of(256, 2304));
            assertThat(logitsShape(model)).isEqualTo(Shape.of(5, 10));
        }
    }

    @Test
    void theSameSeedGivesTheSameWeightsWhicheverModel() {
        try (Model a = CifarNet.create(9); Model b = CifarNet.create(9); Model c = CifarNet.create(10)) {
            assertThat(a.parameters().get(2).value().toArray()).isEqualTo(b.parameters().get(2).value().toArray())
                    .isNotEqualTo(c.parameters().get(2).value().toArray());
        }
    }

    @Test
    void anUnknownModelIsRejectedWithTheNamesItTakes() {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new TrainCommand()).setErr(new PrintWriter(err)).execute("--model", "resnet50");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("--model: expected lenet5 or cifarnet, got 'resnet50'");
    }

    private static Shape logitsShape(Model model) {
        try (Backend backend = Backends.open("naive", new BackendConfig(1)); Network net = model.network(backend, 5)) {
            net.forward();
            return net.logits().shape();
        }
    }
}
