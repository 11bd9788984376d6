package dev.jdnn.onednn;

import dev.jdnn.onednn.ffi.dnnl_h;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** A float32 memory descriptor ({@code dnnl_memory_desc_t}) created from dimensions and a format tag. */
final class MemoryDesc extends NativeHandle {
    private MemoryDesc(MemorySegment handle) {
        super(handle, "dnnl_memory_desc_destroy");
    }

    /**
     * A descriptor of {@code dims} in format {@code tag} (e.g. {@code dnnl_nchw}, or
     * {@code dnnl_format_tag_any} to let a primitive choose).
     */
    static MemoryDesc of(int tag, long... dims) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment nativeDims = arena.allocateFrom(ValueLayout.JAVA_LONG, dims);
            return new MemoryDesc(OutPointer.create("dnnl_memory_desc_create_with_tag",
                    out -> dnnl_h.dnnl_memory_desc_create_with_tag(out, dims.length, nativeDims, dnnl_h.dnnl_f32(), tag)));
        }
    }

    /** Bytes a buffer of descriptor {@code md} needs; 0 for a null descriptor. */
    static long size(MemorySegment md) {
        return md.equals(MemorySegment.NULL) ? 0 : dnnl_h.dnnl_memory_desc_get_size(md);
    }

    /** Whether two descriptors describe the same layout. */
    static boolean equal(MemorySegment a, MemorySegment b) {
        return dnnl_h.dnnl_memory_desc_equal(a, b) != 0;
    }

    @Override
    int destroy(MemorySegment handle) {
        return dnnl_h.dnnl_memory_desc_destroy(handle);
    }
}
