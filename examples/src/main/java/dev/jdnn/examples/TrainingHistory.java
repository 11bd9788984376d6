package dev.jdnn.examples;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a run produced, for the chart and the summary: every epoch's figures, and the running
 * loss sampled during training (x in fractional epochs).
 */
final class TrainingHistory {
    /** One epoch: training figures and the test accuracy after it; evaluation seconds apart from training. */
    record Epoch(Trainer.EpochResult training, double testAccuracy, double evaluationSeconds) {
    }

    private final List<Epoch> epochs = new ArrayList<>();
    private double[] sampleEpochs = new double[256];
    private double[] sampleLosses = new double[256];
    private int samples;

    void addSample(double epoch, double loss) {
        if (samples == sampleEpochs.length) {
            sampleEpochs = Arrays.copyOf(sampleEpochs, 2 * samples);
            sampleLosses = Arrays.copyOf(sampleLosses, 2 * samples);
        }
        sampleEpochs[samples] = epoch;
        sampleLosses[samples] = loss;
        samples++;
    }

    void addEpoch(Epoch epoch) {
        epochs.add(epoch);
    }

    List<Epoch> epochs() {
        return epochs;
    }

    double[] sampleEpochs() {
        return Arrays.copyOf(sampleEpochs, samples);
    }

    double[] sampleLosses() {
        return Arrays.copyOf(sampleLosses, samples);
    }

    double trainingSeconds() {
        return epochs.stream().mapToDouble(e -> e.training().seconds()).sum();
    }

    double evaluationSeconds() {
        return epochs.stream().mapToDouble(Epoch::evaluationSeconds).sum();
    }

    long trainingImages() {
        return epochs.stream().mapToLong(e -> e.training().images()).sum();
    }
}
