package dev.jdnn.kernels.naive;

import dev.jdnn.testkit.ValidationContractTest;

/** jdnn's error contract, reached through the naive backend. */
class NaiveValidationTest extends ValidationContractTest {
    @Override
    protected String backendName() {
        return "naive";
    }
}
