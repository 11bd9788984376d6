package dev.jdnn.onednn;

import dev.jdnn.onednn.ffi.dnnl_h;

import java.lang.foreign.MemorySegment;

/** An in-order execution stream on an engine ({@code dnnl_stream_t}). */
final class Stream extends NativeHandle {
    private Stream(MemorySegment handle) {
        super(handle, "dnnl_stream_destroy");
    }

    /** A stream with default (in-order) flags. */
    static Stream create(Engine engine) {
        return new Stream(OutPointer.create("dnnl_stream_create",
                out -> dnnl_h.dnnl_stream_create(out, engine.handle(), dnnl_h.dnnl_stream_default_flags())));
    }

    /** Blocks until everything submitted to the stream has finished. */
    void waitForCompletion() {
        DnnlException.check(dnnl_h.dnnl_stream_wait(handle()), "dnnl_stream_wait");
    }

    @Override
    int destroy(MemorySegment handle) {
        return dnnl_h.dnnl_stream_destroy(handle);
    }
}
