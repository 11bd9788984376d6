package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.ORDER;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

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
 */
final class TrainingStepKernels {

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
        FloatVector decay = FloatVector.broadcast(SPECIES, weightDecay);
        FloatVector b1 = FloatVector.broadcast(SPECIES, beta1);
        FloatVector b2 = FloatVector.broadcast(SPECIES, beta2);
        FloatVector correction = FloatVector.broadcast(SPECIES, invCorrection2Sqrt);
        FloatVector epsilon = FloatVector.broadcast(SPECIES, eps);
        float keep1 = 1f - beta1;
        float keep2 = 1f - beta2;
        long whole = whole(count);
        long at = 0;
        for (long end = whole * Float.BYTES; at < end; at += (long) LANES * Float.BYTES) {
            FloatVector wi = FloatVector.fromMemorySegment(SPECIES, w, at, ORDER);
            FloatVector gi = wi.fma(decay, FloatVector.fromMemorySegment(SPECIES, g, at, ORDER));
            FloatVector mi = FloatVector.fromMemorySegment(SPECIES, first, at, ORDER).fma(b1, gi.mul(keep1));
            FloatVector vi = FloatVector.fromMemorySegment(SPECIES, second, at, ORDER).fma(b2, gi.mul(gi).mul(keep2));
            mi.intoMemorySegment(first, at, ORDER);
            vi.intoMemorySegment(second, at, ORDER);
            wi.sub(mi.mul(stepSize).div(vi.sqrt().fma(correction, epsilon))).intoMemorySegment(w, at, ORDER);
        }
        if (whole < count) {
            VectorMask<Float> m = SPECIES.indexInRange(whole, count);
            FloatVector wi = FloatVector.fromMemorySegment(SPECIES, w, at, ORDER, m);
            FloatVector gi = wi.fma(decay, FloatVector.fromMemorySegment(SPECIES, g, at, ORDER, m));
            FloatVector mi = FloatVector.fromMemorySegment(SPECIES, first, at, ORDER, m).fma(b1, gi.mul(keep1));
            FloatVector vi = FloatVector.fromMemorySegment(SPECIES, second, at, ORDER, m)
                    .fma(b2, gi.mul(gi).mul(keep2));
            mi.intoMemorySegment(first, at, ORDER, m);
            vi.intoMemorySegment(second, at, ORDER, m);
            wi.sub(mi.mul(stepSize).div(vi.sqrt().fma(correction, epsilon))).intoMemorySegment(w, at, ORDER, m);
        }
    }
}
