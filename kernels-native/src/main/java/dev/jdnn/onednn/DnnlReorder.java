package dev.jdnn.onednn;

import dev.jdnn.Layout;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.onednn.ffi.dnnl_h;

import java.lang.foreign.MemorySegment;

/**
 * {@code Backend.reorder}: NCHW to NHWC and back as oneDNN reorder primitives (JIT-compiled and
 * threaded like the rest of the library), kept per shape and direction in a {@link PassCache} as
 * the other plan-less ops keep theirs; tensors of one layout are copied with
 * {@link MemorySegment#copy}.
 */
final class DnnlReorder implements AutoCloseable {
    private final OneDnnRuntime runtime;
    private final PassCache passes = new PassCache();
    private final PassCache.Factory factory = this::build;

    DnnlReorder(OneDnnRuntime runtime) {
        this.runtime = runtime;
    }

    /** Copies {@code src} into {@code dst} (same logical shape), converting the layout. */
    void run(Tensor src, Tensor dst) {
        long bytes = src.shape().elementCount() * Float.BYTES;
        if (src.layout() == dst.layout()) {
            MemorySegment.copy(src.segment(), 0, dst.segment(), 0, bytes);
            return;
        }
        Shape s = src.shape();
        runtime.enterCurrentThread();
        passes.run(src.layout().ordinal(), ((long) s.dim(0) << 32) | s.dim(1), ((long) s.dim(2) << 32) | s.dim(3),
                factory, src.segment(), dst.segment(), null);
    }

    /** The passes cached now, over all threads. */
    int cachedPasses() {
        return passes.size();
    }

    @Override
    public void close() {
        passes.close();
    }

    private PassCache.Entry build(int from, long nc, long hw) {
        long[] dims = {nc >>> 32, nc & 0xffffffffL, hw >>> 32, hw & 0xffffffffL};
        Engine engine = runtime.engine();
        PassBuilder builder = new PassBuilder(runtime, "dnnl_reorder_primitive_desc_create",
                (out, md, hint, attr) -> dnnl_h.dnnl_reorder_primitive_desc_create(out,
                        md.apply(dnnl_h.DNNL_ARG_FROM()), engine.handle(), md.apply(dnnl_h.DNNL_ARG_TO()),
                        engine.handle(), attr));
        boolean fromNchw = from == Layout.NCHW.ordinal();
        builder.input(dnnl_h.DNNL_ARG_FROM(), fromNchw ? dnnl_h.dnnl_nchw() : dnnl_h.dnnl_nhwc(), dims);
        builder.output(dnnl_h.DNNL_ARG_TO(), fromNchw ? dnnl_h.dnnl_nhwc() : dnnl_h.dnnl_nchw(), dims);
        return PassCache.Entry.of(builder.build(PassLayout.PLAIN));
    }
}
