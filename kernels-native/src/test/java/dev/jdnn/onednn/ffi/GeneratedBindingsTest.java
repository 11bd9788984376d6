package dev.jdnn.onednn.ffi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-runs the bindings generator on the headers inside the oneDNN jar this build resolved and
 * requires the committed package to be exactly its output: a bound function whose signature
 * changed, a constant whose value changed, or a hand edit all fail here. Needs
 * {@code /usr/bin/python3} with libclang's Python bindings (Debian: {@code python3-clang-15}).
 */
class GeneratedBindingsTest {
    private static final Path GENERATOR = Path.of("src/build/generate_bindings.py");
    private static final Path COMMITTED = Path.of("src/main/java/dev/jdnn/onednn/ffi");
    private static final String HEADERS = "org/bytedeco/dnnl/linux-x86_64/include";

    @Test
    void committedBindingsAreExactlyWhatTheGeneratorWritesFromTheJarsHeaders(@TempDir Path temp) throws Exception {
        Path include = extractHeaders(temp.resolve("include"));
        Path out = temp.resolve("out");
        Process process = new ProcessBuilder("/usr/bin/python3", GENERATOR.toString(), "--include", include.toString(),
                "--out", out.toString()).redirectErrorStream(true).start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("generator failed (is python3-clang-15 installed?):\n%s", log).isZero();

        List<String> generated = javaFiles(out);
        assertThat(javaFiles(COMMITTED)).as("committed files besides package-info.java")
                .filteredOn(name -> !name.equals("package-info.java")).containsExactlyInAnyOrderElementsOf(generated);
        for (String name : generated) {
            assertThat(Files.readString(COMMITTED.resolve(name))).as(name).isEqualTo(Files.readString(out.resolve(name)));
        }
    }

    private static List<String> javaFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java")).sorted().toList();
        }
    }

    /** Copies the jar's {@code include} tree into {@code target}. */
    private static Path extractHeaders(Path target) throws Exception {
        URL url = GeneratedBindingsTest.class.getClassLoader().getResource(HEADERS + "/oneapi/dnnl/dnnl.h");
        assertThat(url).as("oneDNN headers on the class path").isNotNull();
        URI jar = URI.create(url.toString().substring(0, url.toString().indexOf("!/")));
        try (FileSystem fs = FileSystems.newFileSystem(jar, Map.of()); Stream<Path> tree = Files.walk(fs.getPath(HEADERS))) {
            Path root = fs.getPath(HEADERS);
            for (Path source : tree.toList()) {
                Path dest = target.resolve(root.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }
}
