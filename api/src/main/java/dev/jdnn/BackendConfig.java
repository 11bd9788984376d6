package dev.jdnn;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a backend is set up, and which backends {@link Backends#open(BackendConfig)} may settle on.
 *
 * @param threads upper bound on the backend's own parallelism (worker pool size for
 *     {@code vector}, OpenMP threads for {@code onednn}), {@code >= 1}
 * @param required the backends {@link Backends#open(BackendConfig)} may choose, lower case; when
 *     none of them is available it throws {@link BackendUnavailableException} instead of falling
 *     back to another. Empty: no requirement (then the system property
 *     {@value Backends#REQUIRE_PROPERTY} or the environment variable
 *     {@value Backends#REQUIRE_ENVIRONMENT} may set one)
 */
public record BackendConfig(int threads, Set<String> required) {
    /** Validates {@code threads} and the names in {@code required}. */
    public BackendConfig {
        Arguments.positive("BackendConfig", "threads", threads);
        if (required == null) {
            throw new IllegalArgumentException("BackendConfig: required: expected a set of backend names, got null");
        }
        for (String name : required) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("BackendConfig: required: expected backend names, got "
                        + (name == null ? "null" : "a blank name") + " in " + required);
            }
        }
        required = required.stream().map(n -> n.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** {@code threads} threads and no requirement on the backend. */
    public BackendConfig(int threads) {
        this(threads, Set.of());
    }

    /** All available processors, no requirement on the backend. */
    public static BackendConfig defaults() {
        return new BackendConfig(Runtime.getRuntime().availableProcessors());
    }

    /** The same configuration with {@code n} threads. */
    public BackendConfig withThreads(int n) {
        return new BackendConfig(n, required);
    }

    /**
     * The same configuration, requiring {@link Backends#open(BackendConfig)} to choose one of
     * {@code names} (the best available of them) or fail: strict mode, for deployments that must
     * not silently run on a slower backend. No names: no requirement.
     */
    public BackendConfig requireOneOf(String... names) {
        if (names == null) {
            throw new IllegalArgumentException("BackendConfig.requireOneOf: names: expected backend names, got null");
        }
        return new BackendConfig(threads, new java.util.HashSet<>(Arrays.asList(names)));
    }
}
