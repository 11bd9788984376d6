package dev.jdnn.kernels.naive;

import dev.jdnn.Backend;
import dev.jdnn.Backends;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NaiveBackendProviderTest {

    @Test
    void serviceLoaderFindsNaiveAvailableAtTheLowestPriority() {
        assertThat(Backends.list())
                .filteredOn(entry -> entry.name().equals("naive"))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.available()).isTrue();
                    assertThat(entry.priority()).isZero();
                });
    }

    @Test
    void opensByNameCaseInsensitively() {
        try (Backend backend = Backends.open("Naive")) {
            assertThat(backend.name()).isEqualTo("naive");
        }
    }
}
