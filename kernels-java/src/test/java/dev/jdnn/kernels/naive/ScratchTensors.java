package dev.jdnn.kernels.naive;

import dev.jdnn.Layout;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;

import java.lang.foreign.Arena;
import java.util.Random;

/**
 * Tensors for one test, all freed together by {@link #close()}. Random values are small dyadic
 * numbers (multiples of 1/8 in [-2, 2]) so that the sums of products a linear kernel forms are
 * exact in float: the forward pass then has no rounding error for a finite difference to amplify.
 */
final class ScratchTensors implements AutoCloseable {
    private final Arena arena = Arena.ofShared();
    private final Random random;

    ScratchTensors(long seed) {
        this.random = new Random(seed);
    }

    /** A tensor holding {@code values}. */
    Tensor of(Shape shape, float... values) {
        Tensor t = Tensor.allocate(shape, arena);
        t.copyFrom(values);
        return t;
    }

    /** A tensor in {@code layout} holding {@code values} in that layout's memory order. */
    Tensor of(Shape shape, Layout layout, float... values) {
        Tensor t = Tensor.allocate(shape, layout, arena);
        t.copyFrom(values);
        return t;
    }

    /** Like {@link #output(Shape)}, in {@code layout}. */
    Tensor output(Shape shape, Layout layout) {
        Tensor t = Tensor.allocate(shape, layout, arena);
        t.fill(Float.NaN);
        return t;
    }

    /** A tensor of the given shape, every element NaN, so a cell the kernel fails to write shows. */
    Tensor output(Shape shape) {
        Tensor t = Tensor.allocate(shape, arena);
        t.fill(Float.NaN);
        return t;
    }

    /** A tensor of random multiples of 1/8 in [-2, 2]. */
    Tensor dyadic(Shape shape) {
        return of(shape, dyadicValues(Math.toIntExact(shape.elementCount())));
    }

    /** {@code count} random multiples of 1/8 in [-2, 2]. */
    float[] dyadicValues(int count) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (random.nextInt(33) - 16) / 8f;
        }
        return values;
    }

    /**
     * A tensor of pairwise distinct multiples of 1/8 in random order, so every pooling window has
     * a unique maximum at least 1/8 above the runner-up.
     */
    Tensor distinct(Shape shape) {
        int count = Math.toIntExact(shape.elementCount());
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (i - count / 2) / 8f;
        }
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            float swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
        return of(shape, values);
    }

    /** A tensor of uniform random values in [-scale, scale). */
    Tensor uniform(Shape shape, double scale) {
        int count = Math.toIntExact(shape.elementCount());
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) ((2 * random.nextDouble() - 1) * scale);
        }
        return of(shape, values);
    }

    @Override
    public void close() {
        arena.close();
    }
}
