package dev.jdnn.onednn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link LibraryFallbackProbe} in a fresh JVM on this JVM's class path with exactly the JVM
 * flags, environment and working directory a loader test gives (the library loads once per
 * process, so each setting needs a process of its own). Unlike {@link ForkedJvm} it adds no
 * native-access flag of its own, and it removes the cache variables of the environment that the
 * test does not set, so the machine's settings cannot hide what is under test.
 */
final class LoaderJvm {
    /** What the child printed (stdout and stderr merged) and how it exited. */
    record Result(int exitCode, String output) {
    }

    private LoaderJvm() {
    }

    static Result run(List<String> jvmOptions, Map<String, String> environment, Path workingDirectory)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--add-modules");
        command.add("jdk.incubator.vector");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LibraryFallbackProbe.class.getName());
        // The output goes to a file, not a pipe read before waitFor: reading a pipe blocks until the
        // child exits, so a hung child would hang the test and the time limit would never apply.
        Path log = Files.createTempFile("jdnn-loader-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).directory(workingDirectory.toFile());
            builder.environment().remove(NativeCache.ENVIRONMENT);
            builder.environment().remove("XDG_CACHE_HOME");
            builder.environment().remove("JDNN_BACKEND");
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("forked JVM did not finish within 2 minutes: " + command + "; output:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
