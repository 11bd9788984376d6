package dev.jdnn.examples;

import dev.jdnn.Shape;
import dev.jdnn.Tensor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A batch-norm layer's running mean and variance, kept by the example as PyTorch's
 * {@code BatchNorm2d} keeps them (the API leaves them to the caller): both start at 0 and 1, and
 * after every training forward {@code running = (1 - momentum) * running + momentum * batch},
 * momentum 0.1, the variance taken unbiased ({@code batch variance * M / (M - 1)}, M the values
 * per channel). Inference normalises with them. Shared by every batch size of a model.
 */
final class RunningStatistics implements AutoCloseable {
    /** PyTorch's default momentum of the running averages. */
    static final double MOMENTUM = 0.1;

    private final Tensor mean;
    private final Tensor variance;

    RunningStatistics(int channels) {
        mean = Tensor.allocate(Shape.of(channels));
        variance = Tensor.allocate(Shape.of(channels));
        variance.fill(1);
    }

    /** The running mean, {@code [c]}. */
    Tensor mean() {
        return mean;
    }

    /** The running (unbiased) variance, {@code [c]}. */
    Tensor variance() {
        return variance;
    }

    /**
     * Folds in one batch's statistics: {@code batchMean} and the biased {@code batchVariance} a
     * training forward normalised with, over {@code count} values per channel.
     */
    void update(Tensor batchMean, Tensor batchVariance, long count) {
        double unbias = count > 1 ? (double) count / (count - 1) : 1;
        MemorySegment m = mean.segment();
        MemorySegment v = variance.segment();
        MemorySegment bm = batchMean.segment();
        MemorySegment bv = batchVariance.segment();
        long channels = mean.shape().elementCount();
        for (long c = 0; c < channels; c++) {
            float runningMean = m.getAtIndex(ValueLayout.JAVA_FLOAT, c);
            float runningVariance = v.getAtIndex(ValueLayout.JAVA_FLOAT, c);
            m.setAtIndex(ValueLayout.JAVA_FLOAT, c, (float) ((1 - MOMENTUM) * runningMean
                    + MOMENTUM * bm.getAtIndex(ValueLayout.JAVA_FLOAT, c)));
            v.setAtIndex(ValueLayout.JAVA_FLOAT, c, (float) ((1 - MOMENTUM) * runningVariance
                    + MOMENTUM * unbias * bv.getAtIndex(ValueLayout.JAVA_FLOAT, c)));
        }
    }

    @Override
    public void close() {
        mean.close();
        variance.close();
    }
}
