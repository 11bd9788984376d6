package dev.jdnn.examples;

import dev.jdnn.Shape;
import dev.jdnn.Tensor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;

/**
 * One trainable tensor (a layer's weights or biases) and its gradient. The optimizer updates a
 * heap copy of the values ({@link #values()}) with plain loops the JIT vectorises, then
 * {@link #publish()}es it to the native tensor the backends read: two bulk copies per step are
 * cheaper than element-wise access to native memory.
 */
public final class Parameter implements AutoCloseable {
    private final String name;
    private final Tensor value;
    private final Tensor gradient;
    private final float[] values;
    private final float[] gradients;

    /** Zeroed values and gradient of {@code shape}. */
    Parameter(String name, Shape shape) {
        this.name = name;
        this.value = Tensor.allocate(shape);
        this.gradient = Tensor.allocate(shape);
        this.values = new float[Math.toIntExact(shape.elementCount())];
        this.gradients = new float[values.length];
    }

    /** He initialisation: normal with standard deviation {@code sqrt(2 / fanIn)}, drawn from {@code random}. */
    void initialiseHe(int fanIn, Random random) {
        double std = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * std);
        }
        publish();
    }

    /** What the weights are called in profiles and errors, e.g. {@code conv1.weight}. */
    public String name() {
        return name;
    }

    /** The native tensor the backends read. */
    public Tensor value() {
        return value;
    }

    /** The native tensor the backends write this parameter's gradient into. */
    public Tensor gradient() {
        return gradient;
    }

    /** The heap copy of the values that optimizers update; {@link #publish()} makes it visible to backends. */
    float[] values() {
        return values;
    }

    /** The gradient copied to the heap; valid after {@link #fetchGradient()}. */
    float[] gradients() {
        return gradients;
    }

    /** Copies the gradient the backward pass wrote into {@link #gradients()}. */
    void fetchGradient() {
        MemorySegment.copy(gradient.segment(), ValueLayout.JAVA_FLOAT, 0, gradients, 0, gradients.length);
    }

    /** Copies {@link #values()} into the tensor the backends read. */
    void publish() {
        MemorySegment.copy(values, 0, value.segment(), ValueLayout.JAVA_FLOAT, 0, values.length);
    }

    /** Number of scalars. */
    public int size() {
        return values.length;
    }

    @Override
    public void close() {
        value.close();
        gradient.close();
    }
}
