package dev.jdnn.examples;

import dev.jdnn.Backend;
import dev.jdnn.BatchNorm2d;
import dev.jdnn.BatchNorm2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;

import java.util.List;

/**
 * Batch normalisation over {@code n, h, w} per channel through one {@link BatchNorm2dPlan}, with a
 * learned scale ({@code gamma}, starting at 1) and shift ({@code beta}, at 0). In a training step
 * it normalises with the batch's statistics, keeps them for the backward pass and folds them into
 * the model's {@link RunningStatistics}; in inference it normalises with the running ones.
 */
final class BatchNormLayer extends PreparedLayer {
    private final BatchNorm2dPlan plan;
    private final Parameter gamma;
    private final Parameter beta;
    private final RunningStatistics running;
    private final RunMode mode;
    private final Tensor batchMean;
    private final Tensor batchVariance;
    private final long valuesPerChannel;

    BatchNormLayer(String name, Backend backend, BatchNorm2d op, Tensor input, Parameter gamma, Parameter beta,
            RunningStatistics running, RunMode mode) {
        super(name, input, Tensor.allocate(input.shape(), input.layout()), true);
        this.plan = backend.plan(op, input.shape(), input.layout());
        this.gamma = gamma;
        this.beta = beta;
        this.running = running;
        this.mode = mode;
        this.batchMean = Tensor.allocate(Shape.of(op.channels()));
        this.batchVariance = Tensor.allocate(Shape.of(op.channels()));
        Shape s = input.shape();
        this.valuesPerChannel = (long) s.dim(0) * s.dim(2) * s.dim(3);
    }

    @Override
    public void forward() {
        if (mode.isTraining()) {
            plan.forwardTraining(input, gamma.value(), beta.value(), output, batchMean, batchVariance);
            running.update(batchMean, batchVariance, valuesPerChannel);
        } else {
            plan.forwardInference(input, gamma.value(), beta.value(), running.mean(), running.variance(), output);
        }
    }

    @Override
    public void backward(Tensor dy) {
        plan.backward(input, dy, gamma.value(), batchMean, batchVariance, inputGradient, gamma.gradient(),
                beta.gradient());
    }

    /** The model's running statistics this layer folds its batches into. */
    RunningStatistics runningStatistics() {
        return running;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(gamma, beta);
    }

    @Override
    void closePlan() {
        plan.close();
        batchMean.close();
        batchVariance.close();
    }
}
