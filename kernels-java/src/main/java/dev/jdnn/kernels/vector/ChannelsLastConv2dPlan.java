package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;
import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.ORDER;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Layout;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * Convolution on NHWC activations. A 1x1 convolution with stride 1, no padding and one group
 * needs no unfolding at all: {@code x} seen as {@code [n·h·w, c]} already is the GEMM's A
 * operand, so forward is {@code Y = X·Wᵀ} (bias and fused activation in the GEMM's epilogue, by
 * column), backward data {@code dX = dY·W}, backward weights {@code dW = dYᵀ·X}, each one GEMM
 * over the whole batch. Other convolutions reorder their activations into NCHW scratch (made with
 * the plan) and run the NCHW plan of the same op: correct, but a pass over memory each way.
 */
final class ChannelsLastConv2dPlan implements Conv2dPlan {
    private final ConvGeometry g;
    private final Conv2dPlan channelsFirst;
    private final ParallelGemm gemm;
    private final GemmEpilogue epilogue;
    private final Arena arena;
    private final MemorySegment inputScratch;
    private final MemorySegment outputScratch;
    private final Tensor input;
    private final Tensor output;
    /** The bias gradient's block sums (float) and totals (double), per output channel. */
    private final float[] biasBlock;
    private final double[] biasTotals;

    ChannelsLastConv2dPlan(Conv2d op, Shape in, Conv2dPlan channelsFirst, WorkerPool pool, PackedGemm packedGemm) {
        this.g = ConvGeometry.of(op, in);
        boolean pointwise = op.kernelH() == 1 && op.kernelW() == 1 && op.strideH() == 1 && op.strideW() == 1
                && op.padding().isNone() && op.groups() == 1 && op.dilationH() == 1 && op.dilationW() == 1;
        if (pointwise) {
            this.channelsFirst = null;
            long rows = (long) g.n() * g.pixels();
            int maxDim = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(rows, Math.max(g.c(), g.k())));
            // Forward (rows x c by c x k), backward data (rows x k by k x c) and backward weights
            // (k x rows by rows x c): c and k are two dimensions of every product, so its smallest
            // is at most min(c, k), however many rows the images give.
            this.gemm = ParallelGemm.forPlan(packedGemm, pool, maxDim, maxDim, maxDim, Math.min(g.c(), g.k()));
            this.epilogue = new GemmEpilogue(false, op.activation());
            this.arena = null;
            this.inputScratch = null;
            this.outputScratch = null;
            this.input = null;
            this.output = null;
        } else {
            this.channelsFirst = channelsFirst;
            this.gemm = null;
            this.epilogue = null;
            this.arena = Arena.ofShared();
            this.inputScratch = arena.allocate(g.input().elementCount() * Float.BYTES, 64);
            this.outputScratch = arena.allocate(g.output().elementCount() * Float.BYTES, 64);
            this.input = Tensor.wrap(inputScratch, g.input());
            this.output = Tensor.wrap(outputScratch, g.output());
        }
        this.biasBlock = new float[pointwise ? g.k() : 0];
        this.biasTotals = new double[pointwise ? g.k() : 0];
        if (pointwise && channelsFirst != null) {
            channelsFirst.close();
        }
    }

    @Override
    public Conv2d op() {
        return g.op();
    }

    @Override
    public Shape inputShape() {
        return g.input();
    }

    @Override
    public Shape outputShape() {
        return g.output();
    }

    @Override
    public Layout layout() {
        return Layout.NHWC;
    }

    private int rows() {
        return g.n() * g.pixels();
    }

    private void toChannelsFirst(Tensor src, MemorySegment dst, Shape shape) {
        LayoutTranspose.toChannelsFirst(src.segment(), dst, shape.dim(0), shape.dim(1), shape.dim(2) * shape.dim(3));
    }

    private void toChannelsLast(MemorySegment src, Tensor dst, Shape shape) {
        LayoutTranspose.toChannelsLast(src, dst.segment(), shape.dim(0), shape.dim(1), shape.dim(2) * shape.dim(3));
    }

    @Override
    public void forward(Tensor x, Tensor w, Tensor b, Tensor y) {
        if (channelsFirst != null) {
            toChannelsFirst(x, inputScratch, g.input());
            channelsFirst.forward(input, w, b, output);
            toChannelsLast(outputScratch, y, g.output());
            return;
        }
        epilogue.set(b == null ? null : b.segment());
        try {
            gemm.multiply(rows(), g.k(), g.c(), x.segment(), 0, g.c(), false, w.segment(), 0, g.c(), true,
                    y.segment(), 0, g.k(), false, epilogue.active() ? epilogue : null, 0);
        } finally {
            epilogue.set(null);
        }
    }

    @Override
    public void backwardData(Tensor dy, Tensor w, Tensor dx) {
        if (channelsFirst != null) {
            toChannelsFirst(dy, outputScratch, g.output());
            channelsFirst.backwardData(output, w, input);
            toChannelsLast(inputScratch, dx, g.input());
            return;
        }
        gemm.multiply(rows(), g.c(), g.k(), dy.segment(), 0, g.k(), false, w.segment(), 0, g.c(), false,
                dx.segment(), 0, g.c(), false);
    }

    @Override
    public void backwardWeights(Tensor x, Tensor dy, Tensor dw, Tensor db) {
        if (channelsFirst != null) {
            toChannelsFirst(x, inputScratch, g.input());
            toChannelsFirst(dy, outputScratch, g.output());
            channelsFirst.backwardWeights(input, output, dw, db);
            return;
        }
        gemm.multiply(g.k(), g.c(), rows(), dy.segment(), 0, g.k(), true, x.segment(), 0, g.c(), false,
                dw.segment(), 0, g.c(), false);
        if (db != null) {
            columnSums(dy.segment(), db.segment());
        }
    }

    /**
     * {@code db[k] = Σ_rows dy[row][k]}: vectors across {@code k} (contiguous in NHWC), rows summed
     * in float over blocks of {@link VectorBatchNorm2dPlan#BLOCK}, blocks in double, in order.
     */
    private void columnSums(MemorySegment dy, MemorySegment db) {
        int k = g.k();
        java.util.Arrays.fill(biasTotals, 0);
        for (int r0 = 0; r0 < rows(); r0 += VectorBatchNorm2dPlan.BLOCK) {
            int r1 = Math.min(rows(), r0 + VectorBatchNorm2dPlan.BLOCK);
            for (int kk = 0; kk < k; kk += LANES) {
                VectorMask<Float> m = SPECIES.indexInRange(kk, k);
                FloatVector acc = FloatVector.zero(SPECIES);
                for (int r = r0; r < r1; r++) {
                    acc = acc.add(FloatVector.fromMemorySegment(SPECIES, dy, ((long) r * k + kk) * Float.BYTES, ORDER,
                            m));
                }
                acc.intoArray(biasBlock, kk, m);
            }
            for (int kk = 0; kk < k; kk++) {
                biasTotals[kk] += biasBlock[kk];
            }
        }
        for (int kk = 0; kk < k; kk++) {
            db.setAtIndex(FLOAT, kk, (float) biasTotals[kk]);
        }
    }

    /** Whether this plan's GEMM holds the team's shared block of B (tests check its sizing). */
    boolean preparedSharedB() {
        return gemm != null && gemm.preparedSharedB();
    }

    @Override
    public void close() {
        if (channelsFirst != null) {
            channelsFirst.close();
        }
        if (arena != null) {
            arena.close();
        }
    }
}
