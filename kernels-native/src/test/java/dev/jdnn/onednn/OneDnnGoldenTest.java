package dev.jdnn.onednn;

import dev.jdnn.testkit.GoldenContractTest;

/** Backend {@code onednn} against PyTorch's golden data. */
class OneDnnGoldenTest extends GoldenContractTest {
    @Override
    protected String backendName() {
        return OneDnnBackendProvider.NAME;
    }
}
