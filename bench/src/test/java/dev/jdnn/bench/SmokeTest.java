package dev.jdnn.bench;

import dev.jdnn.Backends;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.Collection;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a tiny conv-forward benchmark for a fraction of a second on every available backend, in
 * both layouts, so
 * the suite cannot rot unnoticed: the benchmark set-up (plans, tensors, the check against naive)
 * and JMH's generated code must work. No timing decides the outcome.
 */
class SmokeTest {

    @TestFactory
    Stream<DynamicTest> convForwardBenchmarkRunsOnEveryAvailableBackend() {
        return Backends.list().stream()
                .filter(Backends.Entry::available)
                .filter(e -> !e.name().equals(ZeroWritingBackendProvider.NAME))
                .map(e -> DynamicTest.dynamicTest(e.name(), () -> runsOnce(e.name())));
    }

    private static void runsOnce(String backend) throws Exception {
        var options = new OptionsBuilder()
                .include("^" + Pattern.quote(Pass.CONV_FORWARD.benchmark()) + "$")
                .param("backend", backend)
                .param("shape", "lenet_c2")
                .param("threads", "1")
                .param("layout", "nchw", "nhwc")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(50))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        assertThat(results).hasSize(2).extracting(r -> r.getParams().getParam("layout"))
                .containsExactlyInAnyOrder("nchw", "nhwc");
        for (RunResult result : results) {
            assertThat(result.getParams().getParam("backend")).isEqualTo(backend);
            assertThat(result.getPrimaryResult().getSampleCount()).isPositive();
        }
    }

    @org.junit.jupiter.api.Test
    void networkLayerBenchmarkRunsAPartOfTheStepOnVector() throws Exception {
        var options = new OptionsBuilder()
                .include("^" + Pattern.quote(Pass.NETWORK_LAYER.benchmark()) + "$")
                .param("backend", "vector")
                .param("shape", "lenet5.pool1.bwd", "lenet5.loss")
                .param("threads", "2")
                .param("layout", "nhwc")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(50))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        assertThat(results).hasSize(2).extracting(r -> r.getParams().getParam("shape"))
                .containsExactlyInAnyOrder("lenet5.pool1.bwd", "lenet5.loss");
        for (RunResult result : results) {
            assertThat(result.getPrimaryResult().getSampleCount()).isPositive();
        }
    }
}
