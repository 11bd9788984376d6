package dev.jdnn.kernels.vector;

import dev.jdnn.BackendConfig;
import dev.jdnn.testkit.GoldenContractTest;

/** The vector backend against PyTorch's golden data. */
class VectorGoldenTest extends GoldenContractTest {
    @Override
    protected String backendName() {
        return "vector";
    }

    @Override
    protected BackendConfig config() {
        return TestThreads.config();
    }
}
