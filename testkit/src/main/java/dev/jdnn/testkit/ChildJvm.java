package dev.jdnn.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a testkit main class in a JVM of its own, on this JVM's class path with the flags every
 * jdnn run needs, and kills it after a timeout: a native crash or a hang then fails one test
 * instead of the build. The output goes to a file, so a child that hangs cannot block the reader.
 */
final class ChildJvm {
    /** How the child ended: whether it finished in time, its exit code, and what it printed. */
    record Result(boolean finished, int exitCode, String output) {
        /** The last {@code lines} lines of the output, for a failure message. */
        String tail(int lines) {
            List<String> all = output.lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
    }

    private ChildJvm() {
    }

    static Result run(Class<?> main, List<String> jvmOptions, Duration timeout, String... args)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("jdnn-child-", ".log");
        try {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("--enable-native-access=ALL-UNNAMED");
            command.add("--add-modules");
            command.add("jdk.incubator.vector");
            command.add("-Xss8m");
            command.add("-D" + TestSeed.PROPERTY + "=" + TestSeed.value());
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(main.getName());
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            return new Result(finished, process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
