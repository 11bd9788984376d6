package dev.jdnn.kernels.naive;

import dev.jdnn.Tensor;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

/**
 * One step of {@code torch.optim}'s SGD (momentum, L2 weight decay), Adagrad and Adam, element by
 * element in {@code double} (each element rounded to float once, when stored), as the reference
 * the other backends' float kernels are compared with. The new optimiser state is rounded to
 * float when stored, but the weight update of the same step uses its double value.
 */
final class NaiveOptimizers {
    private NaiveOptimizers() {
    }

    /** {@code g' = g + wd w; v = momentum v + g'; w -= lr v}; without {@code velocity}, {@code w -= lr g'}. */
    static void sgd(Tensor w, Tensor g, Tensor velocity, float lr, float momentum, float weightDecay) {
        MemorySegment weights = w.segment();
        MemorySegment gradient = g.segment();
        MemorySegment state = velocity == null ? null : velocity.segment();
        long count = w.shape().elementCount();
        for (long i = 0; i < count; i++) {
            double wi = weights.getAtIndex(JAVA_FLOAT, i);
            double step = gradient.getAtIndex(JAVA_FLOAT, i) + (double) weightDecay * wi;
            if (state != null) {
                step = (double) momentum * state.getAtIndex(JAVA_FLOAT, i) + step;
                state.setAtIndex(JAVA_FLOAT, i, (float) step);
            }
            weights.setAtIndex(JAVA_FLOAT, i, (float) (wi - lr * step));
        }
    }

    /** {@code g' = g + wd w; s += g'^2; w -= lr g' / (sqrt(s) + eps)}. */
    static void adaGrad(Tensor w, Tensor g, Tensor sumSquares, float lr, float weightDecay, float eps) {
        MemorySegment weights = w.segment();
        MemorySegment gradient = g.segment();
        MemorySegment state = sumSquares.segment();
        long count = w.shape().elementCount();
        for (long i = 0; i < count; i++) {
            double wi = weights.getAtIndex(JAVA_FLOAT, i);
            double gi = gradient.getAtIndex(JAVA_FLOAT, i) + (double) weightDecay * wi;
            double s = state.getAtIndex(JAVA_FLOAT, i) + gi * gi;
            state.setAtIndex(JAVA_FLOAT, i, (float) s);
            weights.setAtIndex(JAVA_FLOAT, i, (float) (wi - lr * gi / (Math.sqrt(s) + eps)));
        }
    }

    /**
     * {@code g' = g + wd w; m = b1 m + (1-b1) g'; v = b2 v + (1-b2) g'^2;
     * w -= lr/(1-b1^t) m / (sqrt(v)/sqrt(1-b2^t) + eps)}.
     */
    static void adam(Tensor w, Tensor g, Tensor m, Tensor v, int step, float lr, float beta1, float beta2,
                     float eps, float weightDecay) {
        MemorySegment weights = w.segment();
        MemorySegment gradient = g.segment();
        MemorySegment first = m.segment();
        MemorySegment second = v.segment();
        double stepSize = lr / (1 - Math.pow(beta1, step));
        double correction2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
        long count = w.shape().elementCount();
        for (long i = 0; i < count; i++) {
            double wi = weights.getAtIndex(JAVA_FLOAT, i);
            double gi = gradient.getAtIndex(JAVA_FLOAT, i) + (double) weightDecay * wi;
            double mi = (double) beta1 * first.getAtIndex(JAVA_FLOAT, i) + (1 - (double) beta1) * gi;
            double vi = (double) beta2 * second.getAtIndex(JAVA_FLOAT, i) + (1 - (double) beta2) * gi * gi;
            first.setAtIndex(JAVA_FLOAT, i, (float) mi);
            second.setAtIndex(JAVA_FLOAT, i, (float) vi);
            weights.setAtIndex(JAVA_FLOAT, i, (float) (wi - stepSize * mi / (Math.sqrt(vi) / correction2Sqrt + eps)));
        }
    }
}
