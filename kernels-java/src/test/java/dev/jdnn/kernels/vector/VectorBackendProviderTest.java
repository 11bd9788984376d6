package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdnn.Backends;
import org.junit.jupiter.api.Test;

class VectorBackendProviderTest {
    @Test
    void isAvailableWithTheIncubatorModuleAndRanksBetweenNaiveAndOnednn() {
        VectorBackendProvider provider = new VectorBackendProvider();
        assertThat(provider.availability().available()).isTrue();
        assertThat(provider.priority()).isEqualTo(50);
        assertThat(provider.name()).isEqualTo("vector");
    }

    @Test
    void reportsTheVectorWidthAndFma() {
        assertThat(new VectorBackendProvider().diagnostics())
                .contains("bits, using " + VectorWidth.SPECIES.vectorBitSize() + " bits").contains("FMA: ");
    }

    @Test
    void isFoundByServiceDiscovery() {
        try (var backend = Backends.open("vector")) {
            assertThat(backend.name()).isEqualTo("vector");
        }
    }
}
