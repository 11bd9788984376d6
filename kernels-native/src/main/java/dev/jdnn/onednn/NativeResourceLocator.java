package dev.jdnn.onednn;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;

/**
 * Finds the native files of the dnnl jar for one platform, wherever the application put the jar:
 * <ol>
 *   <li>on the class path (also inside a shaded jar), through the class loader;</li>
 *   <li>as a module resolved in this module's layer (the jar declares
 *       {@code open module org.bytedeco.dnnl.linux.x86_64}, see {@link DnnlPlatform#moduleName()});</li>
 *   <li>on the module path but not resolved — the usual case: the jar's module requires
 *       {@code org.bytedeco.dnnl} (JavaCPP's classes, which jdnn does not use), so it cannot be
 *       resolved without them, and nothing requires it anyway. The jar is located through a
 *       {@link ModuleFinder} over {@code jdk.module.path} and read as a file.</li>
 * </ol>
 */
final class NativeResourceLocator {
    private NativeResourceLocator() {
    }

    /**
     * The platform's files, OpenMP first, or a {@link LibraryLoadException} that says where it looked.
     */
    static List<NativeResource> locate(DnnlPlatform platform) {
        List<String> looked = new ArrayList<>();
        Optional<List<NativeResource>> found = onClassPath(platform, looked);
        if (found.isEmpty()) {
            found = inModuleLayer(platform, looked);
        }
        if (found.isEmpty()) {
            found = onModulePath(platform, System.getProperty("jdk.module.path"), looked);
        }
        return found.orElseThrow(() -> new LibraryLoadException(platform.dnnlFile() + " could not be found: "
                + String.join("; ", looked) + ". Add org.bytedeco:dnnl:3.13-1.5.14:" + platform.classifier()
                + " to the class path or the module path (-p), or point -D" + NativeLibraryLoader.LIBRARY_PROPERTY
                + " at a oneDNN 3.x library"));
    }

    private static Optional<List<NativeResource>> onClassPath(DnnlPlatform platform, List<String> looked) {
        ClassLoader loader = NativeResourceLocator.class.getClassLoader();
        List<NativeResource> resources = new ArrayList<>();
        for (String file : platform.files()) {
            String resource = platform.resourceDirectory() + file;
            URL url = loader == null ? ClassLoader.getSystemResource(resource) : loader.getResource(resource);
            if (url == null) {
                looked.add("resource " + resource + " is not on the class path");
                return Optional.empty();
            }
            resources.add(fromUrl(url, resource, file));
        }
        return Optional.of(resources);
    }

    /** A jar on disk is read as a jar (its directory has size and CRC); anything else through the URL. */
    private static NativeResource fromUrl(URL url, String resource, String file) {
        if ("jar".equals(url.getProtocol())) {
            try {
                URLConnection connection = url.openConnection();
                if (connection instanceof JarURLConnection jar && "file".equals(jar.getJarFileURL().getProtocol())) {
                    return NativeResource.inJar(Path.of(jar.getJarFileURL().toURI()), resource);
                }
            } catch (IOException | java.net.URISyntaxException | IllegalArgumentException e) {
                // not a plain jar file: read it through the URL below
            }
        }
        return NativeResource.atUrl(url, file);
    }

    private static Optional<List<NativeResource>> inModuleLayer(DnnlPlatform platform, List<String> looked) {
        Module self = NativeResourceLocator.class.getModule();
        ModuleLayer layer = self.getLayer() != null ? self.getLayer() : ModuleLayer.boot();
        Optional<ModuleReference> reference = layer.configuration().findModule(platform.moduleName())
                .map(ResolvedModule::reference)
                .or(() -> ModuleLayer.boot().configuration().findModule(platform.moduleName()).map(ResolvedModule::reference));
        if (reference.isEmpty()) {
            looked.add("module " + platform.moduleName() + " is not in the module graph");
            return Optional.empty();
        }
        return fromModule(reference.get(), platform, looked);
    }

    /** The platform's files in the jar of its module on {@code modulePath}, which need not be resolved. */
    static Optional<List<NativeResource>> onModulePath(DnnlPlatform platform, String modulePath, List<String> looked) {
        if (modulePath == null || modulePath.isBlank()) {
            looked.add("there is no module path");
            return Optional.empty();
        }
        Path[] entries = Arrays.stream(modulePath.split(File.pathSeparator)).filter(s -> !s.isBlank())
                .map(Path::of).toArray(Path[]::new);
        Optional<ModuleReference> reference;
        try {
            reference = ModuleFinder.of(entries).find(platform.moduleName());
        } catch (RuntimeException e) {
            looked.add("the module path could not be scanned for " + platform.moduleName() + ": " + e.getMessage());
            return Optional.empty();
        }
        if (reference.isEmpty()) {
            looked.add("module " + platform.moduleName() + " is not on the module path");
            return Optional.empty();
        }
        return fromModule(reference.get(), platform, looked);
    }

    private static Optional<List<NativeResource>> fromModule(ModuleReference reference, DnnlPlatform platform,
            List<String> looked) {
        Optional<URI> location = reference.location();
        if (location.isEmpty() || !"file".equals(location.get().getScheme())) {
            looked.add("module " + platform.moduleName() + " has no file location (" + location.orElse(null) + ")");
            return Optional.empty();
        }
        Path where = Path.of(location.get());
        List<NativeResource> resources = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String file : platform.files()) {
            String resource = platform.resourceDirectory() + file;
            if (Files.isDirectory(where)) {
                Path path = where.resolve(resource);
                if (!Files.isRegularFile(path)) {
                    missing.add(resource);
                    continue;
                }
                try {
                    resources.add(NativeResource.atUrl(path.toUri().toURL(), file));
                } catch (java.net.MalformedURLException e) {
                    missing.add(resource);
                }
            } else if (hasEntry(where, resource)) {
                resources.add(NativeResource.inJar(where, resource));
            } else {
                missing.add(resource);
            }
        }
        if (!missing.isEmpty()) {
            looked.add("module " + platform.moduleName() + " at " + where + " has no " + missing);
            return Optional.empty();
        }
        return Optional.of(resources);
    }

    private static boolean hasEntry(Path jar, String entry) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getJarEntry(entry) != null;
        } catch (IOException e) {
            return false;
        }
    }
}
