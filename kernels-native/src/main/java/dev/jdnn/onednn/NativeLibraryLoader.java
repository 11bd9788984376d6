package dev.jdnn.onednn;

import dev.jdnn.onednn.ffi.dnnl_h;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads oneDNN once per process. By default the libraries of the {@code org.bytedeco:dnnl} jar for
 * this platform ({@link DnnlPlatform}, from {@code os.name}/{@code os.arch}) are found on the class
 * path or the module path ({@link NativeResourceLocator}), extracted into a cache directory
 * ({@link NativeCache}: property {@value #CACHE_PROPERTY}, {@code JDNN_CACHE_DIR},
 * {@code $XDG_CACHE_HOME/jdnn}, {@code ~/.cache/jdnn}, then a private directory under
 * {@code java.io.tmpdir}) and loaded, the OpenMP runtime first so that the dynamic loader resolves
 * libdnnl's dependency on it to that copy. The property {@value #LIBRARY_PROPERTY} names a oneDNN
 * library to load instead (its OpenMP runtime is then found by the dynamic loader).
 *
 * <p>Every failure becomes a {@link LibraryLoadException} whose message names what was tried and
 * the flag or property that changes it; the backend is then unavailable with that reason.
 */
public final class NativeLibraryLoader {
    /** Names a oneDNN library file to load instead of the one in the jar. */
    public static final String LIBRARY_PROPERTY = "jdnn.onednn.library";
    /** Directory to extract the jar's libraries into (first of the cache candidates). */
    public static final String CACHE_PROPERTY = "jdnn.onednn.cache";

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
            try {
                dnnl_h.bind(library.dnnl());
            } catch (IllegalCallerException e) {
                throw new LibraryLoadException(nativeAccessDenied(e));
            }
            return new Loaded(library);
        } catch (LibraryLoadException e) {
            return new Failed(e.getMessage());
        }
    }

    private static LoadedLibrary loadSystem(Path dnnl) {
        SymbolLookup dnnlSymbols = open(dnnl);
        String openMpName = DnnlPlatform.current().map(DnnlPlatform::systemOpenMp).orElse("libgomp.so.1");
        SymbolLookup openMp;
        try {
            openMp = SymbolLookup.libraryLookup(openMpName, Arena.global());
        } catch (IllegalArgumentException e) {
            openMp = dnnlSymbols;
        }
        return new LoadedLibrary(dnnl, dnnlSymbols, openMp);
    }

    private static LoadedLibrary loadFromJar() {
        String osName = System.getProperty("os.name", "");
        String osArch = System.getProperty("os.arch", "");
        DnnlPlatform platform = DnnlPlatform.of(osName, osArch)
                .orElseThrow(() -> new LibraryLoadException(DnnlPlatform.unsupported(osName, osArch)));
        List<NativeResource> resources = NativeResourceLocator.locate(platform);
        List<String> failures = new ArrayList<>();
        for (NativeCache.Candidate candidate : NativeCache.candidates(properties(), System.getenv())) {
            Path dir = candidate.base().resolve(VERSION + "-" + platform.classifier());
            Optional<LoadedLibrary> loaded = tryDirectory(candidate, dir, platform, resources, failures);
            if (loaded.isPresent()) {
                return loaded.get();
            }
        }
        throw new LibraryLoadException(platform.dnnlFile() + " could not be extracted into any cache directory: "
                + String.join("; ", failures) + ". Set -D" + CACHE_PROPERTY + "=<a writable directory on a file system "
                + "that allows executables> (or the environment variable " + NativeCache.ENVIRONMENT + ")");
    }

    /** Extracts and loads from one candidate; on failure adds "path (source): reason" to {@code failures}. */
    private static Optional<LoadedLibrary> tryDirectory(NativeCache.Candidate candidate, Path dir, DnnlPlatform platform,
            List<NativeResource> resources, List<String> failures) {
        List<Path> files = new ArrayList<>();
        try {
            NativeCache.prepare(candidate, dir);
            for (NativeResource resource : resources) {
                files.add(NativeCache.extract(resource, dir));
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            failures.add(dir + " (from " + candidate.source() + "): " + e);
            return Optional.empty();
        }
        try {
            SymbolLookup openMp = null;
            SymbolLookup dnnl = null;
            for (Path file : files) {
                SymbolLookup lookup = open(file);
                if (file.getFileName().toString().equals(platform.dnnlFile())) {
                    dnnl = lookup;
                } else {
                    openMp = lookup;
                }
            }
            if (openMp == null) {
                openMp = systemOpenMp(platform).orElse(dnnl);
            }
            return Optional.of(new LoadedLibrary(dir.resolve(platform.dnnlFile()), dnnl, openMp));
        } catch (NativeAccessDenied e) {
            throw new LibraryLoadException(e.getMessage());
        } catch (LibraryLoadException e) {
            failures.add(dir + " (from " + candidate.source() + "): " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<SymbolLookup> systemOpenMp(DnnlPlatform platform) {
        try {
            return Optional.of(SymbolLookup.libraryLookup(platform.systemOpenMp(), Arena.global()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        for (String key : List.of(CACHE_PROPERTY, "user.home", "user.name", "java.io.tmpdir")) {
            String value = System.getProperty(key);
            if (value != null) {
                properties.put(key, value);
            }
        }
        return properties;
    }

    private static SymbolLookup open(Path file) {
        try {
            return SymbolLookup.libraryLookup(file, Arena.global());
        } catch (IllegalCallerException e) {
            throw new NativeAccessDenied(nativeAccessDenied(e));
        } catch (IllegalArgumentException e) {
            throw new LibraryLoadException(file.getFileName() + " could not be loaded from " + file + ": "
                    + e.getMessage());
        }
    }

    /** The message for a JVM that forbids this module native access ({@code --illegal-native-access=deny}). */
    static String nativeAccessDenied(RuntimeException e) {
        Module module = NativeLibraryLoader.class.getModule();
        String name = module.isNamed() ? module.getName() : "ALL-UNNAMED";
        return "native access is not enabled for " + (module.isNamed() ? "module " + name : "the class path")
                + " (" + e.getMessage() + "): add the JVM flag --enable-native-access=" + name
                + " (or the manifest attribute Enable-Native-Access: ALL-UNNAMED in an executable jar)";
    }

    /** Native access is denied: no other cache directory can help, so the search stops. */
    private static final class NativeAccessDenied extends LibraryLoadException {
        private static final long serialVersionUID = 1L;

        NativeAccessDenied(String message) {
            super(message);
        }
    }
}
