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
import jdk.incubator.vector.VectorSpecies;

/**
 * Max and average pooling on NHWC tensors, vectorised across channels: the {@code c} values of
 * one pixel are contiguous, so a window cell is one vector load per {@code LANES} channels and no
 * gather is needed, whatever the stride or padding. Window cells are visited in row-major order,
 * so sums add in the scalar definition's order and max pooling routes to the first NaN, else the
 * first maximum, as the NCHW plan and naive do (padded cells never take part: windows cover only
 * real cells).
 *
 * <p>Each lane is one channel, so the lanes of one vector never route to the same cell: the
 * backward adds {@code dy} to each window cell under the mask of the lanes that route there, in
 * whole vectors, instead of one element at a time. Backward from {@code x} finds the routing and
 * adds in one pass; forward with a workspace records each output's routed cell, and backward from
 * the workspace adds one float per output in output order (a vector store per pixel and channel
 * vector, comparing the recorded cells with the pixel's where windows tile the input, measured
 * 1.3-3.7x slower in the LeNet-5 step at 6 and 16 channels). Forward without a workspace only
 * reduces. Images are cut into {@link WorkerPool#chunksFor} chunks that
 * the workers claim.
 *
 * <p>Fewer channels than a vector (LeNet's 6): a pixel's tail loads and stores a whole vector
 * where that stays inside the tensors and the lanes past {@code c} land on this image's later
 * outputs, which the loop writes afterwards; masked loads and stores ran several times slower.
 */
final class ChannelsLastPool2dPlan implements Pool2dPlan {
    private static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, SPECIES.vectorShape());

    private final Pool2d op;
    private final Shape input;
    private final Shape output;
    private final WorkerPool pool;
    private final PoolWindows g;
    private final boolean max;
    private final int n;
    private final int c;
    /**
     * Channels in whole vectors, run without masks; the rest go in one masked tail per pixel, its
     * mask built where it is used (a mask held in a field, or chosen per vector, is boxed).
     */
    private final int wholeChannels;
    /**
     * Whether no two windows share a cell (stride at least the kernel on both axes): each dx cell
     * then takes at most one gradient, so the max backward stores instead of adding into dx.
     */
    private final boolean disjoint;
    /** Whether the windows also cover every input cell, so that the max backward need not clear dx first. */
    private final boolean tiling;
    private final int chunks;
    /** The forward for few channels and windows side by side along a row, or null (see {@link ChannelsLastRowPooling}). */
    private final ChannelsLastRowPooling rowPooling;
    /** The max forward of 2x2 windows with stride 2 on whole channel vectors, or null (see {@link ChannelsLastMaxPool2x2}). */
    private final ChannelsLastMaxPool2x2 twoByTwo;
    private final WorkerPool.Chunks forwardJob;
    private final WorkerPool.Chunks routedForwardJob = this::routedForwardChunk;
    private final WorkerPool.Chunks maxBackwardJob = this::maxBackwardChunk;
    private final WorkerPool.Chunks scatterJob = this::scatterChunk;
    private final WorkerPool.Chunks averageBackwardJob = this::averageBackwardChunk;

    private MemorySegment x;
    private MemorySegment y;
    private MemorySegment dy;
    private MemorySegment dx;
    private int[] cells;

    ChannelsLastPool2dPlan(Pool2d op, Shape input, WorkerPool pool) {
        this.op = op;
        this.input = input;
        this.output = op.outputShape(input);
        this.pool = pool;
        this.g = new PoolWindows(op, input);
        this.max = op.kind() == Pool2d.Kind.MAX;
        this.n = input.dim(0);
        this.c = input.dim(1);
        this.wholeChannels = c - c % LANES;
        this.disjoint = g.strideH >= g.kernelH && g.strideW >= g.kernelW;
        this.tiling = g.strideH == g.kernelH && g.strideW == g.kernelW && (long) g.oh * g.kernelH == g.h
                && (long) g.ow * g.kernelW == g.w && op.padding().left() == 0 && op.padding().top() == 0;
        this.chunks = pool.chunksFor(n);
        this.rowPooling = ChannelsLastRowPooling.of(op, g, c);
        this.twoByTwo = ChannelsLastMaxPool2x2.of(op, g, c);
        this.forwardJob = twoByTwo != null ? this::twoByTwoForwardChunk : this::forwardChunk;
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
    public Layout layout() {
        return Layout.NHWC;
    }

    @Override
    public Workspace newWorkspace() {
        return new PoolArgmax(max ? Math.toIntExact(output.elementCount()) : 0);
    }

    @Override
    public void forward(Tensor xt, Tensor yt) {
        run(xt.segment(), yt.segment(), null, null, null, forwardJob);
    }

    @Override
    public void forward(Tensor xt, Tensor yt, Workspace ws) {
        if (max) {
            run(xt.segment(), yt.segment(), null, null, ((PoolArgmax) ws).cells, routedForwardJob);
        } else {
            forward(xt, yt);
        }
    }

    @Override
    public void backward(Workspace ws, Tensor dyt, Tensor dxt) {
        if (max) {
            run(null, null, dyt.segment(), dxt.segment(), ((PoolArgmax) ws).cells, scatterJob);
        } else {
            run(null, null, dyt.segment(), dxt.segment(), null, averageBackwardJob);
        }
    }

    @Override
    public void backward(Tensor xt, Tensor dyt, Tensor dxt) {
        if (max) {
            run(xt.segment(), null, dyt.segment(), dxt.segment(), null, maxBackwardJob);
        } else {
            run(null, null, dyt.segment(), dxt.segment(), null, averageBackwardJob);
        }
    }

    private void run(MemorySegment xs, MemorySegment ys, MemorySegment dys, MemorySegment dxs, int[] argmax,
            WorkerPool.Chunks job) {
        x = xs;
        y = ys;
        dy = dys;
        dx = dxs;
        cells = argmax;
        try {
            pool.run(job, chunks);
        } finally {
            x = null;
            y = null;
            dy = null;
            dx = null;
            cells = null;
        }
    }

    private long imageCells() {
        return (long) g.h * g.w * c;
    }

    private long imageOutputs() {
        return (long) g.oh * g.ow * c;
    }

    /** Input index of the first real cell of window {@code (yo, xo)} in the image at {@code xImage}. */
    private long windowStart(long xImage, int yo, int xo) {
        return xImage + ((long) g.firstRow[yo] * g.w + g.firstColumn[xo]) * c;
    }

    /** dx = 0 over the image at {@code xImage}. */
    private void clear(long xImage) {
        dx.asSlice(xImage * Float.BYTES, imageCells() * Float.BYTES).fill((byte) 0);
    }

    /**
     * y of this chunk's images: each window's maximum (NaN if it holds one) or mean, one vector of
     * channels at a time, unmasked but for a tail that must keep to the tensors (see the class
     * comment); a call per vector, small enough for C2 to inline (one method per pixel, with the
     * tail's choice of load inside its loop, ran at 25 ns per 6-channel pixel).
     */
    private void forwardChunk(int member, int chunk, int count) {
        long limit = x.byteSize() / Float.BYTES;
        int end = WorkerPool.start(n, chunk + 1, count);
        for (int image = WorkerPool.start(n, chunk, count); image < end; image++) {
            if (rowPooling != null) {
                rowPooling.forwardImage(x, y, image * imageCells(), image * imageOutputs(), limit);
            } else {
                forwardImage(image, limit);
            }
        }
    }

    /** y of this chunk's images through {@link ChannelsLastMaxPool2x2}. */
    private void twoByTwoForwardChunk(int member, int chunk, int count) {
        twoByTwo.images(x, y, WorkerPool.start(n, chunk, count), WorkerPool.start(n, chunk + 1, count));
    }

    /** y of one image (one window vector at a time, or a pixel's channels four vectors at a time). */
    private void forwardImage(int image, long limit) {
        long xImage = image * imageCells();
        long yAt = image * imageOutputs();
        long yEnd = yAt + imageOutputs();
        for (int yo = 0; yo < g.oh; yo++) {
            int rows = g.endRow[yo] - g.firstRow[yo];
            for (int xo = 0; xo < g.ow; xo++, yAt += c) {
                long start = windowStart(xImage, yo, xo);
                int columns = g.endColumn[xo] - g.firstColumn[xo];
                float divisor = max ? 1 : (float) g.divisor(yo, xo);
                int ch = 0;
                if (max) {
                    maxPixel(start, rows, columns, yAt);
                    ch = wholeChannels;
                }
                for (; ch < wholeChannels; ch += LANES) {
                    averageVector(start + ch, rows, columns, yAt + ch, divisor);
                }
                if (ch == c) {
                    continue;
                }
                // The tail may load whole vectors where they stay inside x, and store one where
                // the lanes past the pixel land on this image's later outputs.
                boolean whole = start + ((long) (rows - 1) * g.w + columns - 1) * c + c + LANES <= limit
                        && yAt + ch + LANES <= yEnd;
                if (whole && max) {
                    maxVector(start + ch, rows, columns, yAt + ch);
                } else if (whole) {
                    averageVector(start + ch, rows, columns, yAt + ch, divisor);
                } else if (max) {
                    maxTail(start + ch, rows, columns, yAt + ch, ch);
                } else {
                    averageTail(start + ch, rows, columns, yAt + ch, divisor, ch);
                }
            }
        }
    }

    /**
     * The window maxima of one vector of channels from input index {@code start}: a cell replaces
     * the maximum so far when it is greater or NaN, so the first maximum wins as on the routed path
     * and in naive (FloatVector.max would rank +0.0 above an earlier -0.0), and a NaN sticks.
     */
    private void maxVector(long start, int rows, int columns, long yAt) {
        long rowStep = (long) g.w * c;
        FloatVector acc = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < rows; i++) {
            long at = start + i * rowStep;
            for (int j = 0; j < columns; j++, at += c) {
                FloatVector v = FloatVector.fromMemorySegment(SPECIES, x, at * Float.BYTES, ORDER);
                acc = acc.blend(v, v.compare(VectorOperators.GT, acc).or(v.compare(VectorOperators.NE, v)));
            }
        }
        acc.intoMemorySegment(y, yAt * Float.BYTES, ORDER);
    }

    /**
     * The window maxima of a pixel's whole channel vectors: four vectors at a time, each window
     * cell's four read one after the other (one vector across the window and then the next, the
     * reads jumping between cells, ran pool_cifar at 1.6 ms against 0.29 for half the batch once x
     * left the cache), then single vectors. Each channel sees the cells in row-major order.
     */
    private void maxPixel(long start, int rows, int columns, long yAt) {
        int ch = 0;
        for (; ch + 4 * LANES <= wholeChannels; ch += 4 * LANES) {
            maxFour(start + ch, rows, columns, yAt + ch);
        }
        for (; ch < wholeChannels; ch += LANES) {
            maxVector(start + ch, rows, columns, yAt + ch);
        }
    }

    /** {@link #maxVector} for four channel vectors side by side. */
    private void maxFour(long start, int rows, int columns, long yAt) {
        long rowStep = (long) g.w * c;
        FloatVector a0 = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        FloatVector a1 = a0;
        FloatVector a2 = a0;
        FloatVector a3 = a0;
        for (int i = 0; i < rows; i++) {
            long at = start + i * rowStep;
            for (int j = 0; j < columns; j++, at += c) {
                long b = at * Float.BYTES;
                FloatVector v0 = FloatVector.fromMemorySegment(SPECIES, x, b, ORDER);
                FloatVector v1 = FloatVector.fromMemorySegment(SPECIES, x, b + LANES * Float.BYTES, ORDER);
                FloatVector v2 = FloatVector.fromMemorySegment(SPECIES, x, b + 2 * LANES * Float.BYTES, ORDER);
                FloatVector v3 = FloatVector.fromMemorySegment(SPECIES, x, b + 3 * LANES * Float.BYTES, ORDER);
                a0 = a0.blend(v0, v0.compare(VectorOperators.GT, a0).or(v0.compare(VectorOperators.NE, v0)));
                a1 = a1.blend(v1, v1.compare(VectorOperators.GT, a1).or(v1.compare(VectorOperators.NE, v1)));
                a2 = a2.blend(v2, v2.compare(VectorOperators.GT, a2).or(v2.compare(VectorOperators.NE, v2)));
                a3 = a3.blend(v3, v3.compare(VectorOperators.GT, a3).or(v3.compare(VectorOperators.NE, v3)));
            }
        }
        long b = yAt * Float.BYTES;
        a0.intoMemorySegment(y, b, ORDER);
        a1.intoMemorySegment(y, b + LANES * Float.BYTES, ORDER);
        a2.intoMemorySegment(y, b + 2 * LANES * Float.BYTES, ORDER);
        a3.intoMemorySegment(y, b + 3 * LANES * Float.BYTES, ORDER);
    }

    /** {@link #maxVector} for the channels from {@code ch} to c, under a mask built here. */
    private void maxTail(long start, int rows, int columns, long yAt, int ch) {
        VectorMask<Float> tail = SPECIES.indexInRange(ch, c);
        long rowStep = (long) g.w * c;
        FloatVector acc = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < rows; i++) {
            long at = start + i * rowStep;
            for (int j = 0; j < columns; j++, at += c) {
                FloatVector v = FloatVector.fromMemorySegment(SPECIES, x, at * Float.BYTES, ORDER, tail);
                acc = acc.blend(v, v.compare(VectorOperators.GT, acc).or(v.compare(VectorOperators.NE, v)));
            }
        }
        acc.intoMemorySegment(y, yAt * Float.BYTES, ORDER, tail);
    }

    /** The window means of one vector of channels from input index {@code start}, summed in row-major order. */
    private void averageVector(long start, int rows, int columns, long yAt, float divisor) {
        long rowStep = (long) g.w * c;
        FloatVector acc = FloatVector.zero(SPECIES);
        for (int i = 0; i < rows; i++) {
            long at = start + i * rowStep;
            for (int j = 0; j < columns; j++, at += c) {
                acc = acc.add(FloatVector.fromMemorySegment(SPECIES, x, at * Float.BYTES, ORDER));
            }
        }
        acc.div(divisor).intoMemorySegment(y, yAt * Float.BYTES, ORDER);
    }

    /** {@link #averageVector} for the channels from {@code ch} to c, under a mask built here. */
    private void averageTail(long start, int rows, int columns, long yAt, float divisor, int ch) {
        VectorMask<Float> tail = SPECIES.indexInRange(ch, c);
        long rowStep = (long) g.w * c;
        FloatVector acc = FloatVector.zero(SPECIES);
        for (int i = 0; i < rows; i++) {
            long at = start + i * rowStep;
            for (int j = 0; j < columns; j++, at += c) {
                acc = acc.add(FloatVector.fromMemorySegment(SPECIES, x, at * Float.BYTES, ORDER, tail));
            }
        }
        acc.div(divisor).intoMemorySegment(y, yAt * Float.BYTES, ORDER, tail);
    }

    /** y and the routed cells of this chunk's images (max pooling with a workspace). */
    private void routedForwardChunk(int member, int chunk, int count) {
        long limit = x.byteSize() / Float.BYTES;
        int end = WorkerPool.start(n, chunk + 1, count);
        for (int image = WorkerPool.start(n, chunk, count); image < end; image++) {
            long xImage = image * imageCells();
            long yAt = image * imageOutputs();
            long yEnd = yAt + imageOutputs();
            for (int yo = 0; yo < g.oh; yo++) {
                for (int xo = 0; xo < g.ow; xo++, yAt += c) {
                    int ch = 0;
                    for (; ch < wholeChannels; ch += LANES) {
                        routedWhole(xImage, yo, xo, ch, yAt);
                    }
                    if (ch < c) {
                        // As in forwardChunk: the tail runs as a whole vector where its loads stay
                        // inside x and the lanes it stores past c (y and the cells) land on this
                        // image's later outputs, which replace them.
                        long lastCell = (long) (g.endRow[yo] - 1) * g.w + g.endColumn[xo] - 1;
                        if (xImage + lastCell * c + ch + LANES <= limit && yAt + ch + LANES <= yEnd) {
                            routedWhole(xImage, yo, xo, ch, yAt);
                        } else {
                            routedWindow(xImage, yo, xo, ch, yAt);
                        }
                    }
                }
            }
        }
    }

    /**
     * {@link #routedWindow} for a whole vector of channels, without masks (masked loads and stores
     * ran several times slower on the other paths).
     */
    private void routedWhole(long xImage, int yo, int xo, int ch, long yAt) {
        FloatVector best = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        IntVector bestCell = IntVector.broadcast(INTS, g.firstRow[yo] * g.w + g.firstColumn[xo]);
        VectorMask<Float> bestIsNaN = SPECIES.maskAll(false);
        for (int ih = g.firstRow[yo]; ih < g.endRow[yo]; ih++) {
            for (int iw = g.firstColumn[xo]; iw < g.endColumn[xo]; iw++) {
                int cell = ih * g.w + iw;
                FloatVector v = FloatVector.fromMemorySegment(SPECIES, x, (xImage + (long) cell * c + ch) * Float.BYTES,
                        ORDER);
                VectorMask<Float> isNaN = v.compare(VectorOperators.NE, v);
                VectorMask<Float> take = v.compare(VectorOperators.GT, best).or(isNaN.andNot(bestIsNaN));
                best = best.blend(v, take);
                bestCell = bestCell.blend(cell, take.cast(INTS));
                bestIsNaN = bestIsNaN.or(isNaN);
            }
        }
        best.intoMemorySegment(y, (yAt + ch) * Float.BYTES, ORDER);
        bestCell.mul(c).add(IntVector.zero(INTS).addIndex(1)).add(ch).intoArray(cells, (int) (yAt + ch));
    }

    /** The channels from {@code ch} to c of one window, under a mask built here. */
    private void routedWindow(long xImage, int yo, int xo, int ch, long yAt) {
        VectorMask<Float> m = SPECIES.indexInRange(ch, c);
        FloatVector best = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        IntVector bestCell = IntVector.broadcast(INTS, g.firstRow[yo] * g.w + g.firstColumn[xo]);
        VectorMask<Float> bestIsNaN = SPECIES.maskAll(false);
        for (int ih = g.firstRow[yo]; ih < g.endRow[yo]; ih++) {
            for (int iw = g.firstColumn[xo]; iw < g.endColumn[xo]; iw++) {
                int cell = ih * g.w + iw;
                FloatVector v = FloatVector.fromMemorySegment(SPECIES, x, (xImage + (long) cell * c + ch) * Float.BYTES,
                        ORDER, m);
                VectorMask<Float> isNaN = v.compare(VectorOperators.NE, v);
                VectorMask<Float> take = v.compare(VectorOperators.GT, best).or(isNaN.andNot(bestIsNaN));
                best = best.blend(v, take);
                bestCell = bestCell.blend(cell, take.cast(INTS));
                bestIsNaN = bestIsNaN.or(isNaN);
            }
        }
        best.intoMemorySegment(y, (yAt + ch) * Float.BYTES, ORDER, m);
        // The routed cell as an index in the image: (ih·w + iw)·c + channel.
        bestCell.mul(c).add(IntVector.zero(INTS).addIndex(1)).add(ch).intoArray(cells, (int) (yAt + ch), m.cast(INTS));
    }

    /**
     * dx of this chunk's images from x and dy: per window, the cell each channel routes to (first
     * NaN, else first maximum, as an ordinal in the window), then dy added to every window cell
     * under the mask of the channels routed there; windows in output order, as the scatter adds.
     */
    private void maxBackwardChunk(int member, int chunk, int count) {
        int end = WorkerPool.start(n, chunk + 1, count);
        for (int image = WorkerPool.start(n, chunk, count); image < end; image++) {
            long xImage = image * imageCells();
            long yAt = image * imageOutputs();
            if (!tiling) {
                clear(xImage);
            }
            for (int yo = 0; yo < g.oh; yo++) {
                int rows = g.endRow[yo] - g.firstRow[yo];
                for (int xo = 0; xo < g.ow; xo++, yAt += c) {
                    long start = windowStart(xImage, yo, xo);
                    int columns = g.endColumn[xo] - g.firstColumn[xo];
                    int ch = 0;
                    for (; ch < wholeChannels; ch += LANES) {
                        maxBackwardWhole(start + ch, rows, columns, yAt + ch);
                    }
                    if (ch < c) {
                        maxBackwardTail(start + ch, rows, columns, yAt + ch, ch);
                    }
                }
            }
        }
    }

    /**
     * {@link #maxBackwardTail} for a whole vector of channels, without masks: the masked loads
     * and stores with a mask passed in ran 3-4x slower (JFR: samples in their index checks).
     */
    private void maxBackwardWhole(long start, int rows, int columns, long yAt) {
        long rowStep = (long) g.w * c;
        FloatVector best = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        IntVector bestCell = IntVector.zero(INTS);
        VectorMask<Float> bestIsNaN = SPECIES.maskAll(false);
        int ordinal = 0;
        for (int i = 0; i < rows; i++) {
            long at = start + i * rowStep;
            for (int j = 0; j < columns; j++, at += c, ordinal++) {
                FloatVector v = FloatVector.fromMemorySegment(SPECIES, x, at * Float.BYTES, ORDER);
                VectorMask<Float> isNaN = v.compare(VectorOperators.NE, v);
                VectorMask<Float> take = v.compare(VectorOperators.GT, best).or(isNaN.andNot(bestIsNaN));
                best = best.blend(v, take);
                bestCell = bestCell.blend(ordinal, take.cast(INTS));
                bestIsNaN = bestIsNaN.or(isNaN);
            }
        }
        FloatVector gradient = FloatVector.fromMemorySegment(SPECIES, dy, yAt * Float.BYTES, ORDER);
        FloatVector zero = FloatVector.zero(SPECIES);
        ordinal = 0;
        for (int i = 0; i < rows; i++) {
            long at = start + i * rowStep;
            for (int j = 0; j < columns; j++, at += c, ordinal++) {
                VectorMask<Float> routed = bestCell.compare(VectorOperators.EQ, ordinal).cast(SPECIES);
                FloatVector cell = disjoint ? zero
                        : FloatVector.fromMemorySegment(SPECIES, dx, at * Float.BYTES, ORDER);
                cell.add(gradient, routed).intoMemorySegment(dx, at * Float.BYTES, ORDER);
            }
        }
    }

    /** The channels from {@code ch} to c, under a mask built here: a mask passed in was boxed. */
    private void maxBackwardTail(long start, int rows, int columns, long yAt, int ch) {
        VectorMask<Float> m = SPECIES.indexInRange(ch, c);
        long rowStep = (long) g.w * c;
        FloatVector best = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        IntVector bestCell = IntVector.zero(INTS);
        VectorMask<Float> bestIsNaN = SPECIES.maskAll(false);
        int ordinal = 0;
        for (int i = 0; i < rows; i++) {
            long at = start + i * rowStep;
            for (int j = 0; j < columns; j++, at += c, ordinal++) {
                FloatVector v = FloatVector.fromMemorySegment(SPECIES, x, at * Float.BYTES, ORDER, m);
                VectorMask<Float> isNaN = v.compare(VectorOperators.NE, v);
                VectorMask<Float> take = v.compare(VectorOperators.GT, best).or(isNaN.andNot(bestIsNaN));
                best = best.blend(v, take);
                bestCell = bestCell.blend(ordinal, take.cast(INTS));
                bestIsNaN = bestIsNaN.or(isNaN);
            }
        }
        FloatVector gradient = FloatVector.fromMemorySegment(SPECIES, dy, yAt * Float.BYTES, ORDER, m);
        FloatVector zero = FloatVector.zero(SPECIES);
        ordinal = 0;
        for (int i = 0; i < rows; i++) {
            long at = start + i * rowStep;
            for (int j = 0; j < columns; j++, at += c, ordinal++) {
                VectorMask<Float> routed = bestCell.compare(VectorOperators.EQ, ordinal).cast(SPECIES).and(m);
                FloatVector cell = disjoint ? zero
                        : FloatVector.fromMemorySegment(SPECIES, dx, at * Float.BYTES, ORDER, m);
                cell.add(gradient, routed).intoMemorySegment(dx, at * Float.BYTES, ORDER, m);
            }
        }
    }

    /**
     * dx = 0, then each dy added to the cell the forward recorded, this chunk's images, one float at
     * a time in output order (the order the backward from x adds in, so both give the same bits): a
     * vector compare per window cell and channel vector ran 2-2.7x slower (AVX-512, c = 16-64), and
     * one vector store per input pixel where the windows tile the input 1.3-3.7x slower (LeNet-5's
     * NHWC pool1/pool2 backward, c = 6 and 16, forked network.layer cells, 2026-12-06).
     */
    private void scatterChunk(int member, int chunk, int count) {
        int end = WorkerPool.start(n, chunk + 1, count);
        long outputs = imageOutputs();
        for (int image = WorkerPool.start(n, chunk, count); image < end; image++) {
            long xImage = image * imageCells();
            int yImage = (int) (image * outputs);
            clear(xImage);
            for (int o = 0; o < outputs; o++) {
                long at = xImage + cells[yImage + o];
                dx.setAtIndex(FLOAT, at, dx.getAtIndex(FLOAT, at) + dy.getAtIndex(FLOAT, (long) yImage + o));
            }
        }
    }

    /** dx = 0, then each dy / divisor added to every real cell of its window, this chunk's images. */
    private void averageBackwardChunk(int member, int chunk, int count) {
        int end = WorkerPool.start(n, chunk + 1, count);
        for (int image = WorkerPool.start(n, chunk, count); image < end; image++) {
            long xImage = image * imageCells();
            long yAt = image * imageOutputs();
            clear(xImage);
            for (int yo = 0; yo < g.oh; yo++) {
                int rows = g.endRow[yo] - g.firstRow[yo];
                for (int xo = 0; xo < g.ow; xo++, yAt += c) {
                    long start = windowStart(xImage, yo, xo);
                    int columns = g.endColumn[xo] - g.firstColumn[xo];
                    float divisor = (float) g.divisor(yo, xo);
                    int ch = 0;
                    for (; ch < wholeChannels; ch += LANES) {
                        averageBackwardWhole(start + ch, rows, columns, yAt + ch, divisor);
                    }
                    if (ch < c) {
                        averageBackwardTail(start + ch, rows, columns, yAt + ch, divisor, ch);
                    }
                }
            }
        }
    }

    private void averageBackwardWhole(long start, int rows, int columns, long yAt, float divisor) {
        long rowStep = (long) g.w * c;
        FloatVector share = FloatVector.fromMemorySegment(SPECIES, dy, yAt * Float.BYTES, ORDER).div(divisor);
        for (int i = 0; i < rows; i++) {
            long at = start + i * rowStep;
            for (int j = 0; j < columns; j++, at += c) {
                FloatVector.fromMemorySegment(SPECIES, dx, at * Float.BYTES, ORDER).add(share)
                        .intoMemorySegment(dx, at * Float.BYTES, ORDER);
            }
        }
    }

    /** The channels from {@code ch} to c, under a mask built here: a mask passed in was boxed. */
    private void averageBackwardTail(long start, int rows, int columns, long yAt, float divisor, int ch) {
        VectorMask<Float> m = SPECIES.indexInRange(ch, c);
        long rowStep = (long) g.w * c;
        FloatVector share = FloatVector.fromMemorySegment(SPECIES, dy, yAt * Float.BYTES, ORDER, m).div(divisor);
        for (int i = 0; i < rows; i++) {
            long at = start + i * rowStep;
            for (int j = 0; j < columns; j++, at += c) {
                FloatVector.fromMemorySegment(SPECIES, dx, at * Float.BYTES, ORDER, m).add(share)
                        .intoMemorySegment(dx, at * Float.BYTES, ORDER, m);
            }
        }
    }

    @Override
    public void close() {
        // Heap scratch only.
    }
}
