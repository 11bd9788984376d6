package dev.jdnn.onednn;

import dev.jdnn.onednn.ffi.dnnl_h;

/**
 * The channel-blocked activation layout oneDNN's JIT kernels for pooling take on this CPU: one
 * vector register of channels, {@code nChw16c} with AVX-512, {@code nChw8c} below. oneDNN 3.13 does
 * not pick it itself (pooling takes its source's layout as given), and the other one sends it to a
 * reference kernel: measured here on AVX2, {@code nChw16c} max pooling ran ~4x slower than plain
 * {@code nchw}, {@code nChw8c} 3-7x faster.
 */
final class ChannelBlocking {
    private ChannelBlocking() {
    }

    /** The format tag for a CPU whose effective {@code dnnl_cpu_isa_t} is {@code isa}. */
    static int tagFor(int isa) {
        int avx512 = dnnl_h.dnnl_cpu_isa_avx512_core();
        return (isa & avx512) == avx512 ? dnnl_h.dnnl_nChw16c() : dnnl_h.dnnl_nChw8c();
    }

    /** The format tag for the CPU oneDNN runs on. */
    static int ofThisCpu() {
        return Isa.TAG;
    }

    private static final class Isa {
        static final int TAG = tagFor(dnnl_h.dnnl_get_effective_cpu_isa());
    }
}
