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
 *
 * <p>Every vector load and store is written out in the loop itself rather than in a shared
 * {@code load(segment, at, mask)} helper: such a helper is hot on its own, so C2 compiles it as a
 * standalone method whose code (the whole intrinsic chain) exceeds {@code InlineSmallCode}, and
 * from then on refuses to inline it ("already compiled into a big method"), so every load returned
 * a boxed vector. That is what made SGD in whole vectors cost 0.6-1.1 ms per LeNet-5 step (61.7k
 * parameters; {@code -XX:+PrintInlining}, AVX-512, 2026-12-06 third session) against 25 us for
 * the same loop in a JMH fork, where the helper happened to be inlined first.
 */
final class VectorOptimizerSteps {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private VectorOptimizerSteps() {
    }

    /** Elements in whole vectors: the main loops run to here without a branch, the tail goes under a mask. */
    private static long whole(long count) {
        return count - count % LANES;
    }

    /**
     * See {@link JavaTrainingSteps#sgd}: {@code step = wd w + g; v = momentum v + step; w -= lr v},
     * the same separate multiplies and adds as the scalar loop, so both give the same bits.
     */
    static void sgd(MemorySegment w, MemorySegment g, MemorySegment velocity, long count, float lr, float momentum,
                    float weightDecay) {
        if (velocity == null) {
            sgdWithoutMomentum(w, g, count, lr, weightDecay);
            return;
        }
        FloatVector decay = FloatVector.broadcast(SPECIES, weightDecay);
        FloatVector mu = FloatVector.broadcast(SPECIES, momentum);
        FloatVector rate = FloatVector.broadcast(SPECIES, lr);
        long whole = whole(count);
        long at = 0;
        for (long end = whole * Float.BYTES; at < end; at += (long) LANES * Float.BYTES) {
            FloatVector wi = FloatVector.fromMemorySegment(SPECIES, w, at, ORDER);
            FloatVector gi = FloatVector.fromMemorySegment(SPECIES, g, at, ORDER);
            FloatVector vi = FloatVector.fromMemorySegment(SPECIES, velocity, at, ORDER);
            FloatVector step = vi.mul(mu).add(wi.mul(decay).add(gi));
            step.intoMemorySegment(velocity, at, ORDER);
            wi.sub(step.mul(rate)).intoMemorySegment(w, at, ORDER);
        }
        if (whole < count) {
            VectorMask<Float> m = SPECIES.indexInRange(whole, count);
            FloatVector wi = FloatVector.fromMemorySegment(SPECIES, w, at, ORDER, m);
            FloatVector gi = FloatVector.fromMemorySegment(SPECIES, g, at, ORDER, m);
            FloatVector vi = FloatVector.fromMemorySegment(SPECIES, velocity, at, ORDER, m);
            FloatVector step = vi.mul(mu).add(wi.mul(decay).add(gi));
            step.intoMemorySegment(velocity, at, ORDER, m);
            wi.sub(step.mul(rate)).intoMemorySegment(w, at, ORDER, m);
        }
    }

    private static void sgdWithoutMomentum(MemorySegment w, MemorySegment g, long count, float lr,
                                           float weightDecay) {
        FloatVector decay = FloatVector.broadcast(SPECIES, weightDecay);
        FloatVector rate = FloatVector.broadcast(SPECIES, lr);
        long whole = whole(count);
        long at = 0;
        for (long end = whole * Float.BYTES; at < end; at += (long) LANES * Float.BYTES) {
            FloatVector wi = FloatVector.fromMemorySegment(SPECIES, w, at, ORDER);
            FloatVector gi = FloatVector.fromMemorySegment(SPECIES, g, at, ORDER);
            wi.sub(wi.mul(decay).add(gi).mul(rate)).intoMemorySegment(w, at, ORDER);
        }
        if (whole < count) {
            VectorMask<Float> m = SPECIES.indexInRange(whole, count);
            FloatVector wi = FloatVector.fromMemorySegment(SPECIES, w, at, ORDER, m);
            FloatVector gi = FloatVector.fromMemorySegment(SPECIES, g, at, ORDER, m);
            wi.sub(wi.mul(decay).add(gi).mul(rate)).intoMemorySegment(w, at, ORDER, m);
        }
    }

    /** See {@link JavaTrainingSteps#adaGrad}. */
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
