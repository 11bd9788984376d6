package dev.jdnn.onednn;

import dev.jdnn.Backend;
import dev.jdnn.BackendUnavailableException;
import dev.jdnn.Backends;

/**
 * Prints what {@link Backends} does when oneDNN cannot be loaded: the backend {@code open()}
 * picks, and the message of {@code open("onednn")}. Run in a forked JVM with
 * {@code -Djdnn.onednn.library} pointing at a missing file.
 */
public final class LibraryFallbackProbe {
    private LibraryFallbackProbe() {
    }

    public static void main(String[] args) {
        try (Backend chosen = Backends.open()) {
            System.out.println("open() chose: " + chosen.name());
        }
        try (Backend onednn = Backends.open("onednn")) {
            System.out.println("open(onednn) succeeded: " + onednn.name());
        } catch (BackendUnavailableException e) {
            System.out.println("open(onednn) failed: " + e.getMessage());
        }
    }
}
