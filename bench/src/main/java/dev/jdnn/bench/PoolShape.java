package dev.jdnn.bench;

import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Shape;

/**
 * One row of {@code hot-core-pool.csv}: max or average pooling of an NCHW input
 * {@code [n, c, h, w]} with a square window, square stride and symmetric padding.
 */
public record PoolShape(String id, Pool2d.Kind kind, int n, int c, int h, int w, int kernel, int stride, int pad,
                        String note) {

    /** The op this row describes. */
    public Pool2d op() {
        Pool2d base = kind == Pool2d.Kind.MAX ? Pool2d.max(kernel, stride) : Pool2d.avg(kernel, stride);
        return base.padding(pad);
    }

    /** The input shape at batch size {@code batch}. */
    public Shape input(int batch) {
        return Shape.nchw(batch, c, h, w);
    }

    /** The input shape at the row's batch size. */
    public Shape input() {
        return input(n);
    }

    /**
     * Bytes one call moves at least: the input and the output, float32, as the oneDNN-from-C
     * harness counts them for both passes (so GB/s compare across the two).
     */
    public double gigabytes() {
        return (input().elementCount() + op().outputShape(input()).elementCount()) * (double) Float.BYTES / 1e9;
    }
}
