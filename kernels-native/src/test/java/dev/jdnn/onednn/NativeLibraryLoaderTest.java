package dev.jdnn.onednn;

import dev.jdnn.Backend;
import dev.jdnn.Backends;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NativeLibraryLoaderTest {

    @Test
    void loadsTheLibraryFromTheJarIntoAVersionedCacheDirectory() {
        LoadedLibrary library = NativeLibraryLoader.library();
        assertThat(library.dnnlPath().getFileName()).hasToString("libdnnl.so.3");
        assertThat(library.dnnlPath().getParent().getFileName()).hasToString("dnnl-3.13-1.5.14");
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
    void unloadableLibraryMakesOpenFallBackAndOpenOnednnFailWithTheLoaderMessage() throws Exception {
        String missing = "/nonexistent/jdnn/libdnnl.so.3";
        ForkedJvm.Result result = ForkedJvm.run(LibraryFallbackProbe.class,
                List.of("-D" + NativeLibraryLoader.LIBRARY_PROPERTY + "=" + missing));
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("open() chose: ").doesNotContain("open() chose: onednn");
        assertThat(result.output()).contains("open(onednn) failed: ").contains("libdnnl.so.3").contains(missing);
        assertThat(result.output().lines().filter(l -> l.contains("falling back")).count())
                .as("fallback log lines in:\n%s", result.output()).isEqualTo(1);
    }
}
