package dev.jdnn.kernels.naive;

import dev.jdnn.Shape;

/**
 * Where logical element {@code (n, c, h, w)} of a rank-4 activation tensor lives in its memory,
 * in floats. The layout-aware kernels (batch norm, LRN, convolution, pooling, reorder) loop over
 * logical indices and ask this for the address, so one loop serves every layout.
 */
@FunctionalInterface
interface ElementIndex {
    /** The memory index of logical element {@code (n, c, h, w)}. */
    long of(int n, int c, int h, int w);

    /** Row-major over {@code [n, c, h, w]}. */
    static ElementIndex nchw(Shape shape) {
        long channels = shape.dim(1);
        long height = shape.dim(2);
        long width = shape.dim(3);
        return (n, c, h, w) -> ((n * channels + c) * height + h) * width + w;
    }
}
