package dev.jdnn.onednn;

import dev.jdnn.testkit.ProviderRegistration;

import org.junit.jupiter.api.Test;

class OneDnnProviderRegistrationTest {
    @Test
    void moduleInfoAndServiceFileDeclareTheSameProvider() {
        ProviderRegistration.assertBothRegistrationsList(OneDnnBackendProvider.class, "dev.jdnn.onednn.OneDnnBackendProvider");
    }
}
