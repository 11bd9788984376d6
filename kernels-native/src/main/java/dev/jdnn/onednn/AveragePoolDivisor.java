package dev.jdnn.onednn;

import dev.jdnn.Pool2d;
import dev.jdnn.Shape;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Fixes average pooling's divisor where oneDNN and the op (PyTorch's rule) disagree, after the
 * forward and, on the incoming gradient, before the backward. Two cases:
 * <ul>
 * <li>With {@code countIncludePad} and {@code ceilMode}, a last window may run past the
 *     bottom/right padding; the op does not count those cells, but oneDNN sees them as padding
 *     ({@code pooling_avg_include_padding}) and divides by the whole window: factor
 *     {@code kernel / counted}.</li>
 * <li>With {@code countIncludePad} and a window of more than {@code 2^31 - 1} cells, oneDNN's
 *     divisor {@code kernelH * kernelW} overflows {@code int}: measured, a 46341x46341 window over a
 *     single cell gives {@code -4.66e-10} where {@code 4.66e-10} is right, a 65536x65536 one
 *     Infinity. {@link DnnlPooling} then runs {@code pooling_avg_exclude_padding}, whose divisor is
 *     the count of real cells (small), and this multiplies by {@code real / counted}.</li>
 * </ul>
 * Either way the divisor is {@code rows * columns}, so the factor is a row factor times a column
 * factor, computed in double; only border rows and columns can differ from 1.
 */
final class AveragePoolDivisor {
    private final float[] rowFactor;
    private final float[] columnFactor;

    private AveragePoolDivisor(float[] rowFactor, float[] columnFactor) {
        this.rowFactor = rowFactor;
        this.columnFactor = columnFactor;
    }

    /**
     * Whether {@code op} must run as oneDNN's {@code exclude_padding} average (then corrected by
     * {@link #of}): its window has more cells than oneDNN's {@code int} divisor holds.
     */
    static boolean needsRealCellDivisor(Pool2d op) {
        return op.kind() == Pool2d.Kind.AVG && op.countIncludePad()
                && (long) op.kernelH() * op.kernelW() > Integer.MAX_VALUE;
    }

    /** The correction for {@code op} on {@code input}, or {@code null} when oneDNN's divisor is right. */
    static AveragePoolDivisor of(Pool2d op, Shape input, Shape output) {
        if (op.kind() != Pool2d.Kind.AVG || !op.countIncludePad()) {
            return null;
        }
        boolean realCells = needsRealCellDivisor(op);
        if (!realCells && !op.ceilMode()) {
            return null;
        }
        float[] rows = factors(output.dim(2), op.kernelH(), op.strideH(), op.padding().top(), input.dim(2),
                op.padding().bottom(), realCells);
        float[] columns = factors(output.dim(3), op.kernelW(), op.strideW(), op.padding().left(), input.dim(3),
                op.padding().right(), realCells);
        boolean any = false;
        for (float f : rows) {
            any |= f != 1f;
        }
        for (float f : columns) {
            any |= f != 1f;
        }
        return any ? new AveragePoolDivisor(rows, columns) : null;
    }

    /**
     * Per output index along one axis: what oneDNN divides by ({@code kernel}, or the real cells
     * when {@code realCells}) over what the op divides by (the window's cells before the end of
     * the trailing padding).
     */
    private static float[] factors(int outputs, int kernel, int stride, int before, int in, int after,
                                   boolean realCells) {
        float[] f = new float[outputs];
        for (int o = 0; o < outputs; o++) {
            long start = (long) o * stride - before;
            long end = start + kernel;
            long counted = Math.min(end, (long) in + after) - start;
            long divided = realCells ? Math.min(end, in) - Math.max(start, 0) : kernel;
            f[o] = (float) ((double) divided / counted);
        }
        return f;
    }

    /**
     * Multiplies each value of an {@code [images, channels, oh, ow]} tensor laid out as
     * {@code strides} whose divisor differs by its factor, in place.
     */
    void apply(MemorySegment values, int images, int channels, TensorStrides strides) {
        int oh = rowFactor.length;
        int ow = columnFactor.length;
        for (int image = 0; image < images; image++) {
            for (int channel = 0; channel < channels; channel++) {
                for (int r = 0; r < oh; r++) {
                    for (int c = 0; c < ow; c++) {
                        float f = (float) ((double) rowFactor[r] * columnFactor[c]);
                        if (f != 1f) {
                            long i = strides.at(image, channel, r, c);
                            values.setAtIndex(ValueLayout.JAVA_FLOAT, i,
                                    values.getAtIndex(ValueLayout.JAVA_FLOAT, i) * f);
                        }
                    }
                }
            }
        }
    }
}
