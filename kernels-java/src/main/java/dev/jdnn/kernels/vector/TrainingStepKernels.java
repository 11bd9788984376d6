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
 * writes every tensor once, in place, and allocates nothing. Whole vectors run under an all-true
 * mask and the tail under {@code indexInRange}, so the tail goes through the same code; in-place
 * calls are safe because each vector is loaded before the same lanes are stored.
 */
final class TrainingStepKernels {
    private static final VectorMask<Float> ALL = SPECIES.maskAll(true);

    private TrainingStepKernels() {
    }

    private static FloatVector load(MemorySegment s, long at, VectorMask<Float> m) {
        return FloatVector.fromMemorySegment(SPECIES, s, at, ORDER, m);
    }

    /** {@code y[i] = a[i] + b[i]}. */
    static void add(MemorySegment a, MemorySegment b, MemorySegment y, long count) {
        for (long i = 0; i < count; i += LANES) {
            VectorMask<Float> m = i <= count - LANES ? ALL : SPECIES.indexInRange(i, count);
            long at = i * Float.BYTES;
            load(a, at, m).add(load(b, at, m)).intoMemorySegment(y, at, ORDER, m);
        }
    }

    /** SGD: {@code g' = g + wd w; v = momentum v + g'; w -= lr v}; {@code velocity} null means {@code w -= lr g'}. */
    static void sgd(MemorySegment w, MemorySegment g, MemorySegment velocity, long count, float lr, float momentum,
                    float weightDecay) {
        FloatVector decay = FloatVector.broadcast(SPECIES, weightDecay);
        FloatVector mu = FloatVector.broadcast(SPECIES, momentum);
        FloatVector minusLr = FloatVector.broadcast(SPECIES, -lr);
        for (long i = 0; i < count; i += LANES) {
            VectorMask<Float> m = i <= count - LANES ? ALL : SPECIES.indexInRange(i, count);
            long at = i * Float.BYTES;
            FloatVector wi = load(w, at, m);
            FloatVector step = wi.fma(decay, load(g, at, m));
            if (velocity != null) {
                step = load(velocity, at, m).fma(mu, step);
                step.intoMemorySegment(velocity, at, ORDER, m);
            }
            step.fma(minusLr, wi).intoMemorySegment(w, at, ORDER, m);
        }
    }

    /** Adagrad: {@code g' = g + wd w; s += g'^2; w -= lr g' / (sqrt(s) + eps)}. */
    static void adaGrad(MemorySegment w, MemorySegment g, MemorySegment sumSquares, long count, float lr,
                        float weightDecay, float eps) {
        FloatVector decay = FloatVector.broadcast(SPECIES, weightDecay);
        for (long i = 0; i < count; i += LANES) {
            VectorMask<Float> m = i <= count - LANES ? ALL : SPECIES.indexInRange(i, count);
            long at = i * Float.BYTES;
            FloatVector wi = load(w, at, m);
            FloatVector gi = wi.fma(decay, load(g, at, m));
            FloatVector s = gi.fma(gi, load(sumSquares, at, m));
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
        float keep1 = 1f - beta1;
        float keep2 = 1f - beta2;
        FloatVector decay = FloatVector.broadcast(SPECIES, weightDecay);
        FloatVector b1 = FloatVector.broadcast(SPECIES, beta1);
        FloatVector b2 = FloatVector.broadcast(SPECIES, beta2);
        FloatVector correction = FloatVector.broadcast(SPECIES, invCorrection2Sqrt);
        FloatVector epsilon = FloatVector.broadcast(SPECIES, eps);
        for (long i = 0; i < count; i += LANES) {
            VectorMask<Float> m = i <= count - LANES ? ALL : SPECIES.indexInRange(i, count);
            long at = i * Float.BYTES;
            FloatVector wi = load(w, at, m);
            FloatVector gi = wi.fma(decay, load(g, at, m));
            FloatVector mi = load(first, at, m).fma(b1, gi.mul(keep1));
            FloatVector vi = load(second, at, m).fma(b2, gi.mul(gi).mul(keep2));
            mi.intoMemorySegment(first, at, ORDER, m);
            vi.intoMemorySegment(second, at, ORDER, m);
            FloatVector denominator = vi.sqrt().fma(correction, epsilon);
            wi.sub(mi.mul(stepSize).div(denominator)).intoMemorySegment(w, at, ORDER, m);
        }
    }
}
