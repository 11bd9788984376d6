package dev.jdnn.kernels.vector;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Dense;
import dev.jdnn.DensePlan;
import dev.jdnn.Layout;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.Workspace;
import java.util.SplittableRandom;

/**
 * Times one LeNet-5 training step (batch 64, forward, loss, every backward pass, SGD) on the
 * vector backend, op by op, in one JVM: {@code LeNetStep [threads] [warm-up s] [steps] [NCHW|NHWC]}. Prints
 * the median step and each op's share; a tool for finding where a step goes, not a test.
 */
final class LeNetStep {
    private static final int BATCH = 64;

    private final String[] names = {"conv1 fwd+relu", "relu1 fwd", "pool1 fwd", "conv2 fwd+relu", "relu2 fwd", "pool2 fwd",
        "fc1 fwd", "relu3 fwd", "fc2 fwd", "relu4 fwd", "fc3 fwd", "loss", "fc3 bwd", "relu4 bwd", "fc2 bwd",
        "relu3 bwd", "fc1 bwd", "pool2 bwd", "relu2 bwd", "conv2 bwd_w", "conv2 bwd_d", "pool1 bwd", "relu1 bwd",
        "conv1 bwd_w", "sgd"};
    private final long[] nanos = new long[names.length];
    private int op;
    private long last;

    private LeNetStep() {
    }

    private void start() {
        op = 0;
        last = System.nanoTime();
    }

    private void lap() {
        long now = System.nanoTime();
        nanos[op++] += now - last;
        last = now;
    }

    public static void main(String[] args) {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        double warmUpSeconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        Layout layout = args.length > 3 ? Layout.valueOf(args[3]) : Layout.NCHW;
        new LeNetStep().run(threads, warmUpSeconds, steps, layout);
    }

    /**
     * The step as Wave 2's api lets a trainer write it: conv+ReLU and dense+ReLU fused, pooling
     * with workspaces, ReLU gradients from the outputs, in place.
     */
    private void run(int threads, double warmUpSeconds, int steps, Layout layout) {
        SplittableRandom random = new SplittableRandom(7);
        Conv2d c1 = Conv2d.of(1, 6, 5).padding(2).activation(Activation.RELU);
        Conv2d c2 = Conv2d.of(6, 16, 5).activation(Activation.RELU);
        Pool2d p = Pool2d.max(2, 2);
        Dense f1 = new Dense(400, 120, true).activation(Activation.RELU);
        Dense f2 = new Dense(120, 84, true).activation(Activation.RELU);
        Dense f3 = new Dense(84, 10, true);
        Shape in = Shape.of(BATCH, 1, 28, 28);
        try (Backend b = Backends.open("vector", new BackendConfig(threads));
                Conv2dPlan conv1 = b.plan(c1, in, layout);
                Pool2dPlan pool1 = b.plan(p, conv1.outputShape(), layout);
                Conv2dPlan conv2 = b.plan(c2, pool1.outputShape(), layout);
                Pool2dPlan pool2 = b.plan(p, conv2.outputShape(), layout);
                DensePlan fc1 = b.plan(f1, BATCH);
                DensePlan fc2 = b.plan(f2, BATCH);
                DensePlan fc3 = b.plan(f3, BATCH);
                Workspace ws1 = pool1.newWorkspace();
                Workspace ws2 = pool2.newWorkspace()) {
            Tensor x = Tensor.allocate(in, layout);
            x.copyFrom(random(random, in, 1).toArray());
            Tensor w1 = random(random, c1.weightShape(), 0.3);
            Tensor b1 = random(random, c1.biasShape(), 0.1);
            Tensor w2 = random(random, c2.weightShape(), 0.1);
            Tensor b2 = random(random, c2.biasShape(), 0.1);
            Tensor v1 = random(random, Shape.of(120, 400), 0.05);
            Tensor d1 = random(random, Shape.of(120), 0.05);
            Tensor v2 = random(random, Shape.of(84, 120), 0.1);
            Tensor d2 = random(random, Shape.of(84), 0.05);
            Tensor v3 = random(random, Shape.of(10, 84), 0.1);
            Tensor d3 = random(random, Shape.of(10), 0.05);
            Tensor[] weights = {w1, b1, w2, b2, v1, d1, v2, d2, v3, d3};
            Tensor[] grads = new Tensor[weights.length];
            Tensor[] velocity = new Tensor[weights.length];
            for (int i = 0; i < weights.length; i++) {
                grads[i] = Tensor.allocate(weights[i].shape());
                velocity[i] = Tensor.allocate(weights[i].shape());
            }
            Tensor r1 = Tensor.allocate(conv1.outputShape(), layout);
            Tensor q1 = Tensor.allocate(pool1.outputShape(), layout);
            Tensor r2 = Tensor.allocate(conv2.outputShape(), layout);
            Tensor q2 = Tensor.allocate(pool2.outputShape(), layout);
            Tensor flat = q2.reshape(Shape.of(BATCH, 400));
            Tensor s1 = Tensor.allocate(Shape.of(BATCH, 120));
            Tensor s2 = Tensor.allocate(Shape.of(BATCH, 84));
            Tensor logits = Tensor.allocate(Shape.of(BATCH, 10));
            Tensor dLogits = Tensor.allocate(Shape.of(BATCH, 10));
            Tensor ds2 = Tensor.allocate(s2.shape());
            Tensor ds1 = Tensor.allocate(s1.shape());
            Tensor dFlat = Tensor.allocate(flat.shape());
            Tensor dq2 = Tensor.wrap(dFlat.segment(), q2.shape(), layout);
            Tensor dr2 = Tensor.allocate(r2.shape(), layout);
            Tensor dq1 = Tensor.allocate(q1.shape(), layout);
            Tensor dr1 = Tensor.allocate(r1.shape(), layout);
            int[] labels = new int[BATCH];
            for (int i = 0; i < BATCH; i++) {
                labels[i] = random.nextInt(10);
            }
            long warmUpEnd = System.nanoTime() + (long) (warmUpSeconds * 1e9);
            long[] stepNanos = new long[steps];
            for (int s = 0; s < steps || System.nanoTime() < warmUpEnd; s++) {
                if (System.nanoTime() < warmUpEnd) {
                    s = -1;
                    java.util.Arrays.fill(nanos, 0);
                }
                long t0 = System.nanoTime();
                start();
                conv1.forward(x, w1, b1, r1);
                lap();
                lap();
                pool1.forward(r1, q1, ws1);
                lap();
                conv2.forward(q1, w2, b2, r2);
                lap();
                lap();
                pool2.forward(r2, q2, ws2);
                lap();
                fc1.forward(flat, v1, d1, s1);
                lap();
                lap();
                fc2.forward(s1, v2, d2, s2);
                lap();
                lap();
                fc3.forward(s2, v3, d3, logits);
                lap();
                b.softmaxCrossEntropy(logits, labels, dLogits);
                lap();
                fc3.backwardWeights(s2, dLogits, grads[8], grads[9]);
                fc3.backwardData(dLogits, v3, ds2);
                lap();
                b.activationBackwardFromOutput(Activation.RELU, s2, ds2, ds2);
                lap();
                fc2.backwardWeights(s1, ds2, grads[6], grads[7]);
                fc2.backwardData(ds2, v2, ds1);
                lap();
                b.activationBackwardFromOutput(Activation.RELU, s1, ds1, ds1);
                lap();
                fc1.backwardWeights(flat, ds1, grads[4], grads[5]);
                fc1.backwardData(ds1, v1, dFlat);
                lap();
                pool2.backward(ws2, dq2, dr2);
                lap();
                b.activationBackwardFromOutput(Activation.RELU, r2, dr2, dr2);
                lap();
                conv2.backwardWeights(q1, dr2, grads[2], grads[3]);
                lap();
                conv2.backwardData(dr2, w2, dq1);
                lap();
                pool1.backward(ws1, dq1, dr1);
                lap();
                b.activationBackwardFromOutput(Activation.RELU, r1, dr1, dr1);
                lap();
                conv1.backwardWeights(x, dr1, grads[0], grads[1]);
                lap();
                for (int i = 0; i < weights.length; i++) {
                    b.sgdUpdate(weights[i], grads[i], velocity[i], 1e-4f, 0.9f, 0f);
                }
                lap();
                if (s >= 0) {
                    stepNanos[s] = System.nanoTime() - t0;
                }
            }
            java.util.Arrays.sort(stepNanos);
            long total = 0;
            for (long n : nanos) {
                total += n;
            }
            System.out.printf("%s, threads %d, %d steps: median step %.3f ms (p10 %.3f, p90 %.3f); per epoch of 938 "
                    + "steps %.2f s%n", layout, threads, steps, stepNanos[steps / 2] / 1e6, stepNanos[steps / 10] / 1e6,
                    stepNanos[steps * 9 / 10] / 1e6, stepNanos[steps / 2] * 938 / 1e9);
            for (int i = 0; i < names.length; i++) {
                if (nanos[i] > 0) {
                    System.out.printf("  %-12s %7.3f ms %5.1f%%%n", names[i], nanos[i] / 1e6 / steps,
                            100.0 * nanos[i] / total);
                }
            }
        }
    }

    private static Tensor random(SplittableRandom random, Shape shape, double scale) {
        float[] v = new float[(int) shape.elementCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextDouble(-scale, scale);
        }
        return Tensor.of(shape, v);
    }
}
