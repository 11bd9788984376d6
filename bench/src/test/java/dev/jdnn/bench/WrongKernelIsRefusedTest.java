package dev.jdnn.bench;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WrongKernelIsRefusedTest {

    private static ConvBenchmark zeroWritingConvOnLenetC2() {
        ConvBenchmark benchmark = new ConvBenchmark();
        benchmark.backend = ZeroWritingBackendProvider.NAME;
        benchmark.shape = "lenet_c2";
        benchmark.threads = "1";
        benchmark.layout = "nchw";
        return benchmark;
    }

    @Test
    void setUpRejectsABackendWhoseConvolutionWritesZeros() throws Exception {
        ConvBenchmark benchmark = zeroWritingConvOnLenetC2();
        try {
            assertThatThrownBy(() -> benchmark.prepare(Pass.CONV_FORWARD))
                    .isInstanceOf(ReferenceMismatchException.class)
                    .hasMessageContaining("zeros conv.fwd on lenet_c2")
                    .hasMessageContaining("differs from naive");
        } finally {
            benchmark.release();
        }
    }

    @Test
    void setUpAcceptsTheSameBackendOnPassesItComputesCorrectly() throws Exception {
        ConvBenchmark benchmark = zeroWritingConvOnLenetC2();
        try {
            benchmark.prepare(Pass.CONV_BACKWARD_DATA);
        } finally {
            benchmark.release();
        }
    }

    @Test
    void jmhRefusesToTimeTheWrongKernel() {
        var options = new OptionsBuilder()
                .include("^" + Pattern.quote(Pass.CONV_FORWARD.benchmark()) + "$")
                .param("backend", ZeroWritingBackendProvider.NAME)
                .param("shape", "lenet_c2")
                .param("threads", "1")
                .param("layout", "nchw")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(20))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        assertThatThrownBy(() -> new Runner(options).run()).isInstanceOf(RunnerException.class)
                .satisfies(e -> assertThat(rootCauseOrSuppressed(e)).isInstanceOf(ReferenceMismatchException.class));
    }

    private static Throwable rootCauseOrSuppressed(Throwable e) {
        Throwable t = e;
        while (true) {
            if (t instanceof ReferenceMismatchException) {
                return t;
            }
            for (Throwable s : t.getSuppressed()) {
                Throwable found = rootCauseOrSuppressed(s);
                if (found instanceof ReferenceMismatchException) {
                    return found;
                }
            }
            if (t.getCause() == null || t.getCause() == t) {
                return t;
            }
            t = t.getCause();
        }
    }
}
