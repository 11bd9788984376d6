package dev.jdnn.testkit;

import dev.jdnn.Shape;
import dev.jdnn.Tensor;

/**
 * One softmax configuration of the contract suite: logits of a shape, normalised over the last
 * axis, drawn uniform in {@code offset ± spread}. A large offset checks that the backend
 * subtracts the row maximum before exponentiating.
 *
 * @param op softmax or log-softmax ({@code null} for cross-entropy cases)
 * @param shape the logits' shape; the last axis holds the classes
 * @param spread half-width of the logits' range
 * @param offset centre of the logits' range
 * @param seed seed of the case's random tensors
 */
record SoftmaxCase(SoftmaxOp op, Shape shape, float spread, float offset, long seed) {

    /** Length of the normalised (last) axis. */
    int classes() {
        return shape.dim(shape.rank() - 1);
    }

    /** The logits. */
    Tensor logits(CaseTensors tensors) {
        return tensors.uniform(shape, offset - spread, offset + spread);
    }

    @Override
    public String toString() {
        return (op == null ? "" : op + " ") + "logits " + shape + " in " + offset + " ± " + spread;
    }
}
