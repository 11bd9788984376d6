package dev.jdnn.onednn;

import dev.jdnn.Activation;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Activations and their from-output gradients in scalar Java with the contract's rules, for the
 * few places oneDNN cannot serve: a fused activation after {@link DirectConvolution}, and ReLU's
 * gradient when {@code dy} holds NaN or an infinity (oneDNN forms {@code 0 * dy} where the contract
 * gives exactly 0). Element-wise in memory order, so in place is safe.
 */
final class JavaActivation {
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT;

    private JavaActivation() {
    }

    /** {@code y[i] = a(x[i])} for the first {@code count} floats ({@code y} may be {@code x}). */
    static void forward(Activation a, MemorySegment x, MemorySegment y, long count) {
        for (long i = 0; i < count; i++) {
            double v = x.getAtIndex(F, i);
            double r = switch (a) {
                case RELU -> v > 0 || v != v ? v : 0;
                case SIGMOID -> 1.0 / (1.0 + Math.exp(-v));
                case TANH -> Math.tanh(v);
            };
            y.setAtIndex(F, i, (float) r);
        }
    }

    /**
     * {@code dx[i] = a'(from y[i]) * dy[i]}: ReLU {@code y > 0 ? dy : 0}, sigmoid
     * {@code dy * y * (1 - y)}, tanh {@code dy * (1 - y * y)} ({@code dx} may be {@code dy}).
     */
    static void backwardFromOutput(Activation a, MemorySegment y, MemorySegment dy, MemorySegment dx, long count) {
        for (long i = 0; i < count; i++) {
            float out = y.getAtIndex(F, i);
            float g = dy.getAtIndex(F, i);
            float r = switch (a) {
                case RELU -> out > 0 ? g : 0f;
                case SIGMOID -> g * out * (1f - out);
                case TANH -> g * (1f - out * out);
            };
            dx.setAtIndex(F, i, r);
        }
    }
}
