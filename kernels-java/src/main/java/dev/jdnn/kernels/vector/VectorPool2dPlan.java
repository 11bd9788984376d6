package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;
import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.ORDER;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

import dev.jdnn.Layout;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.Workspace;
import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Max and average pooling with PyTorch's semantics, planes cut into {@link WorkerPool#chunksFor}
 * chunks that the workers claim one at a time.
 *
 * <p>Vectorised across an output row: a vector holds {@code LANES} neighbouring outputs, and each
 * cell {@code (i, j)} of their windows is one strided load: every {@code strideW}-th input of one
 * row, for stride 2 two whole vectors whose even lanes one two-vector rearrange keeps. Window
 * cells are visited in row-major order, so the
 * reductions and the first-maximum routing follow the same order as the scalar definition. The
 * output columns whose windows touch the left or right padding, strides other than 1 and 2, and
 * windows too large for an exact float cell offset take the scalar path, which has the same rules.
 *
 * <p>NaN and infinities (the semantics all backends share): max pooling gives NaN for a window
 * holding a NaN, else its maximum (an all -Inf window gives -Inf); backward sends each window's
 * gradient to its first NaN if it has one, else to its first maximum. Padded cells never take part.
 * Backward recomputes the routing from {@code x} instead of storing an argmax in forward, because
 * it is handed {@code x} and may run without a forward on the same data.
 */
final class VectorPool2dPlan implements Pool2dPlan {
    private static final long VECTOR_BYTES = (long) LANES * Float.BYTES;
    /** Floats after each worker's scratch lanes: two cache lines. */
    private static final int FALSE_SHARING_PAD = 32;
    /** Lane {@code i} takes element {@code 2i} of two vectors side by side (stride-2 loads). */
    private static final VectorShuffle<Float> EVENS = VectorShuffle.fromOp(SPECIES, i -> 2 * i);
    /** Position {@code p} takes lane {@code p / 2} when even, else 0 from the second operand. */
    private static final VectorShuffle<Float> SPREAD_LOW =
            VectorShuffle.fromOp(SPECIES, p -> p % 2 == 0 ? p / 2 : LANES + p);
    /** The same for the next {@code LANES} positions: lane {@code LANES / 2 + p / 2} when even. */
    private static final VectorShuffle<Float> SPREAD_HIGH =
            VectorShuffle.fromOp(SPECIES, p -> p % 2 == 0 ? LANES / 2 + p / 2 : LANES + p);
    /** Cell offsets inside a window are tracked as floats; beyond this they would not be exact. */
    private static final long EXACT_FLOAT_INTEGERS = 1L << 24;
    /** Int lanes as many as the float lanes: window cell numbers beside the values. */
    private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, SPECIES.vectorShape());

    private final Pool2d op;
    private final Shape input;
    private final Shape output;
    private final WorkerPool pool;
    private final PoolWindows g;
    private final boolean max;
    private final boolean vectorRows;
    private final int planes;
    /** Per worker: the window cell offsets of one vector of outputs, for the scalar scatter. */
    private final float[][] offsets;
    /**
     * Offset of each cell of a whole window from its first cell, row-major (max pooling's vector
     * rows, else empty): the backward's search runs one flat loop over them, where a loop per
     * window row cost C2's loop set-up for each of a few iterations.
     */
    private final int[] windowCells;
    /** Per worker: one plane of dy and one of dx, for the workspace backward's scatter. */
    private final float[][] dyPlanes;
    private final float[][] dxPlanes;
    /*
     * One chunk loop per kind of pass, chosen per call, with no test of the kind inside: the loops'
     * bytecode is shared by every plan of the JVM, and a JVM that runs long phases of one kind and
     * then the other (the bench's quick run) taught C2 that a kind test was never taken. It trapped
     * when the other kind came, and once the method had been recompiled often enough HotSpot kept
     * the trap without recompiling ("unstable_if ... none" in the deoptimisation log): average
     * pooling then left compiled code on every call (3,880 traps in one quick run; pool_lenet's
     * forward 1.82 ms there against 0.075 ms in the next, AVX-512). Each loop calls its window
     * kernel directly, and keeps the scalar edges as loops around a per-window call: a call through
     * an interface per vector of windows slowed the 1-thread max forward 1.27-1.32x, and edge
     * methods taking a range of columns (called with empty ranges on every row of pool_cifar)
     * slowed its 2-thread forward 1.4-1.7x.
     */
    private final WorkerPool.Chunks maxForwardJob = this::maxForwardChunk;
    private final WorkerPool.Chunks routedForwardJob = this::routedForwardChunk;
    private final WorkerPool.Chunks averageForwardJob = this::averageForwardChunk;
    private final WorkerPool.Chunks maxBackwardJob = this::maxBackwardChunk;
    private final WorkerPool.Chunks averageBackwardJob;
    private final WorkerPool.Chunks scatterJob = this::scatterChunk;
    /** Average pooling's backward where the windows tile the input, else null. */
    private final TilingAverageBackward tiling;
    /** Chunks of the planes per call. */
    private final int chunks;
    /** Where the running forward records each output's routed cell (max pooling with a workspace), else null. */
    private int[] argmax;

    private MemorySegment x;
    private MemorySegment dy;
    private MemorySegment out;

    VectorPool2dPlan(Pool2d op, Shape input, WorkerPool pool) {
        this.op = op;
        this.input = input;
        this.output = op.outputShape(input);
        this.pool = pool;
        this.g = new PoolWindows(op, input);
        this.max = op.kind() == Pool2d.Kind.MAX;
        this.planes = input.dim(0) * input.dim(1);
        this.chunks = pool.chunksFor(planes);
        this.tiling = TilingAverageBackward.of(op, g);
        this.averageBackwardJob = tiling != null ? this::tilingAverageBackwardChunk : this::averageBackwardChunk;
        this.vectorRows = (g.strideW == 1 || g.strideW == 2)
                && (long) (g.kernelH - 1) * g.w + g.kernelW < EXACT_FLOAT_INTEGERS;
        // Padded past the lanes used, so that two workers' arrays never share a cache line.
        this.offsets = new float[pool.size()][LANES + FALSE_SHARING_PAD];
        this.windowCells = new int[max && vectorRows ? g.kernelH * g.kernelW : 0];
        for (int k = 0; k < windowCells.length; k++) {
            windowCells[k] = k / g.kernelW * g.w + k % g.kernelW;
        }
        boolean small = max && (long) g.h * g.w <= 1 << 20;
        // Padded too: LeNet's 5x5 and 10x10 planes of two members shared cache lines (pool2's
        // scatter at 2 threads, AVX-512: 0.129 ms per call with them, 0.094 padded; 0.032 at 1 thread).
        this.dyPlanes = new float[pool.size()][small ? g.oh * g.ow + FALSE_SHARING_PAD : 0];
        this.dxPlanes = new float[pool.size()][small ? g.h * g.w + FALSE_SHARING_PAD : 0];
    }

    @Override
    public Pool2d op() {
        return op;
    }

    @Override
    public Shape inputShape() {
        return input;
    }

    @Override
    public Shape outputShape() {
        return output;
    }

    @Override
    public void forward(Tensor xt, Tensor yt) {
        run(xt.segment(), null, yt.segment(), max ? maxForwardJob : averageForwardJob);
    }

    @Override
    public Layout layout() {
        return Layout.NCHW;
    }

    @Override
    public Workspace newWorkspace() {
        return new PoolArgmax(max ? Math.toIntExact(output.elementCount()) : 0);
    }

    @Override
    public void forward(Tensor xt, Tensor yt, Workspace ws) {
        if (!max) {
            forward(xt, yt);
            return;
        }
        argmax = ((PoolArgmax) ws).cells;
        try {
            run(xt.segment(), null, yt.segment(), routedForwardJob);
        } finally {
            argmax = null;
        }
    }

    @Override
    public void backward(Workspace ws, Tensor dyt, Tensor dxt) {
        if (!max) {
            // Average pooling reads no x: dx stands in for it where only its size is asked.
            run(dxt.segment(), dyt.segment(), dxt.segment(), averageBackwardJob);
            return;
        }
        argmax = ((PoolArgmax) ws).cells;
        try {
            run(null, dyt.segment(), dxt.segment(), scatterJob);
        } finally {
            argmax = null;
        }
    }

    /**
     * dx = 0, then each dy added to the cell the forward recorded, this chunk's planes. A plane of
     * dx is assembled in a heap array (one bulk copy in of dy, one out of dx): element-wise segment
     * accesses cost several times the adds.
     */
    private void scatterChunk(int member, int chunk, int count) {
        if (dxPlanes[member].length == 0 && g.h * g.w > 0) {
            scatterInPlace(chunk, count);
            return;
        }
        int[] cells = argmax;
        int outputs = g.oh * g.ow;
        int inputs = g.h * g.w;
        float[] gradient = dyPlanes[member];
        float[] plane = dxPlanes[member];
        int end = WorkerPool.start(planes, chunk + 1, count);
        for (int p = WorkerPool.start(planes, chunk, count); p < end; p++) {
            int yPlane = p * outputs;
            MemorySegment.copy(dy, FLOAT, (long) yPlane * Float.BYTES, gradient, 0, outputs);
            java.util.Arrays.fill(plane, 0, inputs, 0f);
            for (int o = 0; o < outputs; o++) {
                plane[cells[yPlane + o]] += gradient[o];
            }
            MemorySegment.copy(plane, 0, out, FLOAT, (long) p * inputs * Float.BYTES, inputs);
        }
    }

    @Override
    public void backward(Tensor xt, Tensor dyt, Tensor dxt) {
        run(xt.segment(), dyt.segment(), dxt.segment(), max ? maxBackwardJob : averageBackwardJob);
    }

    private void run(MemorySegment a, MemorySegment gradient, MemorySegment o, WorkerPool.Chunks job) {
        x = a;
        dy = gradient;
        out = o;
        try {
            pool.run(job, chunks);
        } finally {
            x = null;
            dy = null;
            out = null;
        }
    }

    private int vectorEnd() {
        return vectorRows ? g.interiorEnd : g.interiorStart;
    }

    /** {@link #scatterChunk} straight on the segments, for planes too large for the heap scratch. */
    private void scatterInPlace(int chunk, int count) {
        int[] cells = argmax;
        int outputs = g.oh * g.ow;
        int end = WorkerPool.start(planes, chunk + 1, count);
        for (int p = WorkerPool.start(planes, chunk, count); p < end; p++) {
            long xPlane = (long) p * g.h * g.w;
            int yPlane = p * outputs;
            SegmentVectors.fill(out, xPlane, g.h * g.w, 0f);
            for (int o = 0; o < outputs; o++) {
                long at = xPlane + cells[yPlane + o];
                out.setAtIndex(FLOAT, at, out.getAtIndex(FLOAT, at) + dy.getAtIndex(FLOAT, yPlane + o));
            }
        }
    }

    /** Input index of the first cell of output {@code (yo, xo)}'s window (an interior column). */
    private long origin(long xPlane, int yo, int xo) {
        return xPlane + (long) g.firstRow[yo] * g.w + ((long) xo * g.strideW - g.left);
    }

    /**
     * Whether every load of a vector of windows starting at {@code origin} stays inside the tensor
     * (the strided loads read whole vectors, past the last window's cells); near the tensor's end
     * the scalar path takes over.
     */
    private boolean loadsInside(long origin, int yo, long limit) {
        long lastRow = origin + (long) (g.endRow[yo] - g.firstRow[yo] - 1) * g.w;
        return lastRow + g.kernelW - 1 + (long) g.strideW * LANES <= limit;
    }

    private void maxForwardChunk(int member, int chunk, int count) {
        long limit = x.byteSize() / Float.BYTES;
        int end = WorkerPool.start(planes, chunk + 1, count);
        for (int plane = WorkerPool.start(planes, chunk, count); plane < end; plane++) {
            long xPlane = (long) plane * g.h * g.w;
            long yPlane = (long) plane * g.oh * g.ow;
            for (int yo = 0; yo < g.oh; yo++) {
                long yRow = yPlane + (long) yo * g.ow;
                int xo = 0;
                for (; xo < g.interiorStart; xo++) {
                    out.setAtIndex(FLOAT, yRow + xo, scalarMax(xPlane, yo, xo));
                }
                for (int lanes; xo < vectorEnd(); xo += lanes) {
                    lanes = Math.min(LANES, vectorEnd() - xo);
                    long origin = origin(xPlane, yo, xo);
                    if (!loadsInside(origin, yo, limit)) {
                        for (int lane = 0; lane < lanes; lane++) {
                            out.setAtIndex(FLOAT, yRow + xo + lane, scalarMax(xPlane, yo, xo + lane));
                        }
                    } else {
                        maxWindows(origin, g.endRow[yo] - g.firstRow[yo], lanes, yRow + xo);
                    }
                }
                for (; xo < g.ow; xo++) {
                    out.setAtIndex(FLOAT, yRow + xo, scalarMax(xPlane, yo, xo));
                }
            }
        }
    }

    /** As {@link #maxForwardChunk}, recording each output's routed cell in {@link #argmax}. */
    private void routedForwardChunk(int member, int chunk, int count) {
        long limit = x.byteSize() / Float.BYTES;
        int end = WorkerPool.start(planes, chunk + 1, count);
        for (int plane = WorkerPool.start(planes, chunk, count); plane < end; plane++) {
            long xPlane = (long) plane * g.h * g.w;
            long yPlane = (long) plane * g.oh * g.ow;
            for (int yo = 0; yo < g.oh; yo++) {
                long yRow = yPlane + (long) yo * g.ow;
                int xo = 0;
                for (; xo < g.interiorStart; xo++) {
                    out.setAtIndex(FLOAT, yRow + xo, scalarRoutedMax(xPlane, yo, xo, yRow + xo));
                }
                for (int lanes; xo < vectorEnd(); xo += lanes) {
                    lanes = Math.min(LANES, vectorEnd() - xo);
                    long origin = origin(xPlane, yo, xo);
                    if (!loadsInside(origin, yo, limit)) {
                        for (int lane = 0; lane < lanes; lane++) {
                            out.setAtIndex(FLOAT, yRow + xo + lane, scalarRoutedMax(xPlane, yo, xo + lane, yRow + xo + lane));
                        }
                    } else {
                        routedMaxWindows(origin, g.endRow[yo] - g.firstRow[yo], lanes, yRow + xo, xPlane);
                    }
                }
                for (; xo < g.ow; xo++) {
                    out.setAtIndex(FLOAT, yRow + xo, scalarRoutedMax(xPlane, yo, xo, yRow + xo));
                }
            }
        }
    }

    private void averageForwardChunk(int member, int chunk, int count) {
        long limit = x.byteSize() / Float.BYTES;
        int end = WorkerPool.start(planes, chunk + 1, count);
        for (int plane = WorkerPool.start(planes, chunk, count); plane < end; plane++) {
            long xPlane = (long) plane * g.h * g.w;
            long yPlane = (long) plane * g.oh * g.ow;
            for (int yo = 0; yo < g.oh; yo++) {
                long yRow = yPlane + (long) yo * g.ow;
                float divisor = (float) ((double) g.divisorRows[yo] * g.kernelW);
                int xo = 0;
                for (; xo < g.interiorStart; xo++) {
                    out.setAtIndex(FLOAT, yRow + xo, scalarAverage(xPlane, yo, xo));
                }
                for (int lanes; xo < vectorEnd(); xo += lanes) {
                    lanes = Math.min(LANES, vectorEnd() - xo);
                    long origin = origin(xPlane, yo, xo);
                    if (!loadsInside(origin, yo, limit)) {
                        for (int lane = 0; lane < lanes; lane++) {
                            out.setAtIndex(FLOAT, yRow + xo + lane, scalarAverage(xPlane, yo, xo + lane));
                        }
                    } else {
                        averageWindows(origin, g.endRow[yo] - g.firstRow[yo], lanes, yRow + xo, divisor);
                    }
                }
                for (; xo < g.ow; xo++) {
                    out.setAtIndex(FLOAT, yRow + xo, scalarAverage(xPlane, yo, xo));
                }
            }
        }
    }

    /**
     * As {@link #maxWindows}, and records each window's routed cell (first NaN, else first maximum)
     * in {@link #argmax}, as an index in the plane: the search of {@link #maxBackwardWindows}, run
     * once in the forward so that the backward only scatters.
     */
    private void routedMaxWindows(long origin, int rows, int lanes, long yAt, long xPlane) {
        VectorShuffle<Float> evens = EVENS;
        int s = g.strideW;
        boolean stride2 = s == 2;
        FloatVector best = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        IntVector bestCell = IntVector.zero(INTS);
        VectorMask<Float> bestIsNaN = SPECIES.maskAll(false);
        for (int i = 0; i < rows; i++) {
            int rowOffset = i * g.w;
            long at = (origin + rowOffset) * Float.BYTES;
            for (int j = 0; j < g.kernelW; j++) {
                long byteAt = at + (long) j * Float.BYTES;
                FloatVector v = FloatVector.fromMemorySegment(SPECIES, x, byteAt, ORDER);
                if (stride2) {
                    v = v.rearrange(evens, FloatVector.fromMemorySegment(SPECIES, x, byteAt + VECTOR_BYTES, ORDER));
                }
                VectorMask<Float> isNaN = v.compare(VectorOperators.NE, v);
                VectorMask<Float> take = v.compare(VectorOperators.GT, best).or(isNaN.andNot(bestIsNaN));
                best = best.blend(v, take);
                bestCell = bestCell.blend(rowOffset + j, take.cast(INTS));
                bestIsNaN = bestIsNaN.or(isNaN);
            }
        }
        store(best, yAt, lanes);
        // Lane l's window starts s·l cells after the chunk's first window.
        IntVector first = IntVector.zero(INTS).addIndex(s).add((int) (origin - xPlane));
        first.add(bestCell).intoArray(argmax, (int) yAt, INTS.indexInRange(0, lanes));
    }

    /*
     * The window kernels below load, reduce and store within one method: a vector passed to or
     * returned from a call the JIT does not inline is boxed on the heap (a helper returning the
     * strided load cost 590 MB of garbage per pool_stem forward).
     */

    /** {@code out[yAt + lane]} = the first maximum (NaN if any) of the windows of {@code lanes} outputs. */
    private void maxWindows(long origin, int rows, int lanes, long yAt) {
        VectorShuffle<Float> evens = EVENS;
        boolean stride2 = g.strideW == 2;
        FloatVector acc = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < rows; i++) {
            long at = (origin + (long) i * g.w) * Float.BYTES;
            for (int j = 0; j < g.kernelW; j++) {
                long byteAt = at + (long) j * Float.BYTES;
                FloatVector v = FloatVector.fromMemorySegment(SPECIES, x, byteAt, ORDER);
                if (stride2) {
                    v = v.rearrange(evens, FloatVector.fromMemorySegment(SPECIES, x, byteAt + VECTOR_BYTES, ORDER));
                }
                // Greater or NaN replaces: the first maximum wins, as in the routed pass and naive
                // (FloatVector.max ranks +0.0 above an earlier -0.0), and a NaN sticks.
                acc = acc.blend(v, v.compare(VectorOperators.GT, acc).or(v.compare(VectorOperators.NE, v)));
            }
        }
        store(acc, yAt, lanes);
    }

    /** {@code out[yAt + lane]} = the sum over the windows of {@code lanes} outputs, over {@code divisor}. */
    private void averageWindows(long origin, int rows, int lanes, long yAt, float divisor) {
        VectorShuffle<Float> evens = EVENS;
        boolean stride2 = g.strideW == 2;
        FloatVector acc = FloatVector.zero(SPECIES);
        for (int i = 0; i < rows; i++) {
            long at = (origin + (long) i * g.w) * Float.BYTES;
            for (int j = 0; j < g.kernelW; j++) {
                long byteAt = at + (long) j * Float.BYTES;
                FloatVector v = FloatVector.fromMemorySegment(SPECIES, x, byteAt, ORDER);
                if (stride2) {
                    v = v.rearrange(evens, FloatVector.fromMemorySegment(SPECIES, x, byteAt + VECTOR_BYTES, ORDER));
                }
                acc = acc.add(v);
            }
        }
        // Interior windows count every column of the kernel, whatever countIncludePad says.
        store(acc.div(divisor), yAt, lanes);
    }

    private void store(FloatVector v, long yAt, int lanes) {
        if (lanes == LANES) {
            v.intoMemorySegment(out, yAt * Float.BYTES, ORDER);
        } else {
            v.intoMemorySegment(out, yAt * Float.BYTES, ORDER, SPECIES.indexInRange(0, lanes));
        }
    }

    /** Window {@code (yo, xo)}'s first maximum (NaN if it holds one), one cell at a time. */
    private float scalarMax(long xPlane, int yo, int xo) {
        return x.getAtIndex(FLOAT, routedCell(xPlane, yo, xo));
    }

    /** As {@link #scalarMax}, recording the routed cell of output {@code yAt} in {@link #argmax}. */
    private float scalarRoutedMax(long xPlane, int yo, int xo, long yAt) {
        long cell = routedCell(xPlane, yo, xo);
        argmax[(int) yAt] = (int) (cell - xPlane);
        return x.getAtIndex(FLOAT, cell);
    }

    /** Window {@code (yo, xo)}'s mean, one cell at a time. */
    private float scalarAverage(long xPlane, int yo, int xo) {
        float sum = 0f;
        for (int ih = g.firstRow[yo]; ih < g.endRow[yo]; ih++) {
            long row = xPlane + (long) ih * g.w;
            for (int iw = g.firstColumn[xo]; iw < g.endColumn[xo]; iw++) {
                sum += x.getAtIndex(FLOAT, row + iw);
            }
        }
        return (float) (sum / g.divisor(yo, xo));
    }

    /** Index of window {@code (yo, xo)}'s first NaN, else of its first maximum, row-major. */
    private long routedCell(long xPlane, int yo, int xo) {
        long best = xPlane + (long) g.firstRow[yo] * g.w + g.firstColumn[xo];
        float bestValue = x.getAtIndex(FLOAT, best);
        for (int ih = g.firstRow[yo]; ih < g.endRow[yo]; ih++) {
            long row = xPlane + (long) ih * g.w;
            for (int iw = g.firstColumn[xo]; iw < g.endColumn[xo]; iw++) {
                float v = x.getAtIndex(FLOAT, row + iw);
                if (v > bestValue || (v != v && bestValue == bestValue)) {
                    bestValue = v;
                    best = row + iw;
                }
            }
        }
        return best;
    }

    /**
     * dx of this chunk's planes for max pooling without a workspace: the routing recomputed from
     * x. The rows of dx are zeroed just before the first window that reaches them (windows start
     * row by row in order), so the adds find them in L1 rather than after a pass over the whole
     * plane.
     */
    private void maxBackwardChunk(int member, int chunk, int count) {
        float[] cells = offsets[member];
        long limit = x.byteSize() / Float.BYTES;
        int end = WorkerPool.start(planes, chunk + 1, count);
        for (int plane = WorkerPool.start(planes, chunk, count); plane < end; plane++) {
            long xPlane = (long) plane * g.h * g.w;
            long yPlane = (long) plane * g.oh * g.ow;
            int zeroed = 0;
            for (int yo = 0; yo < g.oh; yo++) {
                long yRow = yPlane + (long) yo * g.ow;
                if (g.endRow[yo] > zeroed) {
                    SegmentVectors.fill(out, xPlane + (long) zeroed * g.w, (g.endRow[yo] - zeroed) * g.w, 0f);
                    zeroed = g.endRow[yo];
                }
                scalarMaxBackward(xPlane, yo, yRow, 0, g.interiorStart);
                int xo = g.interiorStart;
                for (int lanes; xo < vectorEnd(); xo += lanes) {
                    lanes = Math.min(LANES, vectorEnd() - xo);
                    long origin = origin(xPlane, yo, xo);
                    if (loadsInside(origin, yo, limit)) {
                        maxBackwardWindows(origin, g.endRow[yo] - g.firstRow[yo], lanes, yRow + xo, cells);
                    } else {
                        scalarMaxBackward(xPlane, yo, yRow, xo, xo + lanes);
                    }
                }
                scalarMaxBackward(xPlane, yo, yRow, xo, g.ow);
            }
            // Rows below every window.
            SegmentVectors.fill(out, xPlane + (long) zeroed * g.w, (g.h - zeroed) * g.w, 0f);
        }
    }

    /** dx of this chunk's planes for average pooling over windows that tile the input ({@link TilingAverageBackward}). */
    private void tilingAverageBackwardChunk(int member, int chunk, int count) {
        tiling.planes(dy, out, WorkerPool.start(planes, chunk, count), WorkerPool.start(planes, chunk + 1, count));
    }

    /** dx of this chunk's planes for average pooling (reads no x: its stores are masked to the windows). */
    private void averageBackwardChunk(int member, int chunk, int count) {
        int end = WorkerPool.start(planes, chunk + 1, count);
        for (int plane = WorkerPool.start(planes, chunk, count); plane < end; plane++) {
            long xPlane = (long) plane * g.h * g.w;
            long yPlane = (long) plane * g.oh * g.ow;
            SegmentVectors.fill(out, xPlane, g.h * g.w, 0f);
            for (int yo = 0; yo < g.oh; yo++) {
                long yRow = yPlane + (long) yo * g.ow;
                float divisor = (float) ((double) g.divisorRows[yo] * g.kernelW);
                scalarAverageBackward(xPlane, yo, yRow, 0, g.interiorStart);
                int xo = g.interiorStart;
                for (int lanes; xo < vectorEnd(); xo += lanes) {
                    lanes = Math.min(LANES, vectorEnd() - xo);
                    averageBackwardWindows(origin(xPlane, yo, xo), g.endRow[yo] - g.firstRow[yo], lanes,
                            yRow + xo, divisor);
                }
                scalarAverageBackward(xPlane, yo, yRow, xo, g.ow);
            }
        }
    }

    /**
     * Finds, for {@code lanes} neighbouring windows at once, the offset of the cell each routes to
     * (first NaN, else first strict maximum, row-major), then adds each gradient to its cell one
     * at a time, since overlapping windows may route to the same cell.
     */
    private void maxBackwardWindows(long origin, int rows, int lanes, long yAt, float[] cells) {
        VectorShuffle<Float> evens = EVENS;
        int s = g.strideW;
        boolean stride2 = s == 2;
        FloatVector best = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        FloatVector bestCell = FloatVector.zero(SPECIES);
        VectorMask<Float> bestIsNaN = SPECIES.maskAll(false);
        int[] windowCells = this.windowCells;
        long first = origin * Float.BYTES;
        // The window's first rows (the rest lie in the padding), row-major.
        for (int k = 0, count = rows * g.kernelW; k < count; k++) {
            int cell = windowCells[k];
            long byteAt = first + (long) cell * Float.BYTES;
            FloatVector v = FloatVector.fromMemorySegment(SPECIES, x, byteAt, ORDER);
            if (stride2) {
                v = v.rearrange(evens, FloatVector.fromMemorySegment(SPECIES, x, byteAt + VECTOR_BYTES, ORDER));
            }
            VectorMask<Float> isNaN = v.compare(VectorOperators.NE, v);
            // A greater cell replaces the best so far and the first NaN replaces anything that
            // is not NaN; an all -Inf window keeps cell offset 0, its first cell.
            VectorMask<Float> take = v.compare(VectorOperators.GT, best).or(isNaN.andNot(bestIsNaN));
            best = best.blend(v, take);
            bestCell = bestCell.blend((float) cell, take);
            bestIsNaN = bestIsNaN.or(isNaN);
        }
        bestCell.intoArray(cells, 0);
        for (int lane = 0; lane < lanes; lane++) {
            long at = origin + (long) lane * s + (long) cells[lane];
            out.setAtIndex(FLOAT, at, out.getAtIndex(FLOAT, at) + dy.getAtIndex(FLOAT, yAt + lane));
        }
    }

    /**
     * Adds {@code dy / divisor} to every cell of {@code lanes} neighbouring interior windows. With
     * stride 2 each share is spread onto the even positions of two vectors (zeros between), and
     * the stores are masked to the chunk's own windows: past them may lie another worker's plane.
     */
    private void averageBackwardWindows(long origin, int rows, int lanes, long yAt, float divisor) {
        int s = g.strideW;
        VectorMask<Float> m = SPECIES.indexInRange(0, lanes);
        FloatVector share = FloatVector.fromMemorySegment(SPECIES, dy, yAt * Float.BYTES, ORDER, m).div(divisor);
        FloatVector zero = FloatVector.zero(SPECIES);
        if (s == 1) {
            for (int i = 0; i < rows; i++) {
                long at = (origin + (long) i * g.w) * Float.BYTES;
                for (int j = 0; j < g.kernelW; j++) {
                    long byteAt = at + (long) j * Float.BYTES;
                    FloatVector.fromMemorySegment(SPECIES, out, byteAt, ORDER, m).add(share)
                            .intoMemorySegment(out, byteAt, ORDER, m);
                }
            }
            return;
        }
        int span = 2 * lanes - 1;
        VectorMask<Float> lowMask = SPECIES.indexInRange(0, Math.min(LANES, span));
        VectorMask<Float> highMask = SPECIES.indexInRange(0, Math.max(0, span - LANES));
        FloatVector low = share.rearrange(SPREAD_LOW, zero);
        FloatVector high = share.rearrange(SPREAD_HIGH, zero);
        for (int i = 0; i < rows; i++) {
            long at = (origin + (long) i * g.w) * Float.BYTES;
            for (int j = 0; j < g.kernelW; j++) {
                long byteAt = at + (long) j * Float.BYTES;
                FloatVector.fromMemorySegment(SPECIES, out, byteAt, ORDER, lowMask).add(low)
                        .intoMemorySegment(out, byteAt, ORDER, lowMask);
                FloatVector.fromMemorySegment(SPECIES, out, byteAt + VECTOR_BYTES, ORDER, highMask).add(high)
                        .intoMemorySegment(out, byteAt + VECTOR_BYTES, ORDER, highMask);
            }
        }
    }

    /** Gradients of outputs {@code from..to} of row {@code yo}, each added to its window's routed cell. */
    private void scalarMaxBackward(long xPlane, int yo, long yRow, int from, int to) {
        for (int xo = from; xo < to; xo++) {
            long at = routedCell(xPlane, yo, xo);
            out.setAtIndex(FLOAT, at, out.getAtIndex(FLOAT, at) + dy.getAtIndex(FLOAT, yRow + xo));
        }
    }

    /** Gradients of outputs {@code from..to} of row {@code yo}, each shared out over its window. */
    private void scalarAverageBackward(long xPlane, int yo, long yRow, int from, int to) {
        for (int xo = from; xo < to; xo++) {
            float share = (float) (dy.getAtIndex(FLOAT, yRow + xo) / g.divisor(yo, xo));
            for (int ih = g.firstRow[yo]; ih < g.endRow[yo]; ih++) {
                long row = xPlane + (long) ih * g.w;
                for (int iw = g.firstColumn[xo]; iw < g.endColumn[xo]; iw++) {
                    out.setAtIndex(FLOAT, row + iw, out.getAtIndex(FLOAT, row + iw) + share);
                }
            }
        }
    }

    @Override
    public void close() {
        // Nothing to release: the plan's scratch lives on the heap.
    }
}
