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
 * highest priority ({@code onednn} before {@code vector} before {@code naive}). Every backend
 * handed out validates each call before its kernels run.
 */
public final class Backends {
    /** System property naming the backend {@link #open()} uses. */
    public static final String PROPERTY = "jdnn.backend";
    /** Environment variable naming the backend {@link #open()} uses when the property is unset. */
    public static final String ENVIRONMENT = "JDNN_BACKEND";

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

    /** Like {@link #open()} with the given configuration. */
    public static Backend open(BackendConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("Backends.open: config: expected a BackendConfig, got null");
        }
        String named = System.getProperty(PROPERTY);
        String source = "system property " + PROPERTY;
        if (named == null || named.isBlank()) {
            named = System.getenv(ENVIRONMENT);
            source = "environment variable " + ENVIRONMENT;
        }
        if (named != null && !named.isBlank()) {
            Backend b = open(named.trim(), config);
            logOnce(Level.INFO, "jdnn backend: " + b.name() + " (from " + source + ")");
            return b;
        }
        List<Found> entries = found();
        for (Found f : entries) {
            if (f.available()) {
                Backend b = create(f, config);
                logOnce(Level.INFO, "jdnn backend: " + f.name() + " (highest priority available)");
                return b;
            }
            logOnce(Level.INFO, "jdnn backend " + f.name() + " unavailable, falling back: " + f.entry().reason());
        }
        throw new BackendUnavailableException("Backends.open: no backend is available. " + describe(entries));
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

    private static void logOnce(Level level, String message) {
        if (LOGGED.add(message)) {
            LOG.log(level, message);
        }
    }
}
