package dev.jdnn.kernels.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one vector width the backend uses, chosen once per JVM: {@link FloatVector#SPECIES_PREFERRED}
 * clamped to 128..512 bits, or the value of system property {@value #PROPERTY} (128, 256 or 512)
 * so that tests can force every width. A width wider than the hardware's still computes correctly
 * but falls back to slow Java code, so the property is meant for tests.
 */
final class VectorWidth {
    /** System property that forces the width in bits. */
    static final String PROPERTY = "jdnn.vector.bits";

    /** The chosen species; a static final so the JIT treats it as a constant. */
    static final VectorSpecies<Float> SPECIES = choose();

    private VectorWidth() {
    }

    private static VectorSpecies<Float> choose() {
        String forced = System.getProperty(PROPERTY);
        int bits = forced == null || forced.isBlank() ? FloatVector.SPECIES_PREFERRED.vectorBitSize()
                : Integer.parseInt(forced.trim());
        if (forced != null && !forced.isBlank() && bits != 128 && bits != 256 && bits != 512) {
            throw new IllegalStateException(PROPERTY + ": expected 128, 256 or 512, got " + forced);
        }
        if (bits >= 512) {
            return FloatVector.SPECIES_512;
        }
        return bits >= 256 ? FloatVector.SPECIES_256 : FloatVector.SPECIES_128;
    }

    /** The GEMM micro-kernel generated for {@link #SPECIES}. */
    static GemmMicroKernel microKernel() {
        return switch (SPECIES.vectorBitSize()) {
            case 512 -> new GemmMicroKernel512();
            case 256 -> new GemmMicroKernel256();
            default -> new GemmMicroKernel128();
        };
    }
}
