package dev.jdnn.testkit;

import dev.jdnn.BatchNorm2d;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;

/**
 * One batch-normalisation configuration of the contract suite: the input shape, epsilon, and
 * where the input values lie (uniform in {@code [mean - spread, mean + spread)}; a mean of 1000
 * with a spread of 2 is the case a one-pass variance loses). Its {@code toString} is the test's
 * display name.
 *
 * @param label why the case exists
 * @param input {@code [n, c, h, w]}
 * @param epsilon the op's epsilon
 * @param mean centre of the input values
 * @param spread half width of the input values
 * @param seed seed of the case's random tensors
 */
record BatchNormCase(String label, Shape input, double epsilon, float mean, float spread, long seed) {

    /** The op. */
    BatchNorm2d op() {
        return new BatchNorm2d(input.dim(1), epsilon);
    }

    /** A random input, NCHW. */
    Tensor x(CaseTensors t) {
        return t.uniform(input, mean - spread, mean + spread);
    }

    /** The shape of gamma, beta and the statistics. */
    Shape channels() {
        return Shape.of(input.dim(1));
    }

    @Override
    public String toString() {
        return label + ": x" + input + " values " + mean + " +- " + spread + " epsilon " + epsilon;
    }
}
