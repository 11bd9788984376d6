package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;
import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.ORDER;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * Softmax, log-softmax, their gradients and softmax cross-entropy, row by row over the last axis
 * of a row-major tensor ({@code rows x classes}). Exponentials are taken of {@code x - max(row)}
 * so they never overflow, with {@link VectorExp}. Every sum over a row goes through
 * {@link BlockwiseSums}: blockwise into a double, in a fixed order, so long rows keep their
 * accuracy and the same inputs give the same bits whatever the JIT did.
 */
final class SoftmaxKernels {
    private SoftmaxKernels() {
    }

    /** {@code p = exp(x - max) / Σ exp(x - max)} per row. */
    static void softmax(MemorySegment x, MemorySegment p, int rows, int classes) {
        for (int r = 0; r < rows; r++) {
            long row = (long) r * classes;
            float max = BlockwiseSums.max(x, row, classes);
            double sum = BlockwiseSums.expSum(x, row, classes, max, p, row);
            scale(p, row, classes, (float) (1.0 / sum));
        }
    }

    /** {@code logp = x - max - log Σ exp(x - max)} per row. */
    static void logSoftmax(MemorySegment x, MemorySegment logp, int rows, int classes) {
        for (int r = 0; r < rows; r++) {
            long row = (long) r * classes;
            // (x - max) - log(sum), not x - (max + log(sum)): large logits would cancel the log term.
            float max = BlockwiseSums.max(x, row, classes);
            float logSum = (float) Math.log(BlockwiseSums.expSum(x, row, classes, max, null, 0));
            for (int i = 0; i < classes; i += LANES) {
                VectorMask<Float> m = SPECIES.indexInRange(i, classes);
                long at = (row + i) * Float.BYTES;
                FloatVector.fromMemorySegment(SPECIES, x, at, ORDER, m).sub(max).sub(logSum)
                        .intoMemorySegment(logp, at, ORDER, m);
            }
        }
    }

    /** {@code dl = p * (dy - Σ dy*p)} per row. */
    static void softmaxBackward(MemorySegment p, MemorySegment dy, MemorySegment dl, int rows, int classes) {
        for (int r = 0; r < rows; r++) {
            long row = (long) r * classes;
            float dot = (float) BlockwiseSums.dot(dy, row, p, row, classes);
            int i = 0;
            for (; i <= classes - LANES; i += LANES) {
                long at = (row + i) * Float.BYTES;
                FloatVector pv = FloatVector.fromMemorySegment(SPECIES, p, at, ORDER);
                FloatVector g = FloatVector.fromMemorySegment(SPECIES, dy, at, ORDER).sub(dot);
                pv.mul(g).intoMemorySegment(dl, at, ORDER);
            }
            for (; i < classes; i++) {
                long at = row + i;
                dl.setAtIndex(FLOAT, at, p.getAtIndex(FLOAT, at) * (dy.getAtIndex(FLOAT, at) - dot));
            }
        }
    }

    /** {@code dl = dy - exp(logp) * Σ dy} per row. */
    static void logSoftmaxBackward(MemorySegment logp, MemorySegment dy, MemorySegment dl, int rows, int classes) {
        for (int r = 0; r < rows; r++) {
            long row = (long) r * classes;
            float sum = (float) BlockwiseSums.sum(dy, row, classes);
            int i = 0;
            for (; i < classes; i += LANES) {
                long at = (row + i) * Float.BYTES;
                VectorMask<Float> m = SPECIES.indexInRange(i, classes);
                FloatVector e = VectorExp.exp(FloatVector.fromMemorySegment(SPECIES, logp, at, ORDER, m));
                e.fma(FloatVector.broadcast(SPECIES, -sum), FloatVector.fromMemorySegment(SPECIES, dy, at, ORDER, m))
                        .intoMemorySegment(dl, at, ORDER, m);
            }
        }
    }

    /**
     * Mean of {@code -log softmax(x)[label]} over the rows; when {@code dl} is not null it
     * receives {@code (softmax(x) - onehot(label)) / rows}.
     */
    static float crossEntropy(MemorySegment x, int[] labels, MemorySegment dl, int rows, int classes) {
        double total = 0;
        for (int r = 0; r < rows; r++) {
            long row = (long) r * classes;
            float max = BlockwiseSums.max(x, row, classes);
            double sum = BlockwiseSums.expSum(x, row, classes, max, dl, row);
            total += (max - (double) x.getAtIndex(FLOAT, row + labels[r])) + Math.log(sum);
            if (dl != null) {
                scale(dl, row, classes, (float) (1.0 / (sum * rows)));
                long at = row + labels[r];
                dl.setAtIndex(FLOAT, at, dl.getAtIndex(FLOAT, at) - 1f / rows);
            }
        }
        return (float) (total / rows);
    }

    private static void scale(MemorySegment s, long row, int classes, float factor) {
        for (int i = 0; i < classes; i += LANES) {
            VectorMask<Float> m = SPECIES.indexInRange(i, classes);
            long at = (row + i) * Float.BYTES;
            FloatVector.fromMemorySegment(SPECIES, s, at, ORDER, m).mul(factor).intoMemorySegment(s, at, ORDER, m);
        }
    }
}
