package dev.jdnn;

import dev.jdnn.spi.Availability;
import dev.jdnn.spi.BackendProvider;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds backends through {@link ServiceLoader} and opens them.
 *
 * <p>{@link #open()} takes the backend named by the system property {@value #PROPERTY} or else
 * the environment variable {@value #ENVIRONMENT}; with neither, the available backend of the
 * highest priority ({@code onednn} before {@code vector} before {@code naive}). A backend that is
 * present but cannot run is skipped with one WARNING (its reason names the fix: a JVM flag, a
 * property, a dependency). Strict mode: {@link BackendConfig#requireOneOf}, or else the system
 * property {@value #REQUIRE_PROPERTY} or the environment variable {@value #REQUIRE_ENVIRONMENT}
 * (comma-separated names, e.g. {@code onednn} or {@code onednn,vector}), makes {@code open()}
 * throw {@link BackendUnavailableException} unless it can choose one of those backends. Every
 * backend handed out validates each call before its kernels run.
 */
public final class Backends {
    /** System property naming the backend {@link #open()} uses. */
    public static final String PROPERTY = "jdnn.backend";
    /** Environment variable naming the backend {@link #open()} uses when the property is unset. */
    public static final String ENVIRONMENT = "JDNN_BACKEND";
    /** System property listing the backends {@link #open()} may choose (comma-separated); any other fails. */
    public static final String REQUIRE_PROPERTY = "jdnn.backend.require";
    /** Environment variable used like {@value #REQUIRE_PROPERTY} when that property is unset. */
    public static final String REQUIRE_ENVIRONMENT = "JDNN_BACKEND_REQUIRE";

    private static final System.Logger LOG = System.getLogger(Backends.class.getName());
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

    private Backends() {
    }

    /**
     * A backend as found on this JVM.
     *
     * @param name the backend's name, as {@link #open(String)} takes it
     * @param priority its preference when no backend is named (higher wins)
     * @param availability whether it can run here, and if not, why
     */
    public record Entry(String name, int priority, Availability availability) {
        /** Whether the backend can be opened here. */
        public boolean available() {
            return availability.available();
        }

        /** Why not, or empty. */
        public String reason() {
            return availability.reason();
        }
    }

    /** Every provider found, highest priority first, with availability and reason. */
    public static List<Entry> list() {
        return found().stream().map(Found::entry).toList();
    }

    /** A provider together with what {@link #list()} shows of it; the provider itself stays inside the api. */
    private record Found(Entry entry, BackendProvider provider) {
        String name() {
            return entry.name();
        }

        boolean available() {
            return entry.available();
        }
    }

    private static List<Found> found() {
        List<Found> entries = new ArrayList<>();
        ServiceLoader<BackendProvider> loader = ServiceLoader.load(BackendProvider.class, Backends.class.getClassLoader());
        var it = loader.stream().iterator();
        while (true) {
            ServiceLoader.Provider<BackendProvider> p;
            try {
                if (!it.hasNext()) {
                    break;
                }
                p = it.next();
            } catch (ServiceConfigurationError e) {
                logOnce(Level.WARNING, "a backend provider could not be loaded: " + e.getMessage());
                continue;
            }
            try {
                BackendProvider provider = p.get();
                entries.add(new Found(new Entry(provider.name(), provider.priority(), safeAvailability(provider)), provider));
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                logOnce(Level.WARNING, "backend provider " + p.type().getName() + " could not be created: " + e);
            }
        }
        entries.sort(Comparator.comparingInt((Found f) -> f.entry().priority()).reversed().thenComparing(Found::name));
        return List.copyOf(entries);
    }

    private static Availability safeAvailability(BackendProvider provider) {
        try {
            return provider.availability();
        } catch (LinkageError | RuntimeException e) {
            return Availability.no(provider.name() + " failed its availability check: " + e);
        }
    }

    /**
     * The backend named by {@value #PROPERTY} / {@value #ENVIRONMENT}, else the best available
     * one, with {@link BackendConfig#defaults()}.
     */
    public static Backend open() {
        return open(BackendConfig.defaults());
    }

    /**
     * Like {@link #open()} with the given configuration; when {@code config} (or else
     * {@value #REQUIRE_PROPERTY} / {@value #REQUIRE_ENVIRONMENT}) requires some backends, only
     * those may be chosen.
     *
     * @throws BackendUnavailableException when no backend, or none of the required ones, can run;
     *     the message lists every backend found with its availability or reason
     */
    public static Backend open(BackendConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("Backends.open: config: expected a BackendConfig, got null");
        }
        Requirement requirement = Requirement.of(config);
        String named = System.getProperty(PROPERTY);
        String source = "system property " + PROPERTY;
        if (named == null || named.isBlank()) {
            named = System.getenv(ENVIRONMENT);
            source = "environment variable " + ENVIRONMENT;
        }
        if (named != null && !named.isBlank()) {
            String wanted = named.trim().toLowerCase(Locale.ROOT);
            if (!requirement.allows(wanted)) {
                throw new BackendUnavailableException("Backends.open: " + source + " names '" + wanted + "', but "
                        + requirement.describe() + " requires one of " + requirement.names());
            }
            Backend b = open(wanted, config);
            logOnce(Level.INFO, "jdnn backend: " + b.name() + " (from " + source + ")");
            return b;
        }
        List<Found> entries = found();
        List<Found> skipped = new ArrayList<>();
        for (Found f : entries) {
            if (!requirement.allows(f.name())) {
                continue;
            }
            if (f.available()) {
                Backend b = create(f, config);
                for (Found s : skipped) {
                    logOnce(Level.WARNING, "jdnn backend " + s.name() + " is present but unavailable, falling back to "
                            + f.name() + ": " + s.entry().reason() + " (to fail instead of falling back, set -D"
                            + REQUIRE_PROPERTY + "=" + s.name() + ")");
                }
                logOnce(Level.INFO, "jdnn backend: " + f.name() + (requirement.isEmpty()
                        ? " (highest priority available)" : " (required by " + requirement.describe() + ")"));
                return b;
            }
            skipped.add(f);
        }
        if (!requirement.isEmpty()) {
            throw new BackendUnavailableException("Backends.open: " + requirement.describe() + " requires one of "
                    + requirement.names() + ", and none of them is available (strict mode: no fallback). "
                    + describe(entries));
        }
        throw new BackendUnavailableException("Backends.open: no backend is available. " + describe(entries));
    }

    /** The backends {@link #open(BackendConfig)} may choose, and where that requirement came from. */
    private record Requirement(Set<String> names, String source) {
        static Requirement of(BackendConfig config) {
            if (!config.required().isEmpty()) {
                // sorted, so that messages name the backends in the same order on every run
                return new Requirement(java.util.Collections.unmodifiableSortedSet(
                        new java.util.TreeSet<>(config.required())), "BackendConfig.requireOneOf");
            }
            String value = System.getProperty(REQUIRE_PROPERTY);
            String source = "system property " + REQUIRE_PROPERTY;
            if (value == null || value.isBlank()) {
                value = System.getenv(REQUIRE_ENVIRONMENT);
                source = "environment variable " + REQUIRE_ENVIRONMENT;
            }
            if (value == null || value.isBlank()) {
                return new Requirement(Set.of(), "");
            }
            java.util.SortedSet<String> names = new java.util.TreeSet<>();
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    names.add(part.trim().toLowerCase(Locale.ROOT));
                }
            }
            return new Requirement(java.util.Collections.unmodifiableSortedSet(names), source + "=" + value.trim());
        }

        boolean isEmpty() {
            return names.isEmpty();
        }

        boolean allows(String name) {
            return names.isEmpty() || names.contains(name);
        }

        String describe() {
            return source;
        }
    }

    /** The backend called {@code name}, with {@link BackendConfig#defaults()}. */
    public static Backend open(String name) {
        return open(name, BackendConfig.defaults());
    }

    /**
     * The backend called {@code name} (case-insensitive).
     *
     * @throws BackendUnavailableException when no such backend exists or it cannot run here; the
     *     message lists every backend with its availability
     */
    public static Backend open(String name, BackendConfig config) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Backends.open: name: expected a backend name, got "
                    + (name == null ? "null" : "a blank string"));
        }
        if (config == null) {
            throw new IllegalArgumentException("Backends.open: config: expected a BackendConfig, got null");
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        List<Found> entries = found();
        for (Found f : entries) {
            if (f.name().equals(wanted)) {
                if (!f.available()) {
                    throw new BackendUnavailableException("Backends.open: backend '" + wanted + "' is not available: "
                            + f.entry().reason() + ". " + describe(entries));
                }
                return create(f, config);
            }
        }
        throw new BackendUnavailableException("Backends.open: name: expected one of " + names(entries) + ", got '"
                + name + "'. " + describe(entries));
    }

    private static Backend create(Found f, BackendConfig config) {
        try {
            return new ValidatingBackend(f.provider().create(config));
        } catch (LinkageError | RuntimeException ex) {
            throw new BackendUnavailableException("Backends.open: backend '" + f.name() + "' failed to start: " + ex, ex);
        }
    }

    private static List<String> names(List<Found> entries) {
        return entries.stream().map(Found::name).toList();
    }

    private static String describe(List<Found> found) {
        List<Entry> entries = found.stream().map(Found::entry).toList();
        if (entries.isEmpty()) {
            return "No backend provider was found on the class path or module path (add jdnn-kernels-java).";
        }
        StringBuilder sb = new StringBuilder("Backends found:");
        for (Entry e : entries) {
            sb.append(' ').append(e.name()).append(e.available() ? " (available)" : " (unavailable: " + e.reason() + ")")
                    .append(';');
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    /**
     * A plain-text report for bug reports: JDK, operating system, processors, the backend
     * selection settings, and every backend with its availability and its own details (native
     * library path and version, vector size, instruction set).
     */
    public static String diagnostics() {
        StringBuilder sb = new StringBuilder();
        sb.append("jdnn diagnostics\n");
        sb.append("java: ").append(System.getProperty("java.version")).append(" (")
                .append(System.getProperty("java.vendor")).append(", ").append(System.getProperty("java.vm.name"))
                .append(")\n");
        sb.append("os: ").append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append(' ').append(System.getProperty("os.arch")).append('\n');
        sb.append("processors: ").append(Runtime.getRuntime().availableProcessors()).append('\n');
        sb.append(PROPERTY).append(": ").append(String.valueOf(System.getProperty(PROPERTY))).append('\n');
        sb.append(ENVIRONMENT).append(": ").append(String.valueOf(System.getenv(ENVIRONMENT))).append('\n');
        sb.append(REQUIRE_PROPERTY).append(": ").append(String.valueOf(System.getProperty(REQUIRE_PROPERTY))).append('\n');
        for (Found f : found()) {
            Entry e = f.entry();
            sb.append("backend ").append(e.name()).append(" (priority ").append(e.priority()).append("): ")
                    .append(e.available() ? "available" : "unavailable: " + e.reason()).append('\n');
            String details;
            try {
                details = f.provider().diagnostics();
            } catch (LinkageError | RuntimeException ex) {
                details = "diagnostics failed: " + ex;
            }
            for (String line : details.lines().toList()) {
                sb.append("  ").append(line).append('\n');
            }
        }
        return sb.toString();
    }

    /** Lets a test see the once-per-JVM messages again; nothing else calls it. */
    static void forgetLoggedMessages() {
        LOGGED.clear();
    }

    private static void logOnce(Level level, String message) {
        if (LOGGED.add(message)) {
            LOG.log(level, message);
        }
    }
}
