package dev.jdnn.kernels.naive;

import dev.jdnn.Layout;
import dev.jdnn.Shape;

/**
 * Where logical element {@code (n, c, h, w)} of a rank-4 activation tensor lives in its memory,
 * in floats. The layout-aware kernels (convolution, pooling, batch norm, LRN, reorder) loop over
 * logical indices and ask this for the address, so one loop serves every layout.
 */
@FunctionalInterface
interface ElementIndex {
    /** The memory index of logical element {@code (n, c, h, w)}. */
    long of(int n, int c, int h, int w);

    /**
     * {@link Layout#index} of {@code layout} for tensors of logical shape {@code shape}. Both layouts
     * are linear in each index, so the map is read off {@code Layout.index} once as four strides
     * rather than called per element.
     */
    static ElementIndex of(Layout layout, Shape shape) {
        long origin = layout.index(shape, 0, 0, 0, 0);
        long n = layout.index(shape, 1, 0, 0, 0) - origin;
        long c = layout.index(shape, 0, 1, 0, 0) - origin;
        long h = layout.index(shape, 0, 0, 1, 0) - origin;
        long w = layout.index(shape, 0, 0, 0, 1) - origin;
        return (in, ic, ih, iw) -> origin + in * n + ic * c + ih * h + iw * w;
    }
}
