package dev.jdnn.onednn;

import dev.jdnn.onednn.ffi.dnnl_h;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DnnlExceptionTest {

    @Test
    void failedCallNamesTheCallAndTheStatus() {
        NativeLibraryLoader.library();
        assertThatThrownBy(() -> MemoryDesc.of(dnnl_h.dnnl_nchw(), 1, 2, 3))
                .isInstanceOf(DnnlException.class)
                .hasMessageContaining("dnnl_memory_desc_create_with_tag")
                .hasMessageContaining("invalid_arguments")
                .hasMessageContaining("dnnl_status_t 2");
    }
}
