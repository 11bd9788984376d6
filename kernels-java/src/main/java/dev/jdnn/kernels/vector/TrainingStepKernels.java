package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.ORDER;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * The element-wise training-step kernels: {@code add} and one step of {@code torch.optim}'s SGD
 * (momentum, L2 weight decay), Adagrad and Adam, in float with fused multiply-adds. Each reads and
 * writes every tensor once, in place, and allocates nothing. Whole vectors run in a loop without a
 * branch and the tail once under an {@code indexInRange} mask. The loop had the mask choice inside
 * it before: C2 then hoisted the whole-vector bounds check out of the loop as a profiled predicate
 * that fails for any length not a multiple of the lane count, and the Adam kernel was recompiled
 * after a {@code profile_predicate} trap every few seconds of a LeNet-5 training JVM (AVX-512,
 * 2026-12-06), running its boxed tier-3 code in between.
 *
 * <p>Every load and store is written out in the loops, not in shared {@code load}/{@code store}
 * or per-vector helpers: such a helper is hot on its own, C2 compiles it standalone, and then
 * refuses to inline it into the loop ("callee uses too much stack", "already compiled into a big
 * method"), so each vector crossed a call boxed. With those helpers SGD with momentum cost
 * 0.21 ms per LeNet-5 step on 2 threads (61.7k parameters; {@code -XX:+PrintInlining} in a
 * training JVM, AVX-512, 2026-12-06 fifth session), ten times its memory traffic. The tail repeats
 * the loop body under a mask for the same reason. In-place calls are safe because each vector is
 * loaded before the same lanes are stored.
 *
 * <p>Adam copies each tensor's floats, {@value #BLOCK} at a time, into one block of native memory per
 * calling thread, steps the block there in whole vectors and copies the updated weights and
 * moments back: its vector loop sees the same segment, size and arena, ever. Every shape of it that
 * handed the loop the caller's tensors failed in a JVM that runs many shapes ({@code ./jdnn bench
 * --quick}, AVX-512, 2 cores, 2026-12-06): one method with a masked tail was refused by C1
 * ({@code out of virtual registers}, 441 bytes) and ran at tier 2 without a profile, 15 ms a step
 * for 48k parameters; a loop over slices of several sizes hit {@code profile_predicate} traps at its
 * head whenever a tensor of another size came; slices of one size still trapped when a segment of
 * another arena came (a scratch block for the last part beside the tensors' slices: 20 traps in
 * 1 s); and a branch to a shorter last slice trapped ({@code unstable_if}) at the first tensor that
 * had one. After each trap the loop ran boxed Vector API code until C2 compiled it again, and with
 * C2 busy for minutes compiling convolutions, the whole cell did (lenet_fc1 1.3-1.9 ms a step
 * against naive's 0.22). The copies are bulk copies, as fast in the interpreter as in C2, and the
 * block stays in the L1 cache.
 */
final class TrainingStepKernels {

    /** Adam steps this many floats at a time: see the class comment. */
    private static final long BLOCK = 1024;

    private static final long BLOCK_BYTES = BLOCK * Float.BYTES;

    /** Each calling thread's Adam block: weights, gradient, first and second moment. */
    private static final ThreadLocal<MemorySegment> ADAM_BLOCK =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(4 * BLOCK_BYTES, 64));

    private TrainingStepKernels() {
    }

    /** Elements in whole vectors: the main loops run to here without a branch, the tail goes under a mask. */
    private static long whole(long count) {
        return count - count % LANES;
    }

    /** {@code y[i] = a[i] + b[i]} for {@code from <= i < to}. */
    static void add(MemorySegment a, MemorySegment b, MemorySegment y, long from, long to) {
        long end = (from + whole(to - from)) * Float.BYTES;
        long at = from * Float.BYTES;
        for (; at < end; at += (long) LANES * Float.BYTES) {
            FloatVector.fromMemorySegment(SPECIES, a, at, ORDER).add(FloatVector.fromMemorySegment(SPECIES, b, at, ORDER))
                    .intoMemorySegment(y, at, ORDER);
        }
        long i = at / Float.BYTES;
        if (i < to) {
            VectorMask<Float> m = SPECIES.indexInRange(i, to);
            FloatVector.fromMemorySegment(SPECIES, a, at, ORDER, m).add(FloatVector.fromMemorySegment(SPECIES, b, at, ORDER, m))
                    .intoMemorySegment(y, at, ORDER, m);
        }
    }

    /** SGD: {@code g' = g + wd w; v = momentum v + g'; w -= lr v}; {@code velocity} null means {@code w -= lr g'}. */
    static void sgd(MemorySegment w, MemorySegment g, MemorySegment velocity, long count, float lr, float momentum,
                    float weightDecay) {
        if (velocity == null) {
            sgdWithoutMomentum(w, g, count, lr, weightDecay);
            return;
        }
        FloatVector decay = FloatVector.broadcast(SPECIES, weightDecay);
        FloatVector mu = FloatVector.broadcast(SPECIES, momentum);
        FloatVector minusLr = FloatVector.broadcast(SPECIES, -lr);
        long whole = whole(count);
        long at = 0;
        for (long end = whole * Float.BYTES; at < end; at += (long) LANES * Float.BYTES) {
            FloatVector wi = FloatVector.fromMemorySegment(SPECIES, w, at, ORDER);
            FloatVector step = FloatVector.fromMemorySegment(SPECIES, velocity, at, ORDER)
                    .fma(mu, wi.fma(decay, FloatVector.fromMemorySegment(SPECIES, g, at, ORDER)));
            step.intoMemorySegment(velocity, at, ORDER);
            step.fma(minusLr, wi).intoMemorySegment(w, at, ORDER);
        }
        if (whole < count) {
            VectorMask<Float> m = SPECIES.indexInRange(whole, count);
            FloatVector wi = FloatVector.fromMemorySegment(SPECIES, w, at, ORDER, m);
            FloatVector step = FloatVector.fromMemorySegment(SPECIES, velocity, at, ORDER, m)
                    .fma(mu, wi.fma(decay, FloatVector.fromMemorySegment(SPECIES, g, at, ORDER, m)));
            step.intoMemorySegment(velocity, at, ORDER, m);
            step.fma(minusLr, wi).intoMemorySegment(w, at, ORDER, m);
        }
    }

    private static void sgdWithoutMomentum(MemorySegment w, MemorySegment g, long count, float lr, float weightDecay) {
        FloatVector decay = FloatVector.broadcast(SPECIES, weightDecay);
        FloatVector minusLr = FloatVector.broadcast(SPECIES, -lr);
        long whole = whole(count);
        long at = 0;
        for (long end = whole * Float.BYTES; at < end; at += (long) LANES * Float.BYTES) {
            FloatVector wi = FloatVector.fromMemorySegment(SPECIES, w, at, ORDER);
            wi.fma(decay, FloatVector.fromMemorySegment(SPECIES, g, at, ORDER)).fma(minusLr, wi)
                    .intoMemorySegment(w, at, ORDER);
        }
        if (whole < count) {
            VectorMask<Float> m = SPECIES.indexInRange(whole, count);
            FloatVector wi = FloatVector.fromMemorySegment(SPECIES, w, at, ORDER, m);
            wi.fma(decay, FloatVector.fromMemorySegment(SPECIES, g, at, ORDER, m)).fma(minusLr, wi)
                    .intoMemorySegment(w, at, ORDER, m);
        }
    }

    /** Adagrad: {@code g' = g + wd w; s += g'^2; w -= lr g' / (sqrt(s) + eps)}. */
    static void adaGrad(MemorySegment w, MemorySegment g, MemorySegment sumSquares, long count, float lr,
                        float weightDecay, float eps) {
        FloatVector decay = FloatVector.broadcast(SPECIES, weightDecay);
        long whole = whole(count);
        long at = 0;
        for (long end = whole * Float.BYTES; at < end; at += (long) LANES * Float.BYTES) {
            FloatVector wi = FloatVector.fromMemorySegment(SPECIES, w, at, ORDER);
            FloatVector gi = wi.fma(decay, FloatVector.fromMemorySegment(SPECIES, g, at, ORDER));
            FloatVector s = gi.fma(gi, FloatVector.fromMemorySegment(SPECIES, sumSquares, at, ORDER));
            s.intoMemorySegment(sumSquares, at, ORDER);
            wi.sub(gi.mul(lr).div(s.sqrt().add(eps))).intoMemorySegment(w, at, ORDER);
        }
        if (whole < count) {
            VectorMask<Float> m = SPECIES.indexInRange(whole, count);
            FloatVector wi = FloatVector.fromMemorySegment(SPECIES, w, at, ORDER, m);
            FloatVector gi = wi.fma(decay, FloatVector.fromMemorySegment(SPECIES, g, at, ORDER, m));
            FloatVector s = gi.fma(gi, FloatVector.fromMemorySegment(SPECIES, sumSquares, at, ORDER, m));
            s.intoMemorySegment(sumSquares, at, ORDER, m);
            wi.sub(gi.mul(lr).div(s.sqrt().add(eps))).intoMemorySegment(w, at, ORDER, m);
        }
    }

    /**
     * Adam: {@code g' = g + wd w; m = b1 m + (1-b1) g'; v = b2 v + (1-b2) g'^2;
     * w -= stepSize m / (sqrt(v) * invCorrection2Sqrt + eps)} with the bias corrections
     * {@code stepSize = lr / (1 - b1^t)} and {@code invCorrection2Sqrt = 1 / sqrt(1 - b2^t)}
     * computed once in double by the caller.
     */
    static void adam(MemorySegment w, MemorySegment g, MemorySegment first, MemorySegment second, long count,
                     float stepSize, float invCorrection2Sqrt, float beta1, float beta2, float eps,
                     float weightDecay) {
        MemorySegment block = ADAM_BLOCK.get();
        for (long from = 0; from < count; from += BLOCK) {
            long at = from * Float.BYTES;
            long bytes = Math.min(BLOCK, count - from) * Float.BYTES;
            copyIntoBlock(w, g, first, second, at, bytes, block);
            adamBlock(block, stepSize, invCorrection2Sqrt, beta1, beta2, eps, weightDecay);
            copyFromBlock(block, w, first, second, at, bytes);
        }
    }

    /**
     * Copies {@code bytes} of each tensor from offset {@code at} into its part of {@code block}; a
     * method of its own because C1 ran out of registers on {@link #adam} with the seven copies
     * inlined into it ({@code out of virtual registers in linear scan}, 163 bytes).
     */
    private static void copyIntoBlock(MemorySegment w, MemorySegment g, MemorySegment first, MemorySegment second,
                                      long at, long bytes, MemorySegment block) {
        MemorySegment.copy(w, at, block, 0, bytes);
        MemorySegment.copy(g, at, block, BLOCK_BYTES, bytes);
        MemorySegment.copy(first, at, block, 2 * BLOCK_BYTES, bytes);
        MemorySegment.copy(second, at, block, 3 * BLOCK_BYTES, bytes);
    }

    /** Copies the stepped weights and moments back from {@code block}; see {@link #copyIntoBlock}. */
    private static void copyFromBlock(MemorySegment block, MemorySegment w, MemorySegment first, MemorySegment second,
                                      long at, long bytes) {
        MemorySegment.copy(block, 0, w, at, bytes);
        MemorySegment.copy(block, 2 * BLOCK_BYTES, first, at, bytes);
        MemorySegment.copy(block, 3 * BLOCK_BYTES, second, at, bytes);
    }

    /**
     * Adam on the {@value #BLOCK} floats of each part of {@code block} (weights, gradient, first
     * and second moment, one after the other) in whole vectors; lanes past the copied elements
     * compute on what the last call left there and are not copied back.
     */
    private static void adamBlock(MemorySegment block, float stepSize, float invCorrection2Sqrt, float beta1,
                                  float beta2, float eps, float weightDecay) {
        FloatVector decay = FloatVector.broadcast(SPECIES, weightDecay);
        FloatVector b1 = FloatVector.broadcast(SPECIES, beta1);
        FloatVector b2 = FloatVector.broadcast(SPECIES, beta2);
        FloatVector correction = FloatVector.broadcast(SPECIES, invCorrection2Sqrt);
        FloatVector epsilon = FloatVector.broadcast(SPECIES, eps);
        float keep1 = 1f - beta1;
        float keep2 = 1f - beta2;
        for (long at = 0; at < BLOCK_BYTES; at += (long) LANES * Float.BYTES) {
            long g = at + BLOCK_BYTES;
            long m = g + BLOCK_BYTES;
            long v = m + BLOCK_BYTES;
            FloatVector wi = FloatVector.fromMemorySegment(SPECIES, block, at, ORDER);
            FloatVector gi = wi.fma(decay, FloatVector.fromMemorySegment(SPECIES, block, g, ORDER));
            FloatVector mi = FloatVector.fromMemorySegment(SPECIES, block, m, ORDER).fma(b1, gi.mul(keep1));
            FloatVector vi = FloatVector.fromMemorySegment(SPECIES, block, v, ORDER).fma(b2, gi.mul(gi).mul(keep2));
            mi.intoMemorySegment(block, m, ORDER);
            vi.intoMemorySegment(block, v, ORDER);
            wi.sub(mi.mul(stepSize).div(vi.sqrt().fma(correction, epsilon))).intoMemorySegment(block, at, ORDER);
        }
    }
}
