package dev.jdnn;

/**
 * How a backend is set up.
 *
 * @param threads upper bound on the backend's own parallelism (worker pool size for
 *     {@code vector}, OpenMP threads for {@code onednn}), {@code >= 1}
 */
public record BackendConfig(int threads) {
    /** Validates {@code threads}. */
    public BackendConfig {
        Arguments.positive("BackendConfig", "threads", threads);
    }

    /** All available processors. */
    public static BackendConfig defaults() {
        return new BackendConfig(Runtime.getRuntime().availableProcessors());
    }

    /** The same configuration with {@code n} threads. */
    public BackendConfig withThreads(int n) {
        return new BackendConfig(n);
    }
}
