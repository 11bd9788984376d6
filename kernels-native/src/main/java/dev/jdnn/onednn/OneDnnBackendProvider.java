package dev.jdnn.onednn;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.onednn.ffi.dnnl_h;
import dev.jdnn.onednn.ffi.dnnl_version_t;
import dev.jdnn.spi.Availability;
import dev.jdnn.spi.BackendProvider;

import java.lang.foreign.MemorySegment;

/**
 * Provides backend {@code onednn} (priority 100: preferred wherever oneDNN loads). Nothing native
 * is touched before {@link #availability()}; a library that cannot be loaded makes the backend
 * unavailable with the loader's message instead of failing.
 */
public final class OneDnnBackendProvider implements BackendProvider {
    /** The backend's name. */
    public static final String NAME = "onednn";

    /** For {@link java.util.ServiceLoader}. */
    public OneDnnBackendProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Availability availability() {
        try {
            NativeLibraryLoader.library();
            return Availability.yes();
        } catch (LibraryLoadException e) {
            return Availability.no(e.getMessage());
        }
    }

    @Override
    public Backend create(BackendConfig config) {
        return create(config, LayoutChoice.fromSystemProperty());
    }

    /** A backend whose plans choose layouts as {@code layouts} says (tests force one this way). */
    Backend create(BackendConfig config, LayoutChoice layouts) {
        LoadedLibrary library = NativeLibraryLoader.library();
        return new OneDnnBackend(new OneDnnRuntime(new OpenMpThreads(library.openMp()), config.threads()), layouts);
    }

    /** oneDNN's version, the library's path and the instruction set its kernels use. */
    @Override
    public String diagnostics() {
        LoadedLibrary library;
        try {
            library = NativeLibraryLoader.library();
        } catch (LibraryLoadException e) {
            return "not loaded: " + e.getMessage();
        }
        MemorySegment version = dnnl_h.dnnl_version().reinterpret(dnnl_version_t.sizeof());
        String hash = dnnl_version_t.hash(version).reinterpret(256).getString(0);
        return "oneDNN " + dnnl_version_t.major(version) + "." + dnnl_version_t.minor(version) + "."
                + dnnl_version_t.patch(version) + " (" + hash + ")\n"
                + "library: " + library.dnnlPath() + "\n"
                + "isa: " + CpuIsa.name(dnnl_h.dnnl_get_effective_cpu_isa());
    }
}
