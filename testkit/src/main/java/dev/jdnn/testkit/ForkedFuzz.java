package dev.jdnn.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Runs the {@link FuzzAgainstNaive} harness for one backend in a JVM of its own, on this JVM's
 * class path, and asserts that it checked every configuration. A backend module wires it in with
 * one test:
 * <pre>{@code
 * @Test
 * void twoThousandRandomConfigurationsMatchNaive() throws Exception {
 *     ForkedFuzz.assertMatchesNaive("onednn", 2_000, 1, List.of());
 * }
 * }</pre>
 * The child gets the flags every jdnn run needs, the caller's extra JVM options (a forced vector
 * width, say) and the contract suite's seed ({@code -Djdnn.testkit.seed}); it is killed after
 * {@link #TIMEOUT}, so a hang fails the test instead of the build. A failure shows the end of
 * the child's output: the configuration that failed or crashed, and the seed to rerun it.
 */
public final class ForkedFuzz {
    /** How long one forked run may take before it counts as hung. */
    public static final Duration TIMEOUT = Duration.ofMinutes(3);

    private ForkedFuzz() {
    }

    /**
     * Forks a JVM that runs {@code count} configurations on backend {@code backend} (opened with
     * {@code threads} threads) against naive, and asserts that all matched.
     *
     * @param jvmOptions extra options for the child, e.g. {@code -Djdnn.vector.bits=256}
     */
    public static void assertMatchesNaive(String backend, int count, int threads, List<String> jvmOptions)
            throws IOException, InterruptedException {
        ChildJvm.Result result = ChildJvm.run(FuzzAgainstNaive.class, jvmOptions, TIMEOUT, backend,
                String.valueOf(count), String.valueOf(TestSeed.value()), String.valueOf(threads));
        String where = backend + " " + jvmOptions + ", " + count + " configurations, " + TestSeed.rerunHint()
                + "; last output:\n" + result.tail(25);
        assertThat(result.finished()).as("fuzz run finished within %s: %s", TIMEOUT, where).isTrue();
        assertThat(result.exitCode()).as("fuzz exit code: %s", where).isZero();
        assertThat(result.output()).as("fuzz output: %s", where).contains(String.format(FuzzAgainstNaive.DONE, count));
    }

    /**
     * Forks a JVM that, for {@code rounds} rounds, closes a running plan of backend {@code backend}
     * from another thread and runs one plan from two threads at once ({@link PlanContention}), and
     * asserts that it neither crashed nor hung and that every overlap was refused cleanly. This is
     * the forked form of the in-process checks in {@link SemanticsContractTest}: before the api's
     * guard, a native plan closed under a running call crashed the JVM (SIGSEGV).
     */
    public static void assertPlanContentionIsRefused(String backend, int rounds, int threads, List<String> jvmOptions)
            throws IOException, InterruptedException {
        ChildJvm.Result result = ChildJvm.run(PlanContention.class, jvmOptions, TIMEOUT, backend,
                String.valueOf(rounds), String.valueOf(threads));
        String where = backend + " " + jvmOptions + ", " + rounds + " rounds; last output:\n" + result.tail(25);
        assertThat(result.finished()).as("plan contention run finished within %s: %s", TIMEOUT, where).isTrue();
        assertThat(result.exitCode()).as("plan contention exit code (134: the JVM crashed): %s", where).isZero();
        assertThat(result.output()).as("plan contention output: %s", where).contains(PlanContention.DONE);
    }
}
