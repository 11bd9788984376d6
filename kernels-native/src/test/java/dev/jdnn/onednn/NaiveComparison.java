package dev.jdnn.onednn;

import dev.jdnn.Backend;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Dense;
import dev.jdnn.DensePlan;
import dev.jdnn.Layout;
import dev.jdnn.Lrn;
import dev.jdnn.LrnPlan;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;

import java.lang.foreign.Arena;
import java.util.Random;

/**
 * Runs every pass of one op on the backend under test and on {@code naive} with the same random
 * inputs and fails with the op, the pass and the error when they differ by more than a tolerance
 * scaled to the reduction length.
 */
final class NaiveComparison {
    private final Backend tested;
    private final Backend naive;
    private final Random random;

    NaiveComparison(Backend tested, Backend naive, long seed) {
        this.tested = tested;
        this.naive = naive;
        this.random = new Random(seed);
    }

    /** Forward, backward data and backward weights of {@code op} on {@code input}. */
    void conv(Conv2d op, Shape input) {
        try (Arena arena = Arena.ofShared();
             Conv2dPlan a = tested.plan(op, input);
             Conv2dPlan b = naive.plan(op, input)) {
            Shape out = op.outputShape(input);
            Tensor x = random(input, arena);
            Tensor w = random(op.weightShape(), arena);
            Tensor bias = op.bias() ? random(op.biasShape(), arena) : null;
            Tensor dy = random(out, arena);
            int reduction = op.inChannels() / op.groups() * op.kernelH() * op.kernelW();
            Tensor y1 = Tensor.allocate(out, arena);
            Tensor y2 = Tensor.allocate(out, arena);
            a.forward(x, w, bias, y1);
            b.forward(x, w, bias, y2);
            check(op + " " + input + " forward", y1, y2, reduction);
            Tensor dx1 = Tensor.allocate(input, arena);
            Tensor dx2 = Tensor.allocate(input, arena);
            a.backwardData(dy, w, dx1);
            b.backwardData(dy, w, dx2);
            check(op + " " + input + " backwardData", dx1, dx2, op.outChannels() * op.kernelH() * op.kernelW());
            Tensor dw1 = Tensor.allocate(op.weightShape(), arena);
            Tensor dw2 = Tensor.allocate(op.weightShape(), arena);
            Tensor db1 = op.bias() ? Tensor.allocate(op.biasShape(), arena) : null;
            Tensor db2 = op.bias() ? Tensor.allocate(op.biasShape(), arena) : null;
            a.backwardWeights(x, dy, dw1, db1);
            b.backwardWeights(x, dy, dw2, db2);
            int spatial = out.dim(0) * out.dim(2) * out.dim(3);
            check(op + " " + input + " backwardWeights dw", dw1, dw2, spatial);
            if (op.bias()) {
                check(op + " " + input + " backwardWeights db", db1, db2, spatial);
            }
        }
    }

    /** Forward and backward of {@code op} on {@code input}. */
    void pool(Pool2d op, Shape input) {
        try (Arena arena = Arena.ofShared();
             Pool2dPlan a = tested.plan(op, input);
             Pool2dPlan b = naive.plan(op, input)) {
            Shape out = op.outputShape(input);
            Tensor x = random(input, arena);
            Tensor dy = random(out, arena);
            int reduction = op.kernelH() * op.kernelW();
            Tensor y1 = Tensor.allocate(out, arena);
            Tensor y2 = Tensor.allocate(out, arena);
            a.forward(x, y1);
            b.forward(x, y2);
            check(op + " " + input + " forward", y1, y2, reduction);
            Tensor dx1 = Tensor.allocate(input, arena);
            Tensor dx2 = Tensor.allocate(input, arena);
            a.backward(x, dy, dx1);
            b.backward(x, dy, dx2);
            check(op + " " + input + " backward", dx1, dx2, reduction);
        }
    }

    /** Forward, backward data and backward weights of {@code op} for {@code batch} rows. */
    void dense(Dense op, int batch) {
        try (Arena arena = Arena.ofShared();
             DensePlan a = tested.plan(op, batch);
             DensePlan b = naive.plan(op, batch)) {
            Tensor x = random(a.inputShape(), arena);
            Tensor w = random(Shape.of(op.outFeatures(), op.inFeatures()), arena);
            Tensor bias = op.bias() ? random(Shape.of(op.outFeatures()), arena) : null;
            Tensor dy = random(a.outputShape(), arena);
            Tensor y1 = Tensor.allocate(a.outputShape(), arena);
            Tensor y2 = Tensor.allocate(a.outputShape(), arena);
            a.forward(x, w, bias, y1);
            b.forward(x, w, bias, y2);
            check(op + " batch " + batch + " forward", y1, y2, op.inFeatures());
            Tensor dx1 = Tensor.allocate(a.inputShape(), arena);
            Tensor dx2 = Tensor.allocate(a.inputShape(), arena);
            a.backwardData(dy, w, dx1);
            b.backwardData(dy, w, dx2);
            check(op + " batch " + batch + " backwardData", dx1, dx2, op.outFeatures());
            Tensor dw1 = Tensor.allocate(w.shape(), arena);
            Tensor dw2 = Tensor.allocate(w.shape(), arena);
            Tensor db1 = op.bias() ? Tensor.allocate(Shape.of(op.outFeatures()), arena) : null;
            Tensor db2 = op.bias() ? Tensor.allocate(Shape.of(op.outFeatures()), arena) : null;
            a.backwardWeights(x, dy, dw1, db1);
            b.backwardWeights(x, dy, dw2, db2);
            check(op + " batch " + batch + " backwardWeights dw", dw1, dw2, batch);
            if (op.bias()) {
                check(op + " batch " + batch + " backwardWeights db", db1, db2, batch);
            }
        }
    }

    /**
     * Forward and backward of {@code op} on {@code input} with the tested plan in {@code layout}
     * (its tensors reordered from and to naive's NCHW ones by naive).
     */
    void lrn(Lrn op, Shape input, Layout layout) {
        try (Arena arena = Arena.ofShared();
             LrnPlan a = tested.plan(op, input, layout);
             LrnPlan b = naive.plan(op, input)) {
            Tensor x = random(input, arena);
            Tensor dy = random(input, arena);
            Tensor y1 = Tensor.allocate(input, layout, arena);
            Tensor y2 = Tensor.allocate(input, arena);
            Tensor dx1 = Tensor.allocate(input, layout, arena);
            Tensor dx2 = Tensor.allocate(input, arena);
            a.forward(inLayout(x, layout, arena), y1);
            a.backward(inLayout(x, layout, arena), inLayout(dy, layout, arena), dx1);
            b.forward(x, y2);
            b.backward(x, dy, dx2);
            check(op + " " + input + " " + layout + " forward", inLayout(y1, Layout.NCHW, arena), y2, op.size());
            check(op + " " + input + " " + layout + " backward", inLayout(dx1, Layout.NCHW, arena), dx2, 2 * op.size());
        }
    }

    private Tensor inLayout(Tensor t, Layout layout, Arena arena) {
        if (t.layout() == layout) {
            return t;
        }
        Tensor copy = Tensor.allocate(t.shape(), layout, arena);
        naive.reorder(t, copy);
        return copy;
    }

    /** Uniform values in [-1, 1). */
    Tensor random(Shape shape, Arena arena) {
        float[] values = new float[Math.toIntExact(shape.elementCount())];
        for (int i = 0; i < values.length; i++) {
            values[i] = 2 * random.nextFloat() - 1;
        }
        Tensor t = Tensor.allocate(shape, arena);
        t.copyFrom(values);
        return t;
    }

    /**
     * Fails unless {@code max|actual - expected| <= (1e-5 + 2e-6 * reduction) * max(1, max|expected|)}:
     * float sums of {@code reduction} terms of size about 1 drift by a few ulps per term.
     */
    static void check(String what, Tensor actual, Tensor expected, int reduction) {
        float[] a = actual.toArray();
        float[] e = expected.toArray();
        double worst = 0;
        double scale = 1;
        int where = -1;
        for (int i = 0; i < e.length; i++) {
            scale = Math.max(scale, Math.abs(e[i]));
            double d = Math.abs((double) a[i] - e[i]);
            if (!(d <= worst)) {
                worst = d;
                where = i;
            }
        }
        double tolerance = (1e-5 + 2e-6 * reduction) * scale;
        if (!(worst <= tolerance)) {
            throw new AssertionError(what + ": max |onednn - naive| = " + worst + " at flat index " + where
                    + " (onednn " + a[where] + ", naive " + e[where] + "), tolerance " + tolerance);
        }
    }
}
