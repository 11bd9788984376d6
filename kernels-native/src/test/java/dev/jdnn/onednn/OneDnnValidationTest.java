package dev.jdnn.onednn;

import dev.jdnn.testkit.ValidationContractTest;

/** Backend {@code onednn} against the api's argument validation in front of the onednn engine. */
class OneDnnValidationTest extends ValidationContractTest {
    @Override
    protected String backendName() {
        return OneDnnBackendProvider.NAME;
    }
}
