package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No method of jdnn may be refused by a JIT compiler. A kernel C1 cannot compile ("out of virtual
 * registers") leaves the Vector API in its boxed Java fallback for the rest of the JVM whenever the
 * single C2 thread of a small machine is busy (then a hot method is compiled at tier 2, which
 * profiles nothing, and never reaches C2): the vector backend ran 20x slower in every multi-shape
 * JVM on AVX-512. Each case runs {@link MultiShapeWorkload} in a fresh JVM with
 * {@code -XX:+PrintCompilation}, C1 only ({@code TieredStopAtLevel=3}) and with every tier at the forced
 * 512-bit width (C1 and C2 compile its bytecode on any x86 CPU), and with every tier at the
 * machine's own width.
 */
class KernelsCompileAtEveryTierTest {

    static Stream<Arguments> jvms() {
        return Stream.of(Arguments.of("512", true), Arguments.of("512", false), Arguments.of("", false));
    }

    @ParameterizedTest(name = "bits {0}, C1 only {1}")
    @MethodSource("jvms")
    void noJdnnMethodIsRefusedByTheJit(String bits, boolean c1Only) throws Exception {
        List<String> options = new ArrayList<>(List.of("-XX:+PrintCompilation", "-Xmx256m"));
        if (!bits.isEmpty()) {
            options.add("-D" + VectorWidth.PROPERTY + "=" + bits);
        }
        if (c1Only) {
            options.add("-XX:TieredStopAtLevel=3");
        }
        // With every tier the run lasts long enough for methods the workload reaches late (called a
        // few times a round) to get their tier-3 compile: a 2-second run ended before the old 6x4
        // tile's accumulating kernel was compiled, and its refusal went unseen.
        String seconds = c1Only ? "2" : "6";
        ForkedJvm.Result result = ForkedJvm.run(MultiShapeWorkload.class, options, seconds);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("workload rounds: ");
        List<String> refused = result.output().lines()
                .filter(line -> line.contains("dev.jdnn"))
                .filter(line -> line.contains("COMPILE SKIPPED") || line.contains("made not compilable"))
                // A compilation whose class-hierarchy assumptions changed while it ran is dropped
                // and simply requested again later; nothing is refused.
                .filter(line -> !line.contains("COMPILE SKIPPED: concurrent class loading"))
                .toList();
        assertThat(refused).as("compile-log lines refusing a jdnn method").isEmpty();
    }
}
