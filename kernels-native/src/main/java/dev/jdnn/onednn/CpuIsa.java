package dev.jdnn.onednn;

import dev.jdnn.onednn.ffi.dnnl_h;

/** Names of oneDNN's {@code dnnl_cpu_isa_t} values, for diagnostics. */
final class CpuIsa {
    private CpuIsa() {
    }

    /** The name of {@code isa}, e.g. {@code avx512_core}, or its hex value when unknown. */
    static String name(int isa) {
        int[] values = {dnnl_h.dnnl_cpu_isa_sse41(), dnnl_h.dnnl_cpu_isa_avx(), dnnl_h.dnnl_cpu_isa_avx2(),
                dnnl_h.dnnl_cpu_isa_avx2_vnni(), dnnl_h.dnnl_cpu_isa_avx2_vnni_2(), dnnl_h.dnnl_cpu_isa_avx512_core(),
                dnnl_h.dnnl_cpu_isa_avx512_core_vnni(), dnnl_h.dnnl_cpu_isa_avx512_core_bf16(),
                dnnl_h.dnnl_cpu_isa_avx512_core_fp16(), dnnl_h.dnnl_cpu_isa_avx512_core_amx(),
                dnnl_h.dnnl_cpu_isa_avx512_core_amx_fp16(), dnnl_h.dnnl_cpu_isa_avx10_1_512(),
                dnnl_h.dnnl_cpu_isa_avx10_2()};
        String[] names = {"sse41", "avx", "avx2", "avx2_vnni", "avx2_vnni_2", "avx512_core", "avx512_core_vnni",
                "avx512_core_bf16", "avx512_core_fp16", "avx512_core_amx", "avx512_core_amx_fp16", "avx10_1_512",
                "avx10_2"};
        for (int i = 0; i < values.length; i++) {
            if (values[i] == isa) {
                return names[i];
            }
        }
        return "0x" + Integer.toHexString(isa);
    }
}
