package dev.jdnn.spi;

/**
 * Whether a backend can run here, and if not, why.
 *
 * @param available whether {@link BackendProvider#create} can succeed
 * @param reason why not, e.g. "libdnnl.so.3 could not be loaded: ..."; empty when available
 */
public record Availability(boolean available, String reason) {
    private static final Availability AVAILABLE = new Availability(true, "");

    /** Validates that an unavailable backend gives a reason. */
    public Availability {
        if (reason == null) {
            throw new IllegalArgumentException("Availability: reason: expected a string, got null");
        }
        if (!available && reason.isBlank()) {
            throw new IllegalArgumentException("Availability: reason: expected an explanation, got a blank string");
        }
    }

    /** The backend can run. */
    public static Availability yes() {
        return AVAILABLE;
    }

    /** The backend cannot run, for {@code reason}. */
    public static Availability no(String reason) {
        return new Availability(false, reason);
    }
}
