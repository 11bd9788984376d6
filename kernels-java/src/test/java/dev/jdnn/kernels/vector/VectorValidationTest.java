package dev.jdnn.kernels.vector;

import dev.jdnn.BackendConfig;
import dev.jdnn.testkit.ValidationContractTest;

/** Every rejected call through the vector backend writes nothing. */
class VectorValidationTest extends ValidationContractTest {
    @Override
    protected String backendName() {
        return "vector";
    }

    @Override
    protected BackendConfig config() {
        return TestThreads.config();
    }
}
