package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;
import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

import dev.jdnn.Activation;
import dev.jdnn.Conv2d;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * Convolution with few output channels (LeNet's 1→6 and 6→16 5x5) computed directly on padded
 * planes, NCHW, one group: with so few filters the GEMM's B operand (the column matrix) is
 * gathered per image and used by only one or two MR-row tiles, so packing it cost several times
 * the product (lenet_c1 forward at 18 GFLOP/s; backward data as GEMM then col2im the slowest pass
 * of a LeNet-5 step). Here each image's channels are copied once into a zero-bordered
 * {@link PaddedPlane} and {@link FilterBankCorrelation} runs four filters per loaded input vector:
 * <ul>
 *   <li>forward: {@code y[k] = a(b[k] + Σ_c w[k][c] ⋆ x[c])};
 *   <li>backward data: the same loop over the planes of {@code dy} spread by the stride and padded
 *       by {@code ·dilation - pad}, with each filter reversed and the roles of {@code k} and
 *       {@code c} swapped;
 *   <li>backward weights: per worker, one vector of partial sums per weight over its images, then
 *       the chunks and the lanes summed in a fixed order (same bits for the same thread count).
 * </ul>
 * Images are cut into {@link WorkerPool#chunksFor} chunks that the workers claim one at a time
 * (with one share per worker, a worker that woke late made the caller wait for half the batch);
 * backward weights keeps one set of partial sums per chunk, so its bits depend on the thread count
 * only, never on which thread ran which chunk. Non-finite operands that would meet the planes' zeros
 * (padding, or lanes past a row) take {@link PaddingSkippingConvolution}, as in the other plans.
 */
final class DirectConv2dPlan extends VectorConv2dPlan {
    /** At most this many output channels take this plan; more amortise the GEMM's packing. */
    static final int MAX_FILTERS = 16;
    /** Floats of one image's padded planes above which the GEMM path is taken instead. */
    static final long MAX_PLANES = 1 << 22;
    /**
     * Floats of padded input planes and dy rows one worker's backward weights holds at once: about
     * L1 (with 2 MB, every block of sums streamed all of them from L3, and conv1 of LeNet slowed
     * from 0.54 to 0.81 ms per call).
     */
    static final long WEIGHT_CHUNK = 1 << 13;

    private final int taps;
    private final int kPad;
    private final int cPad;
    /** Forward and backward weights: input {@code c·taps + t} of a filter, in the padded input planes. */
    private final int[] inputOffsets;
    private final int inputDepthPad;
    /** Backward data: input {@code k·taps + t} in the padded planes of dy, filter reversed. */
    private final int[] gradientOffsets;
    private final int inputRowStep;
    private final PaddedPlane[] inputs;
    private final PaddedPlane[] gradients;
    /** Per worker: output planes (forward: kPad of oh x ow; backward data: cPad of h x w), with slack. */
    private final float[][] results;
    private final int outputPlane;
    private final int cellPlane;
    /** Per worker: the planes of dy, rows of {@code dyStride} floats with zeros past {@code ow}. */
    private final float[][] dyRows;
    private final int dyStride;
    private final int dyPlane;
    /** Images whose planes backward weights holds at once: its partial sums stay in registers over them. */
    private final int chunkImages;
    private final PaddedPlane[] weightInputs;
    /** Per worker: one image's dy as it is in memory, on its way into {@link #dyRows}. */
    private final float[][] dyStaging;
    /** Per chunk: one vector of partial sums per (filter, input) of backward weights. */
    private final float[][] sums;
    /** Chunks of the batch per call. */
    private final int chunks;
    private final WorkerPool.Chunks forwardChunks = this::forwardChunk;
    private final WorkerPool.Chunks backwardDataChunks = this::backwardDataChunk;
    private final WorkerPool.Chunks backwardWeightsChunks = this::backwardWeightsChunk;
    /** The pass {@link #dispatch} runs: set by the public method that starts it. */
    private WorkerPool.Chunks pass;
    private final float[] forwardWeights;
    private final float[] forwardBias;
    private final float[] backwardWeights;
    private final float[] zeroBias;
    private final boolean padded;
    private final PaddingSkippingConvolution paddingSkipping;
    /** Backward weights through the GEMM, for outputs narrower than a vector; else null. */
    private final GemmConv2dPlan weightsByGemm;
    /** Backward weights with vectors along the filters (lenet_c2), or null where this shape does not suit it. */
    private final ChannelVectorWeightGradient channelWeights;
    private final Activation activation;
    /** Forward with vectors along the output channels (unpadded, width stride 1, rows of a tile or more); else null. */
    private final ChannelVectorConvolution channelForward;

    /** Whether {@code op} on {@code input} takes this plan. */
    static boolean suits(Conv2d op, Shape input) {
        if (op.groups() != 1 || op.outChannels() > MAX_FILTERS) {
            return false;
        }
        ConvGeometry g = ConvGeometry.of(op, input);
        long spanH = (long) (op.kernelH() - 1) * op.dilationH();
        long spanW = (long) (op.kernelW() - 1) * op.dilationW();
        long forward = ((long) (g.oh() - 1) * op.strideH() + spanH + 1)
                * ((long) (g.ow() - 1) * op.strideW() + spanW + 1 + 2L * LANES) * g.c();
        long backward = ((long) g.h() + spanH) * ((long) g.w() + spanW + LANES) * g.k();
        return forward <= MAX_PLANES && backward <= MAX_PLANES && (long) g.cells() * g.c() <= MAX_PLANES
                && (long) g.pixels() * g.k() <= MAX_PLANES && (long) g.c() * g.taps() <= 4096;
    }

    DirectConv2dPlan(Conv2d op, Shape input, WorkerPool pool, PackedGemm packedGemm) {
        super(op, input, pool);
        // Rows shorter than a vector leave lanes idle in every sum of backward weights (lenet_c2's
        // 10 of 16: 1.5 ms per call at 1 thread against 0.84 for the GEMM with unfolded panels).
        this.channelWeights = ChannelVectorWeightGradient.suits(g) ? new ChannelVectorWeightGradient(g, pool) : null;
        this.weightsByGemm = channelWeights == null && g.ow() < LANES
                ? new GemmConv2dPlan(op, input, pool, packedGemm) : null;
        int r = op.kernelH();
        int s = op.kernelW();
        int spanH = (r - 1) * op.dilationH();
        int spanW = (s - 1) * op.dilationW();
        this.taps = r * s;
        this.kPad = roundUp(g.k(), FilterBankCorrelation.FILTERS);
        this.cPad = roundUp(g.c(), FilterBankCorrelation.FILTERS);
        int workers = pool.size();
        this.inputs = new PaddedPlane[workers];
        this.gradients = new PaddedPlane[workers];
        for (int i = 0; i < workers; i++) {
            inputs[i] = new PaddedPlane(g.h(), g.w(), (g.oh() - 1) * op.strideH() + spanH + 1,
                    (g.ow() - 1) * op.strideW() + spanW + 1, op.strideW(), op.padding().top(),
                    op.padding().left(), 1, 1, g.c());
            gradients[i] = new PaddedPlane(g.oh(), g.ow(), g.h() + spanH, g.w() + spanW, 1, spanH - op.padding().top(),
                    spanW - op.padding().left(), op.strideH(), op.strideW(), g.k());
        }
        int depth = g.c() * taps;
        this.inputDepthPad = roundUp(depth, FilterBankCorrelation.FILTERS);
        this.inputOffsets = new int[inputDepthPad];
        this.gradientOffsets = new int[g.k() * taps];
        for (int ri = 0; ri < r; ri++) {
            for (int si = 0; si < s; si++) {
                int t = ri * s + si;
                for (int c = 0; c < g.c(); c++) {
                    inputOffsets[c * taps + t] = c * inputs[0].planeSize + inputs[0].at(ri * op.dilationH(),
                            si * op.dilationW());
                }
                for (int k = 0; k < g.k(); k++) {
                    gradientOffsets[k * taps + t] = k * gradients[0].planeSize
                            + gradients[0].at(ri * op.dilationH(), si * op.dilationW());
                }
            }
        }
        this.inputRowStep = op.strideH() * inputs[0].rowStride;
        this.outputPlane = g.pixels() + LANES;
        this.cellPlane = g.cells() + LANES;
        this.results = new float[workers][Math.max(kPad * outputPlane, cPad * cellPlane)];
        this.dyStride = roundUp(g.ow(), LANES);
        this.dyPlane = g.oh() * dyStride;
        this.chunks = pool.chunksFor(g.n());
        int perWorker = (g.n() + chunks - 1) / chunks;
        long perImage = (long) g.c() * inputs[0].planeSize + (long) kPad * dyPlane;
        this.chunkImages = (int) Math.max(1, Math.min(perWorker, WEIGHT_CHUNK / perImage));
        this.weightInputs = new PaddedPlane[workers];
        for (int i = 0; i < workers; i++) {
            weightInputs[i] = new PaddedPlane(g.h(), g.w(), (g.oh() - 1) * op.strideH() + spanH + 1,
                    (g.ow() - 1) * op.strideW() + spanW + 1, op.strideW(), op.padding().top(), op.padding().left(), 1,
                    1, g.c() * chunkImages);
        }
        this.dyRows = new float[workers][chunkImages * kPad * dyPlane];
        this.dyStaging = new float[workers][g.k() * g.pixels()];
        this.sums = new float[chunks][kPad * inputDepthPad * LANES];
        this.forwardWeights = new float[kPad * depth];
        this.forwardBias = new float[kPad];
        this.backwardWeights = new float[cPad * g.k() * taps];
        this.zeroBias = new float[Math.max(kPad, cPad)];
        this.padded = !op.padding().isNone();
        this.paddingSkipping = new PaddingSkippingConvolution(g);
        this.activation = op.activation();
        this.channelForward = ChannelVectorConvolution.suits(g)
                ? new ChannelVectorConvolution(g, workers) : null;
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }

    @Override
    public void forward(Tensor x, Tensor w, Tensor b, Tensor y) {
        if (padded && !SegmentVectors.allFinite(w.segment(), 0, w.shape().elementCount())) {
            paddingSkipping.forward(x.segment(), w.segment(), b == null ? null : b.segment(), y.segment());
            activateInPlace(y);
            return;
        }
        int depth = g.c() * taps;
        MemorySegment.copy(w.segment(), FLOAT, 0, forwardWeights, 0, g.k() * depth);
        if (b != null) {
            MemorySegment.copy(b.segment(), FLOAT, 0, forwardBias, 0, g.k());
        }
        if (channelForward != null) {
            channelForward.setWeights(forwardWeights, b == null ? null : forwardBias);
        }
        pass = forwardChunks;
        super.forward(x, w, b, y);
    }

    @Override
    public void backwardData(Tensor dy, Tensor w, Tensor dx) {
        if (!SegmentVectors.allFinite(w.segment(), 0, w.shape().elementCount())) {
            paddingSkipping.backwardData(dy.segment(), w.segment(), dx.segment());
            return;
        }
        MemorySegment ws = w.segment();
        int depth = g.k() * taps;
        for (int c = 0; c < g.c(); c++) {
            for (int k = 0; k < g.k(); k++) {
                long from = ((long) k * g.c() + c) * taps;
                for (int t = 0; t < taps; t++) {
                    backwardWeights[c * depth + k * taps + t] = ws.getAtIndex(FLOAT, from + taps - 1 - t);
                }
            }
        }
        pass = backwardDataChunks;
        super.backwardData(dy, w, dx);
    }

    @Override
    public void backwardWeights(Tensor x, Tensor dy, Tensor dw, Tensor db) {
        if (channelWeights != null) {
            channelWeights.backwardWeights(x.segment(), dy.segment(), dw.segment(), db == null ? null : db.segment());
            return;
        }
        if (weightsByGemm != null) {
            weightsByGemm.backwardWeights(x, dy, dw, db);
            return;
        }
        // Lanes past a row multiply zeros of dy by real cells of x: a non-finite x would make NaN.
        if ((padded && !SegmentVectors.allFinite(dy.segment(), 0, dy.shape().elementCount()))
                || !SegmentVectors.allFinite(x.segment(), 0, x.shape().elementCount())) {
            paddingSkipping.backwardWeights(x.segment(), dy.segment(), dw.segment());
        } else {
            pass = backwardWeightsChunks;
            super.backwardWeights(x, dy, dw, null);
            sumPartials(dw.segment());
        }
        if (db != null) {
            biasGradient(dy.segment(), db.segment());
        }
    }

    @Override
    void dispatch(WorkerPool.Job job) {
        pool.run(pass, chunks);
    }

    @Override
    void forwardShare(int worker, int workers) {
        forwardChunk(worker, worker, workers);
    }

    @Override
    void backwardDataShare(int worker, int workers) {
        backwardDataChunk(worker, worker, workers);
    }

    @Override
    void backwardWeightsShare(int worker, int workers) {
        backwardWeightsChunk(worker, worker, workers);
    }

    private void forwardChunk(int member, int chunk, int count) {
        MemorySegment x = first;
        MemorySegment y = out;
        if (channelForward != null) {
            channelForward.forward(member, x, y, WorkerPool.start(g.n(), chunk, count),
                    WorkerPool.start(g.n(), chunk + 1, count));
            return;
        }
        boolean bias = third != null;
        PaddedPlane plane = inputs[member];
        float[] result = results[member];
        int end = WorkerPool.start(g.n(), chunk + 1, count);
        for (int image = WorkerPool.start(g.n(), chunk, count); image < end; image++) {
            for (int c = 0; c < g.c(); c++) {
                plane.load(x, ((long) image * g.c() + c) * g.cells(), c);
            }
            FilterBankCorrelation.correlate(plane.data, inputRowStep, inputOffsets, g.c() * taps, forwardWeights,
                    bias ? forwardBias : zeroBias, kPad, activation, result, outputPlane, g.oh(), g.ow());
            for (int k = 0; k < g.k(); k++) {
                MemorySegment.copy(result, k * outputPlane, y, FLOAT, ((long) image * g.k() + k) * g.pixels()
                        * Float.BYTES, g.pixels());
            }
        }
    }

    private void backwardDataChunk(int member, int chunk, int count) {
        MemorySegment dy = first;
        MemorySegment dx = out;
        PaddedPlane plane = gradients[member];
        float[] result = results[member];
        int end = WorkerPool.start(g.n(), chunk + 1, count);
        for (int image = WorkerPool.start(g.n(), chunk, count); image < end; image++) {
            for (int k = 0; k < g.k(); k++) {
                plane.load(dy, ((long) image * g.k() + k) * g.pixels(), k);
            }
            FilterBankCorrelation.correlate(plane.data, plane.rowStride, gradientOffsets, g.k() * taps,
                    backwardWeights, zeroBias, cPad, null, result, cellPlane, g.h(), g.w());
            for (int c = 0; c < g.c(); c++) {
                MemorySegment.copy(result, c * cellPlane, dx, FLOAT, ((long) image * g.c() + c) * g.cells()
                        * Float.BYTES, g.cells());
            }
        }
    }

    private void backwardWeightsChunk(int member, int chunk, int count) {
        MemorySegment x = first;
        MemorySegment dy = second;
        PaddedPlane planes = weightInputs[member];
        float[] rows = dyRows[member];
        float[] staged = dyStaging[member];
        float[] partial = sums[chunk];
        Arrays.fill(partial, 0f);
        int end = WorkerPool.start(g.n(), chunk + 1, count);
        int planeStride = g.c() * planes.planeSize;
        int gradientStride = kPad * dyPlane;
        for (int from = WorkerPool.start(g.n(), chunk, count); from < end; from += chunkImages) {
            int images = Math.min(chunkImages, end - from);
            for (int i = 0; i < images; i++) {
                int image = from + i;
                for (int c = 0; c < g.c(); c++) {
                    planes.load(x, ((long) image * g.c() + c) * g.cells(), i * g.c() + c);
                }
                // One bulk copy, then rows spread by array copies: a segment copy per 10-float row cost
                // more than the rows' share of the kernel.
                MemorySegment.copy(dy, FLOAT, (long) image * g.k() * g.pixels() * Float.BYTES, staged, 0,
                        g.k() * g.pixels());
                for (int k = 0; k < g.k(); k++) {
                    for (int row = 0; row < g.oh(); row++) {
                        System.arraycopy(staged, (k * g.oh() + row) * g.ow(), rows,
                                i * gradientStride + k * dyPlane + row * dyStride, g.ow());
                    }
                }
            }
            FilterBankCorrelation.weightGradient(planes.data, inputRowStep, inputOffsets, inputDepthPad, rows, dyPlane,
                    dyStride, kPad, partial, g.oh(), images, planeStride, gradientStride);
        }
    }

    /** {@code dw[k][d]} = every chunk's partial sums added lane-wise in chunk order, then the lanes by a fixed tree. */
    private void sumPartials(MemorySegment dw) {
        int depth = g.c() * taps;
        for (int k = 0; k < g.k(); k++) {
            for (int d = 0; d < depth; d++) {
                int at = (k * inputDepthPad + d) * LANES;
                FloatVector total = FloatVector.fromArray(SPECIES, sums[0], at);
                for (int c = 1; c < sums.length; c++) {
                    total = total.add(FloatVector.fromArray(SPECIES, sums[c], at));
                }
                dw.setAtIndex(FLOAT, (long) k * depth + d, SegmentVectors.sumLanes(total));
            }
        }
    }

    @Override
    public void close() {
        if (weightsByGemm != null) {
            weightsByGemm.close();
        }
    }
}
