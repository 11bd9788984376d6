package dev.jdnn.onednn;

import dev.jdnn.onednn.ffi.dnnl_h;

import java.lang.foreign.MemorySegment;

/**
 * Primitive attributes ({@code dnnl_primitive_attr_t}) asking for a user-provided scratchpad,
 * so that a plan allocates every primitive's scratch memory once instead of oneDNN doing it per
 * execution.
 */
final class PrimitiveAttributes extends NativeHandle {
    private PrimitiveAttributes(MemorySegment handle) {
        super(handle, "dnnl_primitive_attr_destroy");
    }

    /** Attributes with {@code dnnl_scratchpad_mode_user}. */
    static PrimitiveAttributes userScratchpad() {
        PrimitiveAttributes attr = new PrimitiveAttributes(OutPointer.create("dnnl_primitive_attr_create",
                dnnl_h::dnnl_primitive_attr_create));
        DnnlException.check(dnnl_h.dnnl_primitive_attr_set_scratchpad_mode(attr.handle(),
                dnnl_h.dnnl_scratchpad_mode_user()), "dnnl_primitive_attr_set_scratchpad_mode");
        return attr;
    }

    /**
     * Attributes with {@code dnnl_scratchpad_mode_user} and, when {@code activation} is not null, an
     * eltwise post-op computing it.
     */
    static PrimitiveAttributes userScratchpad(dev.jdnn.Activation activation) {
        PrimitiveAttributes attr = userScratchpad();
        if (activation == null) {
            return attr;
        }
        try (PostOps ops = PostOps.of(activation)) {
            DnnlException.check(dnnl_h.dnnl_primitive_attr_set_post_ops(attr.handle(), ops.handle()),
                    "dnnl_primitive_attr_set_post_ops");
            return attr;
        } catch (RuntimeException e) {
            attr.close();
            throw e;
        }
    }

    @Override
    int destroy(MemorySegment handle) {
        return dnnl_h.dnnl_primitive_attr_destroy(handle);
    }
}
