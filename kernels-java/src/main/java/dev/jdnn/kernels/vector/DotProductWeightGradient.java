package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;
import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * Backward weights of a stride-1, one-group convolution with few weights (NCHW):
 * {@code dW[k][c][r][s] = Σ_{n,oy,ox} dy[n][k][oy][ox] · x[n][c][oy+r·dh-pt][ox+s·dw-pl]} as
 * dot products along the output pixels, vectors running over the pixels and four filters times
 * two taps sharing the loaded vectors, with one vector of partial sums per weight.
 *
 * <p>Why not {@code dW = dY·colᵀ} on the packed GEMM: there the column matrix is the transposed B
 * operand, gathered element by element into 64-wide panels of taps for a depth of one image's
 * pixels, and with few filters each gathered element feeds only a handful of multiply-adds
 * (lenet_c2 spent ~40% of its time gathering; cifar_c1 and vgg_c1 fill only 75 or 27 of two or one
 * 64-wide panels). Here the column matrix is never built: for each input channel {@code c} and
 * kernel column {@code s}, the block's input rows shifted left by {@code s·dw} are copied once
 * ({@code x'[c][s][y][i][ox]}, image {@code i} of the block interleaved inside each row), and then
 * the column-matrix row of tap {@code (c, r, s)} is the contiguous run of {@code x'[c][s]} from row
 * {@code r·dh}. {@code dy} is laid out the same way ({@code dy'[k][oy][i][ox]}), so each weight is
 * one dot product of two contiguous runs whose length (rows x images x ow) is a multiple of the
 * vector length wherever the image count allows it (lenet_c2: 8 images of 10x10 = 800 floats).
 *
 * <p>Counts are padded, never branched on: filters to a multiple of 4 (zero rows of {@code dy'}),
 * taps to a multiple of 2 (copies of tap 0), runs to whole vectors (zeros of {@code dy'} against
 * whatever {@code x'} holds there: real cells of x, so a block with such a tail needs x finite,
 * which {@link #backwardWeights} checks). Float lanes only ever hold one block's run (at most
 * ~{@link #TARGET_LENGTH} / lanes terms each): after every block each weight's lanes are reduced in
 * a fixed order and handed over to a {@code double} per chunk, because a float lane kept across a
 * chunk's blocks stalls on long runs (vgg_c1, batch 64 on 2 threads: ~25,000 terms per lane; see
 * {@link SegmentVectors#BLOCK}). Images are cut into {@link WorkerPool#chunksFor} chunks, the
 * chunks' doubles are added in chunk order and rounded to float once, so the bits depend on the
 * thread count only. The bias gradient is summed per image inside the
 * chunks, while {@code dy} is in cache, the same way {@link VectorConv2dPlan#biasGradient} does.
 */
final class DotProductWeightGradient {
    /** Floats of {@code dy'} per filter and block that the plan aims at: a few blocks of 4 rows stay in L1/L2. */
    static final int TARGET_LENGTH = 1024;
    /** Most weights (filters x taps) this path takes: its vector sums, 64 bytes each, stay in L2. */
    static final int MAX_WEIGHTS = 8192;
    /** Most floats of padded input images one block holds. */
    static final long MAX_PLANES = 1 << 22;

    /** Filters per block of dot products (rows of dy'). */
    private static final int BLOCK = 4;
    /** Taps per block of dot products (runs of x'). */
    private static final int TAP_BLOCK = 2;

    private final ConvGeometry g;
    private final WorkerPool pool;
    private final int r;
    private final int s;
    private final int dilationH;
    private final int dilationW;
    private final int padTop;
    private final int padLeft;
    private final int paddedH;
    private final int paddedW;
    private final int taps;
    private final int weights;
    private final int kPad;
    private final int tPad;
    /** Images per block, and output rows per block (all of them when a block has several images). */
    private final int blockImages;
    private final int blockRows;
    private final int chunks;
    /** Whether some block's run is not a whole number of vectors (then x must be finite). */
    private final boolean tails;
    private final boolean padded;

    /** Per member: the block's images, zero-bordered, {@code [i][c][paddedH][paddedW]} plus slack. */
    private final float[][] planes;
    /** Per member: the shifted rows {@code x'[c][s][y][i][ox]} plus slack. */
    private final float[][] shifted;
    /** Per member: the block's images of dy as they are in memory, plus slack. */
    private final float[][] dyStaging;
    /** Per member: {@code dy'[k][oy][i][ox]}, rows of {@link #runStride} floats. */
    private final float[][] gradients;
    private final int runStride;
    /** Per member: each (padded) tap's first float in {@link #shifted} for the current block. */
    private final int[][] tapOffsets;
    /** Per member: the current block's vector of sums per (padded) weight, {@code [k][t][lane]}. */
    private final float[][] sums;
    /** Per chunk: its blocks' sums, each block's lanes reduced and added in block order, {@code [k][c·r·s]}. */
    private final double[][] partials;
    /** Per image and filter: the sum of dy over the pixels (the bias gradient's terms). */
    private final float[] channelSums;
    /** Per member: whether one of its channel sums was not finite. */
    private final boolean[] nonFiniteSums;
    private final PaddingSkippingConvolution paddingSkipping;
    private final WorkerPool.Chunks chunkJob = this::chunk;

    private MemorySegment x;
    private MemorySegment dy;

    /** Whether the convolution of {@code g} takes this path on a pool of {@code workers}. */
    static boolean suits(ConvGeometry g, int workers) {
        var op = g.op();
        if (op.groups() != 1 || op.strideH() != 1 || op.strideW() != 1 || g.taps() == 1) {
            return false;
        }
        long weights = (long) roundUp(g.k(), BLOCK) * roundUp(g.c() * g.taps(), TAP_BLOCK);
        long paddedH = (long) g.h() + op.padding().top() + op.padding().bottom();
        long paddedW = (long) g.w() + op.padding().left() + op.padding().right();
        int images = imagesPerBlock(g.pixels(), g.n());
        return weights <= MAX_WEIGHTS && (long) images * g.c() * paddedH * paddedW <= MAX_PLANES
                && (long) g.n() * g.k() <= GemmConv2dPlan.MAX_ARRAY && (long) images * g.k() * g.pixels() <= MAX_PLANES;
    }

    /** Images per block: enough for {@link #TARGET_LENGTH} floats per run, in whole vectors where possible. */
    private static int imagesPerBlock(int pixels, int n) {
        if (pixels >= TARGET_LENGTH / 2) {
            return 1;
        }
        int images = Math.min(n, TARGET_LENGTH / pixels);
        int step = LANES / gcd(pixels, LANES);
        return images >= step ? images / step * step : images;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    DotProductWeightGradient(ConvGeometry g, WorkerPool pool) {
        this.g = g;
        this.pool = pool;
        var op = g.op();
        this.r = op.kernelH();
        this.s = op.kernelW();
        this.dilationH = op.dilationH();
        this.dilationW = op.dilationW();
        this.padTop = op.padding().top();
        this.padLeft = op.padding().left();
        this.paddedH = g.h() + padTop + op.padding().bottom();
        this.paddedW = g.w() + padLeft + op.padding().right();
        this.taps = g.c() * r * s;
        this.weights = g.k() * taps;
        this.kPad = roundUp(g.k(), BLOCK);
        this.tPad = roundUp(taps, TAP_BLOCK);
        this.blockImages = imagesPerBlock(g.pixels(), g.n());
        this.blockRows = blockImages > 1 ? g.oh() : Math.max(1, Math.min(g.oh(), TARGET_LENGTH / g.ow()));
        this.chunks = pool.chunksFor(g.n());
        this.tails = anyTail();
        this.padded = !op.padding().isNone();
        int members = pool.size();
        int bandRows = blockRows + (r - 1) * dilationH;
        int length = blockRows * blockImages * g.ow();
        this.runStride = roundUp(length, LANES);
        this.planes = new float[members][blockImages * g.c() * paddedH * paddedW + LANES];
        this.shifted = new float[members][g.c() * s * bandRows * blockImages * g.ow() + 2 * LANES];
        this.dyStaging = new float[members][blockImages > 1 ? blockImages * g.k() * g.pixels() + LANES : 0];
        this.gradients = new float[members][kPad * runStride + LANES];
        this.tapOffsets = new int[members][tPad];
        this.sums = new float[members][kPad * tPad * LANES];
        this.partials = new double[chunks][weights];
        this.channelSums = new float[g.n() * g.k()];
        this.nonFiniteSums = new boolean[members];
        this.paddingSkipping = new PaddingSkippingConvolution(g);
    }

    /** Whether a block of some chunk has a run that is not a whole number of vectors. */
    private boolean anyTail() {
        for (int chunk = 0; chunk < chunks; chunk++) {
            int from = WorkerPool.start(g.n(), chunk, chunks);
            int to = WorkerPool.start(g.n(), chunk + 1, chunks);
            for (int image = from; image < to; image += blockImages) {
                int images = Math.min(blockImages, to - image);
                for (int oy = 0; oy < g.oh(); oy += blockRows) {
                    int rows = Math.min(blockRows, g.oh() - oy);
                    if (rows * images * g.ow() % LANES != 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * {@code dw = Σ dy ⋆ x} and, when {@code db} is not null, {@code db[k] = Σ dy[.][k]}. Where the
     * padding's zeros would meet a non-finite dy, or a run's zero tail a non-finite x, the result
     * comes from {@link PaddingSkippingConvolution} instead.
     */
    void backwardWeights(MemorySegment x, MemorySegment dy, MemorySegment dw, MemorySegment db) {
        if (tails && !SegmentVectors.allFinite(x, 0, g.input().elementCount())) {
            paddingSkipping.backwardWeights(x, dy, dw);
            if (db != null) {
                sumChannelsSerially(dy);
                biasFromChannelSums(db);
            }
            return;
        }
        Arrays.fill(nonFiniteSums, false);
        this.x = x;
        this.dy = dy;
        try {
            pool.run(chunkJob, chunks);
        } finally {
            this.x = null;
            this.dy = null;
        }
        boolean nonFinite = false;
        for (boolean flag : nonFiniteSums) {
            nonFinite |= flag;
        }
        if (nonFinite && padded && !SegmentVectors.allFinite(dy, 0, g.output().elementCount())) {
            paddingSkipping.backwardWeights(x, dy, dw);
        } else {
            sumChunks(dw);
        }
        if (db != null) {
            biasFromChannelSums(db);
        }
    }

    private void sumChannelsSerially(MemorySegment dy) {
        for (int image = 0; image < g.n(); image++) {
            sumChannels(dy, image, 0);
        }
    }

    /** As {@link VectorConv2dPlan#biasGradient}: per image a float sum, across images a double, in image order. */
    private void biasFromChannelSums(MemorySegment db) {
        for (int kk = 0; kk < g.k(); kk++) {
            double sum = 0;
            for (int image = 0; image < g.n(); image++) {
                sum += channelSums[image * g.k() + kk];
            }
            db.setAtIndex(FLOAT, kk, (float) sum);
        }
    }

    private void sumChannels(MemorySegment dy, int image, int member) {
        int pixels = g.pixels();
        boolean finite = true;
        for (int kk = 0; kk < g.k(); kk++) {
            float sum = SegmentVectors.sum(dy, ((long) image * g.k() + kk) * pixels, pixels);
            channelSums[image * g.k() + kk] = sum;
            finite &= Float.isFinite(sum);
        }
        if (!finite) {
            nonFiniteSums[member] = true;
        }
    }

    /** The chunks' doubles added in chunk order, rounded to float once. */
    private void sumChunks(MemorySegment dw) {
        for (int i = 0; i < weights; i++) {
            double total = 0;
            for (int chunk = 0; chunk < chunks; chunk++) {
                total += partials[chunk][i];
            }
            dw.setAtIndex(FLOAT, i, (float) total);
        }
    }

    private void chunk(int member, int chunk, int count) {
        MemorySegment xs = x;
        MemorySegment dys = dy;
        float[] vectorSums = sums[member];
        double[] partial = partials[chunk];
        Arrays.fill(partial, 0.0);
        int from = WorkerPool.start(g.n(), chunk, count);
        int to = WorkerPool.start(g.n(), chunk + 1, count);
        for (int image = from; image < to; image += blockImages) {
            int images = Math.min(blockImages, to - image);
            for (int i = 0; i < images; i++) {
                loadPlanes(xs, image + i, i, member);
                sumChannels(dys, image + i, member);
            }
            for (int oy = 0; oy < g.oh(); oy += blockRows) {
                int rows = Math.min(blockRows, g.oh() - oy);
                int length = rows * images * g.ow();
                shiftRows(member, images, oy, rows);
                gatherGradients(dys, member, image, images, oy, rows);
                setTapOffsets(member, images, rows);
                accumulate(gradients[member], runStride, kPad, shifted[member], tapOffsets[member], tPad,
                        roundUp(length, LANES), vectorSums);
                handOver(vectorSums, partial);
            }
        }
    }

    /** Image {@code image}'s channels into slot {@code slot} of the member's zero-bordered planes. */
    private void loadPlanes(MemorySegment xs, int image, int slot, int member) {
        float[] p = planes[member];
        int planeSize = paddedH * paddedW;
        for (int c = 0; c < g.c(); c++) {
            int to = (slot * g.c() + c) * planeSize + padTop * paddedW + padLeft;
            long source = ((long) image * g.c() + c) * g.cells();
            if (paddedW == g.w()) {
                MemorySegment.copy(xs, FLOAT, source * Float.BYTES, p, to, g.cells());
                continue;
            }
            for (int row = 0; row < g.h(); row++) {
                MemorySegment.copy(xs, FLOAT, (source + (long) row * g.w()) * Float.BYTES, p, to + row * paddedW,
                        g.w());
            }
        }
    }

    /**
     * {@code x'[c][s][y][i][ox] = plane[i][c][oy0 + y][s·dw + ox]} for the block's band of rows.
     * Rows are copied in whole vectors in increasing target order: a vector's spill past its row
     * lands where a later copy writes (or in the slack), never on a finished row.
     */
    private void shiftRows(int member, int images, int oy0, int rows) {
        float[] p = planes[member];
        float[] t = shifted[member];
        int ow = g.ow();
        int band = rows + (r - 1) * dilationH;
        int rowStride = images * ow;
        int planeSize = paddedH * paddedW;
        int to = 0;
        for (int c = 0; c < g.c(); c++) {
            for (int si = 0; si < s; si++) {
                for (int y = 0; y < band; y++) {
                    int from = c * planeSize + (oy0 + y) * paddedW + si * dilationW;
                    for (int i = 0; i < images; i++) {
                        copyRow(p, from + i * g.c() * planeSize, t, to + i * ow, ow);
                    }
                    to += rowStride;
                }
            }
        }
    }

    /**
     * {@code dy'[k][y][i][ox] = dy[image + i][k][oy0 + y][ox]}, zeros from the run's end to the
     * next whole vector (a vector spilling past a row lands in a later row or in the padded filters'
     * rows, whose sums are dropped).
     */
    private void gatherGradients(MemorySegment dys, int member, int image, int images, int oy0, int rows) {
        float[] staged = dyStaging[member];
        float[] t = gradients[member];
        int ow = g.ow();
        int pixels = g.pixels();
        int rowStride = images * ow;
        int length = rows * rowStride;
        int span = rows * ow;
        if (images == 1) {
            // One run per filter: the block's rows of dy are contiguous in memory.
            for (int k = 0; k < g.k(); k++) {
                MemorySegment.copy(dys, FLOAT, (((long) image * g.k() + k) * pixels + (long) oy0 * ow) * Float.BYTES,
                        t, k * runStride, span);
            }
        } else {
            // The block's images (all their rows) in one bulk copy; rows are then copied filter by
            // filter, row by row, image by image, in increasing target order, so that each vector's
            // spill lands on a later row.
            MemorySegment.copy(dys, FLOAT, (long) image * g.k() * pixels * Float.BYTES, staged, 0,
                    images * g.k() * pixels);
            for (int k = 0; k < g.k(); k++) {
                for (int y = 0; y < rows; y++) {
                    int from = k * pixels + (oy0 + y) * ow;
                    int to = k * runStride + y * rowStride;
                    for (int i = 0; i < images; i++) {
                        copyRow(staged, from + i * g.k() * pixels, t, to + i * ow, ow);
                    }
                }
            }
        }
        int end = roundUp(length, LANES);
        for (int k = 0; k < g.k(); k++) {
            Arrays.fill(t, k * runStride + length, k * runStride + end, 0f);
        }
        // Rows of padded filters may hold spill from the last filter's row: their sums are dropped,
        // but keep them zero past it so that nothing grows without bound there.
        if (kPad > g.k()) {
            Arrays.fill(t, g.k() * runStride, kPad * runStride, 0f);
        }
    }

    /** {@code count} floats, in whole vectors (up to a vector more is written and read). */
    private static void copyRow(float[] src, int from, float[] dst, int to, int count) {
        for (int j = 0; j < count; j += LANES) {
            FloatVector.fromArray(SPECIES, src, from + j).intoArray(dst, to + j);
        }
    }

    private void setTapOffsets(int member, int images, int rows) {
        int[] offsets = tapOffsets[member];
        int rowStride = images * g.ow();
        int band = rows + (r - 1) * dilationH;
        for (int c = 0; c < g.c(); c++) {
            for (int ri = 0; ri < r; ri++) {
                for (int si = 0; si < s; si++) {
                    offsets[(c * r + ri) * s + si] = ((c * s + si) * band + ri * dilationH) * rowStride;
                }
            }
        }
        for (int t = taps; t < tPad; t++) {
            offsets[t] = offsets[0];
        }
    }

    /**
     * {@code sums[(k·tPad + t)·LANES + lane] = Σ_j a[k·lda + j] · b[offsets[t] + j]} over
     * {@code j < length} (a multiple of the vector length), in lanes {@code j mod LANES}, for every
     * {@code k < kPad} and {@code t < tPad} (multiples of 4 and 2). Taps are the outer loop: their two
     * runs of {@code b} stay in L1 while every filter block passes over them.
     */
    static void accumulate(float[] a, int lda, int kPad, float[] b, int[] offsets, int tPad, int length,
            float[] sums) {
        for (int t = 0; t < tPad; t += TAP_BLOCK) {
            for (int k = 0; k < kPad; k += BLOCK) {
                dotBlock(a, k * lda, lda, b, offsets[t], offsets[t + 1], length, sums, (k * tPad + t) * LANES,
                        tPad * LANES);
            }
        }
    }

    /**
     * The 4 x 2 block of dot products of rows {@code a0 + q·lda} of {@code a} with the runs of
     * {@code b} at {@code b0} and {@code b1}, stored lane-wise into {@code sums} (row {@code q} at
     * {@code at + q·rowStep}). Eight accumulators: with 4 x 4 (sixteen, and eight loaded vectors)
     * the compiled loop ran at ~14 GFLOP/s against ~100 for this one (AVX-512, one thread).
     */
    private static void dotBlock(float[] a, int a0, int lda, float[] b, int b0, int b1, int length, float[] sums,
            int at, int rowStep) {
        FloatVector s00 = FloatVector.zero(SPECIES), s01 = FloatVector.zero(SPECIES);
        FloatVector s10 = FloatVector.zero(SPECIES), s11 = FloatVector.zero(SPECIES);
        FloatVector s20 = FloatVector.zero(SPECIES), s21 = FloatVector.zero(SPECIES);
        FloatVector s30 = FloatVector.zero(SPECIES), s31 = FloatVector.zero(SPECIES);
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        for (int j = 0; j < length; j += LANES) {
            FloatVector x0 = FloatVector.fromArray(SPECIES, b, b0 + j);
            FloatVector x1 = FloatVector.fromArray(SPECIES, b, b1 + j);
            FloatVector d = FloatVector.fromArray(SPECIES, a, a0 + j);
            s00 = d.fma(x0, s00);
            s01 = d.fma(x1, s01);
            d = FloatVector.fromArray(SPECIES, a, a1 + j);
            s10 = d.fma(x0, s10);
            s11 = d.fma(x1, s11);
            d = FloatVector.fromArray(SPECIES, a, a2 + j);
            s20 = d.fma(x0, s20);
            s21 = d.fma(x1, s21);
            d = FloatVector.fromArray(SPECIES, a, a3 + j);
            s30 = d.fma(x0, s30);
            s31 = d.fma(x1, s31);
        }
        storeInto(sums, at, s00, s01);
        storeInto(sums, at + rowStep, s10, s11);
        storeInto(sums, at + 2 * rowStep, s20, s21);
        storeInto(sums, at + 3 * rowStep, s30, s31);
    }

    private static void storeInto(float[] sums, int at, FloatVector v0, FloatVector v1) {
        v0.intoArray(sums, at);
        v1.intoArray(sums, at + LANES);
    }

    /**
     * The block's vector sums of the real weights, each reduced by {@link SegmentVectors#sumLanes}
     * (a fixed order), added into the chunk's doubles: float lanes never outlive a block.
     */
    private void handOver(float[] vectorSums, double[] partial) {
        for (int k = 0; k < g.k(); k++) {
            for (int t = 0; t < taps; t++) {
                partial[k * taps + t] += SegmentVectors.sumLanes(
                        FloatVector.fromArray(SPECIES, vectorSums, (k * tPad + t) * LANES));
            }
        }
    }

    /** Floats of heap scratch this path holds (for tests of a plan's bound). */
    long scratchFloats() {
        // The chunks' doubles count as two floats each.
        long floats = channelSums.length + 2L * partials.length * weights;
        for (int i = 0; i < planes.length; i++) {
            floats += planes[i].length + shifted[i].length + dyStaging[i].length + gradients[i].length
                    + sums[i].length;
        }
        return floats;
    }
}
