package dev.jdnn.testkit;

import dev.jdnn.Activation;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;

/**
 * One activation configuration of the contract suite: an activation over a tensor of any rank.
 * Inputs are uniform in {@code [-6, 6)} with exact zeros (where ReLU's gradient is defined as 0)
 * and values of {@code ±30} (where sigmoid and tanh saturate) sprinkled in.
 *
 * @param activation the function
 * @param shape the tensor shape
 * @param seed seed of the case's random tensors
 */
record ElementwiseCase(Activation activation, Shape shape, long seed) {

    /** The forward input. */
    Tensor input(CaseTensors tensors) {
        float[] values = tensors.uniform(shape, -6f, 6f).toArray();
        for (int i = 0; i < values.length; i += 7) {
            values[i] = 0f;
        }
        for (int i = 3; i < values.length; i += 11) {
            values[i] = i % 2 == 0 ? 30f : -30f;
        }
        return tensors.of(shape, values);
    }

    @Override
    public String toString() {
        return activation + " over " + shape;
    }
}
