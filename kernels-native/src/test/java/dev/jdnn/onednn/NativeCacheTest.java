package dev.jdnn.onednn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NativeCacheTest {
    private static final String ENTRY = "org/bytedeco/dnnl/linux-x86_64/libfake.so";

    @Test
    void candidatesComeInTheDocumentedOrder() {
        List<NativeCache.Candidate> candidates = NativeCache.candidates(
                Map.of(NativeLibraryLoader.CACHE_PROPERTY, "/p", "user.home", "/home/u", "user.name", "u",
                        "java.io.tmpdir", "/tmp"),
                Map.of(NativeCache.ENVIRONMENT, "/e", "XDG_CACHE_HOME", "/x"));
        assertThat(candidates).extracting(c -> c.base().toString())
                .containsExactly("/p", "/e", "/x/jdnn", "/home/u/.cache/jdnn", "/tmp/jdnn-u");
    }

    @Test
    void rejectsARelativeHomeInsteadOfUsingTheWorkingDirectory() {
        NativeCache.Candidate home = NativeCache.candidates(Map.of("user.home", "?"), Map.of()).getFirst();
        assertThatThrownBy(() -> NativeCache.prepare(home, home.base().resolve("v")))
                .isInstanceOf(IOException.class).hasMessageContaining("not an absolute path");
        assertThat(Path.of("?")).doesNotExist();
    }

    @Test
    void replacesATruncatedOrCorruptedCachedCopy(@TempDir Path dir) throws IOException {
        byte[] content = new byte[200_000];
        new SplittableRandom(7).nextBytes(content);
        NativeResource resource = NativeResource.inJar(jarWith(dir, content), ENTRY);
        Path cache = Files.createDirectory(dir.resolve("cache"));

        Path copy = NativeCache.extract(resource, cache);
        assertThat(copy).hasBinaryContent(content);

        Files.write(copy, java.util.Arrays.copyOf(content, 1000));
        assertThat(NativeCache.extract(resource, cache)).hasBinaryContent(content);

        byte[] flipped = content.clone();
        flipped[12_345] ^= 1;
        Files.write(copy, flipped);
        assertThat(NativeCache.extract(resource, cache)).hasBinaryContent(content);
        try (var left = Files.list(cache)) {
            assertThat(left).as("no partial files left behind").containsExactly(copy);
        }
    }

    @Test
    void keepsAVerifiedCopyWithoutRewritingIt(@TempDir Path dir) throws IOException {
        byte[] content = new byte[10_000];
        new SplittableRandom(3).nextBytes(content);
        NativeResource resource = NativeResource.inJar(jarWith(dir, content), ENTRY);
        Path cache = Files.createDirectory(dir.resolve("cache"));
        Path copy = NativeCache.extract(resource, cache);
        var written = Files.getLastModifiedTime(copy);
        Files.setLastModifiedTime(copy, java.nio.file.attribute.FileTime.fromMillis(written.toMillis() - 60_000));
        var aged = Files.getLastModifiedTime(copy);
        NativeCache.extract(resource, cache);
        assertThat(Files.getLastModifiedTime(copy)).isEqualTo(aged);
    }

    @Test
    void refusesAPrivateTemporaryDirectoryOthersCanWrite(@TempDir Path dir) throws IOException {
        Path shared = Files.createDirectory(dir.resolve("jdnn-u"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        NativeCache.Candidate tmp = NativeCache.candidates(Map.of("java.io.tmpdir", dir.toString(), "user.name", "u"),
                Map.of()).getFirst();
        assertThatThrownBy(() -> NativeCache.prepare(tmp, shared.resolve("v")))
                .isInstanceOf(IOException.class).hasMessageContaining("is not private");
    }

    @Test
    void createsThePrivateTemporaryDirectoryOwnerOnly(@TempDir Path dir) throws IOException {
        NativeCache.Candidate tmp = NativeCache.candidates(Map.of("java.io.tmpdir", dir.toString(), "user.name", "u"),
                Map.of()).getFirst();
        NativeCache.prepare(tmp, tmp.base().resolve("v"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.base()))).isEqualTo("rwx------");
        assertThat(tmp.base().resolve("v")).isDirectory();
    }

    private static Path jarWith(Path dir, byte[] content) throws IOException {
        Path jar = dir.resolve("fake.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(ENTRY));
            out.write(content);
            out.closeEntry();
        }
        return jar;
    }
}
