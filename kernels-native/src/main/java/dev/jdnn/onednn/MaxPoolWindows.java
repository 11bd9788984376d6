package dev.jdnn.onednn;

import dev.jdnn.Pool2d;
import dev.jdnn.Shape;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Max pooling over NCHW in plain Java, with the contract's NaN and infinity rules, for inputs that
 * hold NaN or an infinity (found by {@link NonFinite}): a window holding NaN gives NaN, else its
 * maximum (a window of only {@code -Inf} gives {@code -Inf}); the backward routes each gradient to
 * the window's first NaN if any, else to its first cell holding the maximum; padded cells and the
 * cells a ceil-mode window reaches past the input never take part. oneDNN differs on exactly these
 * inputs (it skips NaN and starts from {@code -FLT_MAX}). Costs one visit per window cell; it runs
 * only when such values are present.
 */
final class MaxPoolWindows {
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT;

    private final Pool2d op;
    private final int planes;
    private final int h;
    private final int w;
    private final int oh;
    private final int ow;

    MaxPoolWindows(Pool2d op, Shape input, Shape output) {
        this.op = op;
        this.planes = input.dim(0) * input.dim(1);
        this.h = input.dim(2);
        this.w = input.dim(3);
        this.oh = output.dim(2);
        this.ow = output.dim(3);
    }

    /** {@code y} = each window's maximum (NaN if it holds one). */
    void forward(MemorySegment x, MemorySegment y) {
        for (int p = 0; p < planes; p++) {
            for (int r = 0; r < oh; r++) {
                for (int c = 0; c < ow; c++) {
                    long cell = chosen(x, p, r, c);
                    y.setAtIndex(F, ((long) p * oh + r) * ow + c, x.getAtIndex(F, cell));
                }
            }
        }
    }

    /** {@code dx} = each window's gradient added at its chosen cell, zero elsewhere. */
    void backward(MemorySegment x, MemorySegment dy, MemorySegment dx) {
        dx.asSlice(0, (long) planes * h * w * Float.BYTES).fill((byte) 0);
        for (int p = 0; p < planes; p++) {
            for (int r = 0; r < oh; r++) {
                for (int c = 0; c < ow; c++) {
                    long cell = chosen(x, p, r, c);
                    float g = dy.getAtIndex(F, ((long) p * oh + r) * ow + c);
                    dx.setAtIndex(F, cell, dx.getAtIndex(F, cell) + g);
                }
            }
        }
    }

    /** The index in {@code x} of the window's first NaN, else of its first maximum. */
    private long chosen(MemorySegment x, int p, int r, int c) {
        long top = (long) r * op.strideH() - op.padding().top();
        long left = (long) c * op.strideW() - op.padding().left();
        long rowEnd = Math.min(top + op.kernelH(), h);
        long columnEnd = Math.min(left + op.kernelW(), w);
        long best = -1;
        float max = 0;
        for (long i = Math.max(top, 0); i < rowEnd; i++) {
            for (long j = Math.max(left, 0); j < columnEnd; j++) {
                long index = ((long) p * h + i) * w + j;
                float v = x.getAtIndex(F, index);
                if (best < 0 || (max == max && (v != v || v > max))) {
                    best = index;
                    max = v;
                }
            }
        }
        return best;
    }
}
