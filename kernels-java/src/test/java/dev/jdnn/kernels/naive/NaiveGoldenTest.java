package dev.jdnn.kernels.naive;

import dev.jdnn.testkit.GoldenContractTest;

/** The naive reference against PyTorch's golden data. */
class NaiveGoldenTest extends GoldenContractTest {
    @Override
    protected String backendName() {
        return "naive";
    }
}
