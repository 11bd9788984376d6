package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

import dev.jdnn.Activation;
import jdk.incubator.vector.FloatVector;

/**
 * The inner loops of {@link DirectConv2dPlan}: a bank of 2-D correlations over several source
 * planes held one after another in a {@link PaddedPlane}'s array. Input {@code d} of a filter
 * ({@code d} runs over the source channels and their taps, {@code channel·taps + tap}) reads the
 * planes at {@code offsets[d]} from the output's own position, {@code row·rowStep + j}, so the
 * padded layout absorbs kernel size, stride, dilation and padding as in
 * {@link DepthwiseCorrelation}. Vectors run along the output row; four filters (output channels)
 * share each loaded input vector, so a load feeds four fused multiply-adds.
 *
 * <p>Counts are padded, never branched on: the filter count is a multiple of 4 (the extra filters
 * have zero weights, their outputs are dropped), rows are computed in whole vectors (the lanes past
 * the row land in the next row before that row is stored, or in the slack after the plane), so
 * one loop serves every shape and no shape deoptimises code another compiled. Forward passes run
 * two output rows at once, so each broadcast weight feeds two fused multiply-adds.
 */
final class FilterBankCorrelation {
    /** Filters (output channels) computed per pass over the inputs. */
    static final int FILTERS = 4;

    private FilterBankCorrelation() {
    }

    /**
     * {@code target[f·targetPlane + row·cols + j] = a(bias[f] + Σ_d weights[f·depth + d] ·
     * plane[row·rowStep + j + offsets[d]])} for every filter {@code f < filters} (a multiple of
     * {@link #FILTERS}), {@code row < rows}, {@code j < cols}; {@code a} is {@code activation} or
     * none when null. {@code targetPlane} must leave a vector of slack after each plane's
     * {@code rows·cols} outputs.
     */
    static void correlate(float[] plane, int rowStep, int[] offsets, int depth, float[] weights, float[] bias,
            int filters, Activation activation, float[] target, int targetPlane, int rows, int cols) {
        for (int f = 0; f < filters; f += FILTERS) {
            int w0 = f * depth;
            int w1 = w0 + depth;
            int w2 = w1 + depth;
            int w3 = w2 + depth;
            FloatVector b0 = FloatVector.broadcast(SPECIES, bias[f]);
            FloatVector b1 = FloatVector.broadcast(SPECIES, bias[f + 1]);
            FloatVector b2 = FloatVector.broadcast(SPECIES, bias[f + 2]);
            FloatVector b3 = FloatVector.broadcast(SPECIES, bias[f + 3]);
            int t0 = f * targetPlane;
            // Two output rows per pass: each broadcast weight then feeds two FMAs (one load per FMA
            // was the bound). With an odd row count the last pass computes its row twice.
            for (int row = 0; row < rows; row += 2) {
                int next = Math.min(row + 1, rows - 1);
                int base = row * rowStep;
                int base2 = next * rowStep;
                int out = t0 + row * cols;
                int out2 = t0 + next * cols;
                // Vectors right to left: the last vector of the first row spills into the second
                // row's start, which its first vector, stored later, then overwrites.
                for (int j = (cols - 1) / LANES * LANES; j >= 0; j -= LANES) {
                    FloatVector a0 = b0;
                    FloatVector a1 = b1;
                    FloatVector a2 = b2;
                    FloatVector a3 = b3;
                    FloatVector e0 = b0;
                    FloatVector e1 = b1;
                    FloatVector e2 = b2;
                    FloatVector e3 = b3;
                    int at = base + j;
                    int at2 = base2 + j;
                    for (int d = 0; d < depth; d++) {
                        int o = offsets[d];
                        FloatVector v = FloatVector.fromArray(SPECIES, plane, at + o);
                        FloatVector u = FloatVector.fromArray(SPECIES, plane, at2 + o);
                        FloatVector w = FloatVector.broadcast(SPECIES, weights[w0 + d]);
                        a0 = v.fma(w, a0);
                        e0 = u.fma(w, e0);
                        w = FloatVector.broadcast(SPECIES, weights[w1 + d]);
                        a1 = v.fma(w, a1);
                        e1 = u.fma(w, e1);
                        w = FloatVector.broadcast(SPECIES, weights[w2 + d]);
                        a2 = v.fma(w, a2);
                        e2 = u.fma(w, e2);
                        w = FloatVector.broadcast(SPECIES, weights[w3 + d]);
                        a3 = v.fma(w, a3);
                        e3 = u.fma(w, e3);
                    }
                    // The first row first: its lanes past the row's end land in the second row's
                    // place, which the second row's stores then overwrite.
                    if (activation != null) {
                        a0 = ActivationKernels.apply(activation, a0);
                        a1 = ActivationKernels.apply(activation, a1);
                        a2 = ActivationKernels.apply(activation, a2);
                        a3 = ActivationKernels.apply(activation, a3);
                        e0 = ActivationKernels.apply(activation, e0);
                        e1 = ActivationKernels.apply(activation, e1);
                        e2 = ActivationKernels.apply(activation, e2);
                        e3 = ActivationKernels.apply(activation, e3);
                    }
                    a0.intoArray(target, out + j);
                    a1.intoArray(target, out + targetPlane + j);
                    a2.intoArray(target, out + 2 * targetPlane + j);
                    a3.intoArray(target, out + 3 * targetPlane + j);
                    e0.intoArray(target, out2 + j);
                    e1.intoArray(target, out2 + targetPlane + j);
                    e2.intoArray(target, out2 + 2 * targetPlane + j);
                    e3.intoArray(target, out2 + 3 * targetPlane + j);
                }
            }
        }
    }

    /**
     * {@code sums[(f·inputs + d)·LANES + lane] += Σ_row Σ_j gradient[f·gradientPlane + row·stride + j]
     * · plane[row·rowStep + j + offsets[d]]} over {@code images} images one after another (their
     * planes {@code planeStride}, their gradients {@code gradientStride} floats apart: the sums stay
     * in registers over all of them), {@code j} in whole vectors (the gradient rows
     * are {@code stride} floats apart with zeros past their last column, so the lanes past a row add
     * nothing); {@code filters} and {@code inputs} are multiples of {@link #FILTERS}. The caller
     * sums the lanes.
     */
    static void weightGradient(float[] plane, int rowStep, int[] offsets, int inputs, float[] gradient,
            int gradientPlane, int stride, int filters, float[] sums, int rows, int images, int planeStride,
            int gradientStride) {
        int v = LANES;
        for (int f = 0; f < filters; f += FILTERS) {
            int g0 = f * gradientPlane;
            for (int d = 0; d < inputs; d += FILTERS) {
                int s0 = (f * inputs + d) * v;
                int s1 = s0 + inputs * v;
                int s2 = s1 + inputs * v;
                int s3 = s2 + inputs * v;
                FloatVector c00 = FloatVector.fromArray(SPECIES, sums, s0);
                FloatVector c01 = FloatVector.fromArray(SPECIES, sums, s0 + v);
                FloatVector c02 = FloatVector.fromArray(SPECIES, sums, s0 + 2 * v);
                FloatVector c03 = FloatVector.fromArray(SPECIES, sums, s0 + 3 * v);
                FloatVector c10 = FloatVector.fromArray(SPECIES, sums, s1);
                FloatVector c11 = FloatVector.fromArray(SPECIES, sums, s1 + v);
                FloatVector c12 = FloatVector.fromArray(SPECIES, sums, s1 + 2 * v);
                FloatVector c13 = FloatVector.fromArray(SPECIES, sums, s1 + 3 * v);
                FloatVector c20 = FloatVector.fromArray(SPECIES, sums, s2);
                FloatVector c21 = FloatVector.fromArray(SPECIES, sums, s2 + v);
                FloatVector c22 = FloatVector.fromArray(SPECIES, sums, s2 + 2 * v);
                FloatVector c23 = FloatVector.fromArray(SPECIES, sums, s2 + 3 * v);
                FloatVector c30 = FloatVector.fromArray(SPECIES, sums, s3);
                FloatVector c31 = FloatVector.fromArray(SPECIES, sums, s3 + v);
                FloatVector c32 = FloatVector.fromArray(SPECIES, sums, s3 + 2 * v);
                FloatVector c33 = FloatVector.fromArray(SPECIES, sums, s3 + 3 * v);
                int o0 = offsets[d];
                int o1 = offsets[d + 1];
                int o2 = offsets[d + 2];
                int o3 = offsets[d + 3];
                for (int r = 0; r < images * rows; r++) {
                    int image = r / rows;
                    int row = r - image * rows;
                    int base = image * planeStride + row * rowStep;
                    int gRow = g0 + image * gradientStride + row * stride;
                    for (int j = 0; j < stride; j += v) {
                        FloatVector x0 = FloatVector.fromArray(SPECIES, plane, base + j + o0);
                        FloatVector x1 = FloatVector.fromArray(SPECIES, plane, base + j + o1);
                        FloatVector x2 = FloatVector.fromArray(SPECIES, plane, base + j + o2);
                        FloatVector x3 = FloatVector.fromArray(SPECIES, plane, base + j + o3);
                        FloatVector dy = FloatVector.fromArray(SPECIES, gradient, gRow + j);
                        c00 = dy.fma(x0, c00);
                        c01 = dy.fma(x1, c01);
                        c02 = dy.fma(x2, c02);
                        c03 = dy.fma(x3, c03);
                        dy = FloatVector.fromArray(SPECIES, gradient, gRow + gradientPlane + j);
                        c10 = dy.fma(x0, c10);
                        c11 = dy.fma(x1, c11);
                        c12 = dy.fma(x2, c12);
                        c13 = dy.fma(x3, c13);
                        dy = FloatVector.fromArray(SPECIES, gradient, gRow + 2 * gradientPlane + j);
                        c20 = dy.fma(x0, c20);
                        c21 = dy.fma(x1, c21);
                        c22 = dy.fma(x2, c22);
                        c23 = dy.fma(x3, c23);
                        dy = FloatVector.fromArray(SPECIES, gradient, gRow + 3 * gradientPlane + j);
                        c30 = dy.fma(x0, c30);
                        c31 = dy.fma(x1, c31);
                        c32 = dy.fma(x2, c32);
                        c33 = dy.fma(x3, c33);
                    }
                }
                c00.intoArray(sums, s0);
                c01.intoArray(sums, s0 + v);
                c02.intoArray(sums, s0 + 2 * v);
                c03.intoArray(sums, s0 + 3 * v);
                c10.intoArray(sums, s1);
                c11.intoArray(sums, s1 + v);
                c12.intoArray(sums, s1 + 2 * v);
                c13.intoArray(sums, s1 + 3 * v);
                c20.intoArray(sums, s2);
                c21.intoArray(sums, s2 + v);
                c22.intoArray(sums, s2 + 2 * v);
                c23.intoArray(sums, s2 + 3 * v);
                c30.intoArray(sums, s3);
                c31.intoArray(sums, s3 + v);
                c32.intoArray(sums, s3 + 2 * v);
                c33.intoArray(sums, s3 + 3 * v);
            }
        }
    }
}
