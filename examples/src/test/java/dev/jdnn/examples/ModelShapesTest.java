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
    void cifarNetPoolsTwentyEightDownToSevenBeforeItsDenseLayers() {
        try (Model model = CifarNet.create(1)) {
            // conv 1->64 5x5, conv 64->64 5x5, dense 64*7*7 -> 256, dense 256 -> 10, with biases
            assertThat(model.parameterCount()).isEqualTo(64 * 25 + 64 + 64 * 64 * 25 + 64 + 3136 * 256 + 256 + 2570)
                    .isEqualTo(909_770);
            assertThat(model.parameters().get(4).value().shape()).isEqualTo(Shape.of(256, 3136));
            assertThat(logitsShape(model)).isEqualTo(Shape.of(5, 10));
        }
    }

    @Test
    void cifarNetDecaysOnlyItsHiddenDenseWeightsAsTheSeedDoesUnlessTheFlagSetsOneDecay() {
        try (Model own = CifarNet.create(1);
                Model flag = CifarNet.create(new ModelOptions(1, WeightInit.HE, 0, 1e-4f, dev.jdnn.Layout.NCHW))) {
            assertThat(own.parameters()).filteredOn(p -> p.weightDecay() > 0).extracting(Parameter::name)
                    .containsExactly("fc1.weight");
            assertThat(own.parameters().get(4).weightDecay()).isEqualTo(0.004f);
            assertThat(flag.parameters()).extracting(Parameter::weightDecay).containsOnly(1e-4f);
        }
    }

    @Test
    void seedsLrnIsPyTorchsWindowOfNine() {
        assertThat(CifarNet.LRN).isEqualTo(new dev.jdnn.Lrn(9, 0.001, 0.75, 1.0));
    }

    @Test
    void leNetWithBatchNormAddsAScaleAndShiftPerConvChannel() {
        try (Model model = Models.create(LeNet5Bn.NAME, ModelOptions.defaults(1))) {
            assertThat(model.parameterCount()).isEqualTo(61_706 + 2 * (6 + 16));
            assertThat(model.parameters()).extracting(Parameter::name).startsWith("conv1.weight", "conv1.bias",
                    "bn1.weight", "bn1.bias", "conv2.weight");
            assertThat(model.parameters().get(2).value().toArray()).containsOnly(1f);
            assertThat(logitsShape(model)).isEqualTo(Shape.of(5, 10));
        }
    }

    @Test
    void nhwcModelsGiveTheSameLogitShape() {
        for (String name : Models.names()) {
            try (Model model = Models.create(name, ModelOptions.defaults(1).withLayout(dev.jdnn.Layout.NHWC))) {
                assertThat(model.layout()).isEqualTo(dev.jdnn.Layout.NHWC);
                assertThat(logitsShape(model)).as(name).isEqualTo(Shape.of(5, 10));
            }
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
        assertThat(err.toString()).contains("--model: expected lenet5, lenet-bn or cifarnet, got 'resnet50'");
    }

    private static Shape logitsShape(Model model) {
        try (Backend backend = Backends.open("naive", new BackendConfig(1)); Network net = model.network(backend, 5)) {
            net.forward();
            return net.logits().shape();
        }
    }
}
