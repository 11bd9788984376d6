package dev.jdnn;

/** Thrown when a requested backend is unknown or cannot run here; the message says why. */
public class BackendUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with the given explanation. */
    public BackendUnavailableException(String message) {
        super(message);
    }

    /** An exception with the given explanation and cause. */
    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
