package dev.jdnn.onednn;

import dev.jdnn.Pool2d;
import dev.jdnn.Shape;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Fixes average pooling's divisor where oneDNN and PyTorch disagree. With
 * {@code countIncludePad} and {@code ceilMode}, a last window may run past the bottom/right
 * padding; PyTorch does not count those cells, but oneDNN sees them as padding
 * ({@code pooling_avg_include_padding}) and divides by the whole window. The divisor is
 * {@code rows * columns}, so the correction factor {@code kernel / counted} is a row factor times
 * a column factor, and only the last output row/column can need it: outputs there are multiplied
 * by it after the forward, and the incoming gradient there before the backward.
 */
final class OverhangDivisor {
    private final float[] rowFactor;
    private final float[] columnFactor;

    private OverhangDivisor(float[] rowFactor, float[] columnFactor) {
        this.rowFactor = rowFactor;
        this.columnFactor = columnFactor;
    }

    /** The correction for {@code op} on {@code input}, or {@code null} when no window overhangs. */
    static OverhangDivisor of(Pool2d op, Shape input, Shape output) {
        if (op.kind() != Pool2d.Kind.AVG || !op.countIncludePad() || !op.ceilMode()) {
            return null;
        }
        float[] rows = factors(output.dim(2), op.kernelH(), op.strideH(), op.padding().top(),
                input.dim(2) + op.padding().bottom());
        float[] columns = factors(output.dim(3), op.kernelW(), op.strideW(), op.padding().left(),
                input.dim(3) + op.padding().right());
        boolean any = false;
        for (float f : rows) {
            any |= f != 1f;
        }
        for (float f : columns) {
            any |= f != 1f;
        }
        return any ? new OverhangDivisor(rows, columns) : null;
    }

    /** Per output index: kernel / cells of the window before {@code end} (input + trailing pad). */
    private static float[] factors(int outputs, int kernel, int stride, int before, int end) {
        float[] f = new float[outputs];
        for (int o = 0; o < outputs; o++) {
            int start = o * stride - before;
            int counted = Math.min(start + kernel, end) - start;
            f[o] = (float) kernel / counted;
        }
        return f;
    }

    /** Multiplies each {@code [planes, oh, ow]} value whose window overhangs by its factor, in place. */
    void apply(MemorySegment values, long planes) {
        int oh = rowFactor.length;
        int ow = columnFactor.length;
        for (long p = 0; p < planes; p++) {
            long base = p * oh * ow;
            for (int r = 0; r < oh; r++) {
                for (int c = 0; c < ow; c++) {
                    float f = rowFactor[r] * columnFactor[c];
                    if (f != 1f) {
                        long i = base + (long) r * ow + c;
                        values.setAtIndex(ValueLayout.JAVA_FLOAT, i, values.getAtIndex(ValueLayout.JAVA_FLOAT, i) * f);
                    }
                }
            }
        }
    }
}
