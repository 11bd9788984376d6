package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;
import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.ORDER;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

import dev.jdnn.BatchNorm2d;
import dev.jdnn.BatchNorm2dPlan;
import dev.jdnn.Layout;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * Batch normalisation over {@code n, h, w} per channel, vectorised, in either layout.
 *
 * <p>The variance takes two passes: the mean first, then the mean of squared deviations from it,
 * never {@code E[x²] - E[x]²} (a mean of 1000 with a spread of 2 loses every digit of its variance
 * in float32 that way). Sums run in float vectors over short blocks and in double across blocks
 * ({@link #BLOCK} elements), so a long channel neither stalls a float accumulator nor pays a double
 * add per element.
 *
 * <p>NCHW: each channel's {@code h·w} values are contiguous per image, so channels are shared out
 * over the workers and each is reduced and normalised on its own. NHWC: each pixel's {@code c}
 * values are contiguous, so vectors run across channels; the pixels are shared out, each worker
 * keeps per-channel partial sums, and the partials are added in worker order (the same bits for
 * the same thread count). When {@code c} is not a multiple of the vector length, a row of one pixel
 * would be a masked vector that carries {@code c} useful lanes (6 of 16 for LeNet's first layer at
 * 512 bit: 5-6x slower than NCHW); instead the tensor is read as rows of {@code lcm(c, lanes)}
 * floats, whole vectors in which each lane always meets the same channel, and the per-lane sums are
 * added up per channel afterwards (in lane order, so the bits stay fixed). The few floats after the
 * last whole row are done in scalar code with the same operations.
 */
final class VectorBatchNorm2dPlan implements BatchNorm2dPlan {
    /** Elements summed in float before the sum moves into a double. */
    static final int BLOCK = 1024;
    /** The widest NHWC row read in whole vectors (floats); wider {@code lcm(c, lanes)} keep pixel rows. */
    static final int MAX_ROW = 1024;

    private final BatchNorm2d op;
    private final Shape input;
    private final Layout layout;
    private final WorkerPool pool;
    private final int n;
    private final int c;
    private final int pixels;
    private final long count;
    /**
     * NHWC: floats per row ({@code c}, or {@code lcm(c, lanes)}: see the class comment), whole rows,
     * and the floats after them.
     */
    private final int width;
    private final long rows;
    private final int leftover;
    /** NHWC: per worker, per lane of a row: two partial sums (double), and a float block accumulator. */
    private final double[][] partialA;
    private final double[][] partialB;
    private final float[][] blockA;
    private final float[][] blockB;
    /** Per channel, for the second pass: mean, scale and shift (or the backward's coefficients). */
    private final float[] mean;
    private final float[] scale;
    private final float[] shift;
    private final float[] extra;
    /** NHWC: per channel, the workers' partial sums added up ({@link #channelSums}). */
    private final double[] channelA;
    private final double[] channelB;
    /** NHWC: {@link #mean}, {@link #scale}, {@link #shift} and {@link #extra} repeated along a row. */
    private final float[] rowMean;
    private final float[] rowScale;
    private final float[] rowShift;
    private final float[] rowExtra;
    private final WorkerPool.Job trainingJob = this::trainingShare;
    private final WorkerPool.Job inferenceJob = this::inferenceShare;
    private final WorkerPool.Job backwardJob = this::backwardShare;
    private final WorkerPool.Job rowSumsJob = this::rowSumsShare;
    private final WorkerPool.Job rowApplyJob = this::rowApplyShare;

    private MemorySegment x;
    private MemorySegment dy;
    private MemorySegment gammaS;
    private MemorySegment betaS;
    private MemorySegment meanS;
    private MemorySegment varianceS;
    private MemorySegment out;
    private MemorySegment dGammaS;
    private MemorySegment dBetaS;
    /** NHWC row passes: 0 sum of x, 1 squared deviations, 2 dy and dy·(x - mean). */
    private int rowPass;

    VectorBatchNorm2dPlan(BatchNorm2d op, Shape input, Layout layout, WorkerPool pool) {
        this.op = op;
        this.input = input;
        this.layout = layout;
        this.pool = pool;
        this.n = input.dim(0);
        this.c = input.dim(1);
        this.pixels = input.dim(2) * input.dim(3);
        this.count = (long) n * pixels;
        this.width = rowWidth(c);
        this.rows = count * c / width;
        this.leftover = (int) (count * c - rows * width);
        int workers = layout == Layout.NHWC ? pool.size() : 0;
        int lanes = layout == Layout.NHWC ? width : 0;
        this.partialA = new double[workers][lanes];
        this.partialB = new double[workers][lanes];
        this.blockA = new float[workers][lanes];
        this.blockB = new float[workers][lanes];
        this.mean = new float[c];
        this.scale = new float[c];
        this.shift = new float[c];
        this.extra = new float[c];
        this.channelA = new double[layout == Layout.NHWC ? c : 0];
        this.channelB = new double[layout == Layout.NHWC ? c : 0];
        this.rowMean = new float[lanes];
        this.rowScale = new float[lanes];
        this.rowShift = new float[lanes];
        this.rowExtra = new float[lanes];
    }

    /** Floats per NHWC row: {@code lcm(c, LANES)} if that is at most {@link #MAX_ROW}, else {@code c}. */
    static int rowWidth(int c) {
        long lcm = (long) c / gcd(c, LANES) * LANES;
        return lcm <= MAX_ROW ? (int) lcm : c;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    @Override
    public BatchNorm2d op() {
        return op;
    }

    @Override
    public Shape inputShape() {
        return input;
    }

    @Override
    public Layout layout() {
        return layout;
    }

    @Override
    public void forwardTraining(Tensor xt, Tensor gamma, Tensor beta, Tensor y, Tensor meanT, Tensor varianceT) {
        set(xt, null, gamma, beta, meanT, varianceT, y, null, null);
        try {
            if (layout == Layout.NCHW) {
                pool.run(trainingJob);
                return;
            }
            rowPass = 0;
            pool.run(rowSumsJob);
            double[] sums = channelSums(partialA, channelA);
            leftoverSums(sums);
            for (int ch = 0; ch < c; ch++) {
                mean[ch] = (float) (sums[ch] / count);
            }
            repeat(mean, rowMean);
            rowPass = 1;
            pool.run(rowSumsJob);
            double[] squares = channelSums(partialA, channelA);
            leftoverSquaredDeviations(squares);
            for (int ch = 0; ch < c; ch++) {
                float variance = (float) (squares[ch] / count);
                meanS.setAtIndex(FLOAT, ch, mean[ch]);
                varianceS.setAtIndex(FLOAT, ch, variance);
                foldScaleShift(ch, mean[ch], variance);
            }
            applyRows();
        } finally {
            clear();
        }
    }

    @Override
    public void forwardInference(Tensor xt, Tensor gamma, Tensor beta, Tensor meanT, Tensor varianceT, Tensor y) {
        set(xt, null, gamma, beta, meanT, varianceT, y, null, null);
        try {
            for (int ch = 0; ch < c; ch++) {
                foldScaleShift(ch, meanS.getAtIndex(FLOAT, ch), varianceS.getAtIndex(FLOAT, ch));
            }
            if (layout == Layout.NCHW) {
                pool.run(inferenceJob);
            } else {
                applyRows();
            }
        } finally {
            clear();
        }
    }

    @Override
    public void backward(Tensor xt, Tensor dyt, Tensor gamma, Tensor meanT, Tensor varianceT, Tensor dx,
            Tensor dGamma, Tensor dBeta) {
        set(xt, dyt, gamma, null, meanT, varianceT, dx, dGamma, dBeta);
        try {
            if (layout == Layout.NCHW) {
                pool.run(backwardJob);
                return;
            }
            for (int ch = 0; ch < c; ch++) {
                mean[ch] = meanS.getAtIndex(FLOAT, ch);
            }
            repeat(mean, rowMean);
            rowPass = 2;
            pool.run(rowSumsJob);
            double[] sumDy = channelSums(partialA, channelA);
            double[] sumDyXc = channelSums(partialB, channelB);
            leftoverGradientSums(sumDy, sumDyXc);
            for (int ch = 0; ch < c; ch++) {
                backwardCoefficients(ch, sumDy[ch], sumDyXc[ch]);
            }
            applyRows();
        } finally {
            clear();
        }
    }

    private void set(Tensor xt, Tensor dyt, Tensor gamma, Tensor beta, Tensor meanT, Tensor varianceT, Tensor o,
            Tensor dGamma, Tensor dBeta) {
        x = xt.segment();
        dy = dyt == null ? null : dyt.segment();
        gammaS = gamma.segment();
        betaS = beta == null ? null : beta.segment();
        meanS = meanT.segment();
        varianceS = varianceT.segment();
        out = o.segment();
        dGammaS = dGamma == null ? null : dGamma.segment();
        dBetaS = dBeta == null ? null : dBeta.segment();
    }

    private void clear() {
        x = null;
        dy = null;
        gammaS = null;
        betaS = null;
        meanS = null;
        varianceS = null;
        out = null;
        dGammaS = null;
        dBetaS = null;
    }

    /** {@code y = x·scale + shift} with {@code scale = γ/√(σ²+ε)}, {@code shift = β - μ·scale}. */
    private void foldScaleShift(int ch, float m, float variance) {
        double s = gammaS.getAtIndex(FLOAT, ch) / Math.sqrt((double) variance + op.epsilon());
        scale[ch] = (float) s;
        shift[ch] = (float) (betaS.getAtIndex(FLOAT, ch) - m * s);
    }

    /**
     * With {@code k = γ/√(σ²+ε)}: {@code dx = k·dy - k·dβ/M - k²·(x-μ)·dγ'/M}, where {@code dγ' = Σ dy·(x-μ)}
     * and {@code dγ = dγ'/√(σ²+ε)}; held as {@code dx = scale·dy + shift + extra·(x - μ)}.
     */
    private void backwardCoefficients(int ch, double sumDy, double sumDyXc) {
        double invStd = 1 / Math.sqrt((double) varianceS.getAtIndex(FLOAT, ch) + op.epsilon());
        double k = gammaS.getAtIndex(FLOAT, ch) * invStd;
        dBetaS.setAtIndex(FLOAT, ch, (float) sumDy);
        dGammaS.setAtIndex(FLOAT, ch, (float) (sumDyXc * invStd));
        scale[ch] = (float) k;
        shift[ch] = (float) (-k * sumDy / count);
        extra[ch] = (float) (-k * invStd * invStd * sumDyXc / count);
    }

    /** Per channel, into {@code sums}: the workers' partials in worker order, each over its lanes in order. */
    private double[] channelSums(double[][] partials, double[] sums) {
        Arrays.fill(sums, 0);
        for (double[] p : partials) {
            for (int lane = 0; lane < width; lane++) {
                sums[lane % c] += p[lane];
            }
        }
        return sums;
    }

    /** {@code row[i] = perChannel[i % c]} along a row. */
    private void repeat(float[] perChannel, float[] row) {
        for (int lane = 0; lane < width; lane++) {
            row[lane] = perChannel[lane % c];
        }
    }

    /** Offset (floats) of the first float after the whole rows: its channel is 0. */
    private long leftoverStart() {
        return rows * width;
    }

    private void leftoverSums(double[] sums) {
        long start = leftoverStart();
        for (int i = 0; i < leftover; i++) {
            sums[i % c] += x.getAtIndex(FLOAT, start + i);
        }
    }

    private void leftoverSquaredDeviations(double[] squares) {
        long start = leftoverStart();
        for (int i = 0; i < leftover; i++) {
            float d = x.getAtIndex(FLOAT, start + i) - mean[i % c];
            squares[i % c] += d * d;
        }
    }

    private void leftoverGradientSums(double[] sumDy, double[] sumDyXc) {
        long start = leftoverStart();
        for (int i = 0; i < leftover; i++) {
            float g = dy.getAtIndex(FLOAT, start + i);
            sumDy[i % c] += g;
            sumDyXc[i % c] += (x.getAtIndex(FLOAT, start + i) - mean[i % c]) * g;
        }
    }

    /**
     * The NHWC second pass: {@code y = x·scale + shift} forward, the gradient backward ({@code dy}
     * set), whole rows on the workers, the floats after them here, with the same fused operations.
     */
    private void applyRows() {
        repeat(scale, rowScale);
        repeat(shift, rowShift);
        if (dy != null) {
            repeat(extra, rowExtra);
        }
        pool.run(rowApplyJob);
        long start = leftoverStart();
        for (int i = 0; i < leftover; i++) {
            int ch = i % c;
            long at = start + i;
            float v = x.getAtIndex(FLOAT, at);
            float value = dy == null ? Math.fma(v, scale[ch], shift[ch])
                    : Math.fma(dy.getAtIndex(FLOAT, at), scale[ch], shift[ch]) + (v - mean[ch]) * extra[ch];
            out.setAtIndex(FLOAT, at, value);
        }
    }

    // ---- NCHW: a channel at a time ----

    private long plane(int image, int ch) {
        return ((long) image * c + ch) * pixels;
    }

    private void trainingShare(int worker, int workers) {
        int end = WorkerPool.start(c, worker + 1, workers);
        for (int ch = WorkerPool.start(c, worker, workers); ch < end; ch++) {
            double sum = 0;
            for (int image = 0; image < n; image++) {
                sum += SegmentVectors.sum(x, plane(image, ch), pixels);
            }
            float m = (float) (sum / count);
            double squares = 0;
            for (int image = 0; image < n; image++) {
                squares += squaredDeviations(x, plane(image, ch), pixels, m);
            }
            float variance = (float) (squares / count);
            meanS.setAtIndex(FLOAT, ch, m);
            varianceS.setAtIndex(FLOAT, ch, variance);
            foldScaleShift(ch, m, variance);
            for (int image = 0; image < n; image++) {
                scaleShift(x, out, plane(image, ch), pixels, scale[ch], shift[ch]);
            }
        }
    }

    private void inferenceShare(int worker, int workers) {
        int end = WorkerPool.start(c, worker + 1, workers);
        for (int ch = WorkerPool.start(c, worker, workers); ch < end; ch++) {
            for (int image = 0; image < n; image++) {
                scaleShift(x, out, plane(image, ch), pixels, scale[ch], shift[ch]);
            }
        }
    }

    private void backwardShare(int worker, int workers) {
        int end = WorkerPool.start(c, worker + 1, workers);
        for (int ch = WorkerPool.start(c, worker, workers); ch < end; ch++) {
            float m = meanS.getAtIndex(FLOAT, ch);
            double sumDy = 0;
            double sumDyXc = 0;
            for (int image = 0; image < n; image++) {
                sumDy += SegmentVectors.sum(dy, plane(image, ch), pixels);
                sumDyXc += centredDot(dy, x, plane(image, ch), pixels, m);
            }
            backwardCoefficients(ch, sumDy, sumDyXc);
            for (int image = 0; image < n; image++) {
                gradient(plane(image, ch), pixels, m, scale[ch], shift[ch], extra[ch]);
            }
        }
    }

    /** {@code Σ (x[i] - m)²} over a run, blockwise. */
    private static double squaredDeviations(MemorySegment s, long offset, int length, float m) {
        double total = 0;
        for (int from = 0; from < length; from += BLOCK) {
            int to = Math.min(length, from + BLOCK);
            FloatVector acc = FloatVector.zero(SPECIES);
            for (int i = from; i < to; i += LANES) {
                VectorMask<Float> mask = SPECIES.indexInRange(i, to);
                FloatVector d = FloatVector.fromMemorySegment(SPECIES, s, (offset + i) * Float.BYTES, ORDER, mask)
                        .sub(m);
                acc = d.fma(d, acc).blend(acc, mask.not());
            }
            total += SegmentVectors.sumLanes(acc);
        }
        return total;
    }

    /** {@code Σ dy[i]·(x[i] - m)} over a run, blockwise. */
    private static double centredDot(MemorySegment dy, MemorySegment x, long offset, int length, float m) {
        double total = 0;
        for (int from = 0; from < length; from += BLOCK) {
            int to = Math.min(length, from + BLOCK);
            FloatVector acc = FloatVector.zero(SPECIES);
            for (int i = from; i < to; i += LANES) {
                VectorMask<Float> mask = SPECIES.indexInRange(i, to);
                long at = (offset + i) * Float.BYTES;
                FloatVector d = FloatVector.fromMemorySegment(SPECIES, x, at, ORDER, mask).sub(m);
                acc = d.fma(FloatVector.fromMemorySegment(SPECIES, dy, at, ORDER, mask), acc).blend(acc, mask.not());
            }
            total += SegmentVectors.sumLanes(acc);
        }
        return total;
    }

    private static void scaleShift(MemorySegment x, MemorySegment y, long offset, int length, float scale,
            float shift) {
        FloatVector s = FloatVector.broadcast(SPECIES, scale);
        FloatVector t = FloatVector.broadcast(SPECIES, shift);
        for (int i = 0; i < length; i += LANES) {
            VectorMask<Float> mask = SPECIES.indexInRange(i, length);
            long at = (offset + i) * Float.BYTES;
            FloatVector.fromMemorySegment(SPECIES, x, at, ORDER, mask).fma(s, t).intoMemorySegment(y, at, ORDER, mask);
        }
    }

    /** {@code dx = scale·dy + shift + extra·(x - m)} over a run. */
    private void gradient(long offset, int length, float m, float scale, float shift, float extra) {
        FloatVector s = FloatVector.broadcast(SPECIES, scale);
        FloatVector t = FloatVector.broadcast(SPECIES, shift);
        FloatVector e = FloatVector.broadcast(SPECIES, extra);
        for (int i = 0; i < length; i += LANES) {
            VectorMask<Float> mask = SPECIES.indexInRange(i, length);
            long at = (offset + i) * Float.BYTES;
            FloatVector xc = FloatVector.fromMemorySegment(SPECIES, x, at, ORDER, mask).sub(m);
            FloatVector.fromMemorySegment(SPECIES, dy, at, ORDER, mask).fma(s, t).add(xc.mul(e))
                    .intoMemorySegment(out, at, ORDER, mask);
        }
    }

    // ---- NHWC: rows of c channels, pixels shared out ----

    private void rowSumsShare(int worker, int workers) {
        double[] a = partialA[worker];
        double[] b = partialB[worker];
        float[] fa = blockA[worker];
        float[] fb = blockB[worker];
        Arrays.fill(a, 0);
        Arrays.fill(b, 0);
        long from = rows * worker / workers;
        long to = rows * (worker + 1) / workers;
        int blockRows = Math.max(1, BLOCK / Math.max(1, LANES));
        int whole = width - width % LANES;
        for (long r0 = from; r0 < to; r0 += blockRows) {
            long r1 = Math.min(to, r0 + blockRows);
            Arrays.fill(fa, 0f);
            Arrays.fill(fb, 0f);
            // One loop per pass (no pass test inside), whole vectors unmasked: a mask built per
            // call and a branch on the pass in the row loop ran several times slower, and a new
            // pass deoptimised the others' code (uncommon trap).
            for (int ch = 0; ch < whole; ch += LANES) {
                if (rowPass == 0) {
                    rowSum(r0, r1, ch, fa);
                } else if (rowPass == 1) {
                    rowSquaredDeviations(r0, r1, ch, fa);
                } else {
                    rowGradientSums(r0, r1, ch, fa, fb);
                }
            }
            if (whole < width) {
                // The tail likewise, one method per pass (only for rows of c floats, see the class comment).
                if (rowPass == 0) {
                    rowSumTail(r0, r1, whole, fa);
                } else if (rowPass == 1) {
                    rowSquaredDeviationsTail(r0, r1, whole, fa);
                } else {
                    rowGradientSumsTail(r0, r1, whole, fa, fb);
                }
            }
            for (int lane = 0; lane < width; lane++) {
                a[lane] += fa[lane];
                b[lane] += fb[lane];
            }
        }
    }

    private void rowSum(long r0, long r1, int ch, float[] fa) {
        FloatVector acc = FloatVector.zero(SPECIES);
        for (long r = r0; r < r1; r++) {
            acc = acc.add(FloatVector.fromMemorySegment(SPECIES, x, (r * width + ch) * Float.BYTES, ORDER));
        }
        acc.intoArray(fa, ch);
    }

    private void rowSquaredDeviations(long r0, long r1, int ch, float[] fa) {
        FloatVector m = FloatVector.fromArray(SPECIES, rowMean, ch);
        FloatVector acc = FloatVector.zero(SPECIES);
        for (long r = r0; r < r1; r++) {
            FloatVector d = FloatVector.fromMemorySegment(SPECIES, x, (r * width + ch) * Float.BYTES, ORDER).sub(m);
            acc = d.fma(d, acc);
        }
        acc.intoArray(fa, ch);
    }

    private void rowGradientSums(long r0, long r1, int ch, float[] fa, float[] fb) {
        FloatVector m = FloatVector.fromArray(SPECIES, rowMean, ch);
        FloatVector accA = FloatVector.zero(SPECIES);
        FloatVector accB = FloatVector.zero(SPECIES);
        for (long r = r0; r < r1; r++) {
            long at = (r * width + ch) * Float.BYTES;
            FloatVector g = FloatVector.fromMemorySegment(SPECIES, dy, at, ORDER);
            accA = accA.add(g);
            accB = FloatVector.fromMemorySegment(SPECIES, x, at, ORDER).sub(m).fma(g, accB);
        }
        accA.intoArray(fa, ch);
        accB.intoArray(fb, ch);
    }

    /** {@link #rowSum} for the lanes from {@code ch} to the row's end, under a mask. */
    private void rowSumTail(long r0, long r1, int ch, float[] fa) {
        VectorMask<Float> mask = SPECIES.indexInRange(ch, width);
        FloatVector acc = FloatVector.zero(SPECIES);
        for (long r = r0; r < r1; r++) {
            acc = acc.add(FloatVector.fromMemorySegment(SPECIES, x, (r * width + ch) * Float.BYTES, ORDER, mask));
        }
        acc.intoArray(fa, ch, mask);
    }

    /** {@link #rowSquaredDeviations} for the lanes from {@code ch} to the row's end, under a mask. */
    private void rowSquaredDeviationsTail(long r0, long r1, int ch, float[] fa) {
        VectorMask<Float> mask = SPECIES.indexInRange(ch, width);
        FloatVector m = FloatVector.fromArray(SPECIES, rowMean, ch, mask);
        FloatVector acc = FloatVector.zero(SPECIES);
        for (long r = r0; r < r1; r++) {
            FloatVector d = FloatVector.fromMemorySegment(SPECIES, x, (r * width + ch) * Float.BYTES, ORDER, mask).sub(m);
            acc = d.fma(d, acc);
        }
        acc.intoArray(fa, ch, mask);
    }

    /** {@link #rowGradientSums} for the lanes from {@code ch} to the row's end, under a mask. */
    private void rowGradientSumsTail(long r0, long r1, int ch, float[] fa, float[] fb) {
        VectorMask<Float> mask = SPECIES.indexInRange(ch, width);
        FloatVector m = FloatVector.fromArray(SPECIES, rowMean, ch, mask);
        FloatVector accA = FloatVector.zero(SPECIES);
        FloatVector accB = FloatVector.zero(SPECIES);
        for (long r = r0; r < r1; r++) {
            long at = (r * width + ch) * Float.BYTES;
            FloatVector g = FloatVector.fromMemorySegment(SPECIES, dy, at, ORDER, mask);
            accA = accA.add(g);
            accB = FloatVector.fromMemorySegment(SPECIES, x, at, ORDER, mask).sub(m).fma(g, accB);
        }
        accA.intoArray(fa, ch, mask);
        accB.intoArray(fb, ch, mask);
    }

    /** Forward: {@code y = x·scale + shift}; backward ({@code dy} set): the gradient, row by row. */
    private void rowApplyShare(int worker, int workers) {
        long from = rows * worker / workers;
        long to = rows * (worker + 1) / workers;
        int whole = width - width % LANES;
        for (int ch = 0; ch < whole; ch += LANES) {
            if (dy != null) {
                rowGradient(from, to, ch);
            } else {
                rowScaleShift(from, to, ch);
            }
        }
        if (whole < width) {
            if (dy != null) {
                rowGradientTail(from, to, whole);
            } else {
                rowScaleShiftTail(from, to, whole);
            }
        }
    }

    private void rowScaleShift(long from, long to, int ch) {
        FloatVector s = FloatVector.fromArray(SPECIES, rowScale, ch);
        FloatVector t = FloatVector.fromArray(SPECIES, rowShift, ch);
        for (long r = from; r < to; r++) {
            long at = (r * width + ch) * Float.BYTES;
            FloatVector.fromMemorySegment(SPECIES, x, at, ORDER).fma(s, t).intoMemorySegment(out, at, ORDER);
        }
    }

    private void rowGradient(long from, long to, int ch) {
        FloatVector s = FloatVector.fromArray(SPECIES, rowScale, ch);
        FloatVector t = FloatVector.fromArray(SPECIES, rowShift, ch);
        FloatVector e = FloatVector.fromArray(SPECIES, rowExtra, ch);
        FloatVector m = FloatVector.fromArray(SPECIES, rowMean, ch);
        for (long r = from; r < to; r++) {
            long at = (r * width + ch) * Float.BYTES;
            FloatVector v = FloatVector.fromMemorySegment(SPECIES, x, at, ORDER);
            FloatVector.fromMemorySegment(SPECIES, dy, at, ORDER).fma(s, t).add(v.sub(m).mul(e))
                    .intoMemorySegment(out, at, ORDER);
        }
    }

    /** {@link #rowScaleShift} for the lanes from {@code ch} to the row's end, under a mask. */
    private void rowScaleShiftTail(long from, long to, int ch) {
        VectorMask<Float> mask = SPECIES.indexInRange(ch, width);
        FloatVector s = FloatVector.fromArray(SPECIES, rowScale, ch, mask);
        FloatVector t = FloatVector.fromArray(SPECIES, rowShift, ch, mask);
        for (long r = from; r < to; r++) {
            long at = (r * width + ch) * Float.BYTES;
            FloatVector.fromMemorySegment(SPECIES, x, at, ORDER, mask).fma(s, t).intoMemorySegment(out, at, ORDER, mask);
        }
    }

    /** {@link #rowGradient} for the lanes from {@code ch} to the row's end, under a mask. */
    private void rowGradientTail(long from, long to, int ch) {
        VectorMask<Float> mask = SPECIES.indexInRange(ch, width);
        FloatVector s = FloatVector.fromArray(SPECIES, rowScale, ch, mask);
        FloatVector t = FloatVector.fromArray(SPECIES, rowShift, ch, mask);
        FloatVector e = FloatVector.fromArray(SPECIES, rowExtra, ch, mask);
        FloatVector m = FloatVector.fromArray(SPECIES, rowMean, ch, mask);
        for (long r = from; r < to; r++) {
            long at = (r * width + ch) * Float.BYTES;
            FloatVector v = FloatVector.fromMemorySegment(SPECIES, x, at, ORDER, mask);
            FloatVector.fromMemorySegment(SPECIES, dy, at, ORDER, mask).fma(s, t).add(v.sub(m).mul(e))
                    .intoMemorySegment(out, at, ORDER, mask);
        }
    }

    @Override
    public void close() {
        // Heap scratch only.
    }
}
