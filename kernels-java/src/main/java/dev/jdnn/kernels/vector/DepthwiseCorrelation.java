package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * The inner loops of the depthwise convolution, on one channel plane held in a {@link PaddedPlane}'s
 * array. A filter is a list of taps: tap {@code t} reads the plane at {@code offsets[t]} from the
 * output's own position, {@code row·rowStep + j} for output row {@code row}, column {@code j}, so
 * the same loops serve every kernel size, stride, dilation and padding (the plane's layout has
 * absorbed them). Vectors run along the output row.
 *
 * <p>Filters of 9 taps (3x3, the depthwise filter of MobileNet and its kin, but also 1x9 and 9x1)
 * have unrolled loops that keep the 9 weights (forward) or the 9 gradient sums (backward weights)
 * in vector registers instead of re-broadcasting or reloading them per tap; when the 3x3 taps are
 * stacked (see {@link #stacked3x3}) two output rows share their input rows. On one 56x56 plane in
 * L1, 256-bit vectors: one-row loop ~27-34 GFLOP/s, paired rows ~40-50 (forward), 22-27 and
 * ~34 (backward weights); the 56-float rows are too short for the one-row loop's overhead.
 */
final class DepthwiseCorrelation {
    private DepthwiseCorrelation() {
    }

    /**
     * {@code target[row·cols + j] = bias + Σ_t weights[t] · plane[row·rowStep + j + offsets[t]]} for
     * {@code row < rows, j < cols}. The plane must hold a whole vector of slack past the last
     * column read: the last vector of a row is computed in full and stored masked. The target is
     * an array too: with vector stores into a memory segment in the loop, C2 no longer schedules
     * the array loads freely, and the loop ran at half the speed (measured).
     */
    static void correlate(float[] plane, int rowStep, int[] offsets, float[] weights, float bias,
            float[] target, int rows, int cols) {
        if (offsets.length == 9) {
            int paired = 0;
            if (stacked3x3(rowStep, offsets)) {
                paired = rows & ~1;
                correlate3x3Pairs(plane, rowStep, offsets, weights, bias, target, paired, cols);
            }
            correlate9(plane, rowStep, offsets, weights, bias, target, paired, rows, cols);
            return;
        }
        FloatVector b = FloatVector.broadcast(SPECIES, bias);
        for (int row = 0; row < rows; row++) {
            int base = row * rowStep;
            int targetRow = row * cols;
            for (int j = 0; j < cols; j += LANES) {
                FloatVector acc = b;
                for (int t = 0; t < offsets.length; t++) {
                    acc = FloatVector.fromArray(SPECIES, plane, base + j + offsets[t])
                            .fma(FloatVector.broadcast(SPECIES, weights[t]), acc);
                }
                if (j <= cols - LANES) {
                    acc.intoArray(target, targetRow + j);
                } else {
                    acc.intoArray(target, targetRow + j, SPECIES.indexInRange(j, cols));
                }
            }
        }
    }

    /**
     * Whether the 9 taps are 3 rows of 3 whose rows lie one {@code rowStep} apart, as in a 3x3
     * filter whose height stride equals its height dilation (stride 1 and no dilation, and every
     * backward-data pass): then two output rows share two of their input rows.
     */
    private static boolean stacked3x3(int rowStep, int[] offsets) {
        for (int t = 3; t < 9; t++) {
            if (offsets[t] - offsets[t - 3] != rowStep) {
                return false;
            }
        }
        return true;
    }

    /**
     * Output rows {@code [0, rows)}, {@code rows} even, two at a time: 12 loads feed 18 FMAs instead
     * of 18, and the loop runs half as often (rows of MobileNet's planes are only a few vectors
     * long). Measured ~2x the one-row loop on a 56x56 plane held in L1.
     */
    private static void correlate3x3Pairs(float[] plane, int rowStep, int[] offsets, float[] weights, float bias,
            float[] target, int rows, int cols) {
        int o0 = offsets[0];
        int o1 = offsets[1];
        int o2 = offsets[2];
        FloatVector w0 = FloatVector.broadcast(SPECIES, weights[0]);
        FloatVector w1 = FloatVector.broadcast(SPECIES, weights[1]);
        FloatVector w2 = FloatVector.broadcast(SPECIES, weights[2]);
        FloatVector w3 = FloatVector.broadcast(SPECIES, weights[3]);
        FloatVector w4 = FloatVector.broadcast(SPECIES, weights[4]);
        FloatVector w5 = FloatVector.broadcast(SPECIES, weights[5]);
        FloatVector w6 = FloatVector.broadcast(SPECIES, weights[6]);
        FloatVector w7 = FloatVector.broadcast(SPECIES, weights[7]);
        FloatVector w8 = FloatVector.broadcast(SPECIES, weights[8]);
        FloatVector b = FloatVector.broadcast(SPECIES, bias);
        for (int row = 0; row < rows; row += 2) {
            int r0 = row * rowStep;
            int r1 = r0 + rowStep;
            int r2 = r1 + rowStep;
            int r3 = r2 + rowStep;
            int upper = row * cols;
            for (int j = 0; j < cols; j += LANES) {
                // Input row k feeds filter row k of the upper output row and k - 1 of the lower one.
                FloatVector x0 = FloatVector.fromArray(SPECIES, plane, r0 + j + o0);
                FloatVector x1 = FloatVector.fromArray(SPECIES, plane, r0 + j + o1);
                FloatVector x2 = FloatVector.fromArray(SPECIES, plane, r0 + j + o2);
                FloatVector a = x0.fma(w0, b);
                a = x1.fma(w1, a);
                a = x2.fma(w2, a);
                x0 = FloatVector.fromArray(SPECIES, plane, r1 + j + o0);
                x1 = FloatVector.fromArray(SPECIES, plane, r1 + j + o1);
                x2 = FloatVector.fromArray(SPECIES, plane, r1 + j + o2);
                a = x0.fma(w3, a);
                FloatVector c = x0.fma(w0, b);
                a = x1.fma(w4, a);
                c = x1.fma(w1, c);
                a = x2.fma(w5, a);
                c = x2.fma(w2, c);
                x0 = FloatVector.fromArray(SPECIES, plane, r2 + j + o0);
                x1 = FloatVector.fromArray(SPECIES, plane, r2 + j + o1);
                x2 = FloatVector.fromArray(SPECIES, plane, r2 + j + o2);
                a = x0.fma(w6, a);
                c = x0.fma(w3, c);
                a = x1.fma(w7, a);
                c = x1.fma(w4, c);
                a = x2.fma(w8, a);
                c = x2.fma(w5, c);
                x0 = FloatVector.fromArray(SPECIES, plane, r3 + j + o0);
                x1 = FloatVector.fromArray(SPECIES, plane, r3 + j + o1);
                x2 = FloatVector.fromArray(SPECIES, plane, r3 + j + o2);
                c = x0.fma(w6, c);
                c = x1.fma(w7, c);
                c = x2.fma(w8, c);
                if (j <= cols - LANES) {
                    a.intoArray(target, upper + j);
                    c.intoArray(target, upper + cols + j);
                } else {
                    VectorMask<Float> m = SPECIES.indexInRange(j, cols);
                    a.intoArray(target, upper + j, m);
                    c.intoArray(target, upper + cols + j, m);
                }
            }
        }
    }

    /** Output rows {@code [firstRow, endRow)}, one at a time. */
    private static void correlate9(float[] plane, int rowStep, int[] offsets, float[] weights, float bias,
            float[] target, int firstRow, int endRow, int cols) {
        int o0 = offsets[0];
        int o1 = offsets[1];
        int o2 = offsets[2];
        int o3 = offsets[3];
        int o4 = offsets[4];
        int o5 = offsets[5];
        int o6 = offsets[6];
        int o7 = offsets[7];
        int o8 = offsets[8];
        FloatVector w0 = FloatVector.broadcast(SPECIES, weights[0]);
        FloatVector w1 = FloatVector.broadcast(SPECIES, weights[1]);
        FloatVector w2 = FloatVector.broadcast(SPECIES, weights[2]);
        FloatVector w3 = FloatVector.broadcast(SPECIES, weights[3]);
        FloatVector w4 = FloatVector.broadcast(SPECIES, weights[4]);
        FloatVector w5 = FloatVector.broadcast(SPECIES, weights[5]);
        FloatVector w6 = FloatVector.broadcast(SPECIES, weights[6]);
        FloatVector w7 = FloatVector.broadcast(SPECIES, weights[7]);
        FloatVector w8 = FloatVector.broadcast(SPECIES, weights[8]);
        FloatVector b = FloatVector.broadcast(SPECIES, bias);
        for (int row = firstRow; row < endRow; row++) {
            int base = row * rowStep;
            int targetRow = row * cols;
            for (int j = 0; j < cols; j += LANES) {
                int at = base + j;
                // Two chains of FMAs instead of one halve the latency each output vector waits for.
                FloatVector even = FloatVector.fromArray(SPECIES, plane, at + o0).fma(w0, b);
                FloatVector odd = FloatVector.fromArray(SPECIES, plane, at + o1).mul(w1);
                even = FloatVector.fromArray(SPECIES, plane, at + o2).fma(w2, even);
                odd = FloatVector.fromArray(SPECIES, plane, at + o3).fma(w3, odd);
                even = FloatVector.fromArray(SPECIES, plane, at + o4).fma(w4, even);
                odd = FloatVector.fromArray(SPECIES, plane, at + o5).fma(w5, odd);
                even = FloatVector.fromArray(SPECIES, plane, at + o6).fma(w6, even);
                odd = FloatVector.fromArray(SPECIES, plane, at + o7).fma(w7, odd);
                even = FloatVector.fromArray(SPECIES, plane, at + o8).fma(w8, even);
                FloatVector sum = even.add(odd);
                // The row's last vector is stored masked (kept inline: a helper taking the vector
                // was not inlined by C2, which then boxed every vector it was passed).
                if (j <= cols - LANES) {
                    sum.intoArray(target, targetRow + j);
                } else {
                    sum.intoArray(target, targetRow + j, SPECIES.indexInRange(j, cols));
                }
            }
        }
    }

    /**
     * {@code sums[t] += Σ_{row, j} dy[row·dyRowStride + j] · plane[row·rowStep + j + offsets[t]]}:
     * the gradient of each tap's weight from one plane. {@code dy}'s rows are {@code dyRowStride}
     * floats apart, a multiple of the vector length, with zeros after each row's end, so every row
     * is read in whole vectors with no tail: a scalar loop over the row tails (mb_dw's 56-wide rows:
     * 48 + 8) cost more than the vectors, and masked loads made the kernels too big for C2 to
     * inline their vector operations (they ran boxed). A zero of {@code dy} multiplies whatever the
     * plane holds past the row, so an infinite or NaN input there gives NaN: the caller checks the
     * sums and recomputes non-finite ones exactly.
     */
    static void weightGradient(float[] plane, int rowStep, int[] offsets, float[] dy, int dyRowStride, int rows,
            float[] sums) {
        if (offsets.length == 9) {
            int paired = 0;
            if (stacked3x3(rowStep, offsets)) {
                paired = rows & ~1;
                weightGradient3x3Pairs(plane, rowStep, offsets, dy, paired, dyRowStride, sums);
            }
            weightGradient9(plane, rowStep, offsets, dy, paired, rows, dyRowStride, sums);
        } else {
            for (int t = 0; t < offsets.length; t++) {
                FloatVector acc = FloatVector.zero(SPECIES);
                for (int row = 0; row < rows; row++) {
                    int base = row * rowStep + offsets[t];
                    int dyRow = row * dyRowStride;
                    for (int j = 0; j < dyRowStride; j += LANES) {
                        acc = FloatVector.fromArray(SPECIES, plane, base + j)
                                .fma(FloatVector.fromArray(SPECIES, dy, dyRow + j), acc);
                    }
                }
                sums[t] += SegmentVectors.sumLanes(acc);
            }
        }
    }

    /**
     * Rows {@code [0, rows)}, {@code rows} even, two at a time: the two rows of {@code dy} share
     * two of their three input rows, so 14 loads feed 18 FMAs instead of 20.
     */
    private static void weightGradient3x3Pairs(float[] plane, int rowStep, int[] offsets, float[] dy, int rows,
            int cols, float[] sums) {
        int o0 = offsets[0];
        int o1 = offsets[1];
        int o2 = offsets[2];
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        FloatVector s4 = s0;
        FloatVector s5 = s0;
        FloatVector s6 = s0;
        FloatVector s7 = s0;
        FloatVector s8 = s0;
        for (int row = 0; row < rows; row += 2) {
            int r0 = row * rowStep;
            int r1 = r0 + rowStep;
            int r2 = r1 + rowStep;
            int r3 = r2 + rowStep;
            int upper = row * cols;
            for (int j = 0; j < cols; j += LANES) {
                // Input row k meets filter row k through the upper dy row, k - 1 through the lower.
                FloatVector du = FloatVector.fromArray(SPECIES, dy, upper + j);
                FloatVector dl = FloatVector.fromArray(SPECIES, dy, upper + cols + j);
                FloatVector x0 = FloatVector.fromArray(SPECIES, plane, r0 + j + o0);
                FloatVector x1 = FloatVector.fromArray(SPECIES, plane, r0 + j + o1);
                FloatVector x2 = FloatVector.fromArray(SPECIES, plane, r0 + j + o2);
                s0 = x0.fma(du, s0);
                s1 = x1.fma(du, s1);
                s2 = x2.fma(du, s2);
                x0 = FloatVector.fromArray(SPECIES, plane, r1 + j + o0);
                x1 = FloatVector.fromArray(SPECIES, plane, r1 + j + o1);
                x2 = FloatVector.fromArray(SPECIES, plane, r1 + j + o2);
                s3 = x0.fma(du, s3);
                s0 = x0.fma(dl, s0);
                s4 = x1.fma(du, s4);
                s1 = x1.fma(dl, s1);
                s5 = x2.fma(du, s5);
                s2 = x2.fma(dl, s2);
                x0 = FloatVector.fromArray(SPECIES, plane, r2 + j + o0);
                x1 = FloatVector.fromArray(SPECIES, plane, r2 + j + o1);
                x2 = FloatVector.fromArray(SPECIES, plane, r2 + j + o2);
                s6 = x0.fma(du, s6);
                s3 = x0.fma(dl, s3);
                s7 = x1.fma(du, s7);
                s4 = x1.fma(dl, s4);
                s8 = x2.fma(du, s8);
                s5 = x2.fma(dl, s5);
                x0 = FloatVector.fromArray(SPECIES, plane, r3 + j + o0);
                x1 = FloatVector.fromArray(SPECIES, plane, r3 + j + o1);
                x2 = FloatVector.fromArray(SPECIES, plane, r3 + j + o2);
                s6 = x0.fma(dl, s6);
                s7 = x1.fma(dl, s7);
                s8 = x2.fma(dl, s8);
            }
        }
        sums[0] += SegmentVectors.sumLanes(s0);
        sums[1] += SegmentVectors.sumLanes(s1);
        sums[2] += SegmentVectors.sumLanes(s2);
        sums[3] += SegmentVectors.sumLanes(s3);
        sums[4] += SegmentVectors.sumLanes(s4);
        sums[5] += SegmentVectors.sumLanes(s5);
        sums[6] += SegmentVectors.sumLanes(s6);
        sums[7] += SegmentVectors.sumLanes(s7);
        sums[8] += SegmentVectors.sumLanes(s8);
    }

    /** Rows {@code [firstRow, endRow)}, one at a time, whole vectors only. */
    private static void weightGradient9(float[] plane, int rowStep, int[] offsets, float[] dy, int firstRow,
            int endRow, int cols, float[] sums) {
        int o0 = offsets[0];
        int o1 = offsets[1];
        int o2 = offsets[2];
        int o3 = offsets[3];
        int o4 = offsets[4];
        int o5 = offsets[5];
        int o6 = offsets[6];
        int o7 = offsets[7];
        int o8 = offsets[8];
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        FloatVector s4 = s0;
        FloatVector s5 = s0;
        FloatVector s6 = s0;
        FloatVector s7 = s0;
        FloatVector s8 = s0;
        for (int row = firstRow; row < endRow; row++) {
            int base = row * rowStep;
            int dyRow = row * cols;
            for (int j = 0; j < cols; j += LANES) {
                int at = base + j;
                FloatVector d = FloatVector.fromArray(SPECIES, dy, dyRow + j);
                s0 = FloatVector.fromArray(SPECIES, plane, at + o0).fma(d, s0);
                s1 = FloatVector.fromArray(SPECIES, plane, at + o1).fma(d, s1);
                s2 = FloatVector.fromArray(SPECIES, plane, at + o2).fma(d, s2);
                s3 = FloatVector.fromArray(SPECIES, plane, at + o3).fma(d, s3);
                s4 = FloatVector.fromArray(SPECIES, plane, at + o4).fma(d, s4);
                s5 = FloatVector.fromArray(SPECIES, plane, at + o5).fma(d, s5);
                s6 = FloatVector.fromArray(SPECIES, plane, at + o6).fma(d, s6);
                s7 = FloatVector.fromArray(SPECIES, plane, at + o7).fma(d, s7);
                s8 = FloatVector.fromArray(SPECIES, plane, at + o8).fma(d, s8);
            }
        }
        sums[0] += SegmentVectors.sumLanes(s0);
        sums[1] += SegmentVectors.sumLanes(s1);
        sums[2] += SegmentVectors.sumLanes(s2);
        sums[3] += SegmentVectors.sumLanes(s3);
        sums[4] += SegmentVectors.sumLanes(s4);
        sums[5] += SegmentVectors.sumLanes(s5);
        sums[6] += SegmentVectors.sumLanes(s6);
        sums[7] += SegmentVectors.sumLanes(s7);
        sums[8] += SegmentVectors.sumLanes(s8);
    }
}
