package dev.jdnn.testkit;

import dev.jdnn.Dense;

/**
 * One dense-layer configuration of the contract suite. Its {@code toString} is the test's
 * display name.
 *
 * @param op the layer
 * @param batch rows of the input, {@code >= 1}
 * @param seed seed of the case's random tensors
 */
record DenseCase(Dense op, int batch, long seed) {
    @Override
    public String toString() {
        return "batch " + batch + ", " + op.inFeatures() + " -> " + op.outFeatures() + (op.bias() ? " bias" : " no bias");
    }
}
