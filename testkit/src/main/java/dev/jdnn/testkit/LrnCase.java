package dev.jdnn.testkit;

import dev.jdnn.Lrn;
import dev.jdnn.Shape;

/**
 * One LRN configuration of the contract suite. Inputs are uniform in {@code [-2, 2)}, so that
 * the sum of squares matters next to {@code k}. Its {@code toString} is the test's display name.
 *
 * @param label why the case exists
 * @param op the normalisation
 * @param input {@code [n, c, h, w]}
 * @param seed seed of the case's random tensors
 */
record LrnCase(String label, Lrn op, Shape input, long seed) {
    @Override
    public String toString() {
        return label + ": x" + input + " size " + op.size() + " alpha " + op.alpha() + " beta " + op.beta() + " k "
                + op.k();
    }
}
