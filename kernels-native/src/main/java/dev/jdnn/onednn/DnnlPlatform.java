package dev.jdnn.onednn;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One platform for which {@code org.bytedeco:dnnl:3.13-1.5.14} ships native files: the jar's
 * classifier (also the resource directory inside it, {@code org/bytedeco/dnnl/<classifier>/}),
 * the module name its {@code module-info} declares, and the file names of oneDNN and of the OpenMP
 * runtime it links against. Chosen from {@code os.name} and {@code os.arch} as the JVM reports
 * them, so that a machine outside this list gets a plain "unavailable" reason instead of a failed
 * load.
 *
 * @param classifier the Maven classifier, e.g. {@code linux-x86_64}
 * @param dnnlFile the oneDNN library inside the jar, e.g. {@code libdnnl.so.3}
 * @param openMpFile the OpenMP runtime inside the jar, or {@code null} when the platform takes it
 *     from the system (Windows: the Visual C++ runtime's {@code vcomp140.dll})
 * @param systemOpenMp the name the dynamic loader knows the OpenMP runtime by, for a system oneDNN
 */
record DnnlPlatform(String classifier, String dnnlFile, String openMpFile, String systemOpenMp) {
    /** What bytedeco ships for dnnl 3.13-1.5.14 (checked against Maven Central: no linux-ppc64le). */
    static final List<DnnlPlatform> SHIPPED = List.of(
            new DnnlPlatform("linux-x86_64", "libdnnl.so.3", "libgomp.so.1", "libgomp.so.1"),
            new DnnlPlatform("linux-arm64", "libdnnl.so.3", "libgomp.so.1", "libgomp.so.1"),
            new DnnlPlatform("macosx-arm64", "libdnnl.3.dylib", "libomp.dylib", "libomp.dylib"),
            new DnnlPlatform("macosx-x86_64", "libdnnl.3.dylib", "libiomp5.dylib", "libiomp5.dylib"),
            new DnnlPlatform("windows-x86_64", "dnnl.dll", null, "vcomp140.dll"));

    /** The directory inside the jar that holds the native files. */
    String resourceDirectory() {
        return "org/bytedeco/dnnl/" + classifier + "/";
    }

    /** The name of the jar's module, {@code org.bytedeco.dnnl.linux.x86_64} for {@code linux-x86_64}. */
    String moduleName() {
        return "org.bytedeco.dnnl." + classifier.replace('-', '.');
    }

    /** The files to extract, OpenMP first: oneDNN's dependency on it must resolve to this copy. */
    List<String> files() {
        return openMpFile == null ? List.of(dnnlFile) : List.of(openMpFile, dnnlFile);
    }

    /** The platform of this JVM, from the system properties {@code os.name} and {@code os.arch}. */
    static Optional<DnnlPlatform> current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** The platform for the given {@code os.name} and {@code os.arch}, if bytedeco ships one. */
    static Optional<DnnlPlatform> of(String osName, String osArch) {
        String classifier = classifier(osName, osArch);
        return SHIPPED.stream().filter(p -> p.classifier.equals(classifier)).findFirst();
    }

    /** The reason oneDNN is unavailable on a platform outside {@link #SHIPPED}. */
    static String unsupported(String osName, String osArch) {
        return "org.bytedeco:dnnl:3.13-1.5.14 ships no native build for os.name=" + osName + ", os.arch=" + osArch
                + " (it ships " + SHIPPED.stream().map(DnnlPlatform::classifier).collect(Collectors.joining(", "))
                + "); use the vector backend, or point -D" + NativeLibraryLoader.LIBRARY_PROPERTY
                + " at a oneDNN 3.x library built for this machine";
    }

    /** JavaCPP's naming: {@code linux}, {@code macosx}, {@code windows}; {@code x86_64}, {@code arm64}. */
    private static String classifier(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String family = os.startsWith("linux") ? "linux"
                : os.startsWith("mac") || os.startsWith("darwin") ? "macosx"
                : os.startsWith("windows") ? "windows" : os.replace(' ', '_');
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x86-64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default -> osArch.toLowerCase(Locale.ROOT);
        };
        return family + "-" + arch;
    }
}
