package dev.jdnn.kernels.naive;

import dev.jdnn.testkit.SemanticsContractTest;

/**
 * The testkit's exact semantics on {@code naive}, the reference itself: NaN and infinities in
 * pooling, activations, convolution and dense, and one plan used by two threads at once. (naive
 * does not run the differential contract, which would compare it with itself.)
 */
class NaiveSemanticsTest extends SemanticsContractTest {
    @Override
    protected String backendName() {
        return "naive";
    }
}
