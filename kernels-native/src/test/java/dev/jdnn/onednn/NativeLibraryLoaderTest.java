package dev.jdnn.onednn;

import dev.jdnn.Backend;
import dev.jdnn.Backends;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NativeLibraryLoaderTest {
    private static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    @Test
    void loadsTheLibraryFromTheJarIntoAVersionedCacheDirectory() {
        LoadedLibrary library = NativeLibraryLoader.library();
        assertThat(library.dnnlPath().getFileName()).hasToString("libdnnl.so.3");
        assertThat(library.dnnlPath().getParent().getFileName()).hasToString("dnnl-3.13-1.5.14-linux-x86_64");
        assertThat(library.dnnlPath()).isRegularFile();
    }

    @Test
    void openWithoutANamePicksOnednnHere() {
        try (Backend chosen = Backends.open()) {
            assertThat(chosen.name()).isEqualTo("onednn");
        }
    }

    @Test
    void diagnosticsShowVersionLibraryPathAndIsa() {
        String report = Backends.diagnostics();
        assertThat(report).contains("oneDNN 3.13.").contains("library: ").contains("libdnnl.so.3").contains("isa: ");
    }

    @Test
    void unloadableLibraryMakesOpenFallBackAndOpenOnednnFailWithTheLoaderMessage(@TempDir Path work) throws Exception {
        String missing = "/nonexistent/jdnn/libdnnl.so.3";
        LoaderJvm.Result result = LoaderJvm.run(List.of(NATIVE_ACCESS,
                "-D" + NativeLibraryLoader.LIBRARY_PROPERTY + "=" + missing), Map.of(), work);
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("open() chose: vector");
        assertThat(result.output()).contains("open(onednn) failed: ").contains("libdnnl.so.3").contains(missing);
        assertThat(result.output().lines().filter(l -> l.contains("falling back")).count())
                .as("fallback log lines in:\n%s", result.output()).isEqualTo(1);
        assertThat(result.output()).contains("WARNING");
    }

    /**
     * A home directory under a regular file cannot be created even by root (ENOTDIR), unlike a
     * read-only directory, which root writes anyway: the loader must fall back to its private
     * directory under java.io.tmpdir.
     */
    @Test
    void unwritableHomeFallsBackToAPrivateDirectoryUnderTheTemporaryDirectory(@TempDir Path work) throws Exception {
        Path file = Files.writeString(work.resolve("a-file"), "not a directory");
        Path home = file.resolve("home");
        Path tmp = Files.createDirectory(work.resolve("tmp"));
        LoaderJvm.Result result = LoaderJvm.run(List.of(NATIVE_ACCESS, "-Duser.home=" + home,
                "-Djava.io.tmpdir=" + tmp, "-Duser.name=probe"), Map.of(), work);
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).as(result.output()).contains("open(onednn) succeeded: onednn")
                .contains("library: " + tmp.resolve("jdnn-probe").resolve("dnnl-3.13-1.5.14-linux-x86_64")
                        .resolve("libdnnl.so.3"));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(tmp.resolve("jdnn-probe")))).isEqualTo("rwx------");
    }

    @Test
    void homeOfQuestionMarkNeverCreatesADirectoryUnderTheWorkingDirectory(@TempDir Path work) throws Exception {
        Path tmp = Files.createDirectory(work.resolve("tmp"));
        LoaderJvm.Result result = LoaderJvm.run(List.of(NATIVE_ACCESS, "-Duser.home=?", "-Djava.io.tmpdir=" + tmp),
                Map.of(), work);
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).as(result.output()).contains("open(onednn) succeeded: onednn")
                .contains("library: " + tmp);
        assertThat(work.resolve("?")).doesNotExist();
    }

    @Test
    void noUsableCacheDirectoryNamesEveryPathTriedAndTheProperty(@TempDir Path work) throws Exception {
        Path file = Files.writeString(work.resolve("a-file"), "not a directory");
        LoaderJvm.Result result = LoaderJvm.run(List.of(NATIVE_ACCESS, "-Duser.home=" + file.resolve("home"),
                "-Djava.io.tmpdir=" + file.resolve("tmp")), Map.of("XDG_CACHE_HOME", file.resolve("xdg").toString()), work);
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("open(onednn) failed: ")
                .contains(file.resolve("xdg").resolve("jdnn").toString())
                .contains(file.resolve("home").resolve(".cache").resolve("jdnn").toString())
                .contains(file.resolve("tmp").toString())
                .contains("-D" + NativeLibraryLoader.CACHE_PROPERTY + "=")
                .contains("JDNN_CACHE_DIR");
    }

    @Test
    void cacheEnvironmentVariableIsUsedWhenThePropertyIsUnset(@TempDir Path work) throws Exception {
        Path cache = work.resolve("cache-from-env");
        LoaderJvm.Result result = LoaderJvm.run(List.of(NATIVE_ACCESS), Map.of(NativeCache.ENVIRONMENT, cache.toString()), work);
        assertThat(result.output()).as(result.output())
                .contains("library: " + cache.resolve("dnnl-3.13-1.5.14-linux-x86_64").resolve("libdnnl.so.3"));
    }

    @Test
    void unsupportedPlatformIsAPlainUnavailableReason(@TempDir Path work) throws Exception {
        LoaderJvm.Result result = LoaderJvm.run(List.of(NATIVE_ACCESS, "-Dos.name=Plan9", "-Dos.arch=mips64"), Map.of(), work);
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("open() chose: vector")
                .contains("open(onednn) failed: ")
                .contains("ships no native build for os.name=Plan9, os.arch=mips64")
                .contains("linux-x86_64, linux-arm64, macosx-arm64, macosx-x86_64, windows-x86_64");
    }

    @Test
    void deniedNativeAccessNamesTheFlagToAdd(@TempDir Path work) throws Exception {
        LoaderJvm.Result result = LoaderJvm.run(List.of("--illegal-native-access=deny"), Map.of(), work);
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("open(onednn) failed: ")
                .contains("--enable-native-access=ALL-UNNAMED");
        // only onednn calls restricted methods: denied native access leaves vector, not naive
        assertThat(result.output()).contains("open() chose: vector");
        assertThat(result.output().lines().filter(l -> l.contains("WARNING")).count())
                .as("a WARNING line in:\n%s", result.output()).isPositive();
    }
}
