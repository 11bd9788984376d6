package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;
import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

import dev.jdnn.Conv2d;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * Backward weights of an unpadded, stride-1 convolution 5 wide with few filters (LeNet's 6→16
 * 5x5 on 14x14, NCHW) with vectors along the filters, as {@link ChannelVectorConvolution} does
 * the forward pass: {@code dW[:, c, r, s] += Σ_pixels dy[:, pixel] · x[c, pixel + (r, s)]}. Each
 * image's dy is turned into one row of filters per output pixel ({@code [pixels][kPad]}); for a
 * kernel row {@code (c, r)} and a tile of {@link #TILE} pixels of an output row, the ten dy
 * vectors and the five accumulators of {@code s = 0..4} stay in registers and each of the 14 input
 * cells under the tile is broadcast once, for up to five multiply-adds. No lane is idle when the
 * filters fill whole vectors; {@link DotProductWeightGradient}, with vectors along the pixels,
 * gathered shifted copies of x and dy per block and reduced lanes per weight (0.48 of oneDNN's
 * throughput on lenet_c2 at 1 thread, AVX-512). Measured (JMH, AVX-512, Zen 5): lenet_c2 at batch
 * 64 went from 0.537 to 0.413 ms per call at 1 thread and from 0.372 to 0.262 at 2 threads.
 *
 * <p>Accuracy as {@link DotProductWeightGradient}'s: a float accumulator only ever sums
 * {@link #SUM_TERMS} or fewer terms (the pixels of a few output rows of one image, in pixel
 * order) before it is handed over to the chunk's {@code double}s, in a fixed order. Images are
 * cut into {@link WorkerPool#chunksFor} chunks, the chunks' doubles are added in chunk order and
 * rounded to float once, so the bits depend on the thread count only. Nothing is padded inside a
 * sum (no zero meets a non-finite value that naive would not multiply), so non-finite values
 * need no other path. The bias gradient is summed per image while dy is in cache, as
 * {@link VectorConv2dPlan#biasGradient} does.
 */
final class ChannelVectorWeightGradient {
    /** Output pixels per pass over a kernel row: one row of dy vectors per pixel stays in registers. */
    static final int TILE = 10;
    /** Kernel width this kernel unrolls. */
    static final int WIDTH = 5;
    /** Most terms a float accumulator sums before it moves into a double (about what a lane of {@link DotProductWeightGradient} sums). */
    static final int SUM_TERMS = 50;

    private final ConvGeometry g;
    private final WorkerPool pool;
    private final int k;
    private final int kPad;
    /** Kernel rows {@code (c, r)}, and weights per filter ({@code c·r·5}). */
    private final int kernelRows;
    private final int depth;
    private final int rowsPerSum;
    private final int sumGroups;
    private final int chunks;
    private final int imageFloats;
    private final int gradientFloats;
    /** Per member: one image of x as it is in memory. */
    private final float[][] images;
    /** Per member: one image of dy as it is in memory. */
    private final float[][] gradients;
    /** Per member: one image of dy by pixel, {@code [pixels][kPad]}, zero past {@code k}. */
    private final float[][] byPixel;
    /** Per member: one image's float sums, {@code [sum group][depth][kPad]}. */
    private final float[][] sums;
    /** Per chunk: its images' sums, {@code [depth][kPad]}. */
    private final double[][] partials;
    /** Per image and filter: the sum of dy over the pixels (the bias gradient's terms). */
    private final float[] channelSums;
    private final WorkerPool.Chunks chunkJob = this::chunk;

    private MemorySegment x;
    private MemorySegment dy;

    /**
     * Whether {@code g}'s backward weights can take this kernel: one group, no padding, strides and
     * dilations 1, kernels 5 wide, output rows a whole number of tiles, eight filters or more.
     */
    static boolean suits(ConvGeometry g) {
        Conv2d op = g.op();
        return g.groups() == 1 && op.padding().isNone() && op.strideH() == 1 && op.strideW() == 1
                && op.dilationH() == 1 && op.dilationW() == 1 && op.kernelW() == WIDTH && g.ow() % TILE == 0
                && g.k() >= 8 && (long) g.c() * g.taps() * roundUp(g.k(), LANES) <= 1 << 16
                && (long) g.n() * g.k() <= GemmConv2dPlan.MAX_ARRAY
                && (long) g.c() * g.cells() <= 1 << 20 && (long) g.pixels() * roundUp(g.k(), LANES) <= 1 << 20;
    }

    /** For {@code g} (which must {@link #suits}) on {@code pool}. */
    ChannelVectorWeightGradient(ConvGeometry g, WorkerPool pool) {
        this.g = g;
        this.pool = pool;
        this.k = g.k();
        this.kPad = roundUp(k, LANES);
        this.kernelRows = g.c() * g.op().kernelH();
        this.depth = kernelRows * WIDTH;
        this.rowsPerSum = Math.max(1, SUM_TERMS / g.ow());
        this.sumGroups = (g.oh() + rowsPerSum - 1) / rowsPerSum;
        this.chunks = pool.chunksFor(g.n());
        this.imageFloats = g.c() * g.cells();
        this.gradientFloats = k * g.pixels();
        int members = pool.size();
        this.images = new float[members][imageFloats];
        this.gradients = new float[members][gradientFloats];
        this.byPixel = new float[members][g.pixels() * kPad];
        this.sums = new float[members][sumGroups * depth * kPad];
        this.partials = new double[chunks][depth * kPad];
        this.channelSums = new float[g.n() * k];
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    /** {@code dw = Σ dy ⋆ x} and, when {@code db} is not null, {@code db[k] = Σ dy[.][k]}. */
    void backwardWeights(MemorySegment x, MemorySegment dy, MemorySegment dw, MemorySegment db) {
        this.x = x;
        this.dy = dy;
        try {
            pool.run(chunkJob, chunks);
        } finally {
            this.x = null;
            this.dy = null;
        }
        sumChunks(dw);
        if (db != null) {
            biasFromChannelSums(db);
        }
    }

    /** As {@link VectorConv2dPlan#biasGradient}: per image a float sum, across images a double, in image order. */
    private void biasFromChannelSums(MemorySegment db) {
        for (int f = 0; f < k; f++) {
            double sum = 0;
            for (int image = 0; image < g.n(); image++) {
                sum += channelSums[image * k + f];
            }
            db.setAtIndex(FLOAT, f, (float) sum);
        }
    }

    /** The chunks' doubles added in chunk order, rounded to float once, into {@code dw[k][depth]}. */
    private void sumChunks(MemorySegment dw) {
        for (int f = 0; f < k; f++) {
            for (int d = 0; d < depth; d++) {
                double total = 0;
                for (int chunk = 0; chunk < chunks; chunk++) {
                    total += partials[chunk][d * kPad + f];
                }
                dw.setAtIndex(FLOAT, (long) f * depth + d, (float) total);
            }
        }
    }

    private void chunk(int member, int chunk, int count) {
        MemorySegment xs = x;
        MemorySegment dys = dy;
        float[] image = images[member];
        float[] staged = gradients[member];
        float[] pixelRows = byPixel[member];
        float[] imageSums = sums[member];
        double[] partial = partials[chunk];
        Arrays.fill(partial, 0.0);
        int from = WorkerPool.start(g.n(), chunk, count);
        int to = WorkerPool.start(g.n(), chunk + 1, count);
        int w = g.w();
        int ow = g.ow();
        int tiles = ow / TILE;
        for (int n = from; n < to; n++) {
            MemorySegment.copy(xs, FLOAT, (long) n * imageFloats * Float.BYTES, image, 0, imageFloats);
            MemorySegment.copy(dys, FLOAT, (long) n * gradientFloats * Float.BYTES, staged, 0, gradientFloats);
            sumChannels(dys, n);
            byPixel(staged, pixelRows);
            for (int f = 0; f < kPad; f += LANES) {
                for (int group = 0; group < sumGroups; group++) {
                    int oy = group * rowsPerSum;
                    int rows = Math.min(rowsPerSum, g.oh() - oy);
                    int dyAt = oy * ow * kPad + f;
                    int sumsAt = group * depth * kPad + f;
                    int kr = 0;
                    for (; kr + 1 < kernelRows; kr += 2) {
                        fiveWidePair(image, rowCell(kr, oy), rowCell(kr + 1, oy), w, rows, tiles, pixelRows, dyAt,
                                kPad, imageSums, sumsAt + kr * WIDTH * kPad, sumsAt + (kr + 1) * WIDTH * kPad);
                    }
                    if (kr < kernelRows) {
                        fiveWide(image, rowCell(kr, oy), w, rows, tiles, pixelRows, dyAt, kPad, imageSums,
                                sumsAt + kr * WIDTH * kPad);
                    }
                }
            }
            handOver(imageSums, partial);
        }
    }

    /** Where kernel row {@code kr = (c, r)} meets output row {@code oy} in an image: {@code x[c][oy + r][0]}. */
    private int rowCell(int kr, int oy) {
        int kernelH = g.op().kernelH();
        int c = kr / kernelH;
        return c * g.cells() + (oy + kr - c * kernelH) * g.w();
    }

    /** One image's float sums into the chunk's doubles, sum group by sum group. */
    private void handOver(float[] imageSums, double[] partial) {
        int length = partial.length;
        for (int group = 0; group < sumGroups; group++) {
            int at = group * length;
            for (int i = 0; i < length; i++) {
                partial[i] += imageSums[at + i];
            }
        }
    }

    /**
     * Per filter, the float sum of image {@code n}'s dy (as {@link SegmentVectors#sum} orders it),
     * read from the native dy itself: a heap array wrapped as a segment here would make the Vector
     * API's JVM-wide segment profile mixed heap/native and slow every kernel's accesses (see
     * {@link GemmConv2dPlan}).
     */
    private void sumChannels(MemorySegment dys, int n) {
        int pixels = g.pixels();
        long image = (long) n * gradientFloats;
        for (int f = 0; f < k; f++) {
            channelSums[n * k + f] = SegmentVectors.sum(dys, image + (long) f * pixels, pixels);
        }
    }

    /** {@code rows[p·kPad + f] = staged[f·pixels + p]} for the real filters (the rest stays zero). */
    private void byPixel(float[] staged, float[] rows) {
        int pixels = g.pixels();
        for (int f = 0; f < k; f++) {
            int from = f * pixels;
            for (int p = 0; p < pixels; p++) {
                rows[p * kPad + f] = staged[from + p];
            }
        }
    }

    /**
     * {@code sums[at + s·stride + lane] = Σ_{y < rows, ox} dy[dyAt + (y·ow + ox)·stride + lane] ·
     * image[cell + y·w + ox + s]} for {@code s < 5} and the {@code ow = tiles·10} pixels of each row,
     * in pixel order. Vectors stay in locals (a vector argument of a method not inlined has no
     * known shape, and C2 then runs it through the library's Java fallback).
     */
    static void fiveWide(float[] image, int cell, int w, int rows, int tiles, float[] dy, int dyAt, int stride,
            float[] sums, int at) {
        FloatVector a0 = FloatVector.zero(SPECIES);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        FloatVector a4 = a0;
        int ow = tiles * TILE;
        for (int y = 0; y < rows; y++) {
            for (int t = 0; t < tiles; t++) {
                int i = cell + y * w + t * TILE;
                int d = dyAt + (y * ow + t * TILE) * stride;
                FloatVector d0 = FloatVector.fromArray(SPECIES, dy, d);
                FloatVector d1 = FloatVector.fromArray(SPECIES, dy, d + stride);
                FloatVector d2 = FloatVector.fromArray(SPECIES, dy, d + 2 * stride);
                FloatVector d3 = FloatVector.fromArray(SPECIES, dy, d + 3 * stride);
                FloatVector d4 = FloatVector.fromArray(SPECIES, dy, d + 4 * stride);
                FloatVector d5 = FloatVector.fromArray(SPECIES, dy, d + 5 * stride);
                FloatVector d6 = FloatVector.fromArray(SPECIES, dy, d + 6 * stride);
                FloatVector d7 = FloatVector.fromArray(SPECIES, dy, d + 7 * stride);
                FloatVector d8 = FloatVector.fromArray(SPECIES, dy, d + 8 * stride);
                FloatVector d9 = FloatVector.fromArray(SPECIES, dy, d + 9 * stride);
                FloatVector x;
                x = FloatVector.broadcast(SPECIES, image[i]);
                a0 = d0.fma(x, a0);
                x = FloatVector.broadcast(SPECIES, image[i + 1]);
                a0 = d1.fma(x, a0);
                a1 = d0.fma(x, a1);
                x = FloatVector.broadcast(SPECIES, image[i + 2]);
                a0 = d2.fma(x, a0);
                a1 = d1.fma(x, a1);
                a2 = d0.fma(x, a2);
                x = FloatVector.broadcast(SPECIES, image[i + 3]);
                a0 = d3.fma(x, a0);
                a1 = d2.fma(x, a1);
                a2 = d1.fma(x, a2);
                a3 = d0.fma(x, a3);
                x = FloatVector.broadcast(SPECIES, image[i + 4]);
                a0 = d4.fma(x, a0);
                a1 = d3.fma(x, a1);
                a2 = d2.fma(x, a2);
                a3 = d1.fma(x, a3);
                a4 = d0.fma(x, a4);
                x = FloatVector.broadcast(SPECIES, image[i + 5]);
                a0 = d5.fma(x, a0);
                a1 = d4.fma(x, a1);
                a2 = d3.fma(x, a2);
                a3 = d2.fma(x, a3);
                a4 = d1.fma(x, a4);
                x = FloatVector.broadcast(SPECIES, image[i + 6]);
                a0 = d6.fma(x, a0);
                a1 = d5.fma(x, a1);
                a2 = d4.fma(x, a2);
                a3 = d3.fma(x, a3);
                a4 = d2.fma(x, a4);
                x = FloatVector.broadcast(SPECIES, image[i + 7]);
                a0 = d7.fma(x, a0);
                a1 = d6.fma(x, a1);
                a2 = d5.fma(x, a2);
                a3 = d4.fma(x, a3);
                a4 = d3.fma(x, a4);
                x = FloatVector.broadcast(SPECIES, image[i + 8]);
                a0 = d8.fma(x, a0);
                a1 = d7.fma(x, a1);
                a2 = d6.fma(x, a2);
                a3 = d5.fma(x, a3);
                a4 = d4.fma(x, a4);
                x = FloatVector.broadcast(SPECIES, image[i + 9]);
                a0 = d9.fma(x, a0);
                a1 = d8.fma(x, a1);
                a2 = d7.fma(x, a2);
                a3 = d6.fma(x, a3);
                a4 = d5.fma(x, a4);
                x = FloatVector.broadcast(SPECIES, image[i + 10]);
                a1 = d9.fma(x, a1);
                a2 = d8.fma(x, a2);
                a3 = d7.fma(x, a3);
                a4 = d6.fma(x, a4);
                x = FloatVector.broadcast(SPECIES, image[i + 11]);
                a2 = d9.fma(x, a2);
                a3 = d8.fma(x, a3);
                a4 = d7.fma(x, a4);
                x = FloatVector.broadcast(SPECIES, image[i + 12]);
                a3 = d9.fma(x, a3);
                a4 = d8.fma(x, a4);
                x = FloatVector.broadcast(SPECIES, image[i + 13]);
                a4 = d9.fma(x, a4);
            }
        }
        a0.intoArray(sums, at);
        a1.intoArray(sums, at + stride);
        a2.intoArray(sums, at + 2 * stride);
        a3.intoArray(sums, at + 3 * stride);
        a4.intoArray(sums, at + 4 * stride);
    }

    /**
     * {@link #fiveWide} for two kernel rows at once, the second at {@code cell1} with its sums at
     * {@code at1}: the ten dy vectors feed both, and ten independent accumulators hide the latency
     * of the fused multiply-adds (five chains alone waited on it: ~80 GFLOP/s at 1 thread, AVX-512).
     * Each sum's terms come in the same order as in {@link #fiveWide}, so the bits are its bits.
     */
    static void fiveWidePair(float[] image, int cell0, int cell1, int w, int rows, int tiles, float[] dy, int dyAt,
            int stride, float[] sums, int at0, int at1) {
        FloatVector a0 = FloatVector.zero(SPECIES);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        FloatVector a4 = a0;
        FloatVector b0 = a0;
        FloatVector b1 = a0;
        FloatVector b2 = a0;
        FloatVector b3 = a0;
        FloatVector b4 = a0;
        int ow = tiles * TILE;
        for (int y = 0; y < rows; y++) {
            for (int t = 0; t < tiles; t++) {
                int i = cell0 + y * w + t * TILE;
                int e = cell1 + y * w + t * TILE;
                int d = dyAt + (y * ow + t * TILE) * stride;
                FloatVector d0 = FloatVector.fromArray(SPECIES, dy, d);
                FloatVector d1 = FloatVector.fromArray(SPECIES, dy, d + stride);
                FloatVector d2 = FloatVector.fromArray(SPECIES, dy, d + 2 * stride);
                FloatVector d3 = FloatVector.fromArray(SPECIES, dy, d + 3 * stride);
                FloatVector d4 = FloatVector.fromArray(SPECIES, dy, d + 4 * stride);
                FloatVector d5 = FloatVector.fromArray(SPECIES, dy, d + 5 * stride);
                FloatVector d6 = FloatVector.fromArray(SPECIES, dy, d + 6 * stride);
                FloatVector d7 = FloatVector.fromArray(SPECIES, dy, d + 7 * stride);
                FloatVector d8 = FloatVector.fromArray(SPECIES, dy, d + 8 * stride);
                FloatVector d9 = FloatVector.fromArray(SPECIES, dy, d + 9 * stride);
                FloatVector x;
                FloatVector z;
                x = FloatVector.broadcast(SPECIES, image[i]);
                z = FloatVector.broadcast(SPECIES, image[e]);
                a0 = d0.fma(x, a0);
                b0 = d0.fma(z, b0);
                x = FloatVector.broadcast(SPECIES, image[i + 1]);
                z = FloatVector.broadcast(SPECIES, image[e + 1]);
                a0 = d1.fma(x, a0);
                b0 = d1.fma(z, b0);
                a1 = d0.fma(x, a1);
                b1 = d0.fma(z, b1);
                x = FloatVector.broadcast(SPECIES, image[i + 2]);
                z = FloatVector.broadcast(SPECIES, image[e + 2]);
                a0 = d2.fma(x, a0);
                b0 = d2.fma(z, b0);
                a1 = d1.fma(x, a1);
                b1 = d1.fma(z, b1);
                a2 = d0.fma(x, a2);
                b2 = d0.fma(z, b2);
                x = FloatVector.broadcast(SPECIES, image[i + 3]);
                z = FloatVector.broadcast(SPECIES, image[e + 3]);
                a0 = d3.fma(x, a0);
                b0 = d3.fma(z, b0);
                a1 = d2.fma(x, a1);
                b1 = d2.fma(z, b1);
                a2 = d1.fma(x, a2);
                b2 = d1.fma(z, b2);
                a3 = d0.fma(x, a3);
                b3 = d0.fma(z, b3);
                x = FloatVector.broadcast(SPECIES, image[i + 4]);
                z = FloatVector.broadcast(SPECIES, image[e + 4]);
                a0 = d4.fma(x, a0);
                b0 = d4.fma(z, b0);
                a1 = d3.fma(x, a1);
                b1 = d3.fma(z, b1);
                a2 = d2.fma(x, a2);
                b2 = d2.fma(z, b2);
                a3 = d1.fma(x, a3);
                b3 = d1.fma(z, b3);
                a4 = d0.fma(x, a4);
                b4 = d0.fma(z, b4);
                x = FloatVector.broadcast(SPECIES, image[i + 5]);
                z = FloatVector.broadcast(SPECIES, image[e + 5]);
                a0 = d5.fma(x, a0);
                b0 = d5.fma(z, b0);
                a1 = d4.fma(x, a1);
                b1 = d4.fma(z, b1);
                a2 = d3.fma(x, a2);
                b2 = d3.fma(z, b2);
                a3 = d2.fma(x, a3);
                b3 = d2.fma(z, b3);
                a4 = d1.fma(x, a4);
                b4 = d1.fma(z, b4);
                x = FloatVector.broadcast(SPECIES, image[i + 6]);
                z = FloatVector.broadcast(SPECIES, image[e + 6]);
                a0 = d6.fma(x, a0);
                b0 = d6.fma(z, b0);
                a1 = d5.fma(x, a1);
                b1 = d5.fma(z, b1);
                a2 = d4.fma(x, a2);
                b2 = d4.fma(z, b2);
                a3 = d3.fma(x, a3);
                b3 = d3.fma(z, b3);
                a4 = d2.fma(x, a4);
                b4 = d2.fma(z, b4);
                x = FloatVector.broadcast(SPECIES, image[i + 7]);
                z = FloatVector.broadcast(SPECIES, image[e + 7]);
                a0 = d7.fma(x, a0);
                b0 = d7.fma(z, b0);
                a1 = d6.fma(x, a1);
                b1 = d6.fma(z, b1);
                a2 = d5.fma(x, a2);
                b2 = d5.fma(z, b2);
                a3 = d4.fma(x, a3);
                b3 = d4.fma(z, b3);
                a4 = d3.fma(x, a4);
                b4 = d3.fma(z, b4);
                x = FloatVector.broadcast(SPECIES, image[i + 8]);
                z = FloatVector.broadcast(SPECIES, image[e + 8]);
                a0 = d8.fma(x, a0);
                b0 = d8.fma(z, b0);
                a1 = d7.fma(x, a1);
                b1 = d7.fma(z, b1);
                a2 = d6.fma(x, a2);
                b2 = d6.fma(z, b2);
                a3 = d5.fma(x, a3);
                b3 = d5.fma(z, b3);
                a4 = d4.fma(x, a4);
                b4 = d4.fma(z, b4);
                x = FloatVector.broadcast(SPECIES, image[i + 9]);
                z = FloatVector.broadcast(SPECIES, image[e + 9]);
                a0 = d9.fma(x, a0);
                b0 = d9.fma(z, b0);
                a1 = d8.fma(x, a1);
                b1 = d8.fma(z, b1);
                a2 = d7.fma(x, a2);
                b2 = d7.fma(z, b2);
                a3 = d6.fma(x, a3);
                b3 = d6.fma(z, b3);
                a4 = d5.fma(x, a4);
                b4 = d5.fma(z, b4);
                x = FloatVector.broadcast(SPECIES, image[i + 10]);
                z = FloatVector.broadcast(SPECIES, image[e + 10]);
                a1 = d9.fma(x, a1);
                b1 = d9.fma(z, b1);
                a2 = d8.fma(x, a2);
                b2 = d8.fma(z, b2);
                a3 = d7.fma(x, a3);
                b3 = d7.fma(z, b3);
                a4 = d6.fma(x, a4);
                b4 = d6.fma(z, b4);
                x = FloatVector.broadcast(SPECIES, image[i + 11]);
                z = FloatVector.broadcast(SPECIES, image[e + 11]);
                a2 = d9.fma(x, a2);
                b2 = d9.fma(z, b2);
                a3 = d8.fma(x, a3);
                b3 = d8.fma(z, b3);
                a4 = d7.fma(x, a4);
                b4 = d7.fma(z, b4);
                x = FloatVector.broadcast(SPECIES, image[i + 12]);
                z = FloatVector.broadcast(SPECIES, image[e + 12]);
                a3 = d9.fma(x, a3);
                b3 = d9.fma(z, b3);
                a4 = d8.fma(x, a4);
                b4 = d8.fma(z, b4);
                x = FloatVector.broadcast(SPECIES, image[i + 13]);
                z = FloatVector.broadcast(SPECIES, image[e + 13]);
                a4 = d9.fma(x, a4);
                b4 = d9.fma(z, b4);
            }
        }
        a0.intoArray(sums, at0);
        a1.intoArray(sums, at0 + stride);
        a2.intoArray(sums, at0 + 2 * stride);
        a3.intoArray(sums, at0 + 3 * stride);
        a4.intoArray(sums, at0 + 4 * stride);
        b0.intoArray(sums, at1);
        b1.intoArray(sums, at1 + stride);
        b2.intoArray(sums, at1 + 2 * stride);
        b3.intoArray(sums, at1 + 3 * stride);
        b4.intoArray(sums, at1 + 4 * stride);
    }
}
