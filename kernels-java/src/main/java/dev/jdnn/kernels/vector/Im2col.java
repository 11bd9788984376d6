package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;

import dev.jdnn.Conv2d;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * Unfolds one image's channels into the column matrix of a convolution and folds it back.
 * Layout of the columns: row {@code (c*R + r)*S + s}, column {@code oh*OW + ow}, holding the input
 * cell that kernel tap {@code (r, s)} of channel {@code c} meets at output {@code (oh, ow)}, or 0
 * in the padding. Both directions work on heap arrays (the image comes in, or goes out, with one
 * bulk copy): a conv on small images moves thousands of runs of 10-30 floats per image, and each
 * vector loop over a memory segment costs tens of nanoseconds of set-up, more than the run itself
 * (lenet_c1: ~30 us of im2col per 28x28 image that way). With stride 1 along the width a row of
 * the output meets a contiguous run of the input, which moves with one {@code arraycopy}.
 */
final class Im2col {
    private final int h;
    private final int w;
    private final int r;
    private final int s;
    private final int oh;
    private final int ow;
    private final int strideH;
    private final int strideW;
    private final int padTop;
    private final int padLeft;
    private final int dilationH;
    private final int dilationW;

    /** Geometry of {@code op} on {@code h x w} images giving {@code oh x ow} outputs. */
    Im2col(Conv2d op, int h, int w, int oh, int ow) {
        this.h = h;
        this.w = w;
        this.r = op.kernelH();
        this.s = op.kernelW();
        this.oh = oh;
        this.ow = ow;
        this.strideH = op.strideH();
        this.strideW = op.strideW();
        this.padTop = op.padding().top();
        this.padLeft = op.padding().left();
        this.dilationH = op.dilationH();
        this.dilationW = op.dilationW();
    }

    /** First output column whose tap {@code si} lands at input column >= 0. */
    int firstColumn(int si) {
        int shift = padLeft - si * dilationW;
        return shift <= 0 ? 0 : Math.min(ow, (shift + strideW - 1) / strideW);
    }

    /** One past the last output column whose tap {@code si} lands at input column < w. */
    int endColumn(int si) {
        int limit = w + padLeft - si * dilationW;
        return limit <= 0 ? 0 : Math.min(ow, (limit + strideW - 1) / strideW);
    }

    /**
     * Fills {@code col} from channels {@code [0, channels)} of the image at {@code x + xOffset},
     * which are first copied into {@code image} (at least {@code channels*h*w} floats).
     */
    void unfold(MemorySegment x, long xOffset, int channels, float[] image, float[] col) {
        MemorySegment.copy(x, FLOAT, xOffset * Float.BYTES, image, 0, channels * h * w);
        int pixels = oh * ow;
        for (int c = 0; c < channels; c++) {
            int plane = c * h * w;
            for (int ri = 0; ri < r; ri++) {
                for (int si = 0; si < s; si++) {
                    int row = ((c * r + ri) * s + si) * pixels;
                    int from = firstColumn(si);
                    int to = Math.max(from, endColumn(si));
                    for (int y = 0; y < oh; y++) {
                        int out = row + y * ow;
                        int ih = y * strideH - padTop + ri * dilationH;
                        if (ih < 0 || ih >= h) {
                            Arrays.fill(col, out, out + ow, 0f);
                            continue;
                        }
                        Arrays.fill(col, out, out + from, 0f);
                        int in = plane + ih * w - padLeft + si * dilationW;
                        if (strideW == 1) {
                            if (to > from) {
                                System.arraycopy(image, in + from, col, out + from, to - from);
                            }
                        } else {
                            for (int xo = from; xo < to; xo++) {
                                col[out + xo] = image[in + xo * strideW];
                            }
                        }
                        Arrays.fill(col, out + to, out + ow, 0f);
                    }
                }
            }
        }
    }

    /**
     * Adds every entry of {@code col} to the input cell it came from, in {@code image} (zeroed first,
     * at least {@code channels*h*w} floats), then copies the channels to {@code dx + dxOffset}.
     */
    void fold(float[] col, int channels, float[] image, MemorySegment dx, long dxOffset) {
        int pixels = oh * ow;
        Arrays.fill(image, 0, channels * h * w, 0f);
        for (int c = 0; c < channels; c++) {
            int plane = c * h * w;
            for (int ri = 0; ri < r; ri++) {
                for (int si = 0; si < s; si++) {
                    int row = ((c * r + ri) * s + si) * pixels;
                    int from = firstColumn(si);
                    int to = endColumn(si);
                    if (to <= from) {
                        continue;
                    }
                    for (int y = 0; y < oh; y++) {
                        int ih = y * strideH - padTop + ri * dilationH;
                        if (ih < 0 || ih >= h) {
                            continue;
                        }
                        int out = row + y * ow;
                        int in = plane + ih * w - padLeft + si * dilationW;
                        if (strideW == 1) {
                            addRun(image, in + from, col, out + from, to - from);
                        } else {
                            for (int xo = from; xo < to; xo++) {
                                image[in + xo * strideW] += col[out + xo];
                            }
                        }
                    }
                }
            }
        }
        MemorySegment.copy(image, 0, dx, FLOAT, dxOffset * Float.BYTES, channels * h * w);
    }

    /** {@code dst[d..d+length) += src[s..s+length)}, whole vectors then a scalar tail. */
    private static void addRun(float[] dst, int d, float[] src, int s, int length) {
        int i = 0;
        for (int whole = SegmentVectors.SPECIES.loopBound(length); i < whole; i += SegmentVectors.LANES) {
            FloatVector.fromArray(SegmentVectors.SPECIES, dst, d + i)
                    .add(FloatVector.fromArray(SegmentVectors.SPECIES, src, s + i))
                    .intoArray(dst, d + i);
        }
        for (; i < length; i++) {
            dst[d + i] += src[s + i];
        }
    }
}
