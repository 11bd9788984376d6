package dev.jdnn.onednn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test main class in a fresh JVM on this JVM's class path, so that a native crash or a
 * once-per-process library load cannot affect the test run itself. The child's output goes to a
 * file, so a child that hangs is still killed at the timeout.
 */
final class ForkedJvm {
    /** What the child printed (stdout and stderr merged) and how it exited. */
    record Result(int exitCode, String output) {
    }

    private ForkedJvm() {
    }

    static Result run(Class<?> main, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        return run(main, jvmOptions, Duration.ofMinutes(5), args);
    }

    /**
     * Like {@link #run(Class, List, String...)}, but a child still running after {@code timeout}
     * (a hang) is killed and reported as an {@link AssertionError} with what it printed so far.
     */
    static Result run(Class<?> main, List<String> jvmOptions, Duration timeout, String... args)
            throws IOException, InterruptedException {
        return run(true, main, jvmOptions, timeout, args);
    }

    /**
     * Like {@link #run(Class, List, String...)} in a JVM without module {@code jdk.incubator.vector}
     * (as a user's JVM started without {@code --add-modules} is), within two minutes.
     */
    static Result runWithoutVectorModule(Class<?> main, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        return run(false, main, jvmOptions, Duration.ofMinutes(2), args);
    }

    private static Result run(boolean vectorModule, Class<?> main, List<String> jvmOptions, Duration timeout,
                              String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        if (vectorModule) {
            command.add("--add-modules");
            command.add("jdk.incubator.vector");
        }
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        Path log = Files.createTempFile("jdnn-forked-", ".log");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("forked JVM did not finish within " + timeout + ": " + command + "\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
