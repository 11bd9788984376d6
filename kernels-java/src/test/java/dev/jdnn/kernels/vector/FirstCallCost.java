package dev.jdnn.kernels.vector;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Dense;
import dev.jdnn.DensePlan;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.util.Locale;

/**
 * Command-line timing of what a fresh JVM pays on its first calls into the vector backend (not a
 * test; run each measurement in a new JVM): {@code FirstCallCost THREADS} prints the time of
 * {@code Backends.open}, then of calls 1, 2, 3, 5 and 200 of a small convolution forward + backward
 * (the one {@code ./jdnn backends} times), then the first call of a depthwise convolution, a
 * pooling, a dense layer and an activation, each on its own freshly made plan.
 */
public final class FirstCallCost {
    private static final Conv2d CONV = Conv2d.of(6, 16, 5).padding(2);
    private static final Shape CONV_INPUT = Shape.nchw(8, 6, 14, 14);

    private FirstCallCost() {
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        long t0 = System.nanoTime();
        try (Backend backend = Backends.open("vector", new BackendConfig(threads))) {
            print("open", t0);
            conv(backend, "conv 5x5", CONV, CONV_INPUT, 200);
            conv(backend, "depthwise 3x3", Conv2d.of(32, 32, 3).padding(1).groups(32), Shape.nchw(8, 32, 28, 28), 1);
            pool(backend);
            dense(backend);
            try (Tensor x = filled(Shape.of(64, 100)); Tensor y = Tensor.allocate(Shape.of(64, 100))) {
                long t = System.nanoTime();
                backend.activation(Activation.TANH, x, y);
                backend.softmax(x, y);
                print("tanh + softmax 64x100, first call", t);
            }
        }
    }

    /** Times calls 1..{@code calls} (fwd + bwd) of a fresh plan of {@code op}; prints 1, 2, 3, 5 and the last. */
    private static void conv(Backend backend, String name, Conv2d op, Shape input, int calls) {
        try (Conv2dPlan plan = backend.plan(op, input);
                Tensor x = filled(input);
                Tensor w = filled(op.weightShape());
                Tensor b = filled(op.biasShape());
                Tensor dy = filled(plan.outputShape());
                Tensor y = Tensor.allocate(plan.outputShape());
                Tensor dx = Tensor.allocate(input);
                Tensor dw = Tensor.allocate(op.weightShape());
                Tensor db = Tensor.allocate(op.biasShape())) {
            for (int call = 1; call <= calls; call++) {
                long t = System.nanoTime();
                plan.forward(x, w, b, y);
                plan.backwardData(dy, w, dx);
                plan.backwardWeights(x, dy, dw, db);
                if (call <= 3 || call == 5 || call == calls) {
                    print(name + " " + input + " fwd+bwd, call " + call, t);
                }
            }
        }
    }

    private static void pool(Backend backend) {
        Shape input = Shape.nchw(8, 16, 28, 28);
        try (Pool2dPlan plan = backend.plan(Pool2d.max(2, 2), input);
                Tensor x = filled(input);
                Tensor dy = filled(plan.outputShape());
                Tensor y = Tensor.allocate(plan.outputShape());
                Tensor dx = Tensor.allocate(input)) {
            long t = System.nanoTime();
            plan.forward(x, y);
            plan.backward(x, dy, dx);
            print("max pool 2x2 " + input + " fwd+bwd, first call", t);
        }
    }

    private static void dense(Backend backend) {
        Dense op = Dense.of(400, 120);
        try (DensePlan plan = backend.plan(op, 32);
                Tensor x = filled(op.inputShape(32));
                Tensor w = filled(op.weightShape());
                Tensor b = filled(op.biasShape());
                Tensor dy = filled(op.outputShape(32));
                Tensor y = Tensor.allocate(op.outputShape(32));
                Tensor dx = Tensor.allocate(op.inputShape(32));
                Tensor dw = Tensor.allocate(op.weightShape());
                Tensor db = Tensor.allocate(op.biasShape())) {
            long t = System.nanoTime();
            plan.forward(x, w, b, y);
            plan.backwardData(dy, w, dx);
            plan.backwardWeights(x, dy, dw, db);
            print("dense 400->120 batch 32 fwd+bwd, first call", t);
        }
    }

    private static void print(String what, long since) {
        System.out.printf(Locale.ROOT, "%-60s %9.2f ms%n", what, (System.nanoTime() - since) / 1e6);
    }

    /** Values in [-1, 1] that vary from element to element (the timing does not depend on them). */
    private static Tensor filled(Shape shape) {
        float[] v = new float[(int) shape.elementCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sin(i * 0.37);
        }
        return Tensor.of(shape, v);
    }
}
