package dev.jdnn.kernels.naive;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.spi.Availability;
import dev.jdnn.spi.BackendProvider;

/**
 * Registers the {@code naive} backend. It needs nothing beyond the JDK, so it is always
 * available, and has the lowest priority: it is chosen only when nothing faster can run.
 */
public final class NaiveBackendProvider implements BackendProvider {
    /** The name under which {@link dev.jdnn.Backends} finds this backend. */
    public static final String NAME = "naive";

    /** Called by {@link java.util.ServiceLoader}. */
    public NaiveBackendProvider() {
    }

    /** {@value #NAME}. */
    @Override
    public String name() {
        return NAME;
    }

    /** 0: the fallback when no faster backend is available. */
    @Override
    public int priority() {
        return 0;
    }

    /** Always available. */
    @Override
    public Availability availability() {
        return Availability.yes();
    }

    /** A new engine; the naive backend is single-threaded, so {@code config.threads()} is not used. */
    @Override
    public Backend create(BackendConfig config) {
        return new NaiveBackend();
    }
}
