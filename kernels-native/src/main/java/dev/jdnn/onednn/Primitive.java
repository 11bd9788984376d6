package dev.jdnn.onednn;

import dev.jdnn.onednn.ffi.dnnl_h;

import java.lang.foreign.MemorySegment;

/** An executable primitive ({@code dnnl_primitive_t}) with its argument list fixed at creation. */
final class Primitive extends NativeHandle {
    private final int argumentCount;
    private final MemorySegment arguments;

    private Primitive(MemorySegment handle, int argumentCount, MemorySegment arguments) {
        super(handle, "dnnl_primitive_destroy");
        this.argumentCount = argumentCount;
        this.arguments = arguments;
    }

    /**
     * The primitive of {@code pd}, to be executed with {@code arguments}: an array of
     * {@code dnnl_exec_arg_t} that must outlive the primitive.
     */
    static Primitive create(PrimitiveDesc pd, int argumentCount, MemorySegment arguments) {
        return new Primitive(OutPointer.create("dnnl_primitive_create",
                out -> dnnl_h.dnnl_primitive_create(out, pd.handle())), argumentCount, arguments);
    }

    /** Submits the primitive to {@code stream}. */
    void execute(Stream stream) {
        DnnlException.check(dnnl_h.dnnl_primitive_execute(handle(), stream.handle(), argumentCount, arguments),
                "dnnl_primitive_execute");
    }

    @Override
    int destroy(MemorySegment handle) {
        return dnnl_h.dnnl_primitive_destroy(handle);
    }
}
