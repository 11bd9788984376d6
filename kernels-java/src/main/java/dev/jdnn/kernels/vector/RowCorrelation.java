package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;
import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.ORDER;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;
import static dev.jdnn.kernels.vector.SegmentVectors.load;
import static dev.jdnn.kernels.vector.SegmentVectors.store;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * One row of a depthwise convolution with unit stride along the width:
 * {@code target[j] += Σ_t weight[t] · source[row[t] + j + shift[t]]} over the taps {@code t}, where
 * a source index outside {@code [0, sourceLength)} is padding and contributes nothing. In the
 * interior, where every tap is inside its row, a vector of targets stays in a register across
 * all taps (one load and one store per vector instead of one per tap); the edges are scalar.
 * Forward uses it with input rows as the source, backward data with rows of {@code dy}. One
 * instance per worker: the tap lists are its reusable scratch.
 */
final class RowCorrelation {
    private final long[] rows;
    private final int[] shifts;
    private final float[] weights;
    private int count;

    RowCorrelation(int maxTaps) {
        rows = new long[maxTaps];
        shifts = new int[maxTaps];
        weights = new float[maxTaps];
    }

    /** Forgets the taps of the previous row. */
    void clear() {
        count = 0;
    }

    /** Adds tap {@code weight · source[row + j + shift]}. */
    void add(long row, int shift, float weight) {
        rows[count] = row;
        shifts[count] = shift;
        weights[count] = weight;
        count++;
    }

    /** Applies the taps to {@code target[targetRow + j]} for {@code j < length}. */
    void apply(MemorySegment source, int sourceLength, MemorySegment target, long targetRow, int length) {
        if (count == 0) {
            return;
        }
        int lo = 0;
        int hi = length;
        for (int t = 0; t < count; t++) {
            lo = Math.max(lo, -shifts[t]);
            hi = Math.min(hi, sourceLength - shifts[t]);
        }
        if (hi <= lo) {
            scalar(source, sourceLength, target, targetRow, 0, length);
            return;
        }
        scalar(source, sourceLength, target, targetRow, 0, lo);
        int j = lo;
        for (; j <= hi - LANES; j += LANES) {
            FloatVector acc = load(target, targetRow + j);
            for (int t = 0; t < count; t++) {
                acc = load(source, rows[t] + j + shifts[t]).fma(FloatVector.broadcast(SPECIES, weights[t]), acc);
            }
            store(acc, target, targetRow + j);
        }
        if (j < hi) {
            // The interior's last partial vector, masked: every tap is still inside its row there.
            VectorMask<Float> m = SPECIES.indexInRange(j, hi);
            FloatVector acc = FloatVector.fromMemorySegment(SPECIES, target, (targetRow + j) * Float.BYTES, ORDER, m);
            for (int t = 0; t < count; t++) {
                FloatVector v = FloatVector.fromMemorySegment(SPECIES, source,
                        (rows[t] + j + shifts[t]) * Float.BYTES, ORDER, m);
                acc = v.fma(FloatVector.broadcast(SPECIES, weights[t]), acc);
            }
            acc.intoMemorySegment(target, (targetRow + j) * Float.BYTES, ORDER, m);
            j = hi;
        }
        scalar(source, sourceLength, target, targetRow, j, length);
    }

    private void scalar(MemorySegment source, int sourceLength, MemorySegment target, long targetRow, int from,
            int to) {
        for (int j = from; j < to; j++) {
            float acc = target.getAtIndex(FLOAT, targetRow + j);
            for (int t = 0; t < count; t++) {
                int at = j + shifts[t];
                if (at >= 0 && at < sourceLength) {
                    acc = Math.fma(weights[t], source.getAtIndex(FLOAT, rows[t] + at), acc);
                }
            }
            target.setAtIndex(FLOAT, targetRow + j, acc);
        }
    }
}
