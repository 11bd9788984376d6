package dev.jdnn.consumer;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What a new user checks first: every backend is available in this way of running (class path,
 * module path, shaded jar) and they agree on a convolution, forward and backward. Exits 1 with
 * the reason otherwise.
 */
public final class ConsumerCheck {
    private static final Conv2d OP = Conv2d.of(3, 8, 3).padding(1);
    private static final Shape INPUT = Shape.nchw(2, 3, 12, 12);
    private static final List<String> BACKENDS = List.of("naive", "vector", "onednn");

    private ConsumerCheck() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || !List.of("class-path", "module-path", "shaded").contains(args[0])) {
            System.err.println("usage: ConsumerCheck class-path|module-path|shaded");
            System.exit(2);
        }
        String mode = args[0];
        try {
            check(mode);
        } catch (RuntimeException | AssertionError e) {
            System.err.println("consumer check (" + mode + ") FAILED: " + e);
            System.err.print(Backends.diagnostics());
            System.exit(1);
        }
    }

    private static void check(String mode) {
        boolean named = Backends.class.getModule().isNamed();
        if (named != mode.equals("module-path")) {
            throw new AssertionError("jdnn-api is " + (named ? "a named module" : "on the class path")
                    + ", expected the " + mode + " way");
        }
        if (mode.equals("shaded") && ConsumerCheck.class.getResource("/org/bytedeco/dnnl/linux-x86_64/libjnidnnl.so") != null) {
            throw new AssertionError("the shaded jar still carries JavaCPP's unused libjnidnnl.so");
        }
        for (Backends.Entry e : Backends.list()) {
            if (BACKENDS.contains(e.name()) && !e.available()) {
                throw new AssertionError("backend " + e.name() + " unavailable: " + e.reason());
            }
        }
        try (Backend strict = Backends.open(BackendConfig.defaults().requireOneOf("onednn"))) {
            if (!strict.name().equals("onednn")) {
                throw new AssertionError("strict open chose " + strict.name());
            }
        }
        float[][] reference = run("naive");
        StringBuilder agreement = new StringBuilder();
        for (String name : BACKENDS.subList(1, BACKENDS.size())) {
            float[][] result = run(name);
            String[] outputs = {"y", "dx", "dw", "db"};
            for (int i = 0; i < outputs.length; i++) {
                double scale = 1 + maxAbs(reference[i]);
                double diff = maxDiff(result[i], reference[i]);
                if (diff > 1e-4 * scale) {
                    throw new AssertionError(name + " " + outputs[i] + " differs from naive by " + diff);
                }
                agreement.append(String.format(Locale.ROOT, " %s.%s %.1e", name, outputs[i], diff));
            }
        }
        System.out.println("consumer check (" + mode + "): naive, vector and onednn available and agree on "
                + OP + " at " + INPUT + "; max |difference| from naive:" + agreement);
    }

    private static float[][] run(String name) {
        SplittableRandom random = new SplittableRandom(11);
        try (Backend backend = Backends.open(name, new BackendConfig(2));
                Conv2dPlan plan = backend.plan(OP, INPUT);
                Tensor x = random(INPUT, random);
                Tensor w = random(OP.weightShape(), random);
                Tensor b = random(OP.biasShape(), random);
                Tensor dy = random(plan.outputShape(), random);
                Tensor y = Tensor.allocate(plan.outputShape());
                Tensor dx = Tensor.allocate(INPUT);
                Tensor dw = Tensor.allocate(OP.weightShape());
                Tensor db = Tensor.allocate(OP.biasShape())) {
            plan.forward(x, w, b, y);
            plan.backwardData(dy, w, dx);
            plan.backwardWeights(x, dy, dw, db);
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

    private static double maxAbs(float[] a) {
        double max = 0;
        for (float v : a) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static double maxDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
