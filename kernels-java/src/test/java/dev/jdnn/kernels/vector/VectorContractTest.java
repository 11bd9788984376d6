package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdnn.BackendConfig;
import dev.jdnn.testkit.BackendContractTest;
import org.junit.jupiter.api.Test;

/** The testkit's differential contract against naive, at the width and thread count this run forces. */
class VectorContractTest extends BackendContractTest {
    @Override
    protected String backendName() {
        return "vector";
    }

    @Override
    protected BackendConfig config() {
        return TestThreads.config();
    }

    @Test
    void runsAtTheForcedVectorWidth() {
        String forced = System.getProperty(VectorWidth.PROPERTY);
        int expected = forced == null ? Math.clamp(jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize(),
                128, 512) : Integer.parseInt(forced);
        assertThat(VectorWidth.SPECIES.vectorBitSize()).isEqualTo(expected);
        assertThat(VectorWidth.microKernel().bits()).isEqualTo(expected);
    }
}
