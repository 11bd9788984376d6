package dev.jdnn.kernels.vector;

import dev.jdnn.BackendConfig;

/**
 * The configuration the vector backend's contract tests open it with: {@code jdnn.test.threads}
 * workers (default 2, so the multi-threaded paths run), set per surefire execution in the pom.
 */
final class TestThreads {
    private TestThreads() {
    }

    static BackendConfig config() {
        return new BackendConfig(Integer.getInteger("jdnn.test.threads", 2));
    }
}
