package dev.jdnn.onednn;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DnnlPlatformTest {

    @Test
    void mapsTheJvmsOsNamesAndArchitecturesToBytedecoClassifiers() {
        assertThat(DnnlPlatform.of("Linux", "amd64")).map(DnnlPlatform::classifier).hasValue("linux-x86_64");
        assertThat(DnnlPlatform.of("Linux", "aarch64")).map(DnnlPlatform::classifier).hasValue("linux-arm64");
        assertThat(DnnlPlatform.of("Mac OS X", "aarch64")).map(DnnlPlatform::classifier).hasValue("macosx-arm64");
        assertThat(DnnlPlatform.of("Mac OS X", "x86_64")).map(DnnlPlatform::classifier).hasValue("macosx-x86_64");
        assertThat(DnnlPlatform.of("Windows 11", "amd64")).map(DnnlPlatform::classifier).hasValue("windows-x86_64");
    }

    @Test
    void platformsBytedecoDoesNotShipHaveNone() {
        assertThat(DnnlPlatform.of("Linux", "ppc64le")).isEmpty();
        assertThat(DnnlPlatform.of("FreeBSD", "amd64")).isEmpty();
        assertThat(DnnlPlatform.unsupported("FreeBSD", "amd64")).contains("os.name=FreeBSD, os.arch=amd64")
                .contains("-D" + NativeLibraryLoader.LIBRARY_PROPERTY);
    }

    @Test
    void namesTheJarsModuleAndResourceDirectory() {
        DnnlPlatform linux = DnnlPlatform.of("Linux", "amd64").orElseThrow();
        assertThat(linux.moduleName()).isEqualTo("org.bytedeco.dnnl.linux.x86_64");
        assertThat(linux.resourceDirectory()).isEqualTo("org/bytedeco/dnnl/linux-x86_64/");
        assertThat(linux.files()).containsExactly("libgomp.so.1", "libdnnl.so.3");
        assertThat(DnnlPlatform.of("Windows 10", "amd64").orElseThrow().files()).containsExactly("dnnl.dll");
    }
}
