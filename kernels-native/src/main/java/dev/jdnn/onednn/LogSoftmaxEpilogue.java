package dev.jdnn.onednn;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Log-softmax from oneDNN's softmax. oneDNN's own {@code softmax_log} computes
 * {@code x - max - log(Σ e^(x - max))} with an approximated log that is about 1e-6 off in absolute
 * terms near {@code Σ ≈ 1}: measured on logits in {@code [-120, 120]}, {@code -1.6509e-4} where
 * {@code -1.6657e-4} is exact, an error of 1.5e-6 where 1e-6 is allowed. Here the row's softmax
 * {@code p} (its exponentials and sum are accurate) gives the log-sum-exp exactly enough: at the
 * row's first maximum {@code p = 1 / Σ}, so {@code log Σ = -ln p}, with {@code p >= 1/columns}
 * never underflowing. Each output is then {@code (x - max) + ln p}, rounded once from double:
 * one {@link Math#log} per row and one subtraction per element.
 */
final class LogSoftmaxEpilogue {
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT;

    private LogSoftmaxEpilogue() {
    }

    /**
     * Overwrites {@code probabilities} (the softmax of {@code logits}, {@code [rows, columns]}; the
     * api keeps the two disjoint) with the log-softmax.
     */
    static void apply(MemorySegment logits, MemorySegment probabilities, long rows, long columns) {
        for (long r = 0; r < rows; r++) {
            long base = r * columns;
            long argmax = base;
            float max = logits.getAtIndex(F, base);
            for (long i = base + 1; i < base + columns; i++) {
                float v = logits.getAtIndex(F, i);
                if (v > max) {
                    max = v;
                    argmax = i;
                }
            }
            double logP = Math.log(probabilities.getAtIndex(F, argmax));
            for (long i = base; i < base + columns; i++) {
                // x - max first: beside a logit of 3e38 a shift of max - ln p would lose ln p.
                probabilities.setAtIndex(F, i, (float) (((double) logits.getAtIndex(F, i) - max) + logP));
            }
        }
    }
}
