package dev.jdnn;

/**
 * The order in memory of a rank-4 activation tensor whose logical shape is {@code [n, c, h, w]}.
 * The shape never changes with the layout; only where element {@code (n, c, h, w)} lives does.
 * Tensors of any other rank are row-major, which is {@link #NCHW}.
 */
public enum Layout {
    /** Channels before rows: row-major over {@code [n, c, h, w]} (PyTorch's default). */
    NCHW,
    /**
     * Channels innermost: row-major over {@code [n, h, w, c]} (TensorFlow's default, PyTorch's
     * {@code channels_last}); one pixel's channels are contiguous.
     */
    NHWC;

    /**
     * The memory index, in floats, of logical element {@code (n, c, h, w)} of a tensor of logical
     * shape {@code shape} in this layout. Indices are not checked against the shape: this is the
     * address arithmetic of kernels, which check their ranges once per call.
     *
     * @throws IllegalArgumentException when {@code shape} is not rank 4
     */
    public long index(Shape shape, int n, int c, int h, int w) {
        if (shape.rank() != 4) {
            throw new IllegalArgumentException("Layout.index: shape: expected rank 4 [n, c, h, w], got " + shape);
        }
        long channels = shape.dim(1);
        long height = shape.dim(2);
        long width = shape.dim(3);
        return switch (this) {
            case NCHW -> ((n * channels + c) * height + h) * width + w;
            case NHWC -> ((n * height + h) * width + w) * channels + c;
        };
    }

    /**
     * The dimensions in memory order: {@code [n, c, h, w]} for {@code NCHW}, {@code [n, h, w, c]}
     * for {@code NHWC}.
     *
     * @throws IllegalArgumentException when {@code logical} is not rank 4
     */
    public Shape memoryShape(Shape logical) {
        Arguments.requireNonNull(logical, "Layout.memoryShape: logical: expected a shape, got null");
        if (logical.rank() != 4) {
            throw new IllegalArgumentException("Layout.memoryShape: logical: expected rank 4 [n, c, h, w], got "
                    + logical);
        }
        return switch (this) {
            case NCHW -> logical;
            case NHWC -> Shape.of(logical.dim(0), logical.dim(2), logical.dim(3), logical.dim(1));
        };
    }
}
