package dev.jdnn.examples;

import dev.jdnn.Backend;

import java.util.List;

/**
 * Updates parameters from the gradients the backward pass wrote, through one of the backend's
 * optimiser kernels ({@link Backend#sgdUpdate}, {@link Backend#adaGradUpdate},
 * {@link Backend#adamUpdate}), in place in native memory. Each parameter is decayed by its own
 * {@link Parameter#weightDecay()}. Implementations keep their per-parameter state (velocity,
 * moments) in native tensors made at the first step and freed by {@link #close()}.
 */
public interface Optimizer extends AutoCloseable {
    /** One update of every parameter with learning rate {@code lr}, run by {@code backend}. */
    void step(Backend backend, List<Parameter> parameters, float lr);

    /** E.g. {@code SGD (momentum 0.9)}, for the summary line. */
    String describe();

    /** The learning rate used when {@code --lr} is not given. */
    float defaultLearningRate();

    /** Frees the optimiser's state tensors. */
    @Override
    void close();
}
