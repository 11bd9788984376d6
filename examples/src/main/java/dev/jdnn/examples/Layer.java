package dev.jdnn.examples;

import dev.jdnn.Tensor;

import java.util.List;

/**
 * One step of a network prepared for one batch size: it reads the tensor it was built on
 * (the previous layer's output), writes {@link #output()}, and on the way back turns the
 * gradient of its output into the gradient of its parameters and, unless it is the first layer,
 * of its input. Every tensor and plan is made when the layer is built; forward and backward
 * allocate nothing.
 */
interface Layer extends AutoCloseable {
    /** Short name for profiles, e.g. {@code conv1}. */
    String name();

    /** What {@link #forward()} writes. */
    Tensor output();

    /** Computes {@link #output()} from the input. */
    void forward();

    /**
     * From {@code dy}, the gradient of the loss with respect to {@link #output()}, computes the
     * parameter gradients and {@link #inputGradient()}.
     */
    void backward(Tensor dy);

    /** The gradient with respect to the input after {@link #backward}; null when not needed (first layer). */
    Tensor inputGradient();

    /** Parameters this layer trains (shared by every batch size of the model). */
    default List<Parameter> parameters() {
        return List.of();
    }

    /** Releases plans and the tensors this layer allocated; never the parameters. */
    @Override
    void close();
}
