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
 * in the padding. A block of consecutive output pixels {@code [p0, p1)} is unfolded on its own
 * (its rows {@code p1 - p0} long), from the band of input rows it reads, so that the scratch of a
 * huge image stays bounded. The band of input rows is a heap array (the image comes in, or goes
 * out, with one bulk copy), and so is the block unfold writes: a conv on small images moves
 * thousands of runs of 10-30 floats per image, and each vector loop over a memory segment costs
 * tens of nanoseconds of set-up, more than the run itself (lenet_c1: ~30 us of im2col per 28x28
 * image that way). Fold reads the native block backward data's GEMM wrote (no heap array may
 * reach the GEMM as a segment: {@link GemmConv2dPlan}). With stride 1 along the width a row of
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

    /** First input row that outputs {@code [p0, p1)} read, clamped to the image. */
    int bandStart(int p0) {
        return Math.clamp((long) (p0 / ow) * strideH - padTop, 0, h);
    }

    /** One past the last input row that outputs {@code [p0, p1)} read, clamped to the image. */
    int bandEnd(int p1) {
        return Math.clamp((long) ((p1 - 1) / ow) * strideH - padTop + (long) (r - 1) * dilationH + 1, 0, h);
    }

    /** The most input rows any block of {@code blockPixels} consecutive outputs reads. */
    int maxBandRows(int blockPixels) {
        long outputRows = Math.min(oh, (blockPixels + ow - 2) / ow + 1);
        return (int) Math.min(h, (outputRows - 1) * strideH + (long) (r - 1) * dilationH + 1);
    }

    /**
     * Copies input rows {@code [from, to)} of channels {@code [0, channels)} of the image at
     * {@code x + xOffset} into {@code band}, channel after channel ({@code (to - from)·w} floats each).
     */
    void loadBand(MemorySegment x, long xOffset, int channels, int from, int to, float[] band) {
        int rows = to - from;
        if (rows == h) {
            MemorySegment.copy(x, FLOAT, xOffset * Float.BYTES, band, 0, channels * h * w);
            return;
        }
        for (int c = 0; c < channels; c++) {
            MemorySegment.copy(x, FLOAT, (xOffset + (long) c * h * w + (long) from * w) * Float.BYTES, band,
                    c * rows * w, rows * w);
        }
    }

    /**
     * Fills {@code col} (row length {@code p1 - p0}) with the columns of outputs {@code [p0, p1)},
     * from {@code band}: input rows {@code [from, to)} of {@code channels} channels as
     * {@link #loadBand} left them.
     */
    void unfold(float[] band, int from, int to, int channels, int p0, int p1, float[] col) {
        int block = p1 - p0;
        int bandRows = to - from;
        int y0 = p0 / ow;
        int y1 = (p1 - 1) / ow;
        for (int c = 0; c < channels; c++) {
            int plane = c * bandRows * w;
            for (int ri = 0; ri < r; ri++) {
                for (int si = 0; si < s; si++) {
                    int row = ((c * r + ri) * s + si) * block - p0;
                    int first = firstColumn(si);
                    int end = Math.max(first, endColumn(si));
                    for (int y = y0; y <= y1; y++) {
                        int xa = y == y0 ? p0 - y * ow : 0;
                        int xb = y == y1 ? p1 - y * ow : ow;
                        int out = row + y * ow;
                        int ih = y * strideH - padTop + ri * dilationH;
                        if (ih < 0 || ih >= h) {
                            Arrays.fill(col, out + xa, out + xb, 0f);
                            continue;
                        }
                        int lo = Math.clamp(first, xa, xb);
                        int hi = Math.clamp(end, lo, xb);
                        Arrays.fill(col, out + xa, out + lo, 0f);
                        int in = plane + (ih - from) * w - padLeft + si * dilationW;
                        if (strideW == 1) {
                            if (hi > lo) {
                                System.arraycopy(band, in + lo, col, out + lo, hi - lo);
                            }
                        } else {
                            for (int xo = lo; xo < hi; xo++) {
                                col[out + xo] = band[in + xo * strideW];
                            }
                        }
                        Arrays.fill(col, out + hi, out + xb, 0f);
                    }
                }
            }
        }
    }

    /**
     * Adds every entry of {@code col} (outputs {@code [p0, p1)}, as {@link #unfold} lays them out)
     * to the input cell it came from, in {@code band} (input rows {@code [from, to)}, zeroed here
     * first); entries of padded cells are dropped. {@code col} is the native block the GEMM of
     * backward data wrote: a heap segment in its place would put a second segment class into the
     * JVM-wide type profile of the Vector API's segment accesses, and C2 then compiles every
     * kernel's loads and stores as mixed heap/native accesses (see {@link GemmConv2dPlan}).
     */
    void fold(MemorySegment col, int channels, int p0, int p1, float[] band, int from, int to) {
        int block = p1 - p0;
        int bandRows = to - from;
        int y0 = p0 / ow;
        int y1 = (p1 - 1) / ow;
        Arrays.fill(band, 0, channels * bandRows * w, 0f);
        for (int c = 0; c < channels; c++) {
            int plane = c * bandRows * w;
            for (int ri = 0; ri < r; ri++) {
                for (int si = 0; si < s; si++) {
                    int row = ((c * r + ri) * s + si) * block - p0;
                    int first = firstColumn(si);
                    int end = endColumn(si);
                    if (end <= first) {
                        continue;
                    }
                    for (int y = y0; y <= y1; y++) {
                        int ih = y * strideH - padTop + ri * dilationH;
                        if (ih < 0 || ih >= h) {
                            continue;
                        }
                        int lo = Math.clamp(first, y == y0 ? p0 - y * ow : 0, ow);
                        int hi = Math.min(end, y == y1 ? p1 - y * ow : ow);
                        if (hi <= lo) {
                            continue;
                        }
                        int out = row + y * ow;
                        int in = plane + (ih - from) * w - padLeft + si * dilationW;
                        if (strideW == 1) {
                            addRun(band, in + lo, col, out + lo, hi - lo);
                        } else {
                            for (int xo = lo; xo < hi; xo++) {
                                band[in + xo * strideW] += col.getAtIndex(FLOAT, out + xo);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Writes a folded band back: copies it to {@code dx + dxOffset} when it is the whole image,
     * else adds it there (bands of neighbouring blocks overlap, and {@code dx} was zeroed first).
     */
    void storeBand(float[] band, int channels, int from, int to, MemorySegment dx, long dxOffset) {
        int rows = to - from;
        if (rows == h) {
            MemorySegment.copy(band, 0, dx, FLOAT, dxOffset * Float.BYTES, channels * h * w);
            return;
        }
        for (int c = 0; c < channels; c++) {
            SegmentVectors.addArray(dx, dxOffset + (long) c * h * w + (long) from * w, band, c * rows * w, rows * w);
        }
    }

    /** {@code dst[d..d+length) += src[s..s+length)}, whole vectors then a scalar tail. */
    private static void addRun(float[] dst, int d, MemorySegment src, long s, int length) {
        int i = 0;
        for (int whole = SegmentVectors.SPECIES.loopBound(length); i < whole; i += SegmentVectors.LANES) {
            FloatVector.fromArray(SegmentVectors.SPECIES, dst, d + i)
                    .add(SegmentVectors.load(src, s + i))
                    .intoArray(dst, d + i);
        }
        for (; i < length; i++) {
            dst[d + i] += src.getAtIndex(FLOAT, s + i);
        }
    }
}
