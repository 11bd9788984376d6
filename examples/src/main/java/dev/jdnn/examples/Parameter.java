package dev.jdnn.examples;

import dev.jdnn.Shape;
import dev.jdnn.Tensor;

import java.lang.foreign.ValueLayout;

/**
 * One trainable tensor (a layer's weights, biases or batch-norm scale and shift), its gradient and
 * the L2 weight decay the model puts on it. Both tensors live in native memory, where the
 * backends' optimiser kernels update them in place; nothing is copied to the heap per step.
 */
public final class Parameter implements AutoCloseable {
    private final String name;
    private final Tensor value;
    private final Tensor gradient;
    private final float weightDecay;

    /** Zeroed values and gradient of {@code shape}, decayed by {@code weightDecay} (L2 added to the gradient). */
    Parameter(String name, Shape shape, float weightDecay) {
        if (!(weightDecay >= 0) || Float.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("Parameter " + name + ": weightDecay: expected a finite value >= 0, got "
                    + weightDecay);
        }
        this.name = name;
        this.value = Tensor.allocate(shape);
        this.gradient = Tensor.allocate(shape);
        this.weightDecay = weightDecay;
    }

    /** What the weights are called in profiles and errors, e.g. {@code conv1.weight}. */
    public String name() {
        return name;
    }

    /** The native tensor the backends read and the optimiser updates. */
    public Tensor value() {
        return value;
    }

    /** The native tensor the backends write this parameter's gradient into. */
    public Tensor gradient() {
        return gradient;
    }

    /** The L2 coefficient the optimiser adds to the gradient ({@code g + weightDecay * w}). */
    public float weightDecay() {
        return weightDecay;
    }

    /** Number of scalars. */
    public int size() {
        return Math.toIntExact(value.shape().elementCount());
    }

    /** Value {@code i} in memory order. */
    float valueAt(int i) {
        return value.segment().getAtIndex(ValueLayout.JAVA_FLOAT, i);
    }

    /** Sets value {@code i} in memory order. */
    void setValueAt(int i, float v) {
        value.segment().setAtIndex(ValueLayout.JAVA_FLOAT, i, v);
    }

    /** Gradient {@code i} in memory order, as the last backward pass wrote it. */
    float gradientAt(int i) {
        return gradient.segment().getAtIndex(ValueLayout.JAVA_FLOAT, i);
    }

    @Override
    public void close() {
        value.close();
        gradient.close();
    }
}
