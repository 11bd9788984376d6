package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;

import java.lang.foreign.MemorySegment;

/**
 * Forward and backward-weights of a padded convolution by direct loops that visit only the taps
 * landing inside the image: padded cells take part in nothing, so an infinite or NaN weight (or
 * {@code dy}) meets no padding zero and makes no {@code 0·Inf = NaN}. Scalar and single-threaded:
 * the vector plans run it only when the operand the padding would meet holds a non-finite value,
 * a case where the result is mostly NaN or Inf anyway and speed does not matter. The GEMM plan's
 * backward data needs no such path (the padded cells' entries of the column matrix are dropped when
 * it is folded); the depthwise plan's does (its padded plane of {@code dy} holds zeros for outputs
 * that do not exist).
 */
final class PaddingSkippingConvolution {
    private final ConvGeometry g;
    private final int r;
    private final int s;
    private final int strideH;
    private final int strideW;
    private final int padTop;
    private final int padLeft;
    private final int dilationH;
    private final int dilationW;

    PaddingSkippingConvolution(ConvGeometry g) {
        this.g = g;
        this.r = g.op().kernelH();
        this.s = g.op().kernelW();
        this.strideH = g.op().strideH();
        this.strideW = g.op().strideW();
        this.padTop = g.op().padding().top();
        this.padLeft = g.op().padding().left();
        this.dilationH = g.op().dilationH();
        this.dilationW = g.op().dilationW();
    }

    /** {@code y = b + Σ w·x} over the taps inside the image; {@code b} may be null. */
    void forward(MemorySegment x, MemorySegment w, MemorySegment b, MemorySegment y) {
        for (int image = 0; image < g.n(); image++) {
            for (int k = 0; k < g.k(); k++) {
                int group = k / g.kg();
                long yPlane = ((long) image * g.k() + k) * g.pixels();
                float bias = b == null ? 0f : b.getAtIndex(FLOAT, k);
                for (int oy = 0; oy < g.oh(); oy++) {
                    for (int ox = 0; ox < g.ow(); ox++) {
                        float sum = bias;
                        for (int c = 0; c < g.cg(); c++) {
                            long xPlane = ((long) image * g.c() + (long) group * g.cg() + c) * g.cells();
                            long wTaps = ((long) k * g.cg() + c) * r * s;
                            for (int ri = 0; ri < r; ri++) {
                                long ih = (long) oy * strideH - padTop + (long) ri * dilationH;
                                if (ih < 0 || ih >= g.h()) {
                                    continue;
                                }
                                for (int si = 0; si < s; si++) {
                                    long iw = (long) ox * strideW - padLeft + (long) si * dilationW;
                                    if (iw >= 0 && iw < g.w()) {
                                        sum += w.getAtIndex(FLOAT, wTaps + (long) ri * s + si)
                                                * x.getAtIndex(FLOAT, xPlane + ih * g.w() + iw);
                                    }
                                }
                            }
                        }
                        y.setAtIndex(FLOAT, yPlane + (long) oy * g.ow() + ox, sum);
                    }
                }
            }
        }
    }

    /** {@code dw = Σ dy·x} over the taps inside the image (the bias gradient is left to the caller). */
    void backwardWeights(MemorySegment x, MemorySegment dy, MemorySegment dw) {
        for (int k = 0; k < g.k(); k++) {
            int group = k / g.kg();
            for (int c = 0; c < g.cg(); c++) {
                for (int ri = 0; ri < r; ri++) {
                    for (int si = 0; si < s; si++) {
                        double sum = 0;
                        for (int image = 0; image < g.n(); image++) {
                            long xPlane = ((long) image * g.c() + (long) group * g.cg() + c) * g.cells();
                            long dyPlane = ((long) image * g.k() + k) * g.pixels();
                            for (int oy = 0; oy < g.oh(); oy++) {
                                long ih = (long) oy * strideH - padTop + (long) ri * dilationH;
                                if (ih < 0 || ih >= g.h()) {
                                    continue;
                                }
                                for (int ox = 0; ox < g.ow(); ox++) {
                                    long iw = (long) ox * strideW - padLeft + (long) si * dilationW;
                                    if (iw >= 0 && iw < g.w()) {
                                        sum += (double) dy.getAtIndex(FLOAT, dyPlane + (long) oy * g.ow() + ox)
                                                * x.getAtIndex(FLOAT, xPlane + ih * g.w() + iw);
                                    }
                                }
                            }
                        }
                        dw.setAtIndex(FLOAT, (((long) k * g.cg() + c) * r + ri) * s + si, (float) sum);
                    }
                }
            }
        }
    }

    /** {@code dx = Σ w·dy} over the (output, tap) pairs that land inside the image. */
    void backwardData(MemorySegment dy, MemorySegment w, MemorySegment dx) {
        dx.asSlice(0, (long) g.n() * g.c() * g.cells() * Float.BYTES).fill((byte) 0);
        for (int image = 0; image < g.n(); image++) {
            for (int k = 0; k < g.k(); k++) {
                int group = k / g.kg();
                long dyPlane = ((long) image * g.k() + k) * g.pixels();
                for (int oy = 0; oy < g.oh(); oy++) {
                    for (int ox = 0; ox < g.ow(); ox++) {
                        float d = dy.getAtIndex(FLOAT, dyPlane + (long) oy * g.ow() + ox);
                        for (int c = 0; c < g.cg(); c++) {
                            long xPlane = ((long) image * g.c() + (long) group * g.cg() + c) * g.cells();
                            long wTaps = ((long) k * g.cg() + c) * r * s;
                            for (int ri = 0; ri < r; ri++) {
                                long ih = (long) oy * strideH - padTop + (long) ri * dilationH;
                                if (ih < 0 || ih >= g.h()) {
                                    continue;
                                }
                                for (int si = 0; si < s; si++) {
                                    long iw = (long) ox * strideW - padLeft + (long) si * dilationW;
                                    if (iw >= 0 && iw < g.w()) {
                                        long at = xPlane + ih * g.w() + iw;
                                        dx.setAtIndex(FLOAT, at, dx.getAtIndex(FLOAT, at)
                                                + w.getAtIndex(FLOAT, wTaps + (long) ri * s + si) * d);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
