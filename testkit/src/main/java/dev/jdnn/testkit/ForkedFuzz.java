package dev.jdnn.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
        long seed = TestSeed.value();
        Path log = Files.createTempFile("jdnn-fuzz-" + backend + "-", ".log");
        try {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("--enable-native-access=ALL-UNNAMED");
            command.add("--add-modules");
            command.add("jdk.incubator.vector");
            command.add("-Xss8m");
            command.add("-D" + TestSeed.PROPERTY + "=" + seed);
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(FuzzAgainstNaive.class.getName());
            command.add(backend);
            command.add(String.valueOf(count));
            command.add(String.valueOf(seed));
            command.add(String.valueOf(threads));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            boolean finished = process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            String where = backend + " " + jvmOptions + ", " + count + " configurations, " + TestSeed.rerunHint()
                    + "; last output:\n" + tail(output, 25);
            assertThat(finished).as("fuzz run finished within %s: %s", TIMEOUT, where).isTrue();
            assertThat(process.exitValue()).as("fuzz exit code: %s", where).isZero();
            assertThat(output).as("fuzz output: %s", where).contains(String.format(FuzzAgainstNaive.DONE, count));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
