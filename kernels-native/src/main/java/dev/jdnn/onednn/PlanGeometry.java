package dev.jdnn.onednn;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** The {@code dnnl_dims_t} arrays (strides, kernel, dilation, padding) a plan's descriptors take, in native memory. */
final class PlanGeometry {
    private PlanGeometry() {
    }

    /** A native {@code int64_t[2]} of {@code (h, w)} in {@code arena}. */
    static MemorySegment pair(Arena arena, long h, long w) {
        return arena.allocateFrom(ValueLayout.JAVA_LONG, h, w);
    }

    /** Dimensions of a shape as {@code long}s. */
    static long[] dims(dev.jdnn.Shape shape) {
        long[] dims = new long[shape.rank()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = shape.dim(i);
        }
        return dims;
    }
}
