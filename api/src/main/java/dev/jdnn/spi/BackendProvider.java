package dev.jdnn.spi;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;

/**
 * Makes one backend known to {@link dev.jdnn.Backends}. Implementations are registered both in
 * {@code module-info.java} ({@code provides}) and in {@code META-INF/services}, must have a public
 * no-argument constructor, and must not touch optional dependencies (native libraries, incubator
 * modules) before {@link #availability()} is asked.
 *
 * <p>The {@link Backend} returned by {@link #create} is an engine: it is only ever called with
 * arguments that the api module has already validated, and must not re-validate them.
 */
public interface BackendProvider {
    /** The backend's name, lower case, e.g. {@code onednn}. */
    String name();

    /** Preference when no backend is named: the available provider with the highest priority wins. */
    int priority();

    /** Whether the backend can run here; cheap after the first call. */
    Availability availability();

    /** Creates the engine; only called when {@link #availability()} says yes. */
    Backend create(BackendConfig config);

    /**
     * Lines for {@link dev.jdnn.Backends#diagnostics()}: library paths, versions, instruction sets.
     * Empty by default.
     */
    default String diagnostics() {
        return "";
    }
}
