package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;
import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

import dev.jdnn.Activation;
import dev.jdnn.Conv2d;
import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;

/**
 * The forward pass of an unpadded, unit-width-stride convolution with few filters (LeNet's 6→16
 * 5x5 on 14x14) with vectors along the output channels: {@link #TILE} output pixels of one row
 * keep one accumulator each (a vector of filters), and every input {@code d = (c, kh, kw)} loads
 * one vector of weights and broadcasts the {@link #TILE} input cells under it. Nothing is unfolded
 * and no lane is idle when the filters fill whole vectors: lenet_c2's rows are 10 wide, and
 * {@link FilterBankCorrelation}, with vectors along the rows, left 6 of 16 lanes idle in every
 * fused multiply-add (0.55 ms per call at 1 thread, AVX-512, against oneDNN's 0.17); unfolding
 * pixel panels for a GEMM over the batch cost three times its product.
 *
 * <p>A row narrower than a whole number of tiles ends with a tile that overlaps the one before
 * (the shared pixels are computed twice, with the same bits). Each image's results, pixel by
 * pixel, are turned into channel planes in a heap array and leave in one bulk copy. Sums run in
 * input order, the same for every thread count.
 */
final class ChannelVectorConvolution {
    /** Output pixels per pass over the inputs: each loaded weight vector feeds this many fused multiply-adds. */
    static final int TILE = 10;

    private final int k;
    /** Filters rounded up to whole vectors. */
    private final int kPad;
    private final int depth;
    private final int pixels;
    private final int imageFloats;
    private final int[] depthOffsets;
    /** Kernels 5 wide with dilation 1: where each kernel row {@code (c, kh)} starts in the image; else null. */
    private final int[] rowOffsets;
    /** Per tile of an image: where its first pixel's top-left tap is in the image, and its first pixel. */
    private final int[] tileCells;
    private final int[] tilePixels;
    /** Weights as the kernel reads them: {@code [depth][kPad]}, zero past {@code k}. */
    private final float[] weights;
    private final float[] bias;
    /** Per worker: one image as it is in memory. */
    private final float[][] staged;
    /** Per worker: one image's results, {@code [pixels][kPad]}. */
    private final float[][] byPixel;
    /** Per worker: one image's results as channel planes, {@code [k][pixels]}. */
    private final float[][] byChannel;
    private final Activation activation;

    /**
     * Whether {@code g}'s forward pass can take this kernel: one group, no padding, width stride 1,
     * rows of a tile or more.
     */
    static boolean suits(ConvGeometry g) {
        Conv2d op = g.op();
        return g.groups() == 1 && op.padding().isNone() && op.strideW() == 1 && g.ow() >= TILE && g.k() >= 8
                && (long) g.c() * g.taps() * roundUp(g.k(), LANES) <= 1 << 20;
    }

    /** For {@code g} (which must {@link #suits}) on {@code workers} workers. */
    ChannelVectorConvolution(ConvGeometry g, int workers) {
        Conv2d op = g.op();
        this.k = g.k();
        this.kPad = roundUp(k, LANES);
        this.depth = g.c() * g.taps();
        this.pixels = g.pixels();
        this.imageFloats = g.c() * g.cells();
        this.depthOffsets = new int[depth];
        for (int c = 0; c < g.c(); c++) {
            for (int ri = 0; ri < op.kernelH(); ri++) {
                for (int si = 0; si < op.kernelW(); si++) {
                    depthOffsets[(c * op.kernelH() + ri) * op.kernelW() + si] = c * g.cells()
                            + ri * op.dilationH() * g.w() + si * op.dilationW();
                }
            }
        }
        boolean fiveWide = op.kernelW() == 5 && op.dilationW() == 1;
        this.rowOffsets = fiveWide ? new int[g.c() * op.kernelH()] : null;
        for (int r = 0; fiveWide && r < rowOffsets.length; r++) {
            rowOffsets[r] = depthOffsets[5 * r];
        }
        int perRow = (g.ow() + TILE - 1) / TILE;
        this.tileCells = new int[g.oh() * perRow];
        this.tilePixels = new int[tileCells.length];
        for (int row = 0; row < g.oh(); row++) {
            for (int t = 0; t < perRow; t++) {
                int column = Math.min(t * TILE, g.ow() - TILE);
                tileCells[row * perRow + t] = row * op.strideH() * g.w() + column;
                tilePixels[row * perRow + t] = row * g.ow() + column;
            }
        }
        this.weights = new float[depth * kPad];
        this.bias = new float[kPad];
        this.staged = new float[workers][imageFloats];
        this.byPixel = new float[workers][pixels * kPad];
        this.byChannel = new float[workers][k * pixels];
        this.activation = op.activation();
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    /** Takes this call's weights ({@code [k][depth]}) and bias ({@code k} floats, or null for none). */
    void setWeights(float[] filters, float[] biasValues) {
        for (int f = 0; f < kPad; f++) {
            for (int d = 0; d < depth; d++) {
                weights[d * kPad + f] = f < k ? filters[f * depth + d] : 0f;
            }
            bias[f] = biasValues != null && f < k ? biasValues[f] : 0f;
        }
    }

    /** Computes images {@code [from, to)} of {@code y} from {@code x} with worker {@code member}'s buffers. */
    void forward(int member, MemorySegment x, MemorySegment y, int from, int to) {
        float[] image = staged[member];
        float[] result = byPixel[member];
        float[] planes = byChannel[member];
        for (int n = from; n < to; n++) {
            MemorySegment.copy(x, FLOAT, (long) n * imageFloats * Float.BYTES, image, 0, imageFloats);
            for (int f = 0; f < kPad; f += LANES) {
                if (rowOffsets != null) {
                    for (int t = 0; t < tileCells.length; t++) {
                        tileFiveWide(image, tileCells[t], rowOffsets, rowOffsets.length, weights, f, kPad, bias,
                                result, tilePixels[t] * kPad + f);
                    }
                } else {
                    for (int t = 0; t < tileCells.length; t++) {
                        tile(image, tileCells[t], depthOffsets, depth, weights, f, kPad, bias, result,
                                tilePixels[t] * kPad + f);
                    }
                }
            }
            if (activation != null) {
                activate(activation, result);
            }
            transpose(result, planes);
            MemorySegment.copy(planes, 0, y, FLOAT, (long) n * k * pixels * Float.BYTES, k * pixels);
        }
    }

    /**
     * {@code target[at + i·stride + lane] = bias[w + lane] + Σ_d weights[w + d·stride + lane] ·
     * image[cell + offsets[d] + i]} for the {@link #TILE} pixels {@code i} of a tile. (The bias
     * comes as an array: a vector argument of a method not inlined has no known shape, and C2 then
     * runs every vector operation on it through the library's Java fallback.)
     */
    static void tile(float[] image, int cell, int[] offsets, int depth, float[] weights, int w, int stride,
            float[] biases, float[] target, int at) {
        FloatVector bias = FloatVector.fromArray(SPECIES, biases, w);
        FloatVector a0 = bias;
        FloatVector a1 = bias;
        FloatVector a2 = bias;
        FloatVector a3 = bias;
        FloatVector a4 = bias;
        FloatVector a5 = bias;
        FloatVector a6 = bias;
        FloatVector a7 = bias;
        FloatVector a8 = bias;
        FloatVector a9 = bias;
        for (int d = 0; d < depth; d++) {
            FloatVector v = FloatVector.fromArray(SPECIES, weights, w + d * stride);
            int i = cell + offsets[d];
            a0 = FloatVector.broadcast(SPECIES, image[i]).fma(v, a0);
            a1 = FloatVector.broadcast(SPECIES, image[i + 1]).fma(v, a1);
            a2 = FloatVector.broadcast(SPECIES, image[i + 2]).fma(v, a2);
            a3 = FloatVector.broadcast(SPECIES, image[i + 3]).fma(v, a3);
            a4 = FloatVector.broadcast(SPECIES, image[i + 4]).fma(v, a4);
            a5 = FloatVector.broadcast(SPECIES, image[i + 5]).fma(v, a5);
            a6 = FloatVector.broadcast(SPECIES, image[i + 6]).fma(v, a6);
            a7 = FloatVector.broadcast(SPECIES, image[i + 7]).fma(v, a7);
            a8 = FloatVector.broadcast(SPECIES, image[i + 8]).fma(v, a8);
            a9 = FloatVector.broadcast(SPECIES, image[i + 9]).fma(v, a9);
        }
        a0.intoArray(target, at);
        a1.intoArray(target, at + stride);
        a2.intoArray(target, at + 2 * stride);
        a3.intoArray(target, at + 3 * stride);
        a4.intoArray(target, at + 4 * stride);
        a5.intoArray(target, at + 5 * stride);
        a6.intoArray(target, at + 6 * stride);
        a7.intoArray(target, at + 7 * stride);
        a8.intoArray(target, at + 8 * stride);
        a9.intoArray(target, at + 9 * stride);
    }

    /**
     * {@link #tile} for kernels 5 wide (dilation 1), as LeNet's and the CIFAR model's: per row
     * {@code (c, kh)} of the kernel the five weight vectors stay in registers and each of the 14
     * input cells under the tile is broadcast once for the up to five pixels it meets, so a
     * load feeds 2.6 fused multiply-adds instead of one. Each pixel's terms still come in input
     * order, so the bits are {@link #tile}'s. {@code rowOffsets[r]} is where kernel row {@code r}
     * (input {@code d = 5r + kw}) starts in the image.
     */
    static void tileFiveWide(float[] image, int cell, int[] rowOffsets, int kernelRows, float[] weights, int w,
            int stride, float[] biases, float[] target, int at) {
        FloatVector bias = FloatVector.fromArray(SPECIES, biases, w);
        FloatVector a0 = bias;
        FloatVector a1 = bias;
        FloatVector a2 = bias;
        FloatVector a3 = bias;
        FloatVector a4 = bias;
        FloatVector a5 = bias;
        FloatVector a6 = bias;
        FloatVector a7 = bias;
        FloatVector a8 = bias;
        FloatVector a9 = bias;
        for (int r = 0; r < kernelRows; r++) {
            int wr = w + 5 * r * stride;
            FloatVector w0 = FloatVector.fromArray(SPECIES, weights, wr);
            FloatVector w1 = FloatVector.fromArray(SPECIES, weights, wr + 1 * stride);
            FloatVector w2 = FloatVector.fromArray(SPECIES, weights, wr + 2 * stride);
            FloatVector w3 = FloatVector.fromArray(SPECIES, weights, wr + 3 * stride);
            FloatVector w4 = FloatVector.fromArray(SPECIES, weights, wr + 4 * stride);
            int i = cell + rowOffsets[r];
            FloatVector x;
            x = FloatVector.broadcast(SPECIES, image[i]);
            a0 = x.fma(w0, a0);
            x = FloatVector.broadcast(SPECIES, image[i + 1]);
            a0 = x.fma(w1, a0);
            a1 = x.fma(w0, a1);
            x = FloatVector.broadcast(SPECIES, image[i + 2]);
            a0 = x.fma(w2, a0);
            a1 = x.fma(w1, a1);
            a2 = x.fma(w0, a2);
            x = FloatVector.broadcast(SPECIES, image[i + 3]);
            a0 = x.fma(w3, a0);
            a1 = x.fma(w2, a1);
            a2 = x.fma(w1, a2);
            a3 = x.fma(w0, a3);
            x = FloatVector.broadcast(SPECIES, image[i + 4]);
            a0 = x.fma(w4, a0);
            a1 = x.fma(w3, a1);
            a2 = x.fma(w2, a2);
            a3 = x.fma(w1, a3);
            a4 = x.fma(w0, a4);
            x = FloatVector.broadcast(SPECIES, image[i + 5]);
            a1 = x.fma(w4, a1);
            a2 = x.fma(w3, a2);
            a3 = x.fma(w2, a3);
            a4 = x.fma(w1, a4);
            a5 = x.fma(w0, a5);
            x = FloatVector.broadcast(SPECIES, image[i + 6]);
            a2 = x.fma(w4, a2);
            a3 = x.fma(w3, a3);
            a4 = x.fma(w2, a4);
            a5 = x.fma(w1, a5);
            a6 = x.fma(w0, a6);
            x = FloatVector.broadcast(SPECIES, image[i + 7]);
            a3 = x.fma(w4, a3);
            a4 = x.fma(w3, a4);
            a5 = x.fma(w2, a5);
            a6 = x.fma(w1, a6);
            a7 = x.fma(w0, a7);
            x = FloatVector.broadcast(SPECIES, image[i + 8]);
            a4 = x.fma(w4, a4);
            a5 = x.fma(w3, a5);
            a6 = x.fma(w2, a6);
            a7 = x.fma(w1, a7);
            a8 = x.fma(w0, a8);
            x = FloatVector.broadcast(SPECIES, image[i + 9]);
            a5 = x.fma(w4, a5);
            a6 = x.fma(w3, a6);
            a7 = x.fma(w2, a7);
            a8 = x.fma(w1, a8);
            a9 = x.fma(w0, a9);
            x = FloatVector.broadcast(SPECIES, image[i + 10]);
            a6 = x.fma(w4, a6);
            a7 = x.fma(w3, a7);
            a8 = x.fma(w2, a8);
            a9 = x.fma(w1, a9);
            x = FloatVector.broadcast(SPECIES, image[i + 11]);
            a7 = x.fma(w4, a7);
            a8 = x.fma(w3, a8);
            a9 = x.fma(w2, a9);
            x = FloatVector.broadcast(SPECIES, image[i + 12]);
            a8 = x.fma(w4, a8);
            a9 = x.fma(w3, a9);
            x = FloatVector.broadcast(SPECIES, image[i + 13]);
            a9 = x.fma(w4, a9);
        }
        a0.intoArray(target, at);
        a1.intoArray(target, at + stride);
        a2.intoArray(target, at + 2 * stride);
        a3.intoArray(target, at + 3 * stride);
        a4.intoArray(target, at + 4 * stride);
        a5.intoArray(target, at + 5 * stride);
        a6.intoArray(target, at + 6 * stride);
        a7.intoArray(target, at + 7 * stride);
        a8.intoArray(target, at + 8 * stride);
        a9.intoArray(target, at + 9 * stride);
    }

    private static void activate(Activation a, float[] values) {
        for (int i = 0; i < values.length; i += LANES) {
            ActivationKernels.apply(a, FloatVector.fromArray(SPECIES, values, i)).intoArray(values, i);
        }
    }

    /** {@code planes[f·pixels + p] = byPixel[p·kPad + f]} for the real filters {@code f < k}. */
    private void transpose(float[] byPixel, float[] planes) {
        for (int f = 0; f < k; f++) {
            int row = f * pixels;
            for (int p = 0; p < pixels; p++) {
                planes[row + p] = byPixel[p * kPad + f];
            }
        }
    }
}
