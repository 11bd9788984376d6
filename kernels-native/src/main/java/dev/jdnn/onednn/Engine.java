package dev.jdnn.onednn;

import dev.jdnn.onednn.ffi.dnnl_h;

import java.lang.foreign.MemorySegment;

/** A oneDNN CPU engine ({@code dnnl_engine_t}). */
final class Engine extends NativeHandle {
    private Engine(MemorySegment handle) {
        super(handle, "dnnl_engine_destroy");
    }

    /** The CPU engine. */
    static Engine cpu() {
        return new Engine(OutPointer.create("dnnl_engine_create",
                out -> dnnl_h.dnnl_engine_create(out, dnnl_h.dnnl_cpu(), 0)));
    }

    @Override
    int destroy(MemorySegment handle) {
        return dnnl_h.dnnl_engine_destroy(handle);
    }
}
