package dev.jdnn.testkit;

import dev.jdnn.Layout;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;

import java.lang.foreign.Arena;
import java.util.SplittableRandom;

/**
 * The tensors of one test case: seeded random inputs and NaN-filled outputs, all living in one
 * shared arena (a multi-threaded backend touches them from its worker threads) that
 * {@link #close()} frees at once.
 *
 * <p>Outputs start as NaN so that an element a backend forgets to write, or accumulates into
 * instead of overwriting, shows up as NaN in the comparison.
 */
final class CaseTensors implements AutoCloseable {
    private final Arena arena = Arena.ofShared();
    private final SplittableRandom random;

    CaseTensors(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A tensor of uniform values in {@code [-1, 1)}. */
    Tensor uniform(Shape shape) {
        return uniform(shape, -1f, 1f);
    }

    /** A tensor of uniform values in {@code [low, high)}. */
    Tensor uniform(Shape shape, float low, float high) {
        float[] values = new float[Math.toIntExact(shape.elementCount())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(low, high);
        }
        return of(shape, values);
    }

    /**
     * A tensor of small integers in {@code [-levels, levels]}: many equal values, so that max
     * pooling meets ties and must route the gradient to the first maximum.
     */
    Tensor quantized(Shape shape, int levels) {
        float[] values = new float[Math.toIntExact(shape.elementCount())];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(-levels, levels + 1);
        }
        return of(shape, values);
    }

    /** A tensor holding {@code values}, row-major. */
    Tensor of(Shape shape, float[] values) {
        Tensor t = Tensor.allocate(shape, arena);
        t.copyFrom(values);
        return t;
    }

    /** An output tensor, every element NaN until a backend writes it. */
    Tensor output(Shape shape) {
        Tensor t = Tensor.allocate(shape, arena);
        t.fill(Float.NaN);
        return t;
    }

    /** An output tensor in {@code layout}, every element NaN until a backend writes it. */
    Tensor output(Shape shape, Layout layout) {
        Tensor t = Tensor.allocate(shape, layout, arena);
        t.fill(Float.NaN);
        return t;
    }

    /**
     * {@code t} in {@code layout}: {@code t} itself when it already is, else a copy whose memory
     * holds every logical element where {@link Layout#index} puts it (written here, not by a backend,
     * so that a backend's {@code reorder} is checked against it, not with it).
     */
    Tensor inLayout(Tensor t, Layout layout) {
        if (t.layout() == layout) {
            return t;
        }
        return of(t.shape(), layout, permuted(t.toArray(), t.shape(), t.layout(), layout));
    }

    /** A tensor in {@code layout} holding {@code values} in that layout's memory order. */
    Tensor of(Shape shape, Layout layout, float[] values) {
        Tensor t = Tensor.allocate(shape, layout, arena);
        t.copyFrom(values);
        return t;
    }

    /** {@code values}, in {@code from}'s memory order for a tensor of {@code shape}, rearranged into {@code to}'s. */
    static float[] permuted(float[] values, Shape shape, Layout from, Layout to) {
        float[] result = new float[values.length];
        for (int n = 0; n < shape.dim(0); n++) {
            for (int c = 0; c < shape.dim(1); c++) {
                for (int h = 0; h < shape.dim(2); h++) {
                    for (int w = 0; w < shape.dim(3); w++) {
                        result[(int) to.index(shape, n, c, h, w)] = values[(int) from.index(shape, n, c, h, w)];
                    }
                }
            }
        }
        return result;
    }

    /** {@code |t|} element-wise, or {@code null} for {@code null}. */
    Tensor abs(Tensor t) {
        if (t == null) {
            return null;
        }
        float[] values = t.toArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.abs(values[i]);
        }
        return of(t.shape(), t.layout(), values);
    }

    /** A copy of {@code t} (same shape and layout) in this arena. */
    Tensor copy(Tensor t) {
        return of(t.shape(), t.layout(), t.toArray());
    }

    /** {@code count} class labels, each uniform in {@code [0, classes)}. */
    int[] labels(int count, int classes) {
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = random.nextInt(classes);
        }
        return labels;
    }

    /** A uniform draw in {@code [0, bound)}, for choices a case makes while building tensors. */
    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    @Override
    public void close() {
        arena.close();
    }
}
