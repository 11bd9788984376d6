package dev.jdnn.onednn;

import dev.jdnn.Layout;
import dev.jdnn.Lrn;
import dev.jdnn.Shape;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * LRN across channels in Java, with PyTorch's window {@code [c - ⌊size/2⌋, c + ⌊(size-1)/2⌋]}, for
 * the ops oneDNN's {@code lrn_across_channels} does not compute the same way (an even size, whose
 * window oneDNN centres differently) or does not build. Per pixel it gathers the channel column
 * once, sums in double, and writes each channel once; the per-pixel buffers belong to the plan,
 * which runs on one thread at a time, so a call allocates nothing.
 */
final class JavaLrn {
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT;

    private final Lrn op;
    private final int n;
    private final int c;
    private final int h;
    private final int w;
    private final TensorStrides strides;
    private final double[] column;
    private final double[] base;
    private final double[] carried;

    JavaLrn(Lrn op, Shape input, Layout layout) {
        this.op = op;
        this.n = input.dim(0);
        this.c = input.dim(1);
        this.h = input.dim(2);
        this.w = input.dim(3);
        this.strides = TensorStrides.of(input, layout);
        this.column = new double[c];
        this.base = new double[c];
        this.carried = new double[c];
    }

    /** {@code y[c] = x[c] * s[c]^-beta}, {@code s[c] = k + alpha/size * Σ_window(c) x²}. */
    void forward(MemorySegment x, MemorySegment y) {
        for (int image = 0; image < n; image++) {
            for (int row = 0; row < h; row++) {
                for (int col = 0; col < w; col++) {
                    bases(x, image, row, col);
                    for (int ch = 0; ch < c; ch++) {
                        y.setAtIndex(F, strides.at(image, ch, row, col),
                                (float) (column[ch] * Math.pow(base[ch], -op.beta())));
                    }
                }
            }
        }
    }

    /**
     * {@code dx[c] = dy[c] s[c]^-beta - 2 alpha beta / size * x[c] * Σ_{c'': c ∈ window(c'')}
     * dy[c''] x[c''] s[c'']^(-beta-1)}.
     */
    void backward(MemorySegment x, MemorySegment dy, MemorySegment dx) {
        double scale = 2 * op.alpha() * op.beta() / op.size();
        for (int image = 0; image < n; image++) {
            for (int row = 0; row < h; row++) {
                for (int col = 0; col < w; col++) {
                    bases(x, image, row, col);
                    for (int ch = 0; ch < c; ch++) {
                        double g = dy.getAtIndex(F, strides.at(image, ch, row, col));
                        carried[ch] = g * column[ch] * Math.pow(base[ch], -op.beta() - 1);
                    }
                    for (int ch = 0; ch < c; ch++) {
                        long at = strides.at(image, ch, row, col);
                        double sum = 0;
                        long from = Math.max(0L, (long) ch - op.windowEnd());
                        long to = Math.min(c - 1L, (long) ch - op.windowStart());
                        for (long other = from; other <= to; other++) {
                            sum += carried[(int) other];
                        }
                        double g = dy.getAtIndex(F, at);
                        dx.setAtIndex(F, at, (float) (g * Math.pow(base[ch], -op.beta()) - scale * column[ch] * sum));
                    }
                }
            }
        }
    }

    /** Fills {@code column} with the pixel's channels and {@code base} with each channel's {@code s}. */
    private void bases(MemorySegment x, int image, int row, int col) {
        for (int ch = 0; ch < c; ch++) {
            column[ch] = x.getAtIndex(F, strides.at(image, ch, row, col));
        }
        for (int ch = 0; ch < c; ch++) {
            double sum = 0;
            long from = Math.max(0L, (long) ch + op.windowStart());
            long to = Math.min(c - 1L, (long) ch + op.windowEnd());
            for (long other = from; other <= to; other++) {
                sum += column[(int) other] * column[(int) other];
            }
            base[ch] = op.k() + op.alpha() / op.size() * sum;
        }
    }
}
