package dev.jdnn.kernels.vector;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Dense;
import dev.jdnn.DensePlan;
import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A forked JVM's workload for {@link KernelsCompileAtEveryTierTest}: every op of the vector
 * backend, every pass, on many shapes in one JVM (as a training run uses it, not one shape per
 * JVM as a forked benchmark cell does), so that the JIT sees every kernel hot and in every
 * variant: 3x3 with padding, 5x5, 1x1, strided with tails, a depth above the GEMM's KC (the
 * accumulating kernel), grouped and depthwise convolutions, pooling, dense at batch 1 and above,
 * activations, softmax, log-softmax and cross-entropy. Runs rounds until {@code args[0]} seconds
 * have passed (at least a few rounds), then prints the rounds it ran.
 */
final class MultiShapeWorkload {
    private MultiShapeWorkload() {
    }

    public static void main(String[] args) {
        double seconds = Double.parseDouble(args[0]);
        try (Backend backend = Backends.open("vector", new BackendConfig(2))) {
            List<Runnable> steps = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(7);
            conv(steps, backend, random, Conv2d.of(3, 8, 3).padding(1), Shape.of(2, 3, 12, 12));
            conv(steps, backend, random, Conv2d.of(6, 16, 5), Shape.of(4, 6, 14, 14));
            conv(steps, backend, random, Conv2d.of(16, 20, 1), Shape.of(3, 16, 7, 7));
            conv(steps, backend, random, Conv2d.of(5, 33, 3).stride(2).padding(new Padding(1, 0, 2, 1)),
                    Shape.of(3, 5, 17, 13));
            conv(steps, backend, random, Conv2d.of(64, 8, 3).padding(1), Shape.of(1, 64, 6, 6));
            conv(steps, backend, random, Conv2d.of(64, 8, 3).padding(1), Shape.of(2, 64, 5, 5));
            conv(steps, backend, random, Conv2d.of(8, 12, 3).groups(2).dilation(2), Shape.of(2, 8, 11, 11));
            conv(steps, backend, random, Conv2d.of(8, 8, 3).groups(8).padding(1), Shape.of(2, 8, 9, 9));
            conv(steps, backend, random, Conv2d.of(16, 16, 5).groups(16).stride(2).padding(2), Shape.of(3, 16, 15, 17));
            pool(steps, backend, random, Pool2d.max(2, 2), Shape.of(2, 8, 12, 12));
            pool(steps, backend, random, Pool2d.max(3, 2).padding(1), Shape.of(2, 5, 17, 13));
            pool(steps, backend, random, Pool2d.avg(3, 1).padding(1), Shape.of(2, 6, 9, 11));
            dense(steps, backend, random, new Dense(100, 10, true), 1);
            dense(steps, backend, random, new Dense(256, 120, true), 8);
            dense(steps, backend, random, new Dense(33, 17, false), 5);
            elementWise(steps, backend, random, Shape.of(4, 6, 10, 10));
            softmax(steps, backend, random, 8, 10);
            softmax(steps, backend, random, 3, 37);
            long end = System.nanoTime() + (long) (seconds * 1e9);
            int rounds = 0;
            while (rounds < 5 || System.nanoTime() < end) {
                for (Runnable step : steps) {
                    step.run();
                }
                rounds++;
            }
            System.out.println("workload rounds: " + rounds);
        }
    }

    private static Tensor random(SplittableRandom random, Shape shape) {
        float[] values = new float[(int) shape.elementCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return Tensor.of(shape, values);
    }

    private static void conv(List<Runnable> steps, Backend backend, SplittableRandom random, Conv2d op, Shape input) {
        Conv2dPlan plan = backend.plan(op, input);
        Tensor x = random(random, input);
        Tensor w = random(random, op.weightShape());
        Tensor b = op.bias() ? random(random, op.biasShape()) : null;
        Tensor y = Tensor.allocate(plan.outputShape());
        Tensor dy = random(random, plan.outputShape());
        Tensor dx = Tensor.allocate(input);
        Tensor dw = Tensor.allocate(op.weightShape());
        Tensor db = op.bias() ? Tensor.allocate(op.biasShape()) : null;
        steps.add(() -> {
            plan.forward(x, w, b, y);
            plan.backwardData(dy, w, dx);
            plan.backwardWeights(x, dy, dw, db);
        });
    }

    private static void pool(List<Runnable> steps, Backend backend, SplittableRandom random, Pool2d op, Shape input) {
        Pool2dPlan plan = backend.plan(op, input);
        Tensor x = random(random, input);
        Tensor y = Tensor.allocate(plan.outputShape());
        Tensor dy = random(random, plan.outputShape());
        Tensor dx = Tensor.allocate(input);
        steps.add(() -> {
            plan.forward(x, y);
            plan.backward(x, dy, dx);
        });
    }

    private static void dense(List<Runnable> steps, Backend backend, SplittableRandom random, Dense op, int batch) {
        DensePlan plan = backend.plan(op, batch);
        Tensor x = random(random, plan.inputShape());
        Tensor w = random(random, Shape.of(op.outFeatures(), op.inFeatures()));
        Tensor b = op.bias() ? random(random, Shape.of(op.outFeatures())) : null;
        Tensor y = Tensor.allocate(plan.outputShape());
        Tensor dy = random(random, plan.outputShape());
        Tensor dx = Tensor.allocate(plan.inputShape());
        Tensor dw = Tensor.allocate(Shape.of(op.outFeatures(), op.inFeatures()));
        Tensor db = op.bias() ? Tensor.allocate(Shape.of(op.outFeatures())) : null;
        steps.add(() -> {
            plan.forward(x, w, b, y);
            plan.backwardData(dy, w, dx);
            plan.backwardWeights(x, dy, dw, db);
        });
    }

    private static void elementWise(List<Runnable> steps, Backend backend, SplittableRandom random, Shape shape) {
        Tensor x = random(random, shape);
        Tensor y = Tensor.allocate(shape);
        Tensor dy = random(random, shape);
        Tensor dx = Tensor.allocate(shape);
        steps.add(() -> {
            for (Activation a : Activation.values()) {
                backend.activation(a, x, y);
                backend.activationBackward(a, x, dy, dx);
            }
        });
    }

    private static void softmax(List<Runnable> steps, Backend backend, SplittableRandom random, int rows, int classes) {
        Shape shape = Shape.of(rows, classes);
        Tensor logits = random(random, shape);
        Tensor p = Tensor.allocate(shape);
        Tensor dy = random(random, shape);
        Tensor d = Tensor.allocate(shape);
        int[] labels = new int[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = random.nextInt(classes);
        }
        steps.add(() -> {
            backend.softmax(logits, p);
            backend.softmaxBackward(p, dy, d);
            backend.logSoftmax(logits, p);
            backend.logSoftmaxBackward(p, dy, d);
            backend.softmaxCrossEntropy(logits, labels, d);
        });
    }
}
