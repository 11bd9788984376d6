package dev.jdnn.onednn;

import dev.jdnn.Tensor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The element-wise training-step ops in one Java pass each: {@code add}, dropout with the
 * contract's counter-based mask, and one step of {@code torch.optim}'s SGD, Adagrad and Adam.
 * oneDNN has no optimiser primitives and no counter-based dropout, and these ops are bound by
 * memory bandwidth, so a native call would buy nothing but its fixed cost. With module
 * {@code jdk.incubator.vector} present, SGD, Adagrad and Adam run in {@link VectorOptimizerSteps}
 * (whole vectors and a masked tail): the scalar Adam loop below put C2 into a recompilation storm
 * on {@code profile_predicate} traps for the first ~100 traps of a training JVM, which made the
 * first two epochs of LeNet-5 with Adam 5-6x slower on every layer (numbers in that class). The
 * scalar loops stay for a JVM without the module; they use separate multiplies and adds rather
 * than {@code Math.fma}, which made the same storm worse (22 ms per step against 3). In-place calls are
 * safe: every element is read before it is written.
 *
 * <p>Dropout keeps element {@code i} iff {@code (mix64(seed + (i + 1) * 0x9E3779B97F4A7C15L) >>> 40)
 * >= ceil(p * 2^24)}, the contract's {@code u >= p} exactly, so its mask is bit-identical to
 * every other backend's. With module {@code jdk.incubator.vector} present the dropout hashes
 * whole vectors of counters in {@link VectorDropout}, the tail here.
 */
final class JavaTrainingSteps {
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT_UNALIGNED;
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    /** Whether the vector classes of this package can run; checked here so that none loads without the module. */
    static final boolean VECTOR_API = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

    private JavaTrainingSteps() {
    }

    /** {@code mask[i] = kept ? 1/(1-p) : 0; y[i] = x[i] * mask[i]}. */
    static void dropout(double p, long seed, Tensor x, Tensor y, Tensor mask) {
        MemorySegment in = x.segment();
        MemorySegment out = y.segment();
        MemorySegment m = mask.segment();
        long threshold = (long) Math.ceil(p * 0x1p24);
        float scale = (float) (1.0 / (1.0 - p));
        long count = x.shape().elementCount();
        long i = VECTOR_API ? VectorDropout.forward(threshold, scale, seed, GOLDEN_GAMMA, in, out, m, count) : 0;
        long counter = seed + i * GOLDEN_GAMMA;
        for (; i < count; i++) {
            counter += GOLDEN_GAMMA;
            float keep = (mix64(counter) >>> 40) >= threshold ? scale : 0f;
            m.setAtIndex(F, i, keep);
            out.setAtIndex(F, i, in.getAtIndex(F, i) * keep);
        }
    }

    /** {@code dx[i] = dy[i] * mask[i]}. */
    static void dropoutBackward(Tensor mask, Tensor dy, Tensor dx) {
        MemorySegment m = mask.segment();
        MemorySegment upstream = dy.segment();
        MemorySegment out = dx.segment();
        long count = mask.shape().elementCount();
        for (long i = 0; i < count; i++) {
            out.setAtIndex(F, i, upstream.getAtIndex(F, i) * m.getAtIndex(F, i));
        }
    }

    /** {@code y[i] = a[i] + b[i]}. */
    static void add(Tensor a, Tensor b, Tensor y) {
        MemorySegment left = a.segment();
        MemorySegment right = b.segment();
        MemorySegment out = y.segment();
        long count = a.shape().elementCount();
        for (long i = 0; i < count; i++) {
            out.setAtIndex(F, i, left.getAtIndex(F, i) + right.getAtIndex(F, i));
        }
    }

    /**
     * {@code g' = g + wd w; v = momentum v + g'; w -= lr v}; without {@code velocity}, {@code w -= lr g'}.
     * With the Vector module it runs in {@link VectorOptimizerSteps#sgd}, which gives the same bits:
     * the loop here cost 0.05-0.31 ms per LeNet-5 step (61.7k parameters, onednn, 2 threads,
     * AVX-512, 2026-12-06), the vector one 0.08 ms once its loads were written out in the loop (a
     * shared load helper C2 would not inline had made it 0.6-1.1 ms; see that class).
     */
    static void sgd(Tensor w, Tensor g, Tensor velocity, float lr, float momentum, float weightDecay) {
        MemorySegment weights = w.segment();
        MemorySegment gradient = g.segment();
        MemorySegment state = velocity == null ? null : velocity.segment();
        long count = w.shape().elementCount();
        if (VECTOR_API) {
            VectorOptimizerSteps.sgd(weights, gradient, state, count, lr, momentum, weightDecay);
            return;
        }
        sgdScalar(weights, gradient, state, count, lr, momentum, weightDecay);
    }

    /**
     * {@link #sgd}'s loop for JVMs without the Vector API; {@link VectorOptimizerSteps#sgd} must
     * give its bits (its test compares the two), so that a run trains the same weights either way.
     */
    static void sgdScalar(MemorySegment weights, MemorySegment gradient, MemorySegment state, long count, float lr,
                          float momentum, float weightDecay) {
        for (long i = 0; i < count; i++) {
            float wi = weights.getAtIndex(F, i);
            float step = wi * weightDecay + gradient.getAtIndex(F, i);
            if (state != null) {
                step = state.getAtIndex(F, i) * momentum + step;
                state.setAtIndex(F, i, step);
            }
            weights.setAtIndex(F, i, wi - step * lr);
        }
    }

    /** {@code g' = g + wd w; s += g'^2; w -= lr g' / (sqrt(s) + eps)}. */
    static void adaGrad(Tensor w, Tensor g, Tensor sumSquares, float lr, float weightDecay, float eps) {
        MemorySegment weights = w.segment();
        MemorySegment gradient = g.segment();
        MemorySegment state = sumSquares.segment();
        long count = w.shape().elementCount();
        if (VECTOR_API) {
            VectorOptimizerSteps.adaGrad(weights, gradient, state, count, lr, weightDecay, eps);
            return;
        }
        for (long i = 0; i < count; i++) {
            float wi = weights.getAtIndex(F, i);
            float gi = wi * weightDecay + gradient.getAtIndex(F, i);
            float s = gi * gi + state.getAtIndex(F, i);
            state.setAtIndex(F, i, s);
            weights.setAtIndex(F, i, wi - gi * lr / ((float) Math.sqrt(s) + eps));
        }
    }

    /**
     * {@code g' = g + wd w; m = b1 m + (1-b1) g'; v = b2 v + (1-b2) g'^2;
     * w -= lr/(1-b1^t) m / (sqrt(v)/sqrt(1-b2^t) + eps)}, the bias corrections computed once in double.
     */
    static void adam(Tensor w, Tensor g, Tensor m, Tensor v, int step, float lr, float beta1, float beta2,
                     float eps, float weightDecay) {
        MemorySegment weights = w.segment();
        MemorySegment gradient = g.segment();
        MemorySegment first = m.segment();
        MemorySegment second = v.segment();
        float stepSize = (float) (lr / (1 - Math.pow(beta1, step)));
        float invCorrection2Sqrt = (float) (1 / Math.sqrt(1 - Math.pow(beta2, step)));
        float keep1 = 1f - beta1;
        float keep2 = 1f - beta2;
        long count = w.shape().elementCount();
        if (VECTOR_API) {
            VectorOptimizerSteps.adam(weights, gradient, first, second, count, stepSize, invCorrection2Sqrt, beta1,
                    beta2, eps, weightDecay);
            return;
        }
        for (long i = 0; i < count; i++) {
            float wi = weights.getAtIndex(F, i);
            float gi = wi * weightDecay + gradient.getAtIndex(F, i);
            float mi = first.getAtIndex(F, i) * beta1 + gi * keep1;
            float vi = second.getAtIndex(F, i) * beta2 + gi * gi * keep2;
            first.setAtIndex(F, i, mi);
            second.setAtIndex(F, i, vi);
            float denominator = (float) Math.sqrt(vi) * invCorrection2Sqrt + eps;
            weights.setAtIndex(F, i, wi - mi * stepSize / denominator);
        }
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
