package dev.jdnn.onednn;

import dev.jdnn.Backend;
import dev.jdnn.BackendUnavailableException;
import dev.jdnn.Backends;

/**
 * Prints what {@link Backends} does when oneDNN cannot be loaded, or where it was loaded from: the
 * backend {@code open()} picks, the outcome of {@code open("onednn")} and the loaded library's
 * path. Run in a forked JVM ({@link LoaderJvm}) with the property, environment or flags under test.
 */
public final class LibraryFallbackProbe {
    private LibraryFallbackProbe() {
    }

    public static void main(String[] args) {
        try (Backend chosen = Backends.open()) {
            System.out.println("open() chose: " + chosen.name());
        } catch (BackendUnavailableException e) {
            System.out.println("open() failed: " + e.getMessage());
        }
        try (Backend onednn = Backends.open("onednn")) {
            System.out.println("open(onednn) succeeded: " + onednn.name());
            System.out.println("library: " + NativeLibraryLoader.library().dnnlPath());
        } catch (BackendUnavailableException e) {
            System.out.println("open(onednn) failed: " + e.getMessage());
        }
    }
}
