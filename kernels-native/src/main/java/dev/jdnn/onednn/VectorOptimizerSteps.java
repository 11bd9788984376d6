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
 *
 * <p>Adam runs its whole vectors and its tail in separate methods that take and return no vector
 * (the tail in three: the two moments and the weights), because C1 refused the one-method Adam
 * ({@code COMPILE SKIPPED: out of virtual registers}, 441 bytes of bytecode, the masked tail
 * inlining far more than the loop). Without a tier-3 version a JVM that compiled Adam at tier 2
 * (no profile) while its one C2 thread was busy never promoted it: calling Adam on LeNet-5's ten
 * tensors it took 15 ms a step for 48k parameters; split, 7 us (AVX-512, 2 cores, 2026-12-06).
 * The split alone did not cure {@code ./jdnn bench --quick}'s JVM, where Adam runs on tensors of
 * several sizes: C2's code of the whole-vector loop kept hitting {@code profile_predicate} traps
 * at the loop head (a check hoisted out of the loop on the profile of other sizes) and was
 * recompiled again and again, boxed code in between (lenet_fc1 0.5-2.6 ms a step against naive's
 * 0.22; {@code -XX:-UseProfiledLoopPredicate} took it to 0.009 ms). So the loop sees slices of
 * {@value #BLOCK} floats, every call the same size, and one shorter slice for the rest of the
 * whole vectors: no trap of it in the same run's deoptimisation log, lenet_fc1 0.008 ms, cifar_fc1
 * 0.17, cifar_act 1.22 (naive 0.22, 3.8, 15.2).
 */
final class VectorOptimizerSteps {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    /** Adam's whole vectors go to the loop in slices of this many floats: see the class comment. */
    private static final long BLOCK = 1024;

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
        long whole = whole(count);
        long blocked = whole - whole % BLOCK;
        for (long from = 0; from < blocked; from += BLOCK) {
            long at = from * Float.BYTES;
            long size = BLOCK * Float.BYTES;
            adamVectors(w.asSlice(at, size), g.asSlice(at, size), first.asSlice(at, size), second.asSlice(at, size),
                    BLOCK, stepSize, invCorrection2Sqrt, beta1, beta2, eps, weightDecay);
        }
        if (blocked < whole) {
            long at = blocked * Float.BYTES;
            long size = (whole - blocked) * Float.BYTES;
            adamVectors(w.asSlice(at, size), g.asSlice(at, size), first.asSlice(at, size), second.asSlice(at, size),
                    whole - blocked, stepSize, invCorrection2Sqrt, beta1, beta2, eps, weightDecay);
        }
        if (whole < count) {
            adamTail(w, g, first, second, whole, count, stepSize, invCorrection2Sqrt, beta1, beta2, eps, weightDecay);
        }
    }

    /** Adam on the first {@code whole} elements, a multiple of the lane count, in whole vectors. */
    private static void adamVectors(MemorySegment w, MemorySegment g, MemorySegment first, MemorySegment second,
                                    long whole, float stepSize, float invCorrection2Sqrt, float beta1, float beta2,
                                    float eps, float weightDecay) {
        FloatVector decay = FloatVector.broadcast(SPECIES, weightDecay);
        FloatVector b1 = FloatVector.broadcast(SPECIES, beta1);
        FloatVector b2 = FloatVector.broadcast(SPECIES, beta2);
        FloatVector correction = FloatVector.broadcast(SPECIES, invCorrection2Sqrt);
        FloatVector epsilon = FloatVector.broadcast(SPECIES, eps);
        float keep1 = 1f - beta1;
        float keep2 = 1f - beta2;
        for (long at = 0, end = whole * Float.BYTES; at < end; at += (long) LANES * Float.BYTES) {
            FloatVector wi = FloatVector.fromMemorySegment(SPECIES, w, at, ORDER);
            FloatVector gi = wi.fma(decay, FloatVector.fromMemorySegment(SPECIES, g, at, ORDER));
            FloatVector mi = FloatVector.fromMemorySegment(SPECIES, first, at, ORDER).fma(b1, gi.mul(keep1));
            FloatVector vi = FloatVector.fromMemorySegment(SPECIES, second, at, ORDER).fma(b2, gi.mul(gi).mul(keep2));
            mi.intoMemorySegment(first, at, ORDER);
            vi.intoMemorySegment(second, at, ORDER);
            wi.sub(mi.mul(stepSize).div(vi.sqrt().fma(correction, epsilon))).intoMemorySegment(w, at, ORDER);
        }
    }

    /**
     * Adam on elements {@code from <= i < count}, fewer than one vector, under an
     * {@code indexInRange} mask, in three methods: C1 ran out of virtual registers on the whole
     * masked step and on both moments together (its masked loads and stores inline far more than
     * the unmasked ones). Each moment recomputes {@code g'} and the weights' step reads back the
     * moments just stored: the same floats, so the bits are those of one pass.
     */
    private static void adamTail(MemorySegment w, MemorySegment g, MemorySegment first, MemorySegment second,
                                 long from, long count, float stepSize, float invCorrection2Sqrt, float beta1,
                                 float beta2, float eps, float weightDecay) {
        adamTailMoment(w, g, first, from, count, beta1, weightDecay, false);
        adamTailMoment(w, g, second, from, count, beta2, weightDecay, true);
        adamTailWeights(w, first, second, from, count, stepSize, invCorrection2Sqrt, eps);
    }

    /**
     * The tail's {@code m = b1 m + (1-b1) g'} or, {@code squared}, {@code v = b2 v + (1-b2) g'^2},
     * with {@code g' = g + wd w}.
     */
    private static void adamTailMoment(MemorySegment w, MemorySegment g, MemorySegment moment, long from, long count,
                                       float beta, float weightDecay, boolean squared) {
        VectorMask<Float> m = SPECIES.indexInRange(from, count);
        long at = from * Float.BYTES;
        FloatVector gi = FloatVector.fromMemorySegment(SPECIES, w, at, ORDER, m).fma(
                FloatVector.broadcast(SPECIES, weightDecay), FloatVector.fromMemorySegment(SPECIES, g, at, ORDER, m));
        FloatVector added = squared ? gi.mul(gi).mul(1f - beta) : gi.mul(1f - beta);
        FloatVector.fromMemorySegment(SPECIES, moment, at, ORDER, m).fma(FloatVector.broadcast(SPECIES, beta), added)
                .intoMemorySegment(moment, at, ORDER, m);
    }

    /** The tail's {@code w -= stepSize m / (sqrt(v) * invCorrection2Sqrt + eps)} on the updated moments. */
    private static void adamTailWeights(MemorySegment w, MemorySegment first, MemorySegment second, long from,
                                        long count, float stepSize, float invCorrection2Sqrt, float eps) {
        VectorMask<Float> m = SPECIES.indexInRange(from, count);
        long at = from * Float.BYTES;
        FloatVector denominator = FloatVector.fromMemorySegment(SPECIES, second, at, ORDER, m).sqrt()
                .fma(FloatVector.broadcast(SPECIES, invCorrection2Sqrt), FloatVector.broadcast(SPECIES, eps));
        FloatVector.fromMemorySegment(SPECIES, w, at, ORDER, m)
                .sub(FloatVector.fromMemorySegment(SPECIES, first, at, ORDER, m).mul(stepSize).div(denominator))
                .intoMemorySegment(w, at, ORDER, m);
    }
}
