package dev.jdnn.onednn;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The softmax family over rows too long for oneDNN: its kernels sum a row in float registers, so
 * the relative error grows with the row length. Measured here (AVX-512, one thread) on rows of
 * {@code 2^k + 17} values in {@code [-1, 1]}: the worst probability is off by 7e-7 relative at
 * {@code 2^16}, 3.3e-6 at {@code 2^18}, 1.7e-5 at {@code 2^22}, 1.3e-3 at {@code 2^24} and 8.6e-3
 * at {@code 2^26}. Rows of more than {@link #MIN_COLUMNS} columns therefore run here, with the
 * row's sums accumulated in double, whose rounding (about {@code columns · 2^-53}) stays far below
 * float's half ulp for any row a tensor can hold. Each element costs one {@link Math#exp}
 * (a few nanoseconds, slower than oneDNN's vector kernel, which is why short rows stay there).
 * Tensors are {@code [rows, columns]} row-major.
 */
final class LongRowSoftmax {
    /** Rows longer than this many columns run here. */
    static final long MIN_COLUMNS = 1 << 16;

    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT;

    private LongRowSoftmax() {
    }

    /** Whether rows of {@code columns} values run here rather than in oneDNN. */
    static boolean handles(long columns) {
        return columns > MIN_COLUMNS;
    }

    /** {@code out = softmax(in)} ({@code log} false) or {@code log softmax(in)} per row. */
    static void forward(boolean log, MemorySegment in, MemorySegment out, long rows, long columns) {
        for (long r = 0; r < rows; r++) {
            long base = r * columns;
            double max = rowMax(in, base, columns);
            double sum = 0;
            for (long i = base; i < base + columns; i++) {
                sum += Math.exp(in.getAtIndex(F, i) - max);
            }
            if (log) {
                double shift = max + Math.log(sum);
                for (long i = base; i < base + columns; i++) {
                    out.setAtIndex(F, i, (float) (in.getAtIndex(F, i) - shift));
                }
            } else {
                for (long i = base; i < base + columns; i++) {
                    out.setAtIndex(F, i, (float) (Math.exp(in.getAtIndex(F, i) - max) / sum));
                }
            }
        }
    }

    /**
     * The gradient with respect to the logits from the forward output {@code dst}:
     * {@code p · (dy - Σ dy·p)} for softmax, {@code dy - e^dst · Σ dy} for log-softmax.
     */
    static void backward(boolean log, MemorySegment dst, MemorySegment dy, MemorySegment dLogits, long rows,
                         long columns) {
        for (long r = 0; r < rows; r++) {
            long base = r * columns;
            double sum = 0;
            for (long i = base; i < base + columns; i++) {
                double g = dy.getAtIndex(F, i);
                sum += log ? g : g * dst.getAtIndex(F, i);
            }
            for (long i = base; i < base + columns; i++) {
                double d = dst.getAtIndex(F, i);
                double g = dy.getAtIndex(F, i);
                dLogits.setAtIndex(F, i, (float) (log ? g - Math.exp(d) * sum : d * (g - sum)));
            }
        }
    }

    /** The largest value of the row, or NaN if it holds one (so that NaN propagates to the whole row). */
    private static double rowMax(MemorySegment in, long base, long columns) {
        float max = Float.NEGATIVE_INFINITY;
        for (long i = base; i < base + columns; i++) {
            float v = in.getAtIndex(F, i);
            if (v > max || v != v) {
                max = v;
                if (v != v) {
                    return v;
                }
            }
        }
        return max;
    }
}
