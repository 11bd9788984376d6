package dev.jdnn.onednn;

import java.lang.foreign.Arena;
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
final class VectorOptimizerSteps {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    /** Adam steps this many floats at a time: see the class comment. */
    private static final long BLOCK = 1024;

    private static final long BLOCK_BYTES = BLOCK * Float.BYTES;

    /** Each calling thread's Adam block: weights, gradient, first and second moment. */
    private static final ThreadLocal<MemorySegment> ADAM_BLOCK =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(4 * BLOCK_BYTES, 64));

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
