package dev.jdnn.examples;

import java.util.List;

/**
 * Updates parameters from the gradients the backward pass wrote. Implementations keep their
 * per-parameter state (momentum, moments) themselves, allocated at the first step.
 */
public interface Optimizer {
    /** One update of every parameter with learning rate {@code lr}. */
    void step(List<Parameter> parameters, float lr);

    /** E.g. {@code SGD (momentum 0.9)}, for the summary line. */
    String describe();
}
