package dev.jdnn.examples;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RunningStatisticsTest {
    @Test
    void foldsInTheBatchWithPyTorchsMomentumAndTheUnbiasedVariance() {
        try (RunningStatistics running = new RunningStatistics(2);
                Tensor mean = Tensor.of(Shape.of(2), 2f, -4f);
                Tensor variance = Tensor.of(Shape.of(2), 3f, 0.5f)) {
            assertThat(running.mean().toArray()).containsExactly(0f, 0f);
            assertThat(running.variance().toArray()).containsExactly(1f, 1f);
            running.update(mean, variance, 4);
            assertThat(running.mean().toArray()).containsExactly(0.2f, -0.4f);
            // 0.9 * 1 + 0.1 * 3 * 4/3 and 0.9 * 1 + 0.1 * 0.5 * 4/3
            assertThat(running.variance().get(0)).isCloseTo(1.3f, within(1e-6f));
            assertThat(running.variance().get(1)).isCloseTo(0.9f + 0.2f / 3, within(1e-6f));
        }
    }

    @Test
    void trainingStepsMoveTheRunningStatisticsAndEvaluationUsesThemWithoutMovingThem() {
        byte[] pixels = new byte[16 * 28 * 28];
        new java.util.Random(3).nextBytes(pixels);
        Dataset data = new Dataset("random", 16, 28, 28, pixels, new int[16]);
        try (Backend naive = Backends.open("naive", new BackendConfig(1));
                Model model = Models.create(LeNet5Bn.NAME, ModelOptions.defaults(1));
                Optimizer sgd = new Sgd(0);
                Trainer trainer = new Trainer(naive, model, sgd, 8, 1)) {
            Network probe = model.network(naive, 16);
            float[] before = runningMeanOfFirstLayer(probe);
            trainer.trainEpoch(data, 0f, null);
            float[] trained = runningMeanOfFirstLayer(probe);
            assertThat(trained).isNotEqualTo(before);
            trainer.evaluate(data);
            assertThat(runningMeanOfFirstLayer(probe)).isEqualTo(trained);
            probe.close();
        }
    }

    private static float[] runningMeanOfFirstLayer(Network net) {
        return net.layers().stream().filter(l -> l instanceof BatchNormLayer).map(l -> (BatchNormLayer) l).findFirst()
                .orElseThrow().runningStatistics().mean().toArray();
    }
}
