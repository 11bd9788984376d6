package dev.jdnn.kernels.naive;

import dev.jdnn.Activation;
import dev.jdnn.Tensor;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

/**
 * Element-wise activations and their gradients, over tensors of any shape and layout (element-wise
 * means memory order), evaluated in {@code double}. ReLU's gradient at 0 is 0; sigmoid and tanh
 * gradients are expressed through the function value, {@code s (1 - s)} and {@code 1 - t²}, which
 * {@link #backwardFromOutput} takes straight from the forward output. Every element is read before
 * it is written, so each output may be the very tensor of the input it replaces (in place).
 *
 * <p>NaN and infinities follow the contract every backend shares (see {@link Activation}):
 * {@code relu(NaN) = NaN} and its gradient passes {@code dy} only where {@code x > 0} (0 at 0 and
 * at NaN); sigmoid and tanh map NaN to NaN and {@code ±Inf} to their limits, with gradient 0 there.
 */
final class NaiveActivations {
    private NaiveActivations() {
    }

    /** {@code y = a(x)}; element {@code i} is read before it is written, so {@code y} may be {@code x}. */
    static void forward(Activation a, Tensor x, Tensor y) {
        MemorySegment in = x.segment();
        MemorySegment out = y.segment();
        long count = x.shape().elementCount();
        for (long i = 0; i < count; i++) {
            out.setAtIndex(JAVA_FLOAT, i, (float) value(a, in.getAtIndex(JAVA_FLOAT, i)));
        }
    }

    /** {@code dx = a'(x) * dy}; {@code dx} may be {@code dy} (in place), read before written per element. */
    static void backward(Activation a, Tensor x, Tensor dy, Tensor dx) {
        MemorySegment in = x.segment();
        MemorySegment upstream = dy.segment();
        MemorySegment out = dx.segment();
        long count = x.shape().elementCount();
        for (long i = 0; i < count; i++) {
            out.setAtIndex(JAVA_FLOAT, i, (float) gradient(a, in.getAtIndex(JAVA_FLOAT, i), upstream.getAtIndex(JAVA_FLOAT, i)));
        }
    }

    /**
     * {@code a'(x) · dy}, except where the derivative is exactly 0 by the contract (ReLU at
     * {@code x <= 0} or NaN, sigmoid and tanh at {@code ±Inf}): there the gradient is 0 whatever
     * {@code dy} holds, never {@code 0 · Inf = NaN}.
     */
    private static double gradient(Activation a, double x, double dy) {
        if (a == Activation.RELU) {
            return x > 0.0 ? dy : 0.0;
        }
        if (Double.isInfinite(x)) {
            return 0.0;
        }
        return derivative(a, x) * dy;
    }

    /**
     * {@code dx = a'(x) * dy} from the forward output {@code y = a(x)}: ReLU {@code y > 0 ? dy : 0}
     * (0 at a NaN {@code y}), sigmoid {@code dy · y(1 - y)}, tanh {@code dy · (1 - y²)}. Element
     * {@code i} of every input is read before element {@code i} of {@code dx} is written, so
     * {@code dx} may be {@code dy} (in place).
     */
    static void backwardFromOutput(Activation a, Tensor y, Tensor dy, Tensor dx) {
        MemorySegment out = y.segment();
        MemorySegment upstream = dy.segment();
        MemorySegment result = dx.segment();
        long count = y.shape().elementCount();
        for (long i = 0; i < count; i++) {
            double value = out.getAtIndex(JAVA_FLOAT, i);
            double g = upstream.getAtIndex(JAVA_FLOAT, i);
            double gradient = switch (a) {
                case RELU -> value > 0.0 ? g : 0.0;
                case SIGMOID -> g * (value * (1.0 - value));
                case TANH -> g * (1.0 - value * value);
            };
            result.setAtIndex(JAVA_FLOAT, i, (float) gradient);
        }
    }

    /** {@code a(x)} in double; shared with the plans that fuse an activation into their forward pass. */
    static double value(Activation a, double x) {
        return switch (a) {
            // Math.max keeps NaN, as PyTorch's relu does.
            case RELU -> Math.max(0.0, x);
            case SIGMOID -> sigmoid(x);
            case TANH -> Math.tanh(x);
        };
    }

    private static double derivative(Activation a, double x) {
        return switch (a) {
            case RELU -> throw new AssertionError("ReLU's gradient is a selection, see gradient()");
            case SIGMOID -> {
                double s = sigmoid(x);
                yield s * (1.0 - s);
            }
            case TANH -> {
                double t = Math.tanh(x);
                yield 1.0 - t * t;
            }
        };
    }

    private static double sigmoid(double x) {
        // exp(-x) overflowing to infinity for very negative x still gives the right limit, 0.
        return 1.0 / (1.0 + Math.exp(-x));
    }
}
