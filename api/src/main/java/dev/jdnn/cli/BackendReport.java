package dev.jdnn.cli;

import dev.jdnn.Backend;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Command-line report behind {@code ./jdnn backends}: prints {@link Backends#diagnostics()}, then
 * runs one small convolution forward and backward on every available backend and prints its time
 * and its largest difference from {@code naive}.
 */
public final class BackendReport {
    private static final Conv2d DEMO_OP = Conv2d.of(6, 16, 5).padding(2);
    private static final Shape DEMO_INPUT = Shape.nchw(8, 6, 14, 14);
    private static final int RUNS = 5;

    private BackendReport() {
    }

    /** Prints the report to standard output; no arguments. */
    public static void main(String[] args) {
        System.out.print(Backends.diagnostics());
        System.out.println();
        System.out.printf(Locale.ROOT, "demo: conv2d %s on input %s, forward + backwardData + backwardWeights, median of %d%n",
                DEMO_OP, DEMO_INPUT, RUNS);
        List<String> names = new ArrayList<>();
        for (Backends.Entry e : Backends.list()) {
            if (e.available()) {
                names.add(e.name());
            }
        }
        float[][] reference = null;
        if (names.contains("naive")) {
            reference = runDemo("naive");
        }
        for (String name : names) {
            float[][] result = name.equals("naive") && reference != null ? reference : runDemo(name);
            if (reference != null) {
                System.out.printf(Locale.ROOT, "  %-8s max |difference| from naive: y %.3g, dx %.3g, dw %.3g, db %.3g%n", name,
                        maxDiff(result[0], reference[0]), maxDiff(result[1], reference[1]),
                        maxDiff(result[2], reference[2]), maxDiff(result[3], reference[3]));
            }
        }
    }

    private static float[][] runDemo(String name) {
        SplittableRandom random = new SplittableRandom(42);
        try (Backend backend = Backends.open(name);
             Conv2dPlan plan = backend.plan(DEMO_OP, DEMO_INPUT);
             Tensor x = random(DEMO_INPUT, random);
             Tensor w = random(DEMO_OP.weightShape(), random);
             Tensor b = random(DEMO_OP.biasShape(), random);
             Tensor dy = random(plan.outputShape(), random);
             Tensor y = Tensor.allocate(plan.outputShape());
             Tensor dx = Tensor.allocate(DEMO_INPUT);
             Tensor dw = Tensor.allocate(DEMO_OP.weightShape());
             Tensor db = Tensor.allocate(DEMO_OP.biasShape())) {
            long[] times = new long[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long t0 = System.nanoTime();
                plan.forward(x, w, b, y);
                plan.backwardData(dy, w, dx);
                plan.backwardWeights(x, dy, dw, db);
                times[i] = System.nanoTime() - t0;
            }
            Arrays.sort(times);
            System.out.printf(Locale.ROOT, "  %-8s %.3f ms%n", name, times[RUNS / 2] / 1e6);
            return new float[][] {y.toArray(), dx.toArray(), dw.toArray(), db.toArray()};
        }
    }

    private static Tensor random(Shape shape, SplittableRandom random) {
        float[] values = new float[Math.toIntExact(shape.elementCount())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return Tensor.of(shape, values);
    }

    private static double maxDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
