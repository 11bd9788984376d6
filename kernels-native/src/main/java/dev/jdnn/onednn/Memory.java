package dev.jdnn.onednn;

import dev.jdnn.onednn.ffi.dnnl_h;

import java.lang.foreign.MemorySegment;

/**
 * A oneDNN memory object ({@code dnnl_memory_t}): a descriptor plus a data pointer it does not own.
 * The pointer is either a plan's scratch buffer or, re-pointed on every run, a caller's tensor.
 */
final class Memory extends NativeHandle {
    /** Address the native object points at, as far as this wrapper set it. */
    private long attached;

    private Memory(MemorySegment handle, long attached) {
        super(handle, "dnnl_memory_destroy");
        this.attached = attached;
    }

    /** A memory object of descriptor {@code md} over {@code data} ({@code NULL}: attached later). */
    static Memory create(MemorySegment md, Engine engine, MemorySegment data) {
        return new Memory(OutPointer.create("dnnl_memory_create",
                out -> dnnl_h.dnnl_memory_create(out, md, engine.handle(), data)), data.address());
    }

    /**
     * Points the memory object at {@code data}; no copy. Skipped when it already points there (a
     * plan is usually run on the same tensors again and again): that saves a downcall and oneDNN's
     * padding check in {@code dnnl_memory_set_data_handle}, though measured on lenet_c1 at N=1
     * the four calls per forward cost under 0.1 us together. Only the address is handed over (as
     * a segment of no scope): storing a pointer touches no memory, and the run that dereferences it
     * keeps the caller's arena open itself ({@link Primitive#execute}), so a caller's arena closed
     * in between fails there, with {@link IllegalStateException}, not here.
     */
    void attach(MemorySegment data) {
        long address = data.address();
        if (address != attached) {
            DnnlException.check(dnnl_h.dnnl_memory_set_data_handle(handle(), MemorySegment.ofAddress(address)),
                    "dnnl_memory_set_data_handle");
            attached = address;
        }
    }

    @Override
    int destroy(MemorySegment handle) {
        return dnnl_h.dnnl_memory_destroy(handle);
    }
}
