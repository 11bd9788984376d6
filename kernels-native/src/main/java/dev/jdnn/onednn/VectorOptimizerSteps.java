package dev.jdnn.onednn;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link JavaTrainingSteps}'s Adagrad and Adam in whole float vectors in a loop without a
 * branch, the tail once under an {@code indexInRange} mask (a mask choice inside the loop lets C2
 * hoist the whole-vector bounds check as a profiled predicate that fails for lengths that are not
 * a multiple of the lane count), so that neither runs a scalar loop when module
 * {@code jdk.incubator.vector} is present. The reason is the JIT, not only speed: the scalar Adam loop over four
 * {@code MemorySegment}s sent C2 into a deoptimisation storm in a LeNet-5 training JVM (JDK 25,
 * AVX-512, 2026-12-06): every tier-4 compilation of it hit a {@code profile_predicate} uncommon
 * trap at the loop's back edge within about 0.5 s and was recompiled, about 100 times, until
 * {@code PerMethodTrapLimit} stopped the speculation ~50 s into the run; meanwhile the step ran
 * through the profiled tier-3 code and the compiler thread competed with oneDNN's two OpenMP
 * threads for the two cores, so every layer slowed (LeNet-5 with Adam on onednn: 22 / 21 / 3.9 s
 * per epoch, the same JVM with {@code -XX:-UseProfiledLoopPredicate} 4.9 / 4.0 / 3.4 s; an
 * int-indexed scalar loop stormed as well). These loops do not (no trap of them in the
 * deoptimisation log). Same arithmetic as the vector backend's kernels (fused multiply-adds), every element
 * read before it is written, so in-place calls are safe. Touch this class only when the module
 * is in the boot layer ({@link JavaTrainingSteps} checks).
 */
final class VectorOptimizerSteps {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private VectorOptimizerSteps() {
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

    /** See {@link JavaTrainingSteps#adaGrad}. */
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

    /** See {@link JavaTrainingSteps#adam}; the bias corrections come from the caller. */
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
