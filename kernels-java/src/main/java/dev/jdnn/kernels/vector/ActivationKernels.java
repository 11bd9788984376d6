package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.ORDER;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

import dev.jdnn.Activation;
import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Element-wise activations and their gradients over flat runs of floats: whole vectors, then one
 * masked vector for the tail, so every element goes through the same formula. Sigmoid is
 * {@code 1 / (1 + e^-x)} with {@link VectorExp}; tanh is the Vector API's own {@code TANH}.
 *
 * <p>NaN and infinities (shared by all backends): every activation maps NaN to NaN
 * ({@code relu(NaN) = NaN}, as {@code FloatVector.max} follows {@link Math#max}); sigmoid and tanh
 * map -Inf and +Inf to their limits, and their gradients there are 0. ReLU's gradient is
 * {@code dy} where {@code x > 0}, else 0, which makes it 0 at NaN and at 0.
 */
final class ActivationKernels {
    private ActivationKernels() {
    }

    /** {@code y[i] = a(x[i])} for {@code i < count}. */
    static void forward(Activation a, MemorySegment x, MemorySegment y, long count) {
        long i = 0;
        for (; i <= count - LANES; i += LANES) {
            long at = i * Float.BYTES;
            apply(a, FloatVector.fromMemorySegment(SPECIES, x, at, ORDER)).intoMemorySegment(y, at, ORDER);
        }
        if (i < count) {
            long at = i * Float.BYTES;
            VectorMask<Float> m = SPECIES.indexInRange(i, count);
            apply(a, FloatVector.fromMemorySegment(SPECIES, x, at, ORDER, m)).intoMemorySegment(y, at, ORDER, m);
        }
    }

    /** {@code v[i] = a(v[i])} for {@code i < count}, in place on a heap array. */
    static void forwardInPlace(Activation a, float[] v, int count) {
        int i = 0;
        for (; i <= count - LANES; i += LANES) {
            apply(a, FloatVector.fromArray(SPECIES, v, i)).intoArray(v, i);
        }
        if (i < count) {
            VectorMask<Float> m = SPECIES.indexInRange(i, count);
            apply(a, FloatVector.fromArray(SPECIES, v, i, m)).intoArray(v, i, m);
        }
    }

    /** {@code dx[i] = a'(x[i]) * dy[i]}; ReLU's gradient at 0 is 0. */
    static void backward(Activation a, MemorySegment x, MemorySegment dy, MemorySegment dx, long count) {
        long i = 0;
        for (; i <= count - LANES; i += LANES) {
            long at = i * Float.BYTES;
            gradient(a, FloatVector.fromMemorySegment(SPECIES, x, at, ORDER),
                    FloatVector.fromMemorySegment(SPECIES, dy, at, ORDER)).intoMemorySegment(dx, at, ORDER);
        }
        if (i < count) {
            long at = i * Float.BYTES;
            VectorMask<Float> m = SPECIES.indexInRange(i, count);
            gradient(a, FloatVector.fromMemorySegment(SPECIES, x, at, ORDER, m),
                    FloatVector.fromMemorySegment(SPECIES, dy, at, ORDER, m)).intoMemorySegment(dx, at, ORDER, m);
        }
    }

    /**
     * {@code dx[i] = a'(from y[i]) * dy[i]} from the forward's output: ReLU {@code y > 0 ? dy : 0},
     * sigmoid {@code dy·y·(1-y)}, tanh {@code dy·(1-y²)}. {@code dx} may be {@code dy} itself: each
     * vector is loaded before the same lanes are stored.
     */
    static void backwardFromOutput(Activation a, MemorySegment y, MemorySegment dy, MemorySegment dx, long count) {
        long i = 0;
        for (; i <= count - LANES; i += LANES) {
            long at = i * Float.BYTES;
            gradientFromOutput(a, FloatVector.fromMemorySegment(SPECIES, y, at, ORDER),
                    FloatVector.fromMemorySegment(SPECIES, dy, at, ORDER)).intoMemorySegment(dx, at, ORDER);
        }
        if (i < count) {
            long at = i * Float.BYTES;
            VectorMask<Float> m = SPECIES.indexInRange(i, count);
            gradientFromOutput(a, FloatVector.fromMemorySegment(SPECIES, y, at, ORDER, m),
                    FloatVector.fromMemorySegment(SPECIES, dy, at, ORDER, m)).intoMemorySegment(dx, at, ORDER, m);
        }
    }

    private static FloatVector gradientFromOutput(Activation a, FloatVector y, FloatVector dy) {
        return switch (a) {
            case RELU -> FloatVector.zero(SPECIES).blend(dy, y.compare(VectorOperators.GT, 0f));
            case SIGMOID -> dy.mul(y).mul(y.neg().add(1f));
            case TANH -> dy.mul(y.neg().fma(y, FloatVector.broadcast(SPECIES, 1f)));
        };
    }

    /** {@code a} applied to every lane of {@code v}. */
    static FloatVector apply(Activation a, FloatVector v) {
        return switch (a) {
            case RELU -> v.max(0f);
            case SIGMOID -> sigmoid(v);
            case TANH -> v.lanewise(VectorOperators.TANH);
        };
    }

    private static FloatVector sigmoid(FloatVector v) {
        return FloatVector.broadcast(SPECIES, 1f).div(VectorExp.exp(v.neg()).add(1f));
    }

    private static FloatVector gradient(Activation a, FloatVector x, FloatVector dy) {
        return switch (a) {
            // PyTorch's threshold_backward: dy where x > 0, else 0 (so 0 at NaN and at 0).
            case RELU -> FloatVector.zero(SPECIES).blend(dy, x.compare(VectorOperators.GT, 0f));
            case SIGMOID -> {
                FloatVector s = sigmoid(x);
                yield dy.mul(s).mul(s.neg().add(1f));
            }
            case TANH -> {
                FloatVector t = x.lanewise(VectorOperators.TANH);
                yield dy.mul(t.neg().fma(t, FloatVector.broadcast(SPECIES, 1f)));
            }
        };
    }
}
