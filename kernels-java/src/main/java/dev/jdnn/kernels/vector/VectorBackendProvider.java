package dev.jdnn.kernels.vector;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.spi.Availability;
import dev.jdnn.spi.BackendProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Provides backend {@code vector}, priority 50 (above {@code naive}, below {@code onednn}). It is
 * available when module {@code jdk.incubator.vector} is in the boot layer; this class touches no
 * Vector API class until that is confirmed.
 */
public final class VectorBackendProvider implements BackendProvider {
    static final String NAME = "vector";
    private static final String MODULE = "jdk.incubator.vector";

    /** For {@link java.util.ServiceLoader}. */
    public VectorBackendProvider() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return 50;
    }

    @Override
    public Availability availability() {
        if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
            return Availability.no(MODULE + " not in the module graph: add --add-modules " + MODULE);
        }
        return Availability.yes();
    }

    @Override
    public Backend create(BackendConfig config) {
        return new VectorBackend(config);
    }

    /** Preferred and used vector width, the GEMM micro-kernel, and whether the CPU has FMA. */
    @Override
    public String diagnostics() {
        if (!availability().available()) {
            return "";
        }
        return "vector: preferred species " + jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize()
                + " bits, using " + VectorWidth.SPECIES.vectorBitSize() + " bits (" + VectorWidth.PROPERTY
                + " overrides), GEMM micro-kernel " + microKernelShape() + ", FMA: " + fma();
    }

    private static String microKernelShape() {
        GemmMicroKernel kernel = VectorWidth.microKernel();
        return kernel.rows() + "x" + kernel.columns();
    }

    /** Fused multiply-add in hardware, as far as the OS tells (Linux {@code /proc/cpuinfo}). */
    private static String fma() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        try {
            if (Files.isReadable(cpuinfo)) {
                for (String line : Files.readAllLines(cpuinfo)) {
                    if (line.startsWith("flags")) {
                        return (" " + line + " ").contains(" fma ")
                                ? "yes (FloatVector.fma compiles to FMA instructions)"
                                : "no (FloatVector.fma is emulated, slowly)";
                    }
                }
            }
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return "unknown (no CPU flags available)";
    }
}
