package dev.jdnn.onednn;

import dev.jdnn.onednn.ffi.dnnl_h;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelBlockingTest {
    @Test
    void aCpuWithAvx512TakesSixteenChannelBlocksAndOneWithoutItEight() {
        assertThat(ChannelBlocking.tagFor(dnnl_h.dnnl_cpu_isa_avx512_core())).isEqualTo(dnnl_h.dnnl_nChw16c());
        assertThat(ChannelBlocking.tagFor(dnnl_h.dnnl_cpu_isa_avx512_core_amx())).isEqualTo(dnnl_h.dnnl_nChw16c());
        assertThat(ChannelBlocking.tagFor(dnnl_h.dnnl_cpu_isa_avx10_1_512())).isEqualTo(dnnl_h.dnnl_nChw16c());
        assertThat(ChannelBlocking.tagFor(dnnl_h.dnnl_cpu_isa_avx2())).isEqualTo(dnnl_h.dnnl_nChw8c());
        assertThat(ChannelBlocking.tagFor(dnnl_h.dnnl_cpu_isa_avx2_vnni_2())).isEqualTo(dnnl_h.dnnl_nChw8c());
        assertThat(ChannelBlocking.tagFor(dnnl_h.dnnl_cpu_isa_sse41())).isEqualTo(dnnl_h.dnnl_nChw8c());
    }
}
