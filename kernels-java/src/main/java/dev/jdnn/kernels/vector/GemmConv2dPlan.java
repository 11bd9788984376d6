package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;

import dev.jdnn.Conv2d;
import dev.jdnn.Padding;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Convolution as im2col + GEMM, one image and one group at a time:
 * forward {@code Y = W·col}, backward data {@code col = Wᵀ·dY} then col2im, backward weights
 * {@code dW = dY·colᵀ} (the transpose is absorbed by the B packing) and {@code db = Σ dY}. A
 * 1x1 convolution with stride 1 and no padding skips im2col: the image already is the column matrix.
 * Where stride is 1 and C is at least 16, backward data instead runs as the forward pass of the
 * transposed convolution (an inner plan of this class, see {@link #transposedConvolution}).
 *
 * <p>The column matrix of a large image is built in blocks of consecutive output pixels, each at
 * most {@value #COLUMN_BUDGET} floats (and at least one pixel's column), from the band of input
 * rows the block reads; every hot-core shape fits in one block, so only huge images pay for the
 * blocking. The plan's scratch is therefore bounded: per buffer at most twice the budget (heap and
 * native copies of the block, 32 MiB) plus one band of the image, never more than one image's
 * group of channels; where even that would not fit a Java array the plan is refused with an
 * {@link IllegalArgumentException} naming the limit.
 *
 * <p>With at least as many images as workers, each worker takes whole images with its own column
 * buffer and GEMM workspace (and, for backward weights, its own partial {@code dW}, summed at the
 * end); with fewer (batch 1), forward and backward weights give each worker a slab of the
 * product's columns, unfolded by its own packer; otherwise images run one after another and each
 * GEMM is shared out over the workers. All scratch is allocated here, once.
 *
 * <p>Padded cells take part in nothing (the contract's NaN/Inf rule): the column matrix holds
 * zeros there, which would turn an infinite or NaN weight (forward) or {@code dy} (backward
 * weights) into NaN. So when the op has padding, a pass first scans the operand the zeros would
 * meet (a vector pass over it, small next to the GEMM) and, only if it holds a non-finite value,
 * runs {@link PaddingSkippingConvolution} instead.
 */
final class GemmConv2dPlan extends VectorConv2dPlan {
    /** Floats of one column block. */
    static final int COLUMN_BUDGET = 1 << 22;

    private final ParallelGemm gemm;
    private final Im2col im2col;
    private final boolean pointwise;
    private final boolean padded;
    private final boolean imagePerWorker;
    /**
     * With fewer images than workers (batch 1): in forward and backward weights each worker takes a
     * slab of the product's columns (pixels, or column rows) with its own packer, instead of one
     * thread unfolding the image and the GEMM alone being shared.
     */
    private final boolean pixelsPerWorker;
    /** Whether backward weights sums dy per channel inside the image shares (see there). */
    private final boolean sumsInShares;
    /** Per image and output channel: the sum of dy over the pixels. */
    private final float[] channelSums;
    /** Per worker (index worker + 1): whether one of its sums was not finite. */
    private final boolean[] nonFiniteSums;
    /** Output pixels per column block; the last block of an image may be shorter. */
    private final int blockPixels;
    private final Arena arena = Arena.ofShared();
    /**
     * Per buffer: one column block on the heap, where {@link Im2col} unfolds it run by run (cheap on
     * arrays, tens of nanoseconds per run on segments) ...
     */
    private final float[][] columnArrays;
    /**
     * ... and in native memory, where the GEMM reads it (one bulk copy from the array) or where
     * backward data's GEMM writes it for {@link Im2col#fold} to read. No heap array is ever handed
     * to the GEMM as a segment: the Vector API's segment loads and stores share one type profile
     * per JVM, and a single heap segment beside the native ones makes C2 compile every kernel's
     * accesses as mixed heap/native (a CPU-order barrier around each) — measured as the CIFAR-style
     * network step at 90-204 ms against 57 ms with only native segments (AVX-512, 2 threads).
     */
    private final MemorySegment[] columns;
    /** ... and the band of input rows of one image's channels the block reads, on the heap. */
    private final float[][] bands;
    private final MemorySegment[] partialWeights;
    private final PaddingSkippingConvolution paddingSkipping;
    /**
     * Per buffer, where one block covers the image and each GEMM runs on one thread: packers that
     * unfold the image straight into the B panels of forward and of backward weights (empty
     * otherwise).
     */
    private final UnfoldingPanelPacker[] forwardPackers;
    private final UnfoldingPanelPacker[] weightPackers;
    private int partialWorkers;
    /** Bias and fused activation, applied to each block of y as the GEMM finishes it. */
    private final GemmEpilogue epilogue;
    /** Backward data as the forward pass of the transposed convolution, or null (col2im). */
    private final GemmConv2dPlan backwardDataPlan;
    /** That convolution's weights, rebuilt from W on each backward-data call ... */
    private final MemorySegment flippedWeights;
    /** ... through two heap arrays (bulk copies in and out, the permutation on arrays). */
    private final float[] weightStaging;
    private final float[] flippedStaging;
    /** Backward weights as dot products along the pixels (few weights, stride 1), or null (GEMM). */
    private final DotProductWeightGradient dotProducts;
    /** Backward weights with vectors along the filters (lenet_c2), or null where this shape does not suit it. */
    private final ChannelVectorWeightGradient channelWeights;

    GemmConv2dPlan(Conv2d op, Shape input, WorkerPool pool, PackedGemm packedGemm) {
        this(op, input, pool, packedGemm, COLUMN_BUDGET);
    }

    /** With column blocks of at most {@code columnBudget} floats (tests force small blocks). */
    GemmConv2dPlan(Conv2d op, Shape input, WorkerPool pool, PackedGemm packedGemm, int columnBudget) {
        this(op, input, pool, packedGemm, columnBudget, true);
    }

    /**
     * {@code dataAsForward}: whether backward data may run as the forward pass of the transposed
     * convolution (false for that inner plan itself).
     */
    private GemmConv2dPlan(Conv2d op, Shape input, WorkerPool pool, PackedGemm packedGemm, int columnBudget,
            boolean dataAsForward) {
        super(op, input, pool);
        checkSizes(op, g);
        this.pointwise = op.kernelH() == 1 && op.kernelW() == 1 && op.strideH() == 1 && op.strideW() == 1
                && op.padding().isNone();
        this.padded = !op.padding().isNone();
        this.imagePerWorker = g.n() >= pool.size() && pool.size() > 1;
        boolean unfoldsIntoPanels = !pointwise && (long) g.cg() * (g.h() + op.padding().top() + op.padding().bottom())
                        * (g.w() + op.padding().left() + op.padding().right()) <= MAX_ARRAY;
        this.im2col = new Im2col(op, g.h(), g.w(), g.oh(), g.ow());
        int rows = g.columnRows();
        int pixels = g.pixels();
        this.blockPixels = (int) Math.max(1, Math.min(pixels, columnBudget / Math.max(1, rows)));
        int maxDim = Math.max(Math.max(rows, pixels), g.kg());
        // Every product multiplies the weights (kg x rows, or their transpose) or yields their
        // gradient: kg and rows are two of its three dimensions, so its smallest is at most theirs.
        this.gemm = ParallelGemm.forPlan(packedGemm, pool, maxDim, maxDim, maxDim, Math.min(rows, g.kg()));
        int buffers = imagePerWorker ? pool.size() : 1;
        this.columnArrays = new float[pointwise ? 0 : buffers][];
        this.columns = new MemorySegment[buffers];
        this.bands = new float[pointwise ? 0 : buffers][];
        int bandFloats = pointwise ? 0 : bandFloats(op, g, blockPixels == pixels ? g.h() : im2col.maxBandRows(blockPixels));
        for (int i = 0; i < columnArrays.length; i++) {
            columnArrays[i] = new float[rows * blockPixels];
            columns[i] = arena.allocate((long) rows * blockPixels * Float.BYTES, 64);
            bands[i] = new float[bandFloats];
        }
        long weights = (long) g.k() * rows;
        this.partialWeights = new MemorySegment[imagePerWorker ? buffers : 0];
        for (int i = 0; i < partialWeights.length; i++) {
            partialWeights[i] = arena.allocate(weights * Float.BYTES, 64);
        }
        this.paddingSkipping = padded ? new PaddingSkippingConvolution(g) : null;
        this.epilogue = new GemmEpilogue(true, op.activation());
        boolean fused = unfoldsIntoPanels && blockPixels == pixels;
        this.pixelsPerWorker = fused && !imagePerWorker && pool.size() > 1;
        this.sumsInShares = !pixelsPerWorker && (imagePerWorker || pool.size() == 1)
                && (long) g.n() * g.k() <= MAX_ARRAY;
        this.channelSums = new float[sumsInShares ? g.n() * g.k() : 0];
        this.nonFiniteSums = new boolean[pool.size() + 1];
        int nr = packedGemm.kernel().columns();
        this.forwardPackers = new UnfoldingPanelPacker[fused ? (pixelsPerWorker ? pool.size() : buffers) : 0];
        this.weightPackers = new UnfoldingPanelPacker[forwardPackers.length];
        for (int i = 0; i < forwardPackers.length; i++) {
            forwardPackers[i] = new UnfoldingPanelPacker(op, g.cg(), g.h(), g.w(), g.oh(), g.ow(), nr);
            weightPackers[i] = forwardPackers[i].transposed();
        }
        Conv2d transposed = dataAsForward && blockPixels == pixels ? transposedConvolution(op, g) : null;
        this.backwardDataPlan = transposed == null ? null
                : new GemmConv2dPlan(transposed, Shape.of(g.n(), g.k(), g.oh(), g.ow()), pool, packedGemm,
                        columnBudget, false);
        this.flippedWeights = transposed == null ? null : arena.allocate(weights * Float.BYTES, 64);
        this.weightStaging = transposed == null ? new float[0] : new float[Math.toIntExact(weights)];
        this.flippedStaging = transposed == null ? new float[0] : new float[Math.toIntExact(weights)];
        this.channelWeights = ChannelVectorWeightGradient.suits(g) ? new ChannelVectorWeightGradient(g, pool) : null;
        this.dotProducts = channelWeights == null && !pointwise && DotProductWeightGradient.suits(g, pool.size())
                ? new DotProductWeightGradient(g, pool) : null;
    }

    /**
     * The convolution whose forward pass is this one's backward data, or null where col2im stays:
     * for stride 1, no dilation and one group, {@code dx = conv(dy, W')} with {@code dy} padded by
     * {@code R-1-pad} (each side) and {@code W'[c][k][r][s] = W[k][c][R-1-r][S-1-s]}. That GEMM has
     * C rows, H·W columns and depth K·R·S, against col2im's C·R·S x OH·OW product of depth K
     * followed by a scatter-add over every tap: on cifar_c2 (depth 64, 25 taps) the latter ran at a
     * third of onednn. Kept for C below 16, where C rows would leave the micro-kernel's tiles mostly
     * empty (lenet_c2, cifar_c1 and vgg_c1's 3-6 input channels, where col2im is already fast).
     */
    private static Conv2d transposedConvolution(Conv2d op, ConvGeometry g) {
        int r = op.kernelH();
        int s = op.kernelW();
        var p = op.padding();
        boolean fits = op.groups() == 1 && op.strideH() == 1 && op.strideW() == 1 && op.dilationH() == 1
                && op.dilationW() == 1 && r * s > 1 && g.c() >= 16 && p.top() < r && p.bottom() < r
                && p.left() < s && p.right() < s;
        if (!fits) {
            return null;
        }
        return new Conv2d(g.k(), g.c(), r, s, 1, 1,
                new Padding(r - 1 - p.top(), s - 1 - p.left(), r - 1 - p.bottom(), s - 1 - p.right()), 1, 1, 1,
                false);
    }

    /**
     * Checks the sizes this plan indexes with {@code int} (one image's planes, one group's column
     * rows, one band) and returns the band's floats.
     */
    private static int bandFloats(Conv2d op, ConvGeometry g, int bandRows) {
        long band = (long) g.cg() * bandRows * g.w();
        if (band > MAX_ARRAY) {
            throw new IllegalArgumentException("vector conv2d " + op + ": input: expected at most " + MAX_ARRAY
                    + " floats in the band of rows of one image's group of channels that one column block reads, got "
                    + band + " for " + g.input());
        }
        return (int) band;
    }

    /**
     * Refuses a convolution whose per-image sizes the plan indexes with {@code int}: one channel's
     * input or output plane, one group's column rows ({@code C/groups · R · S}).
     */
    private static void checkSizes(Conv2d op, ConvGeometry g) {
        check(op, "output plane (oh·ow)", (long) g.oh() * g.ow(), g);
        check(op, "input plane (h·w)", (long) g.h() * g.w(), g);
        check(op, "column rows (C/groups·R·S)", (long) g.cg() * g.taps(), g);
    }

    private static void check(Conv2d op, String what, long value, ConvGeometry g) {
        if (value > MAX_ARRAY) {
            throw new IllegalArgumentException("vector conv2d " + op + ": input " + g.input() + ": expected "
                    + what + " of at most " + MAX_ARRAY + " elements, got " + value);
        }
    }

    /** Largest Java array this plan allocates, in floats (a little below {@code Integer.MAX_VALUE}). */
    static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** Whether backward data runs as the transposed convolution's forward pass (for tests). */
    boolean backwardDataRunsAsForward() {
        return backwardDataPlan != null;
    }

    /** Bytes of scratch this plan holds (heap and native): for tests of the bound. */
    long scratchBytes() {
        long floats = 0;
        for (int i = 0; i < columnArrays.length; i++) {
            floats += 2L * columnArrays[i].length + bands[i].length;
        }
        for (MemorySegment partial : partialWeights) {
            floats += partial.byteSize() / Float.BYTES;
        }
        for (int i = 0; i < forwardPackers.length; i++) {
            floats += forwardPackers[i].scratchFloats();
        }
        if (backwardDataPlan != null) {
            floats += 3L * weightStaging.length + backwardDataPlan.scratchBytes() / Float.BYTES;
        }
        return floats * Float.BYTES;
    }

    @Override
    void forward(MemorySegment x, MemorySegment w, MemorySegment b, MemorySegment y) {
        if (padded && !SegmentVectors.allFinite(w, 0, (long) g.k() * g.columnRows())) {
            paddingSkipping.forward(x, w, b, y);
            if (g.op().activation() != null) {
                ActivationKernels.forward(g.op().activation(), y, y, g.output().elementCount());
            }
            return;
        }
        epilogue.set(b);
        try {
            super.forward(x, w, b, y);
        } finally {
            epilogue.set(null);
        }
    }

    @Override
    public void backwardData(Tensor dy, Tensor w, Tensor dx) {
        if (backwardDataPlan == null) {
            super.backwardData(dy, w, dx);
            return;
        }
        flipWeights(w.segment());
        // Where W holds Inf or NaN, the inner plan's own scan sends it to the padding-skipping pass,
        // which leaves out the padded cells of dy as col2im does.
        backwardDataPlan.forward(dy.segment(), flippedWeights, null, dx.segment());
    }

    /** {@code W'[c][k][r][s] = W[k][c][R-1-r][S-1-s]}, into {@link #flippedWeights}. */
    private void flipWeights(MemorySegment w) {
        float[] src = weightStaging;
        float[] dst = flippedStaging;
        MemorySegment.copy(w, FLOAT, 0, src, 0, src.length);
        int k = g.k();
        int c = g.c();
        int taps = g.taps();
        for (int kk = 0; kk < k; kk++) {
            for (int cc = 0; cc < c; cc++) {
                int from = (kk * c + cc) * taps;
                int to = (cc * k + kk) * taps + taps - 1;
                for (int t = 0; t < taps; t++) {
                    dst[to - t] = src[from + t];
                }
            }
        }
        MemorySegment.copy(dst, 0, flippedWeights, FLOAT, 0, dst.length);
    }

    @Override
    public void backwardWeights(Tensor x, Tensor dy, Tensor dw, Tensor db) {
        if (channelWeights != null) {
            channelWeights.backwardWeights(x.segment(), dy.segment(), dw.segment(), db == null ? null : db.segment());
            return;
        }
        if (dotProducts != null) {
            dotProducts.backwardWeights(x.segment(), dy.segment(), dw.segment(), db == null ? null : db.segment());
            return;
        }
        if (sumsInShares) {
            backwardWeightsSummingInShares(x, dy, dw, db);
            return;
        }
        if (padded && !SegmentVectors.allFinite(dy.segment(), 0, dy.shape().elementCount())) {
            paddingSkipping.backwardWeights(x.segment(), dy.segment(), dw.segment());
        } else {
            super.backwardWeights(x, dy, dw, null);
            if (imagePerWorker) {
                sumPartialWeights(dw.segment());
            }
        }
        if (db != null) {
            biasGradient(dy.segment(), db.segment());
        }
    }

    /**
     * Backward weights where each image's share also sums its {@code dy} per channel (the bias
     * gradient) just before its GEMM, while that {@code dy} is in cache: the serial scan of all of
     * {@code dy} for non-finite values and the serial bias sums were two passes over it (cifar_c1:
     * 17 MB) before and after the parallel GEMMs. A non-finite element makes its channel's sum
     * non-finite, so the sums stand in for the scan; only then is {@code dy} scanned, and where
     * padding zeros would meet it the GEMM's result is replaced by the padding-skipping pass.
     */
    private void backwardWeightsSummingInShares(Tensor x, Tensor dy, Tensor dw, Tensor db) {
        java.util.Arrays.fill(nonFiniteSums, false);
        super.backwardWeights(x, dy, dw, null);
        boolean nonFinite = false;
        for (boolean flag : nonFiniteSums) {
            nonFinite |= flag;
        }
        if (nonFinite && padded && !SegmentVectors.allFinite(dy.segment(), 0, dy.shape().elementCount())) {
            paddingSkipping.backwardWeights(x.segment(), dy.segment(), dw.segment());
        } else if (imagePerWorker) {
            sumPartialWeights(dw.segment());
        }
        if (db != null) {
            // As biasGradient: per image a blockwise float sum, across images a double, in image order.
            for (int kk = 0; kk < g.k(); kk++) {
                double sum = 0;
                for (int image = 0; image < g.n(); image++) {
                    sum += channelSums[image * g.k() + kk];
                }
                db.segment().setAtIndex(FLOAT, kk, (float) sum);
            }
        }
    }

    /** {@code dy}'s per-channel sums of one image, into {@link #channelSums}; flags a non-finite one. */
    private void sumChannels(MemorySegment dy, int image, int worker) {
        int pixels = g.pixels();
        boolean finite = true;
        for (int kk = 0; kk < g.k(); kk++) {
            float sum = SegmentVectors.sum(dy, ((long) image * g.k() + kk) * pixels, pixels);
            channelSums[image * g.k() + kk] = sum;
            finite &= Float.isFinite(sum);
        }
        if (!finite) {
            nonFiniteSums[worker + 1] = true;
        }
    }

    @Override
    void dispatch(WorkerPool.Job job) {
        if (imagePerWorker || pixelsPerWorker && job != backwardDataJob) {
            runOnPool(job);
        } else {
            job.run(-1, 1);
        }
    }

    @Override
    void forwardShare(int worker, int workers) {
        if (pixelsPerWorker) {
            forwardPixelShare(worker, workers);
            return;
        }
        MemorySegment x = first;
        MemorySegment w = second;
        MemorySegment y = out;
        GemmEpilogue e = epilogue.active() ? epilogue : null;
        int buffer = Math.max(worker, 0);
        int rows = g.columnRows();
        int pixels = g.pixels();
        for (int image = first(worker, workers); image < last(worker, workers); image++) {
            for (int group = 0; group < g.groups(); group++) {
                long xOffset = ((long) image * g.c() + (long) group * g.cg()) * g.cells();
                long yOffset = ((long) image * g.k() + (long) group * g.kg()) * pixels;
                long wOffset = (long) group * g.kg() * rows;
                long biasIndex = (long) group * g.kg();
                if (pointwise) {
                    multiply(worker, g.kg(), pixels, rows, w, wOffset, rows, false, x, xOffset, pixels, false, y,
                            yOffset, pixels, false, e, biasIndex);
                    continue;
                }
                if (forwardPackers.length > 0) {
                    UnfoldingPanelPacker packer = forwardPackers[buffer];
                    packer.load(x, xOffset);
                    gemm.gemm().multiply(gemm.workspace(buffer), g.kg(), pixels, rows, w, wOffset, rows, false, packer,
                            y, yOffset, pixels, false, e, biasIndex);
                    continue;
                }
                for (int p0 = 0; p0 < pixels; p0 += blockPixels) {
                    int p1 = Math.min(pixels, p0 + blockPixels);
                    unfold(x, xOffset, buffer, p0, p1);
                    multiply(worker, g.kg(), p1 - p0, rows, w, wOffset, rows, false, columns[buffer], 0, p1 - p0,
                            false, y, yOffset + p0, pixels, false, e, biasIndex);
                }
            }
        }
    }

    @Override
    void backwardDataShare(int worker, int workers) {
        MemorySegment dy = first;
        MemorySegment w = second;
        MemorySegment dx = out;
        int buffer = Math.max(worker, 0);
        int rows = g.columnRows();
        int pixels = g.pixels();
        float[] band = pointwise ? null : bands[buffer];
        for (int image = first(worker, workers); image < last(worker, workers); image++) {
            for (int group = 0; group < g.groups(); group++) {
                long dyOffset = ((long) image * g.k() + (long) group * g.kg()) * pixels;
                long dxOffset = ((long) image * g.c() + (long) group * g.cg()) * g.cells();
                long wOffset = (long) group * g.kg() * rows;
                if (pointwise) {
                    multiply(worker, rows, pixels, g.kg(), w, wOffset, rows, true, dy, dyOffset, pixels, false, dx,
                            dxOffset, pixels, false);
                    continue;
                }
                if (blockPixels < pixels) {
                    // Bands of neighbouring blocks overlap: each adds its part into a zeroed dx.
                    dx.asSlice(dxOffset * Float.BYTES, (long) g.cg() * g.cells() * Float.BYTES).fill((byte) 0);
                }
                for (int p0 = 0; p0 < pixels; p0 += blockPixels) {
                    int p1 = Math.min(pixels, p0 + blockPixels);
                    // The product goes into the native column block and col2im folds it from there.
                    multiply(worker, rows, p1 - p0, g.kg(), w, wOffset, rows, true, dy, dyOffset + p0, pixels, false,
                            columns[buffer], 0, p1 - p0, false);
                    int from = bandStart(p0);
                    int to = bandEnd(p1);
                    im2col.fold(columns[buffer], g.cg(), p0, p1, band, from, to);
                    im2col.storeBand(band, g.cg(), from, to, dx, dxOffset);
                }
            }
        }
    }

    @Override
    void backwardWeightsShare(int worker, int workers) {
        if (pixelsPerWorker) {
            backwardWeightsColumnShare(worker, workers);
            return;
        }
        MemorySegment x = first;
        MemorySegment dy = second;
        MemorySegment dw = worker >= 0 && partialWeights.length > 0 ? partialWeights[worker] : out;
        if (worker == 0) {
            partialWorkers = workers;
        }
        int buffer = Math.max(worker, 0);
        int rows = g.columnRows();
        int pixels = g.pixels();
        int from = first(worker, workers);
        for (int image = from; image < last(worker, workers); image++) {
            if (sumsInShares) {
                sumChannels(dy, image, worker);
            }
            for (int group = 0; group < g.groups(); group++) {
                long xOffset = ((long) image * g.c() + (long) group * g.cg()) * g.cells();
                long dyOffset = ((long) image * g.k() + (long) group * g.kg()) * pixels;
                long dwOffset = (long) group * g.kg() * rows;
                if (pointwise) {
                    multiply(worker, g.kg(), rows, pixels, dy, dyOffset, pixels, false, x, xOffset, pixels, true, dw,
                            dwOffset, rows, image > from);
                    continue;
                }
                if (weightPackers.length > 0) {
                    UnfoldingPanelPacker packer = weightPackers[buffer];
                    packer.load(x, xOffset);
                    gemm.gemm().multiply(gemm.workspace(buffer), g.kg(), rows, pixels, dy, dyOffset, pixels, false,
                            packer, dw, dwOffset, rows, image > from);
                    continue;
                }
                for (int p0 = 0; p0 < pixels; p0 += blockPixels) {
                    int p1 = Math.min(pixels, p0 + blockPixels);
                    unfold(x, xOffset, buffer, p0, p1);
                    multiply(worker, g.kg(), rows, p1 - p0, dy, dyOffset + p0, pixels, false, columns[buffer], 0,
                            p1 - p0, true, dw, dwOffset, rows, image > from || p0 > 0);
                }
            }
        }
    }

    /** Forward, {@link #pixelsPerWorker}: this worker's slab of every image's output pixels. */
    private void forwardPixelShare(int worker, int workers) {
        MemorySegment x = first;
        MemorySegment w = second;
        MemorySegment y = out;
        GemmEpilogue e = epilogue.active() ? epilogue : null;
        int rows = g.columnRows();
        int pixels = g.pixels();
        int from = slabStart(pixels, worker, workers);
        int to = slabStart(pixels, worker + 1, workers);
        if (from >= to) {
            return;
        }
        UnfoldingPanelPacker packer = forwardPackers[worker];
        packer.startAt(from);
        for (int image = 0; image < g.n(); image++) {
            for (int group = 0; group < g.groups(); group++) {
                long xOffset = ((long) image * g.c() + (long) group * g.cg()) * g.cells();
                long yOffset = ((long) image * g.k() + (long) group * g.kg()) * pixels;
                // Each worker copies the whole image into its own planes: a small pass next to its GEMM.
                packer.load(x, xOffset);
                gemm.gemm().multiply(gemm.workspace(worker), g.kg(), to - from, rows, w, (long) group * g.kg() * rows,
                        rows, false, packer, y, yOffset + from, pixels, false, e, (long) group * g.kg());
            }
        }
    }

    /** Backward weights, {@link #pixelsPerWorker}: this worker's slab of dW's columns (column rows). */
    private void backwardWeightsColumnShare(int worker, int workers) {
        MemorySegment x = first;
        MemorySegment dy = second;
        MemorySegment dw = out;
        int rows = g.columnRows();
        int pixels = g.pixels();
        int from = slabStart(rows, worker, workers);
        int to = slabStart(rows, worker + 1, workers);
        if (from >= to) {
            return;
        }
        UnfoldingPanelPacker packer = weightPackers[worker];
        packer.startAt(from);
        for (int image = 0; image < g.n(); image++) {
            for (int group = 0; group < g.groups(); group++) {
                long xOffset = ((long) image * g.c() + (long) group * g.cg()) * g.cells();
                long dyOffset = ((long) image * g.k() + (long) group * g.kg()) * pixels;
                packer.load(x, xOffset);
                gemm.gemm().multiply(gemm.workspace(worker), g.kg(), to - from, pixels, dy, dyOffset, pixels, false,
                        packer, dw, (long) group * g.kg() * rows + from, rows, image > 0);
            }
        }
    }

    /** First of {@code count} columns that worker {@code worker} of {@code workers} takes, in whole NR tiles. */
    private int slabStart(int count, int worker, int workers) {
        int nr = gemm.gemm().kernel().columns();
        int tiles = (count + nr - 1) / nr;
        return Math.min(count, WorkerPool.start(tiles, worker, workers) * nr);
    }

    /** Column block {@code [p0, p1)} of one image's group, into buffer {@code buffer}'s native columns. */
    private void unfold(MemorySegment x, long xOffset, int buffer, int p0, int p1) {
        float[] col = columnArrays[buffer];
        int from = bandStart(p0);
        int to = bandEnd(p1);
        im2col.loadBand(x, xOffset, g.cg(), from, to, bands[buffer]);
        im2col.unfold(bands[buffer], from, to, g.cg(), p0, p1, col);
        MemorySegment.copy(col, 0, columns[buffer], FLOAT, 0, g.columnRows() * (p1 - p0));
    }

    /**
     * First input row of the band block {@code [p0, ...)} reads: the whole image when one block
     * covers it, so that backward data writes every cell of dx (rows no output reads get zeros).
     */
    private int bandStart(int p0) {
        return blockPixels == g.pixels() ? 0 : im2col.bandStart(p0);
    }

    /** One past the last input row of the band of block {@code [..., p1)}, as {@link #bandStart}. */
    private int bandEnd(int p1) {
        return blockPixels == g.pixels() ? g.h() : im2col.bandEnd(p1);
    }

    private void sumPartialWeights(MemorySegment dw) {
        int count = g.k() * g.columnRows();
        boolean first = true;
        for (int worker = 0; worker < partialWorkers; worker++) {
            if (first(worker, partialWorkers) == last(worker, partialWorkers)) {
                continue;
            }
            if (first) {
                SegmentVectors.copy(partialWeights[worker], 0, dw, 0, count);
                first = false;
            } else {
                SegmentVectors.add(dw, 0, partialWeights[worker], 0, count);
            }
        }
    }

    private int first(int worker, int workers) {
        return worker < 0 ? 0 : WorkerPool.start(g.n(), worker, workers);
    }

    private int last(int worker, int workers) {
        return worker < 0 ? g.n() : WorkerPool.start(g.n(), worker + 1, workers);
    }

    /** A GEMM on worker {@code worker}'s workspace, or shared out over the pool for worker -1. */
    private void multiply(int worker, int m, int n, int k, MemorySegment a, long aOffset, int lda, boolean transA,
            MemorySegment bm, long bOffset, int ldb, boolean transB, MemorySegment c, long cOffset, int ldc,
            boolean accumulate) {
        multiply(worker, m, n, k, a, aOffset, lda, transA, bm, bOffset, ldb, transB, c, cOffset, ldc, accumulate, null,
                0);
    }

    private void multiply(int worker, int m, int n, int k, MemorySegment a, long aOffset, int lda, boolean transA,
            MemorySegment bm, long bOffset, int ldb, boolean transB, MemorySegment c, long cOffset, int ldc,
            boolean accumulate, GemmEpilogue e, long biasIndex) {
        if (worker < 0) {
            gemm.multiply(m, n, k, a, aOffset, lda, transA, bm, bOffset, ldb, transB, c, cOffset, ldc, accumulate, e,
                    biasIndex);
        } else {
            gemm.gemm().multiply(gemm.workspace(worker), m, n, k, a, aOffset, lda, transA, bm, bOffset, ldb, transB,
                    c, cOffset, ldc, accumulate, e, biasIndex);
        }
    }

    /** Whether this plan's GEMM holds the team's shared block of B (tests check its sizing). */
    boolean preparedSharedB() {
        return gemm.preparedSharedB();
    }

    @Override
    public void close() {
        if (backwardDataPlan != null) {
            backwardDataPlan.close();
        }
        arena.close();
    }
}
