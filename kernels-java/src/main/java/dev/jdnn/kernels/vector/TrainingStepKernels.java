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
 * branch and the tail once under an {@code indexInRange} mask, through the same per-vector method.
 * The loop had the mask choice inside it before: C2 then hoisted the whole-vector bounds check
 * out of the loop as a profiled predicate that fails for any length not a multiple of the lane
 * count, and the Adam kernel was recompiled after a {@code profile_predicate} trap every few
 * seconds of a LeNet-5 training JVM (AVX-512, 2026-12-06), running its boxed tier-3 code in
 * between. In-place calls are safe because each vector is loaded before the same lanes are stored.
 */
final class TrainingStepKernels {

    private TrainingStepKernels() {
    }

    private static FloatVector load(MemorySegment s, long at, VectorMask<Float> m) {
        return m == null ? FloatVector.fromMemorySegment(SPECIES, s, at, ORDER)
                : FloatVector.fromMemorySegment(SPECIES, s, at, ORDER, m);
    }

    private static void store(FloatVector v, MemorySegment s, long at, VectorMask<Float> m) {
        if (m == null) {
            v.intoMemorySegment(s, at, ORDER);
        } else {
            v.intoMemorySegment(s, at, ORDER, m);
        }
    }

    /** Elements in whole vectors: the main loops run to here without a branch, the tail goes under a mask. */
    private static long whole(long count) {
        return count - count % LANES;
    }

    /** {@code y[i] = a[i] + b[i]} for {@code from <= i < to}. */
    static void add(MemorySegment a, MemorySegment b, MemorySegment y, long from, long to) {
        long whole = from + whole(to - from);
        long i = from;
        for (; i < whole; i += LANES) {
            long at = i * Float.BYTES;
            store(load(a, at, null).add(load(b, at, null)), y, at, null);
        }
        if (i < to) {
            VectorMask<Float> m = SPECIES.indexInRange(i, to);
            long at = i * Float.BYTES;
            store(load(a, at, m).add(load(b, at, m)), y, at, m);
        }
    }

    /** SGD: {@code g' = g + wd w; v = momentum v + g'; w -= lr v}; {@code velocity} null means {@code w -= lr g'}. */
    static void sgd(MemorySegment w, MemorySegment g, MemorySegment velocity, long count, float lr, float momentum,
                    float weightDecay) {
        FloatVector decay = FloatVector.broadcast(SPECIES, weightDecay);
        FloatVector mu = FloatVector.broadcast(SPECIES, momentum);
        FloatVector minusLr = FloatVector.broadcast(SPECIES, -lr);
        long whole = whole(count);
        long i = 0;
        for (; i < whole; i += LANES) {
            sgdAt(w, g, velocity, i * Float.BYTES, null, decay, mu, minusLr);
        }
        if (i < count) {
            sgdAt(w, g, velocity, i * Float.BYTES, SPECIES.indexInRange(i, count), decay, mu, minusLr);
        }
    }

    private static void sgdAt(MemorySegment w, MemorySegment g, MemorySegment velocity, long at, VectorMask<Float> m,
                              FloatVector decay, FloatVector mu, FloatVector minusLr) {
        FloatVector wi = load(w, at, m);
        FloatVector step = wi.fma(decay, load(g, at, m));
        if (velocity != null) {
            step = load(velocity, at, m).fma(mu, step);
            store(step, velocity, at, m);
        }
        store(step.fma(minusLr, wi), w, at, m);
    }

    /** Adagrad: {@code g' = g + wd w; s += g'^2; w -= lr g' / (sqrt(s) + eps)}. */
    static void adaGrad(MemorySegment w, MemorySegment g, MemorySegment sumSquares, long count, float lr,
                        float weightDecay, float eps) {
        FloatVector decay = FloatVector.broadcast(SPECIES, weightDecay);
        long whole = whole(count);
        long i = 0;
        for (; i < whole; i += LANES) {
            adaGradAt(w, g, sumSquares, i * Float.BYTES, null, decay, lr, eps);
        }
        if (i < count) {
            adaGradAt(w, g, sumSquares, i * Float.BYTES, SPECIES.indexInRange(i, count), decay, lr, eps);
        }
    }

    private static void adaGradAt(MemorySegment w, MemorySegment g, MemorySegment sumSquares, long at,
                                  VectorMask<Float> m, FloatVector decay, float lr, float eps) {
        FloatVector wi = load(w, at, m);
        FloatVector gi = wi.fma(decay, load(g, at, m));
        FloatVector s = gi.fma(gi, load(sumSquares, at, m));
        store(s, sumSquares, at, m);
        store(wi.sub(gi.mul(lr).div(s.sqrt().add(eps))), w, at, m);
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
        long i = 0;
        for (; i < whole; i += LANES) {
            adamAt(w, g, first, second, i * Float.BYTES, null, decay, b1, b2, correction, epsilon, keep1, keep2,
                    stepSize);
        }
        if (i < count) {
            adamAt(w, g, first, second, i * Float.BYTES, SPECIES.indexInRange(i, count), decay, b1, b2, correction,
                    epsilon, keep1, keep2, stepSize);
        }
    }

    private static void adamAt(MemorySegment w, MemorySegment g, MemorySegment first, MemorySegment second, long at,
                               VectorMask<Float> m, FloatVector decay, FloatVector b1, FloatVector b2,
                               FloatVector correction, FloatVector epsilon, float keep1, float keep2,
                               float stepSize) {
        FloatVector wi = load(w, at, m);
        FloatVector gi = wi.fma(decay, load(g, at, m));
        FloatVector mi = load(first, at, m).fma(b1, gi.mul(keep1));
        FloatVector vi = load(second, at, m).fma(b2, gi.mul(gi).mul(keep2));
        store(mi, first, at, m);
        store(vi, second, at, m);
        FloatVector denominator = vi.sqrt().fma(correction, epsilon);
        store(wi.sub(mi.mul(stepSize).div(denominator)), w, at, m);
    }
}
