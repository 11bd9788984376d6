package dev.jdnn.kernels;

import dev.jdnn.kernels.naive.NaiveBackendProvider;
import dev.jdnn.testkit.ProviderRegistration;

import org.junit.jupiter.api.Test;

class ProviderRegistrationTest {
    @Test
    void moduleInfoAndServiceFileDeclareTheSameProviders() {
        ProviderRegistration.assertBothRegistrationsList(NaiveBackendProvider.class,
                "dev.jdnn.kernels.naive.NaiveBackendProvider", "dev.jdnn.kernels.vector.VectorBackendProvider");
    }
}
