package dev.jdnn.kernels.naive;

import dev.jdnn.Tensor;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

/**
 * Inverted dropout and its gradient, written as the contract states them: element {@code i} (in
 * memory order) is kept iff {@code u(seed, i) >= p} with
 * {@code u = (mix64(seed + (i + 1) * 0x9E3779B97F4A7C15L) >>> 40) * 2^-24}, {@code mix64} being
 * SplitMix64's finaliser; a kept element's mask is {@code (float) (1 / (1 - p))}, a dropped one's 0.
 * The products are float products, so every backend's output is bit-identical to this one.
 */
final class NaiveDropout {
    /** The golden-ratio increment of SplitMix64. */
    static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private NaiveDropout() {
    }

    /** SplitMix64's finaliser (Stafford's variant 13). */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The uniform draw in {@code [0, 1)} of element {@code i}: 24 random bits, exact in float and double. */
    static double uniform(long seed, long i) {
        return (mix64(seed + (i + 1) * GOLDEN_GAMMA) >>> 40) * 0x1p-24;
    }

    /** {@code mask[i] = kept ? 1/(1-p) : 0; y[i] = x[i] * mask[i]}; {@code y} may be {@code x}. */
    static void forward(double p, long seed, Tensor x, Tensor y, Tensor mask) {
        MemorySegment in = x.segment();
        MemorySegment out = y.segment();
        MemorySegment m = mask.segment();
        float scale = (float) (1.0 / (1.0 - p));
        long count = x.shape().elementCount();
        for (long i = 0; i < count; i++) {
            float keep = uniform(seed, i) >= p ? scale : 0f;
            m.setAtIndex(JAVA_FLOAT, i, keep);
            out.setAtIndex(JAVA_FLOAT, i, in.getAtIndex(JAVA_FLOAT, i) * keep);
        }
    }

    /** {@code dx[i] = dy[i] * mask[i]}. */
    static void backward(Tensor mask, Tensor dy, Tensor dx) {
        MemorySegment m = mask.segment();
        MemorySegment upstream = dy.segment();
        MemorySegment out = dx.segment();
        long count = mask.shape().elementCount();
        for (long i = 0; i < count; i++) {
            out.setAtIndex(JAVA_FLOAT, i, upstream.getAtIndex(JAVA_FLOAT, i) * m.getAtIndex(JAVA_FLOAT, i));
        }
    }
}
