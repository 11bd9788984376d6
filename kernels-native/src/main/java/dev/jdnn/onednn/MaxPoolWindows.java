package dev.jdnn.onednn;

import dev.jdnn.Layout;
import dev.jdnn.Pool2d;
import dev.jdnn.Shape;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Max pooling over NCHW or NHWC ({@link TensorStrides}) in plain Java, with the contract's NaN and infinity rules, for inputs that
 * hold NaN or an infinity (found by {@link NonFinite}): a window holding NaN gives NaN, else its
 * maximum (a window of only {@code -Inf} gives {@code -Inf}); the backward routes each gradient to
 * the window's first NaN if any, else to its first cell holding the maximum; padded cells and the
 * cells a ceil-mode window reaches past the input never take part. oneDNN differs on exactly these
 * inputs (it skips NaN and starts from {@code -FLT_MAX}). Costs one visit per window cell; it runs
 * only when such values are present.
 */
final class MaxPoolWindows {
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT;
    private static final ValueLayout.OfLong INDEX = ValueLayout.JAVA_LONG;

    private final Pool2d op;
    private final int n;
    private final int c;
    private final int h;
    private final int w;
    private final int oh;
    private final int ow;
    private final TensorStrides xs;
    private final TensorStrides ys;

    MaxPoolWindows(Pool2d op, Shape input, Shape output, Layout layout) {
        this.op = op;
        this.n = input.dim(0);
        this.c = input.dim(1);
        this.h = input.dim(2);
        this.w = input.dim(3);
        this.oh = output.dim(2);
        this.ow = output.dim(3);
        this.xs = TensorStrides.of(input, layout);
        this.ys = TensorStrides.of(output, layout);
    }

    /**
     * {@code y} = each window's maximum (NaN if it holds one); when {@code argmax} is not null it
     * receives, per output (in the output's memory order), the memory index in {@code x} of the
     * cell the value came from, as a {@code long}.
     */
    void forward(MemorySegment x, MemorySegment y, MemorySegment argmax) {
        for (int image = 0; image < n; image++) {
            for (int channel = 0; channel < c; channel++) {
                for (int r = 0; r < oh; r++) {
                    for (int col = 0; col < ow; col++) {
                        long cell = chosen(x, image, channel, r, col);
                        long out = ys.at(image, channel, r, col);
                        y.setAtIndex(F, out, x.getAtIndex(F, cell));
                        if (argmax != null) {
                            argmax.setAtIndex(INDEX, out, cell);
                        }
                    }
                }
            }
        }
    }

    /** {@code dx} = each window's gradient added at its chosen cell, zero elsewhere. */
    void backward(MemorySegment x, MemorySegment dy, MemorySegment dx) {
        dx.asSlice(0, (long) n * c * h * w * Float.BYTES).fill((byte) 0);
        for (int image = 0; image < n; image++) {
            for (int channel = 0; channel < c; channel++) {
                for (int r = 0; r < oh; r++) {
                    for (int col = 0; col < ow; col++) {
                        long cell = chosen(x, image, channel, r, col);
                        float g = dy.getAtIndex(F, ys.at(image, channel, r, col));
                        dx.setAtIndex(F, cell, dx.getAtIndex(F, cell) + g);
                    }
                }
            }
        }
    }

    /** The same gradient as {@link #backward} from the cells a {@link #forward} recorded in {@code argmax}. */
    void backward(MemorySegment argmax, MemorySegment dy, MemorySegment dx, long outputs) {
        dx.asSlice(0, (long) n * c * h * w * Float.BYTES).fill((byte) 0);
        for (long out = 0; out < outputs; out++) {
            long cell = argmax.getAtIndex(INDEX, out);
            dx.setAtIndex(F, cell, dx.getAtIndex(F, cell) + dy.getAtIndex(F, out));
        }
    }

    /** The index in {@code x} of the window's first NaN, else of its first maximum (row-major order). */
    private long chosen(MemorySegment x, int image, int channel, int r, int col) {
        long top = (long) r * op.strideH() - op.padding().top();
        long left = (long) col * op.strideW() - op.padding().left();
        long rowEnd = Math.min(top + op.kernelH(), h);
        long columnEnd = Math.min(left + op.kernelW(), w);
        long best = -1;
        float max = 0;
        for (long i = Math.max(top, 0); i < rowEnd; i++) {
            for (long j = Math.max(left, 0); j < columnEnd; j++) {
                long index = xs.at(image, channel, i, j);
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
