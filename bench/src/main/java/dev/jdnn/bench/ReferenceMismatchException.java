package dev.jdnn.bench;

/**
 * Thrown from a benchmark's set-up when the backend's result differs from {@code naive}'s: the
 * benchmark refuses to time a kernel that computes the wrong thing.
 */
public final class ReferenceMismatchException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    ReferenceMismatchException(String message) {
        super(message);
    }
}
