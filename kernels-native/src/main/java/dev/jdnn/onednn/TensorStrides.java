package dev.jdnn.onednn;

import dev.jdnn.Layout;
import dev.jdnn.Shape;

/**
 * Where logical element {@code (n, c, h, w)} of a rank-4 tensor lies in memory, in floats, for
 * the Java loops that serve both layouts ({@link DirectConvolution}, {@link MaxPoolWindows},
 * {@link AveragePoolDivisor}, {@link JavaLrn}): one multiply-add per axis instead of a switch per
 * element.
 *
 * @param n the stride of an image
 * @param c the stride of a channel
 * @param h the stride of a row
 * @param w the stride of a column
 */
record TensorStrides(long n, long c, long h, long w) {

    /** The strides of a tensor of logical shape {@code [n, c, h, w]} stored in {@code layout}. */
    static TensorStrides of(Shape shape, Layout layout) {
        long channels = shape.dim(1);
        long height = shape.dim(2);
        long width = shape.dim(3);
        return switch (layout) {
            case NCHW -> new TensorStrides(channels * height * width, height * width, width, 1);
            case NHWC -> new TensorStrides(height * width * channels, 1, width * channels, channels);
        };
    }

    /** The memory index of {@code (image, channel, row, column)}. */
    long at(long image, long channel, long row, long column) {
        return image * n + channel * c + row * h + column * w;
    }
}
