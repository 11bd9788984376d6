package dev.jdnn.onednn;

import dev.jdnn.onednn.ffi.dnnl_h;

import java.lang.foreign.MemorySegment;

/**
 * A oneDNN memory object ({@code dnnl_memory_t}): a descriptor plus a data pointer it does not own.
 * The pointer is either a plan's scratch buffer or, re-pointed on every run, a caller's tensor.
 */
final class Memory extends NativeHandle {
    private Memory(MemorySegment handle) {
        super(handle, "dnnl_memory_destroy");
    }

    /** A memory object of descriptor {@code md} over {@code data} ({@code NULL}: attached later). */
    static Memory create(MemorySegment md, Engine engine, MemorySegment data) {
        return new Memory(OutPointer.create("dnnl_memory_create",
                out -> dnnl_h.dnnl_memory_create(out, md, engine.handle(), data)));
    }

    /** Points the memory object at {@code data}; no copy. */
    void attach(MemorySegment data) {
        DnnlException.check(dnnl_h.dnnl_memory_set_data_handle(handle(), data), "dnnl_memory_set_data_handle");
    }

    @Override
    int destroy(MemorySegment handle) {
        return dnnl_h.dnnl_memory_destroy(handle);
    }
}
