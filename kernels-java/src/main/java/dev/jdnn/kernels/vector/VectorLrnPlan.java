package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.ORDER;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

import dev.jdnn.Layout;
import dev.jdnn.Lrn;
import dev.jdnn.LrnPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Local response normalisation across channels (PyTorch's window: channels
 * {@code [c - ⌊size/2⌋, c + ⌊(size-1)/2⌋]}, those outside the tensor counting as 0):
 * {@code y = x / s^β}, {@code s = k + α/size · Σ_window x²}, and PyTorch's backward
 * {@code dx[c] = dy[c]·s[c]^-β - 2αβ/size · x[c] · Σ_{c'' : c ∈ window(c'')} dy[c'']·x[c'']·s[c'']^(-β-1)}.
 *
 * <p>NCHW: vectors run along a block of {@link #BLOCK} pixels of one image, each channel's window
 * sum read straight from the neighbouring channel planes. NHWC: the window is contiguous, so
 * vectors run across channels of one pixel: its squares (and, backward, its terms) go into a heap
 * row with {@code size} zeros on either side, and each window sum is {@code size} shifted vector
 * loads with no edge test. Images are cut into {@link WorkerPool#chunksFor} chunks that the
 * workers claim; scratch is per worker, made with the plan.
 */
final class VectorLrnPlan implements LrnPlan {
    /** Pixels per NCHW block. */
    static final int BLOCK = 256;

    private final Lrn op;
    private final Shape input;
    private final Layout layout;
    private final WorkerPool pool;
    private final int n;
    private final int c;
    private final int pixels;
    private final int windowStart;
    private final int windowEnd;
    private final float k;
    private final float alphaOverSize;
    private final float negBeta;
    private final float gradientFactor;
    /** Zeros on each side of an NHWC row: at least the window's reach and a vector, so shifted loads stay inside. */
    private final int pad;
    /** Per worker: NCHW {@code s} and the backward terms per channel x block; NHWC padded rows. */
    private final float[][] first;
    private final float[][] second;
    private final WorkerPool.Chunks forwardJob = this::forwardChunk;
    private final WorkerPool.Chunks backwardJob = this::backwardChunk;
    private final int chunks;

    private MemorySegment x;
    private MemorySegment dy;
    private MemorySegment out;

    VectorLrnPlan(Lrn op, Shape input, Layout layout, WorkerPool pool) {
        this.op = op;
        this.input = input;
        this.layout = layout;
        this.pool = pool;
        this.n = input.dim(0);
        this.c = input.dim(1);
        this.pixels = input.dim(2) * input.dim(3);
        this.windowStart = op.windowStart();
        this.windowEnd = op.windowEnd();
        this.k = (float) op.k();
        this.alphaOverSize = (float) (op.alpha() / op.size());
        this.negBeta = (float) -op.beta();
        this.gradientFactor = (float) (2 * op.alpha() * op.beta() / op.size());
        this.pad = Math.max(-windowStart, windowEnd) + LANES;
        int floats = layout == Layout.NCHW ? c * Math.min(BLOCK, pixels) : c + 2 * pad;
        this.chunks = pool.chunksFor(n);
        this.first = new float[pool.size()][floats];
        this.second = new float[pool.size()][floats];
    }

    @Override
    public Lrn op() {
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
    public void forward(Tensor xt, Tensor yt) {
        run(xt.segment(), null, yt.segment(), forwardJob);
    }

    @Override
    public void backward(Tensor xt, Tensor dyt, Tensor dxt) {
        run(xt.segment(), dyt.segment(), dxt.segment(), backwardJob);
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

    private static FloatVector load(MemorySegment s, long index) {
        return FloatVector.fromMemorySegment(SPECIES, s, index * Float.BYTES, ORDER);
    }

    private static FloatVector load(MemorySegment s, long index, VectorMask<Float> m) {
        return FloatVector.fromMemorySegment(SPECIES, s, index * Float.BYTES, ORDER, m);
    }

    /*
     * NCHW blocks run whole vectors unmasked, then their tail once in a method of its own with a
     * mask that is never null: masked accesses cost several times more, and one helper that took
     * "a mask or null" let C2 keep the mask boxed, so every vector of every call allocated.
     */

    /*
     * Forward and backward run in methods of their own, with no test of the pass inside a loop:
     * with one shared method, the first backward call met the forward's profile, deoptimised it
     * (uncommon trap) and ran interpreted until C2 compiled it again.
     */

    private void forwardChunk(int worker, int chunk, int count) {
        int end = WorkerPool.start(n, chunk + 1, count);
        for (int image = WorkerPool.start(n, chunk, count); image < end; image++) {
            long base = (long) image * c * pixels;
            if (layout == Layout.NCHW) {
                for (int p0 = 0; p0 < pixels; p0 += BLOCK) {
                    channelsFirstForward(base, p0, Math.min(BLOCK, pixels - p0));
                }
            } else {
                for (int p = 0; p < pixels; p++) {
                    long at = base + (long) p * c;
                    squares(at, first[worker]);
                    channelsLastForward(at, first[worker]);
                }
            }
        }
    }

    private void backwardChunk(int worker, int chunk, int count) {
        int end = WorkerPool.start(n, chunk + 1, count);
        for (int image = WorkerPool.start(n, chunk, count); image < end; image++) {
            long base = (long) image * c * pixels;
            if (layout == Layout.NCHW) {
                for (int p0 = 0; p0 < pixels; p0 += BLOCK) {
                    int b = Math.min(BLOCK, pixels - p0);
                    channelsFirstTerms(base, p0, b, first[worker], second[worker]);
                    channelsFirstGradient(base, p0, b, first[worker], second[worker]);
                }
            } else {
                for (int p = 0; p < pixels; p++) {
                    long at = base + (long) p * c;
                    squares(at, first[worker]);
                    channelsLastTerms(at, first[worker], second[worker]);
                    gradientPass(at, first[worker], second[worker]);
                }
            }
        }
    }

    /** {@code k + α/size · Σ_window x²} for the whole vector at {@code j} of a block of channel {@code ch}. */
    private FloatVector windowScale(long base, int p0, int j, int ch) {
        int lo = Math.max(0, ch + windowStart);
        int hi = Math.min(c - 1, ch + windowEnd);
        FloatVector sum = FloatVector.zero(SPECIES);
        for (int cc = lo; cc <= hi; cc++) {
            FloatVector v = load(x, base + (long) cc * pixels + p0 + j);
            sum = v.fma(v, sum);
        }
        return sum.fma(alphaOverSize, k);
    }

    /** {@link #windowScale} for the lanes of {@code m} only. */
    private FloatVector windowScale(long base, int p0, int j, int ch, VectorMask<Float> m) {
        int lo = Math.max(0, ch + windowStart);
        int hi = Math.min(c - 1, ch + windowEnd);
        FloatVector sum = FloatVector.zero(SPECIES);
        for (int cc = lo; cc <= hi; cc++) {
            FloatVector v = load(x, base + (long) cc * pixels + p0 + j, m);
            sum = v.fma(v, sum);
        }
        return sum.fma(alphaOverSize, k);
    }

    /** y for one block of {@code b} pixels of one NCHW image. */
    private void channelsFirstForward(long base, int p0, int b) {
        int whole = b - b % LANES;
        for (int ch = 0; ch < c; ch++) {
            for (int j = 0; j < whole; j += LANES) {
                FloatVector scaled = windowScale(base, p0, j, ch).lanewise(VectorOperators.POW, negBeta);
                long at = base + (long) ch * pixels + p0 + j;
                load(x, at).mul(scaled).intoMemorySegment(out, at * Float.BYTES, ORDER);
            }
            if (whole < b) {
                channelsFirstForwardTail(base, p0, whole, b, ch);
            }
        }
    }

    private void channelsFirstForwardTail(long base, int p0, int j, int b, int ch) {
        VectorMask<Float> m = SPECIES.indexInRange(j, b);
        FloatVector scaled = windowScale(base, p0, j, ch, m).lanewise(VectorOperators.POW, negBeta);
        long at = base + (long) ch * pixels + p0 + j;
        load(x, at, m).mul(scaled).intoMemorySegment(out, at * Float.BYTES, ORDER, m);
    }

    /**
     * Backward, first step over one NCHW block: {@code s} into {@code sBlock}, {@code dy·x·s^(-β-1)}
     * into {@code terms}.
     */
    private void channelsFirstTerms(long base, int p0, int b, float[] sBlock, float[] terms) {
        int whole = b - b % LANES;
        for (int ch = 0; ch < c; ch++) {
            for (int j = 0; j < whole; j += LANES) {
                FloatVector s = windowScale(base, p0, j, ch);
                FloatVector scaled = s.lanewise(VectorOperators.POW, negBeta);
                long at = base + (long) ch * pixels + p0 + j;
                s.intoArray(sBlock, ch * b + j);
                load(dy, at).mul(load(x, at)).mul(scaled.div(s)).intoArray(terms, ch * b + j);
            }
            if (whole < b) {
                channelsFirstTermsTail(base, p0, whole, b, ch, sBlock, terms);
            }
        }
    }

    private void channelsFirstTermsTail(long base, int p0, int j, int b, int ch, float[] sBlock, float[] terms) {
        VectorMask<Float> m = SPECIES.indexInRange(j, b);
        FloatVector s = windowScale(base, p0, j, ch, m);
        FloatVector scaled = s.lanewise(VectorOperators.POW, negBeta);
        long at = base + (long) ch * pixels + p0 + j;
        s.intoArray(sBlock, ch * b + j, m);
        load(dy, at, m).mul(load(x, at, m)).mul(scaled.div(s)).intoArray(terms, ch * b + j, m);
    }

    /**
     * Backward, second step over one NCHW block: dx from {@code s}
     * and the terms of the windows holding each channel.
     */
    private void channelsFirstGradient(long base, int p0, int b, float[] sBlock, float[] terms) {
        int whole = b - b % LANES;
        for (int ch = 0; ch < c; ch++) {
            // Channels c'' whose window holds ch: c'' + windowStart <= ch <= c'' + windowEnd.
            int lo = Math.max(0, ch - windowEnd);
            int hi = Math.min(c - 1, ch - windowStart);
            for (int j = 0; j < whole; j += LANES) {
                FloatVector sum = FloatVector.zero(SPECIES);
                for (int cc = lo; cc <= hi; cc++) {
                    sum = sum.add(FloatVector.fromArray(SPECIES, terms, cc * b + j));
                }
                long at = base + (long) ch * pixels + p0 + j;
                FloatVector s = FloatVector.fromArray(SPECIES, sBlock, ch * b + j);
                FloatVector xv = load(x, at);
                FloatVector direct = load(dy, at).mul(s.lanewise(VectorOperators.POW, negBeta));
                direct.sub(xv.mul(sum).mul(gradientFactor)).intoMemorySegment(out, at * Float.BYTES, ORDER);
            }
            if (whole < b) {
                channelsFirstGradientTail(base, p0, whole, b, ch, lo, hi, sBlock, terms);
            }
        }
    }

    private void channelsFirstGradientTail(long base, int p0, int j, int b, int ch, int lo, int hi,
            float[] sBlock, float[] terms) {
        VectorMask<Float> m = SPECIES.indexInRange(j, b);
        FloatVector sum = FloatVector.zero(SPECIES);
        for (int cc = lo; cc <= hi; cc++) {
            sum = sum.add(FloatVector.fromArray(SPECIES, terms, cc * b + j, m));
        }
        long at = base + (long) ch * pixels + p0 + j;
        FloatVector s = FloatVector.fromArray(SPECIES, sBlock, ch * b + j, m);
        FloatVector xv = load(x, at, m);
        FloatVector direct = load(dy, at, m).mul(s.lanewise(VectorOperators.POW, negBeta));
        direct.sub(xv.mul(sum).mul(gradientFactor)).intoMemorySegment(out, at * Float.BYTES, ORDER, m);
    }

    private void squares(long at, float[] row) {
        for (int ch = 0; ch < c; ch += LANES) {
            VectorMask<Float> m = SPECIES.indexInRange(ch, c);
            FloatVector v = load(x, at + ch, m);
            v.mul(v).intoArray(row, pad + ch, m);
        }
    }

    /** NHWC forward: y of one pixel whose squares are in {@code row}. */
    private void channelsLastForward(long at, float[] row) {
        for (int ch = 0; ch < c; ch += LANES) {
            VectorMask<Float> m = SPECIES.indexInRange(ch, c);
            FloatVector s = windowSum(row, pad + ch).fma(alphaOverSize, k);
            FloatVector scaled = s.lanewise(VectorOperators.POW, negBeta);
            load(x, at + ch, m).mul(scaled).intoMemorySegment(out, (at + ch) * Float.BYTES, ORDER, m);
        }
    }

    /** NHWC backward: the terms {@code dy·x·s^(-β-1)} of one pixel into {@code terms}. */
    private void channelsLastTerms(long at, float[] row, float[] terms) {
        for (int ch = 0; ch < c; ch += LANES) {
            VectorMask<Float> m = SPECIES.indexInRange(ch, c);
            FloatVector s = windowSum(row, pad + ch).fma(alphaOverSize, k);
            FloatVector scaled = s.lanewise(VectorOperators.POW, negBeta);
            load(dy, at + ch, m).mul(load(x, at + ch, m)).mul(scaled.div(s)).intoArray(terms, pad + ch, m);
        }
    }

    private FloatVector windowSum(float[] row, int at) {
        FloatVector sum = FloatVector.zero(SPECIES);
        for (int o = windowStart; o <= windowEnd; o++) {
            sum = sum.add(FloatVector.fromArray(SPECIES, row, at + o));
        }
        return sum;
    }

    /**
     * dx from the terms; the window sums are recomputed rather than kept (one more pass over a row
     * in L1, against another row of scratch).
     */
    private void gradientPass(long at, float[] row, float[] terms) {
        for (int ch = 0; ch < c; ch += LANES) {
            VectorMask<Float> m = SPECIES.indexInRange(ch, c);
            FloatVector t = FloatVector.zero(SPECIES);
            for (int o = windowStart; o <= windowEnd; o++) {
                t = t.add(FloatVector.fromArray(SPECIES, terms, pad + ch - o));
            }
            FloatVector s = windowSum(row, pad + ch).fma(alphaOverSize, k);
            FloatVector xv = load(x, at + ch, m);
            load(dy, at + ch, m).mul(s.lanewise(VectorOperators.POW, negBeta)).sub(xv.mul(t).mul(gradientFactor))
                    .intoMemorySegment(out, (at + ch) * Float.BYTES, ORDER, m);
        }
    }

    @Override
    public void close() {
        // Heap scratch only.
    }
}
