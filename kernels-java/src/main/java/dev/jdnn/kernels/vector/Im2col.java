package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;

import dev.jdnn.Conv2d;
import java.lang.foreign.MemorySegment;

/**
 * Unfolds one image's channels into the column matrix of a convolution and folds it back.
 * Layout of the columns: row {@code (c*R + r)*S + s}, column {@code oh*OW + ow}, holding the input
 * cell that kernel tap {@code (r, s)} of channel {@code c} meets at output {@code (oh, ow)}, or 0
 * in the padding. With stride 1 along the width a row of the output meets a contiguous run of the
 * input, so both directions move whole runs (bulk copy, vector add) instead of single floats.
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

    /** Fills {@code col} from channels {@code [0, channels)} of the image at {@code x + xOffset}. */
    void unfold(MemorySegment x, long xOffset, int channels, MemorySegment col) {
        long pixels = (long) oh * ow;
        for (int c = 0; c < channels; c++) {
            long plane = xOffset + (long) c * h * w;
            for (int ri = 0; ri < r; ri++) {
                for (int si = 0; si < s; si++) {
                    long row = ((long) (c * r + ri) * s + si) * pixels;
                    int from = firstColumn(si);
                    int to = Math.max(from, endColumn(si));
                    for (int y = 0; y < oh; y++) {
                        long out = row + (long) y * ow;
                        int ih = y * strideH - padTop + ri * dilationH;
                        if (ih < 0 || ih >= h) {
                            SegmentVectors.fill(col, out, ow, 0f);
                            continue;
                        }
                        SegmentVectors.fill(col, out, from, 0f);
                        long in = plane + (long) ih * w - padLeft + si * dilationW;
                        if (strideW == 1) {
                            if (to > from) {
                                SegmentVectors.copy(x, in + from, col, out + from, to - from);
                            }
                        } else {
                            for (int xo = from; xo < to; xo++) {
                                col.setAtIndex(FLOAT, out + xo, x.getAtIndex(FLOAT, in + (long) xo * strideW));
                            }
                        }
                        SegmentVectors.fill(col, out + to, ow - to, 0f);
                    }
                }
            }
        }
    }

    /** {@code dx = 0} for the channels, then adds every entry of {@code col} to the cell it came from. */
    void fold(MemorySegment col, int channels, MemorySegment dx, long dxOffset) {
        long pixels = (long) oh * ow;
        SegmentVectors.fill(dx, dxOffset, channels * h * w, 0f);
        for (int c = 0; c < channels; c++) {
            long plane = dxOffset + (long) c * h * w;
            for (int ri = 0; ri < r; ri++) {
                for (int si = 0; si < s; si++) {
                    long row = ((long) (c * r + ri) * s + si) * pixels;
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
                        long out = row + (long) y * ow;
                        long in = plane + (long) ih * w - padLeft + si * dilationW;
                        if (strideW == 1) {
                            SegmentVectors.add(dx, in + from, col, out + from, to - from);
                        } else {
                            for (int xo = from; xo < to; xo++) {
                                long at = in + (long) xo * strideW;
                                dx.setAtIndex(FLOAT, at, dx.getAtIndex(FLOAT, at) + col.getAtIndex(FLOAT, out + xo));
                            }
                        }
                    }
                }
            }
        }
    }
}
