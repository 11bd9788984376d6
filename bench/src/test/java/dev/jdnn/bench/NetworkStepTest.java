package dev.jdnn.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import org.junit.jupiter.api.Test;

import java.util.List;

class NetworkStepTest {
    @Test
    void lenetStepCountsEveryPassOfItsWeightedLayersButTheFirstLayersBackwardData() {
        // conv1 7,526,400 multiply-adds x 2 passes; conv2 15,360,000, fc1 3,072,000, fc2 645,120,
        // fc3 53,760, each x 3 passes; 2 FLOP per multiply-add.
        double macs = 2 * 7_526_400.0 + 3 * (15_360_000.0 + 3_072_000 + 645_120 + 53_760);
        assertThat(NetworkShape.lenet5().gflop()).isCloseTo(2 * macs / 1e9, within(1e-9));
    }

    @Test
    void everyCellANetworkSumsIsAHotCoreCell() {
        for (NetworkShape network : NetworkShape.all()) {
            for (NetworkShape.CellPart part : network.cells()) {
                assertThat(part.pass().shapeIds()).as(network.id()).contains(part.shape());
            }
            assertThat(Pass.NETWORK_STEP.shapeIds()).contains(network.id());
        }
    }

    @Test
    void nhwcStepComputesTheNchwStepsLossAndGradientsOnNaive() {
        for (NetworkShape network : NetworkShape.all()) {
            // one image: naive's CIFAR step takes seconds per image
            NetworkShape one = network.withBatch(1);
            try (Backend naive = Backends.open("naive", new BackendConfig(1));
                 TrainingStep nchw = new TrainingStep(naive, one, 7);
                 TrainingStep nhwc = new TrainingStep(naive, one, 7, dev.jdnn.Layout.NHWC)) {
                float expectedLoss = nchw.run();
                assertThat(nhwc.run()).as(network.id()).isCloseTo(expectedLoss, within(1e-5f * expectedLoss));
                float[] expected = nchw.firstWeightGradient();
                float[] actual = nhwc.firstWeightGradient();
                for (int i = 0; i < expected.length; i++) {
                    assertThat(actual[i]).as("%s dw[%d]", network.id(), i)
                            .isCloseTo(expected[i], within(1e-4f * (1 + Math.abs(expected[i]))));
                }
            }
        }
    }

    @Test
    void vectorStepAgreesWithNaivesOnTwoImages() {
        for (NetworkShape network : NetworkShape.all()) {
            NetworkShape two = network.withBatch(2);
            try (Backend naive = Backends.open("naive", new BackendConfig(1));
                 Backend vector = Backends.open("vector", new BackendConfig(2));
                 TrainingStep reference = new TrainingStep(naive, two, 7);
                 TrainingStep step = new TrainingStep(vector, two, 7)) {
                float expectedLoss = reference.run();
                float loss = step.run();
                assertThat(expectedLoss).as(network.id()).isFinite().isPositive();
                assertThat(loss).as(network.id()).isCloseTo(expectedLoss, within(1e-4f * expectedLoss));
                float[] expected = reference.firstWeightGradient();
                float[] actual = step.firstWeightGradient();
                double scale = 0;
                for (float v : expected) {
                    scale = Math.max(scale, Math.abs(v));
                }
                assertThat(scale).as(network.id() + ": the gradient reaches the first layer").isPositive();
                for (int i = 0; i < expected.length; i++) {
                    assertThat((double) actual[i]).as("%s dw[%d]", network.id(), i)
                            .isCloseTo(expected[i], within(1e-3 * scale));
                }
            }
        }
    }

    @Test
    void partsAreTheStepsInItsOrderAndTheirGflopAddUpToTheSteps() {
        for (NetworkShape network : NetworkShape.all()) {
            double sum = network.layerParts().stream().mapToDouble(network::partGflop).sum();
            assertThat(sum).as(network.id()).isCloseTo(network.gflop(), within(1e-12));
            try (Backend naive = Backends.open("naive", new BackendConfig(1));
                 TrainingStep step = new TrainingStep(naive, network.withBatch(1), 7)) {
                assertThat(step.partNames()).as(network.id()).isEqualTo(network.layerParts());
            }
            for (String part : network.layerParts()) {
                assertThat(NetworkShape.ofPart(network.partId(part))).isSameAs(network);
                assertThat(Pass.NETWORK_LAYER.shapeIds()).contains(network.partId(part));
            }
        }
        assertThat(NetworkShape.lenet5().layerParts()).startsWith("conv1.fwd", "pool1.fwd").contains("loss")
                .endsWith("pool1.bwd", "conv1.bwd").doesNotContain("relu1.fwd", "flatten.fwd");
    }

    @Test
    void unknownPartIsRefusedWithTheNetworksParts() {
        assertThatThrownBy(() -> NetworkShape.ofPart("lenet5.relu1.fwd"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lenet5.conv1.fwd");
    }

    @Test
    void layerBenchmarkOffersEveryPartOfEveryNetwork() throws NoSuchFieldException {
        org.openjdk.jmh.annotations.Param param = NetworkLayerBenchmark.class.getField("shape")
                .getAnnotation(org.openjdk.jmh.annotations.Param.class);
        assertThat(List.of(param.value())).isEqualTo(NetworkShape.allPartIds());
    }

    @Test
    void runningEveryPartInOrderIsOneStepToTheBit() {
        for (NetworkShape network : NetworkShape.all()) {
            NetworkShape two = network.withBatch(2);
            try (Backend vector = Backends.open("vector", new BackendConfig(2));
                 TrainingStep whole = new TrainingStep(vector, two, 7, dev.jdnn.Layout.NHWC);
                 TrainingStep inParts = new TrainingStep(vector, two, 7, dev.jdnn.Layout.NHWC)) {
                whole.run();
                for (String part : inParts.partNames()) {
                    inParts.part(part).run();
                }
                assertThat(inParts.firstWeightGradient()).as(network.id()).isEqualTo(whole.firstWeightGradient());
                // a part repeated on its own leaves the same result
                inParts.part("conv1.bwd").run();
                assertThat(inParts.firstWeightGradient()).as(network.id()).isEqualTo(whole.firstWeightGradient());
            }
        }
    }
}
