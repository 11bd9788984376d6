package dev.jdnn.testkit;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.BatchNorm2d;
import dev.jdnn.BatchNorm2dPlan;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Dense;
import dev.jdnn.DensePlan;
import dev.jdnn.Layout;
import dev.jdnn.Lrn;
import dev.jdnn.LrnPlan;
import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A forked JVM's workload for {@link JitCompileContractTest}: every op of a backend, every pass,
 * on many shapes in one JVM (as a training run uses it, not one shape per JVM as a forked
 * benchmark cell does), so that the JIT sees every kernel hot and in every
 * variant: 3x3 with padding, 5x5, 1x1, strided with tails, grouped and depthwise convolutions,
 * pooling, dense at batch 1 and above (through DenseForwardGemm too), dense gradients with a depth
 * just above the GEMM's KC (all four whole-tile entries of the micro-kernel: plain or interleaved
 * A, storing or accumulating), activations, softmax, log-softmax and cross-entropy; and Wave 2's
 * ops: fused activations on conv (direct, GEMM, NHWC) and dense, NHWC pooling, pooling workspaces,
 * batch norm, LRN, reorder, the optimiser updates, dropout and add. Arguments: the backend's name
 * and the seconds to run; runs rounds until that time has passed (at least a few rounds), then
 * prints the rounds it ran.
 */
public final class MultiShapeWorkload {
    private MultiShapeWorkload() {
    }

    /**
     * Runs the workload.
     *
     * @param args the backend's name and the seconds to run
     */
    public static void main(String[] args) {
        double seconds = Double.parseDouble(args[1]);
        try (Backend backend = Backends.open(args[0], new BackendConfig(2))) {
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
            conv(steps, backend, random, Conv2d.of(1, 6, 5).padding(2).activation(Activation.RELU),
                    Shape.of(4, 1, 28, 28), Layout.NCHW);
            conv(steps, backend, random, Conv2d.of(3, 24, 3).padding(1).activation(Activation.TANH),
                    Shape.of(2, 3, 10, 10), Layout.NCHW);
            conv(steps, backend, random, Conv2d.of(6, 16, 5).activation(Activation.SIGMOID), Shape.of(4, 6, 14, 14),
                    Layout.NHWC);
            conv(steps, backend, random, Conv2d.of(16, 20, 1).activation(Activation.RELU), Shape.of(3, 16, 7, 7),
                    Layout.NHWC);
            dense(steps, backend, random, new Dense(64, 24, true).activation(Activation.RELU), 6);
            dense(steps, backend, random, new Dense(64, 24, true).activation(Activation.TANH), 1);
            pool(steps, backend, random, Pool2d.max(2, 2), Shape.of(2, 6, 12, 12), Layout.NHWC);
            pool(steps, backend, random, Pool2d.max(3, 2).padding(1), Shape.of(2, 21, 9, 7), Layout.NHWC);
            // 64 channels: four whole 512-bit vectors per pixel, the four-accumulator max forward.
            pool(steps, backend, random, Pool2d.max(3, 2), Shape.of(2, 64, 9, 9), Layout.NHWC);
            pool(steps, backend, random, Pool2d.avg(3, 1).padding(1), Shape.of(2, 6, 9, 11), Layout.NHWC);
            pool(steps, backend, random, Pool2d.max(3, 2).padding(1), Shape.of(2, 5, 17, 13), Layout.NCHW);
            pool(steps, backend, random, Pool2d.avg(2, 2), Shape.of(2, 5, 16, 16), Layout.NCHW);
            for (Layout layout : Layout.values()) {
                batchNorm(steps, backend, random, Shape.of(3, 19, 7, 9), layout);
                lrn(steps, backend, random, new Lrn(5, 1e-3, 0.75, 1), Shape.of(2, 21, 5, 7), layout);
                lrn(steps, backend, random, Lrn.tensorflow(4, 1, 1e-3 / 9, 0.75), Shape.of(2, 8, 6, 6), layout);
            }
            reorder(steps, backend, random, Shape.of(3, 21, 9, 7));
            pool(steps, backend, random, Pool2d.max(2, 2), Shape.of(2, 8, 12, 12));
            pool(steps, backend, random, Pool2d.max(3, 2).padding(1), Shape.of(2, 5, 17, 13));
            pool(steps, backend, random, Pool2d.avg(3, 1).padding(1), Shape.of(2, 6, 9, 11));
            dense(steps, backend, random, new Dense(100, 10, true), 1);
            dense(steps, backend, random, new Dense(256, 120, true), 8);
            dense(steps, backend, random, new Dense(33, 17, false), 5);
            // A batch DenseForwardGemm serves on two threads (out <= its group), its depth cut in slices.
            dense(steps, backend, random, new Dense(600, 16, true).activation(Activation.SIGMOID), 32);
            // A depth just above the GEMM's KC (1,024), so that its second depth block runs the
            // accumulating micro-kernels on 16 steps only: on plain rows of A (dY in backward data)
            // and on interleaved panels (dYᵀ in backward weights). 12 rows and 64 columns are whole
            // tiles of every kernel (4 or 6 rows, 8 to 64 columns). 24 passes a round (72 calls of
            // each kernel at 4 rows, 48 at 6): C1 alone runs the minimum of 5 slow rounds, and a
            // kernel asked to compile only after ~128 calls in the last round was compiled (and
            // refused) 0.9 s before the end, so these now ask by the second or third round.
            denseGradient(steps, backend, random, new Dense(64, 1040, false), 12, false, 24);
            // Weights of 2^20 at batch 32, the vector backend's smallest product that reads W in
            // place (DenseForwardGemm.MIN_STREAMED_WEIGHTS): forward only, 67 MFLOP a round.
            denseForward(steps, backend, random, new Dense(1024, 1024, false), 32);
            denseGradient(steps, backend, random, new Dense(64, 12, false), 1040, true, 24);
            elementWise(steps, backend, random, Shape.of(4, 6, 10, 10));
            softmax(steps, backend, random, 8, 10);
            softmax(steps, backend, random, 3, 37);
            // 1,003 parameters: whole vectors at every width and a masked tail; 8 is all tail at 512 bits.
            trainingStep(steps, backend, random, Shape.of(1003));
            trainingStep(steps, backend, random, Shape.of(8));
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
        conv(steps, backend, random, op, input, Layout.NCHW);
    }

    private static Tensor random(SplittableRandom random, Shape shape, Layout layout) {
        Tensor t = Tensor.allocate(shape, layout);
        t.copyFrom(random(random, shape).toArray());
        return t;
    }

    private static void conv(List<Runnable> steps, Backend backend, SplittableRandom random, Conv2d op, Shape input,
            Layout layout) {
        Conv2dPlan plan = backend.plan(op, input, layout);
        Tensor x = random(random, input, layout);
        Tensor y = Tensor.allocate(plan.outputShape(), layout);
        Tensor dy = random(random, plan.outputShape(), layout);
        Tensor dx = Tensor.allocate(input, layout);
        Tensor w = random(random, op.weightShape());
        Tensor b = op.bias() ? random(random, op.biasShape()) : null;
        Tensor dw = Tensor.allocate(op.weightShape());
        Tensor db = op.bias() ? Tensor.allocate(op.biasShape()) : null;
        if (op.activation() != null) {
            Tensor dz = Tensor.allocate(plan.outputShape(), layout);
            steps.add(() -> {
                plan.forward(x, w, b, y);
                backend.activationBackwardFromOutput(op.activation(), y, dy, dz);
                plan.backwardData(dz, w, dx);
                plan.backwardWeights(x, dz, dw, db);
            });
            return;
        }
        steps.add(() -> {
            plan.forward(x, w, b, y);
            plan.backwardData(dy, w, dx);
            plan.backwardWeights(x, dy, dw, db);
        });
    }

    private static void pool(List<Runnable> steps, Backend backend, SplittableRandom random, Pool2d op, Shape input,
            Layout layout) {
        Pool2dPlan plan = backend.plan(op, input, layout);
        Tensor x = random(random, input, layout);
        Tensor y = Tensor.allocate(plan.outputShape(), layout);
        Tensor dy = random(random, plan.outputShape(), layout);
        Tensor dx = Tensor.allocate(input, layout);
        Workspace ws = plan.newWorkspace();
        steps.add(() -> {
            plan.forward(x, y, ws);
            plan.backward(ws, dy, dx);
            plan.forward(x, y);
            plan.backward(x, dy, dx);
        });
    }

    private static void batchNorm(List<Runnable> steps, Backend backend, SplittableRandom random, Shape input,
            Layout layout) {
        BatchNorm2dPlan plan = backend.plan(BatchNorm2d.of(input.dim(1)), input, layout);
        Shape channels = Shape.of(input.dim(1));
        Tensor x = random(random, input, layout);
        Tensor y = Tensor.allocate(input, layout);
        Tensor dy = random(random, input, layout);
        Tensor dx = Tensor.allocate(input, layout);
        Tensor gamma = random(random, channels);
        Tensor beta = random(random, channels);
        Tensor mean = Tensor.allocate(channels);
        Tensor variance = Tensor.allocate(channels);
        Tensor dGamma = Tensor.allocate(channels);
        Tensor dBeta = Tensor.allocate(channels);
        steps.add(() -> {
            plan.forwardTraining(x, gamma, beta, y, mean, variance);
            plan.forwardInference(x, gamma, beta, mean, variance, y);
            plan.backward(x, dy, gamma, mean, variance, dx, dGamma, dBeta);
        });
    }

    private static void lrn(List<Runnable> steps, Backend backend, SplittableRandom random, Lrn op, Shape input,
            Layout layout) {
        LrnPlan plan = backend.plan(op, input, layout);
        Tensor x = random(random, input, layout);
        Tensor y = Tensor.allocate(input, layout);
        Tensor dy = random(random, input, layout);
        Tensor dx = Tensor.allocate(input, layout);
        steps.add(() -> {
            plan.forward(x, y);
            plan.backward(x, dy, dx);
        });
    }

    private static void reorder(List<Runnable> steps, Backend backend, SplittableRandom random, Shape shape) {
        Tensor a = random(random, shape, Layout.NCHW);
        Tensor b = Tensor.allocate(shape, Layout.NHWC);
        steps.add(() -> {
            backend.reorder(a, b);
            backend.reorder(b, a);
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

    /** A dense layer's forward pass alone, without bias. */
    private static void denseForward(List<Runnable> steps, Backend backend, SplittableRandom random, Dense op,
            int batch) {
        DensePlan plan = backend.plan(op, batch);
        Tensor x = random(random, plan.inputShape());
        Tensor w = random(random, Shape.of(op.outFeatures(), op.inFeatures()));
        Tensor y = Tensor.allocate(plan.outputShape());
        steps.add(() -> plan.forward(x, w, null, y));
    }

    /**
     * One backward pass of a dense layer without bias, {@code times} a round: the weights' gradient
     * if {@code weights}, else the data's.
     */
    private static void denseGradient(List<Runnable> steps, Backend backend, SplittableRandom random, Dense op,
            int batch, boolean weights, int times) {
        DensePlan plan = backend.plan(op, batch);
        Shape weightShape = Shape.of(op.outFeatures(), op.inFeatures());
        Tensor x = random(random, plan.inputShape());
        Tensor w = random(random, weightShape);
        Tensor dy = random(random, plan.outputShape());
        Tensor dx = Tensor.allocate(plan.inputShape());
        Tensor dw = Tensor.allocate(weightShape);
        steps.add(() -> {
            for (int t = 0; t < times; t++) {
                if (weights) {
                    plan.backwardWeights(x, dy, dw, null);
                } else {
                    plan.backwardData(dy, w, dx);
                }
            }
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
                backend.activationBackwardFromOutput(a, y, dy, dx);
            }
        });
    }

    /** The optimiser updates (each with and without weight decay), dropout and add on one tensor shape. */
    private static void trainingStep(List<Runnable> steps, Backend backend, SplittableRandom random, Shape shape) {
        Tensor w = random(random, shape);
        Tensor g = random(random, shape);
        Tensor velocity = Tensor.allocate(shape);
        Tensor sumSquares = Tensor.allocate(shape);
        Tensor m = Tensor.allocate(shape);
        Tensor v = Tensor.allocate(shape);
        Tensor y = Tensor.allocate(shape);
        Tensor mask = Tensor.allocate(shape);
        int[] step = {0};
        steps.add(() -> {
            // A training step calls these once per parameter tensor: many calls a round, so that
            // even the few rounds of a C1-only run reach the compile thresholds.
            for (int call = 0; call < 60; call++) {
                step[0]++;
                // Small rates keep the weights finite however many rounds run.
                backend.sgdUpdate(w, g, velocity, 1e-6f, 0.9f, 0f);
                backend.sgdUpdate(w, g, null, 1e-6f, 0f, 1e-4f);
                backend.adaGradUpdate(w, g, sumSquares, 1e-6f, 1e-4f, 1e-10f);
                backend.adamUpdate(w, g, m, v, step[0], 1e-6f, 0.9f, 0.999f, 1e-8f, 0f);
                backend.adamUpdate(w, g, m, v, step[0], 1e-6f, 0.9f, 0.999f, 1e-8f, 1e-4f);
                backend.dropout(0.25, step[0], w, y, mask);
                backend.dropoutBackward(mask, g, y);
                backend.add(w, g, y);
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
