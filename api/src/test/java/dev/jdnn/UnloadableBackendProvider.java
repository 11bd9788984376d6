package dev.jdnn;

import dev.jdnn.spi.Availability;
import dev.jdnn.spi.BackendProvider;

/** A test-only provider of the highest priority that can never run, like a native backend without its library. */
public final class UnloadableBackendProvider implements BackendProvider {
    static final String REASON = "libfake.so could not be loaded: /nowhere/libfake.so: cannot open shared object file";

    @Override
    public String name() {
        return "unloadable";
    }

    @Override
    public int priority() {
        return 1000;
    }

    @Override
    public Availability availability() {
        return Availability.no(REASON);
    }

    @Override
    public Backend create(BackendConfig config) {
        throw new IllegalStateException("unloadable: create must not be called when unavailable");
    }
}
