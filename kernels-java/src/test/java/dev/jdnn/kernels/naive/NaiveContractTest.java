package dev.jdnn.kernels.naive;

import dev.jdnn.testkit.BackendContractTest;

/**
 * The testkit's contract on {@code naive} itself. Its NCHW cases compare naive with itself and
 * prove only that the suite runs; what it checks is everything naive computes by a second path:
 * NHWC plans against naive's NCHW ones (the test rearranges the tensors), plans with a fused
 * activation against the unfused plan followed by the activation, the pooling workspace against
 * the recomputing backward, the in-place element-wise forms against the out-of-place ones, and
 * {@code reorder} against the rearrangement {@code Layout.index} defines; and, inherited from
 * {@code SemanticsContractTest}, the exact NaN/infinity semantics and one plan used by two threads.
 * About 5 s.
 */
class NaiveContractTest extends BackendContractTest {
    @Override
    protected String backendName() {
        return "naive";
    }
}
