package dev.jdnn.onednn;

import dev.jdnn.testkit.BackendContractTest;

/** Backend {@code onednn} against the testkit's contract suite: every op and pass against naive on randomized configurations. */
class OneDnnContractTest extends BackendContractTest {
    @Override
    protected String backendName() {
        return OneDnnBackendProvider.NAME;
    }
}
