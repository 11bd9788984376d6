package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Same seed, backend, threads and machine give the same bits, whichever JIT tier computed them:
 * {@link TrainingSteps} runs in three fresh JVMs at 512 bits (twice compiled by C2 within the
 * first steps, and once C1 only, where the Vector API runs its Java fallback throughout) and every loss and
 * final weight must match bit for bit. A float {@code reduceLanes(ADD)}, whose order is
 * unspecified and differs between the intrinsic and the fallback, would break it.
 */
class TrainingIsReproducibleTest {
    private static final String STEPS = "30";

    @Test
    void trainingStepsGiveTheSameBitsInFreshJvms() throws Exception {
        // Thresholds scaled down so that C2 compiles the kernels within the first steps.
        List<String> wide = List.of("-D" + VectorWidth.PROPERTY + "=512", "-Xmx256m",
                "-XX:CompileThresholdScaling=0.05");
        ForkedJvm.Result first = ForkedJvm.run(TrainingSteps.class, wide, STEPS);
        ForkedJvm.Result second = ForkedJvm.run(TrainingSteps.class, wide, STEPS);
        ForkedJvm.Result c1Only = ForkedJvm.run(TrainingSteps.class,
                List.of("-D" + VectorWidth.PROPERTY + "=512", "-Xmx256m", "-XX:TieredStopAtLevel=1"), STEPS);

        assertThat(first.exitCode()).as(first.output()).isZero();
        String bits = result(first);
        assertThat(bits).contains("weights ");
        assertThat(result(second)).isEqualTo(bits);
        assertThat(result(c1Only)).isEqualTo(bits);
    }

    private static String result(ForkedJvm.Result run) {
        return run.output().lines().dropWhile(line -> !line.startsWith("losses ")).reduce("", (a, b) -> a + b + "\n");
    }
}
