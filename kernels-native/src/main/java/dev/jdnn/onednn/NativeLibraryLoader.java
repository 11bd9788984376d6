package dev.jdnn.onednn;

import dev.jdnn.onednn.ffi.dnnl_h;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Loads oneDNN once per process. By default the two libraries are extracted from the
 * {@code org.bytedeco:dnnl} jar on the class path ({@code org/bytedeco/dnnl/linux-x86_64/}) into
 * a cache directory named after the version, {@code ~/.cache/jdnn/<version>/} (overridden by the
 * system property {@code jdnn.onednn.cache}); the home directory rather than {@code /tmp}
 * because {@code /tmp} is often mounted {@code noexec}. {@code libgomp.so.1} is loaded first so
 * that the dynamic loader resolves libdnnl's OpenMP dependency to it. The property
 * {@code jdnn.onednn.library} names a system {@code libdnnl.so.3} to load instead (its OpenMP
 * runtime is then found by the dynamic loader).
 */
public final class NativeLibraryLoader {
    /** Names a libdnnl.so.3 to load instead of the one in the jar. */
    public static final String LIBRARY_PROPERTY = "jdnn.onednn.library";
    /** Directory to extract the jar's libraries into. */
    public static final String CACHE_PROPERTY = "jdnn.onednn.cache";

    private static final String RESOURCE_DIR = "org/bytedeco/dnnl/linux-x86_64/";
    private static final String DNNL = "libdnnl.so.3";
    private static final String GOMP = "libgomp.so.1";
    private static final String VERSION = "dnnl-3.13-1.5.14";

    private NativeLibraryLoader() {
    }

    /** The library, loading it on first use; throws {@link LibraryLoadException} with the reason. */
    static LoadedLibrary library() {
        return Holder.RESULT.get();
    }

    private static final class Holder {
        static final Outcome RESULT = load();
    }

    private sealed interface Outcome {
        LoadedLibrary get();
    }

    private record Loaded(LoadedLibrary library) implements Outcome {
        public LoadedLibrary get() {
            return library;
        }
    }

    private record Failed(String reason) implements Outcome {
        public LoadedLibrary get() {
            throw new LibraryLoadException(reason);
        }
    }

    private static Outcome load() {
        try {
            String system = System.getProperty(LIBRARY_PROPERTY);
            LoadedLibrary library = system != null ? loadSystem(Path.of(system)) : loadFromJar();
            dnnl_h.bind(library.dnnl());
            return new Loaded(library);
        } catch (LibraryLoadException e) {
            return new Failed(e.getMessage());
        }
    }

    private static LoadedLibrary loadSystem(Path dnnl) {
        SymbolLookup dnnlSymbols = open(dnnl);
        SymbolLookup openMp;
        try {
            openMp = SymbolLookup.libraryLookup(GOMP, Arena.global());
        } catch (IllegalArgumentException e) {
            openMp = dnnlSymbols;
        }
        return new LoadedLibrary(dnnl, dnnlSymbols, openMp);
    }

    private static LoadedLibrary loadFromJar() {
        Path dir = cacheDirectory();
        Path gomp = extract(GOMP, dir);
        Path dnnl = extract(DNNL, dir);
        SymbolLookup openMp = open(gomp);
        SymbolLookup dnnlSymbols = open(dnnl);
        return new LoadedLibrary(dnnl, dnnlSymbols, openMp);
    }

    private static Path cacheDirectory() {
        String configured = System.getProperty(CACHE_PROPERTY);
        Path base = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "jdnn");
        return base.resolve(VERSION);
    }

    private static SymbolLookup open(Path file) {
        try {
            return SymbolLookup.libraryLookup(file, Arena.global());
        } catch (IllegalArgumentException | IllegalCallerException e) {
            throw new LibraryLoadException(file.getFileName() + " could not be loaded from " + file + ": "
                    + e.getMessage());
        }
    }

    /**
     * Copies one library out of the jar unless a copy of the same size is already cached; a fresh
     * copy is streamed to a temporary name and moved into place, so concurrent JVMs never load a
     * half-written file.
     */
    private static Path extract(String name, Path dir) {
        String resource = RESOURCE_DIR + name;
        URL url = NativeLibraryLoader.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new LibraryLoadException(name + " could not be loaded: resource " + resource
                    + " is not on the class path (add org.bytedeco:dnnl:3.13-1.5.14:linux-x86_64)");
        }
        Path target = dir.resolve(name);
        try {
            URLConnection connection = url.openConnection();
            long size = connection.getContentLengthLong();
            if (size >= 0 && Files.isRegularFile(target) && Files.size(target) == size) {
                return target;
            }
            Files.createDirectories(dir);
            Path partial = Files.createTempFile(dir, name, ".part");
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new LibraryLoadException(name + " could not be extracted into " + dir + ": " + e);
        }
    }
}
