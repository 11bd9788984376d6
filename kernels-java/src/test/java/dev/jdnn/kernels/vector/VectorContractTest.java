package dev.jdnn.kernels.vector;

import dev.jdnn.BackendConfig;
import dev.jdnn.testkit.BackendContractTest;

/** The testkit's differential contract against naive, at the width and thread count this run forces. */
class VectorContractTest extends BackendContractTest {
    @Override
    protected String backendName() {
        return "vector";
    }

    @Override
    protected BackendConfig config() {
        return TestThreads.config();
    }
}
