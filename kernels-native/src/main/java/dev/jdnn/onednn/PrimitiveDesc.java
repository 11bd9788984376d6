package dev.jdnn.onednn;

import dev.jdnn.onednn.ffi.dnnl_h;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** A primitive descriptor ({@code dnnl_primitive_desc_t}): the implementation oneDNN chose and its layouts. */
final class PrimitiveDesc extends NativeHandle {
    private PrimitiveDesc(MemorySegment handle) {
        super(handle, "dnnl_primitive_desc_destroy");
    }

    /** Wraps what {@code creator} returns through its out-parameter; {@code call} names it in errors. */
    static PrimitiveDesc create(String call, OutPointer.Creator creator) {
        return new PrimitiveDesc(OutPointer.create(call, creator));
    }

    /** The layout the primitive wants for execution argument {@code arg} (owned by this descriptor). */
    MemorySegment argumentDesc(int arg) {
        return dnnl_h.dnnl_primitive_desc_query_md(handle(), dnnl_h.dnnl_query_exec_arg_md(), arg);
    }

    /** The workspace layout, {@code NULL} when there is none. */
    MemorySegment workspaceDesc() {
        return dnnl_h.dnnl_primitive_desc_query_md(handle(), dnnl_h.dnnl_query_workspace_md(), 0);
    }

    /** The scratchpad layout, {@code NULL} when there is none. */
    MemorySegment scratchpadDesc() {
        return dnnl_h.dnnl_primitive_desc_query_md(handle(), dnnl_h.dnnl_query_scratchpad_md(), 0);
    }

    /** oneDNN's name of the implementation, e.g. {@code brg_conv_fwd:avx512_core}. */
    String implementation() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ValueLayout.ADDRESS);
            DnnlException.check(dnnl_h.dnnl_primitive_desc_query(handle(), dnnl_h.dnnl_query_impl_info_str(), 0, out),
                    "dnnl_primitive_desc_query(impl_info_str)");
            return out.get(ValueLayout.ADDRESS, 0).reinterpret(1024).getString(0);
        }
    }

    /**
     * Moves this descriptor on through oneDNN's list of implementations for the same descriptors
     * ({@code dnnl_primitive_desc_next_impl}, at most {@code steps} times) until its implementation
     * is {@code implementation}; returns whether it got there (if not, it stands on some later one).
     */
    boolean advanceTo(String implementation, int steps) {
        for (int i = 0; i < steps; i++) {
            if (dnnl_h.dnnl_primitive_desc_next_impl(handle()) != dnnl_h.dnnl_success()) {
                return false;
            }
            if (implementation().equals(implementation)) {
                return true;
            }
        }
        return false;
    }

    @Override
    int destroy(MemorySegment handle) {
        return dnnl_h.dnnl_primitive_desc_destroy(handle);
    }
}
