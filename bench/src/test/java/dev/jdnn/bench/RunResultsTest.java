package dev.jdnn.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RunResultsTest {
    private final RunResults results = CannedResults.jmh();

    @Test
    void readsPeakFromTheFlopSecondaryResultPerThreadCount() {
        assertThat(results.peakGflops(1)).hasValue(200.0);
        assertThat(results.peakGflops(2)).hasValue(400.0);
        assertThat(results.peakGflops(4)).isEmpty();
    }

    @Test
    void readsOneMeasurementPerPlanBenchmarkWithItsParameters() {
        assertThat(results.measurements()).hasSize(4);
        Measurement vector = results.find(new Cell(Pass.CONV_FORWARD, "lenet_c2", "vector", 1)).orElseThrow();
        assertThat(vector.ms()).isEqualTo(0.307);
        assertThat(vector.msError()).isEqualTo(0.01);
        assertThat(vector.rate()).isCloseTo(100.0, within(1e-9));
    }

    @Test
    void convertsMicrosecondScoresToMillisecondsAndRatesPoolingInGigabytesPerSecond() {
        Measurement pool = results.find(new Cell(Pass.POOL_FORWARD, "pool_lenet", "vector", 2)).orElseThrow();
        assertThat(pool.ms()).isCloseTo(0.15, within(1e-12));
        assertThat(pool.rate()).isCloseTo((301056 + 75264) * 4 / 1e9 / 0.15e-3, within(1e-9));
    }

    @Test
    void keepsEachJvmArgumentOfTheBenchmarkJvmsOnce() {
        assertThat(results.jvmArgs()).containsExactly("--add-modules=jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED");
    }
}
