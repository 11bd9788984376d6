package dev.jdnn.onednn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

class NativeResourceLocatorTest {
    private static final DnnlPlatform LINUX = DnnlPlatform.of("Linux", "amd64").orElseThrow();

    @Test
    void findsTheFilesInTheJarOfAnUnresolvedModuleOnTheModulePath(@TempDir Path dir) throws IOException {
        Path lib = Files.createDirectory(dir.resolve("lib"));
        moduleJar(lib.resolve("dnnl-linux-x86_64.jar"), LINUX.moduleName(), "gomp", "dnnl");
        List<String> looked = new ArrayList<>();
        Optional<List<NativeResource>> found = NativeResourceLocator.onModulePath(LINUX,
                dir.resolve("app.jar") + java.io.File.pathSeparator + lib, looked);
        assertThat(found).as("looked: %s", looked).isPresent();
        assertThat(found.get()).extracting(r -> r.name).containsExactly("libgomp.so.1", "libdnnl.so.3");
        try (var in = found.get().get(1).open()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("dnnl");
        }
        assertThat(found.get().get(1).size()).isEqualTo(4);
    }

    @Test
    void saysWhatItMissedWhenTheModuleIsNotThere(@TempDir Path dir) throws IOException {
        moduleJar(dir.resolve("other.jar"), "org.example.other", "x", "y");
        List<String> looked = new ArrayList<>();
        assertThat(NativeResourceLocator.onModulePath(LINUX, dir.toString(), looked)).isEmpty();
        assertThat(looked).containsExactly("module org.bytedeco.dnnl.linux.x86_64 is not on the module path");
        looked.clear();
        assertThat(NativeResourceLocator.onModulePath(LINUX, null, looked)).isEmpty();
        assertThat(looked).containsExactly("there is no module path");
    }

    /** A jar that the module system sees as module {@code name} (automatic, named by its manifest). */
    private static void moduleJar(Path jar, String name, String gomp, String dnnl) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Automatic-Module-Name", name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry(LINUX.resourceDirectory() + "libgomp.so.1"));
            out.write(gomp.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new JarEntry(LINUX.resourceDirectory() + "libdnnl.so.3"));
            out.write(dnnl.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }
}
