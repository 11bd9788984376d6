package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;
import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.ORDER;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Softmax, log-softmax, their gradients and softmax cross-entropy, row by row over the last axis
 * of a row-major tensor ({@code rows x classes}). Exponentials are taken of {@code x - max(row)}
 * so they never overflow, with {@link VectorExp}.
 */
final class SoftmaxKernels {
    private SoftmaxKernels() {
    }

    /** {@code p = exp(x - max) / Σ exp(x - max)} per row. */
    static void softmax(MemorySegment x, MemorySegment p, int rows, int classes) {
        for (int r = 0; r < rows; r++) {
            long row = (long) r * classes;
            float max = SegmentVectors.max(x, row, classes);
            float sum = expShifted(x, row, p, row, classes, max);
            scale(p, row, classes, 1f / sum);
        }
    }

    /** {@code logp = x - max - log Σ exp(x - max)} per row. */
    static void logSoftmax(MemorySegment x, MemorySegment logp, int rows, int classes) {
        for (int r = 0; r < rows; r++) {
            long row = (long) r * classes;
            // (x - max) - log(sum), not x - (max + log(sum)): large logits would cancel the log term.
            float max = SegmentVectors.max(x, row, classes);
            float logSum = (float) Math.log(expSum(x, row, classes, max));
            SegmentVectors.copy(x, row, logp, row, classes);
            SegmentVectors.addScalar(logp, row, classes, -max);
            SegmentVectors.addScalar(logp, row, classes, -logSum);
        }
    }

    /** {@code dl = p * (dy - Σ dy*p)} per row. */
    static void softmaxBackward(MemorySegment p, MemorySegment dy, MemorySegment dl, int rows, int classes) {
        for (int r = 0; r < rows; r++) {
            long row = (long) r * classes;
            float dot = SegmentVectors.dot(dy, row, p, row, classes);
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
            float sum = SegmentVectors.sum(dy, row, classes);
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
            float max = SegmentVectors.max(x, row, classes);
            float sum = dl == null ? expSum(x, row, classes, max) : expShifted(x, row, dl, row, classes, max);
            total += (max - x.getAtIndex(FLOAT, row + labels[r])) + Math.log(sum);
            if (dl != null) {
                scale(dl, row, classes, 1f / (sum * rows));
                long at = row + labels[r];
                dl.setAtIndex(FLOAT, at, dl.getAtIndex(FLOAT, at) - 1f / rows);
            }
        }
        return (float) (total / rows);
    }

    /** {@code Σ exp(x - max)} over one row. */
    private static float expSum(MemorySegment x, long row, int classes, float max) {
        FloatVector acc = FloatVector.zero(SPECIES);
        for (int i = 0; i < classes; i += LANES) {
            VectorMask<Float> m = SPECIES.indexInRange(i, classes);
            FloatVector v = FloatVector.fromMemorySegment(SPECIES, x, (row + i) * Float.BYTES, ORDER, m).sub(max);
            acc = acc.add(VectorExp.exp(v), m);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    /** {@code out = exp(x - max)} over one row; returns the sum. */
    private static float expShifted(MemorySegment x, long xRow, MemorySegment out, long outRow, int classes,
            float max) {
        FloatVector acc = FloatVector.zero(SPECIES);
        for (int i = 0; i < classes; i += LANES) {
            VectorMask<Float> m = SPECIES.indexInRange(i, classes);
            FloatVector e = VectorExp.exp(
                    FloatVector.fromMemorySegment(SPECIES, x, (xRow + i) * Float.BYTES, ORDER, m).sub(max));
            e.intoMemorySegment(out, (outRow + i) * Float.BYTES, ORDER, m);
            acc = acc.add(e, m);
        }
        return acc.reduceLanes(VectorOperators.ADD);
    }

    private static void scale(MemorySegment s, long row, int classes, float factor) {
        for (int i = 0; i < classes; i += LANES) {
            VectorMask<Float> m = SPECIES.indexInRange(i, classes);
            long at = (row + i) * Float.BYTES;
            FloatVector.fromMemorySegment(SPECIES, s, at, ORDER, m).mul(factor).intoMemorySegment(s, at, ORDER, m);
        }
    }
}
