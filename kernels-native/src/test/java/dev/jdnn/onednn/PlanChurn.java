package dev.jdnn.onednn;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.BatchNorm2d;
import dev.jdnn.BatchNorm2dPlan;
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
import dev.jdnn.Workspace;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Creates, runs and closes {@code count} plans (convolution with all three passes, pooling with
 * both, dense with all three, over 24 shapes in turn; with a third argument {@code wave2}: NHWC
 * convolution with a fused ReLU, NHWC max pooling through a workspace made and closed with it,
 * batch norm with its three passes, LRN in oneDNN and in Java, and a reorder, over 8 shapes) and
 * prints the process's resident set size
 * after the first {@code warmup} plans and at the end, as {@code rss-warm KB} and {@code rss-end KB}
 * (and every 10,000 plans as {@code rss-at i KB}).
 *
 * <p>Arguments: {@code count warmup [wave2]}.
 */
public final class PlanChurn {
    private PlanChurn() {
    }

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        int warmup = Integer.parseInt(args[1]);
        boolean wave2 = args.length > 2 && args[2].equals("wave2");
        try (Backend backend = Backends.open("onednn", new BackendConfig(1)); Arena arena = Arena.ofShared()) {
            Tensor big = Tensor.allocate(Shape.of(7 * 4096), arena);
            for (int i = 0; i < count; i++) {
                if (i == warmup) {
                    System.gc();
                    System.out.println("rss-warm " + rssKb());
                } else if (i % 10_000 == 0) {
                    System.out.println("rss-at " + i + " " + rssKb());
                }
                int size = 5 + i % 8;
                if (wave2) {
                    switch (i % 5) {
                        case 0 -> nhwcFusedConv(backend, big, size);
                        case 1 -> nhwcPoolWithWorkspace(backend, big, size);
                        case 2 -> batchNorm(backend, big, size);
                        case 3 -> lrn(backend, big, size, 4 + i % 2);
                        default -> backend.reorder(view(big, 0, Shape.nchw(2, 3, size, size)),
                                view(big, 1, Shape.nchw(2, 3, size, size), Layout.NHWC));
                    }
                    continue;
                }
                switch (i % 3) {
                    case 0 -> conv(backend, big, size);
                    case 1 -> pool(backend, big, size);
                    default -> dense(backend, big, size);
                }
            }
            System.gc();
            System.out.println("rss-end " + rssKb());
        }
    }

    /** Tensor {@code role} of a plan: disjoint 16 KB slices of one buffer, so no call aliases. */
    private static Tensor view(Tensor big, int role, Shape shape) {
        return Tensor.wrap(big.segment().asSlice(role * 16384L), shape);
    }

    private static Tensor view(Tensor big, int role, Shape shape, Layout layout) {
        return Tensor.wrap(big.segment().asSlice(role * 16384L), shape, layout);
    }

    private static void nhwcFusedConv(Backend backend, Tensor big, int size) {
        Conv2d op = Conv2d.of(3, 4, 3).padding(1).activation(Activation.RELU);
        Shape input = Shape.nchw(2, 3, size, size);
        try (Conv2dPlan plan = backend.plan(op, input, Layout.NHWC)) {
            Tensor x = view(big, 0, input, Layout.NHWC);
            Tensor w = view(big, 1, op.weightShape());
            Tensor b = view(big, 2, op.biasShape());
            Tensor y = view(big, 3, plan.outputShape(), Layout.NHWC);
            Tensor dy = view(big, 4, plan.outputShape(), Layout.NHWC);
            plan.forward(x, w, b, y);
            backend.activationBackwardFromOutput(Activation.RELU, y, dy, dy);
            plan.backwardData(dy, w, view(big, 5, input, Layout.NHWC));
            plan.backwardWeights(x, dy, view(big, 6, op.weightShape()), view(big, 2, op.biasShape()));
        }
    }

    private static void nhwcPoolWithWorkspace(Backend backend, Tensor big, int size) {
        Shape input = Shape.nchw(2, 3, size, size);
        try (Pool2dPlan plan = backend.plan(Pool2d.max(2, 2), input, Layout.NHWC);
             Workspace ws = plan.newWorkspace()) {
            plan.forward(view(big, 0, input, Layout.NHWC), view(big, 1, plan.outputShape(), Layout.NHWC), ws);
            plan.backward(ws, view(big, 1, plan.outputShape(), Layout.NHWC), view(big, 2, input, Layout.NHWC));
        }
    }

    private static void batchNorm(Backend backend, Tensor big, int size) {
        Shape input = Shape.nchw(2, 3, size, size);
        Shape c = Shape.of(3);
        try (BatchNorm2dPlan plan = backend.plan(BatchNorm2d.of(3), input)) {
            Tensor x = view(big, 0, input);
            Tensor y = view(big, 1, input);
            Tensor gamma = view(big, 2, c);
            Tensor beta = Tensor.wrap(big.segment().asSlice(2 * 16384L + 64), c);
            Tensor mean = view(big, 3, c);
            Tensor variance = Tensor.wrap(big.segment().asSlice(3 * 16384L + 64), c);
            plan.forwardTraining(x, gamma, beta, y, mean, variance);
            plan.forwardInference(x, gamma, beta, mean, variance, y);
            plan.backward(x, y, gamma, mean, variance, view(big, 4, input), view(big, 5, c), view(big, 6, c));
        }
    }

    private static void lrn(Backend backend, Tensor big, int size, int window) {
        Shape input = Shape.nchw(2, 6, size, size);
        try (LrnPlan plan = backend.plan(new Lrn(window, 1e-3, 0.75, 2), input)) {
            plan.forward(view(big, 0, input), view(big, 1, input));
            plan.backward(view(big, 0, input), view(big, 1, input), view(big, 2, input));
        }
    }

    private static void conv(Backend backend, Tensor big, int size) {
        Conv2d op = Conv2d.of(3, 4, 3).padding(1);
        Shape input = Shape.nchw(2, 3, size, size);
        try (Conv2dPlan plan = backend.plan(op, input)) {
            Tensor x = view(big, 0, input);
            Tensor w = view(big, 1, op.weightShape());
            Tensor b = view(big, 2, op.biasShape());
            Tensor y = view(big, 3, plan.outputShape());
            plan.forward(x, w, b, y);
            plan.backwardData(y, w, view(big, 4, input));
            plan.backwardWeights(x, y, view(big, 5, op.weightShape()), view(big, 6, op.biasShape()));
        }
    }

    private static void pool(Backend backend, Tensor big, int size) {
        Shape input = Shape.nchw(2, 3, size, size);
        try (Pool2dPlan plan = backend.plan(Pool2d.max(2, 2), input)) {
            plan.forward(view(big, 0, input), view(big, 1, plan.outputShape()));
            plan.backward(view(big, 0, input), view(big, 1, plan.outputShape()), view(big, 2, input));
        }
    }

    private static void dense(Backend backend, Tensor big, int size) {
        Dense op = new Dense(size * 3, size, true);
        try (DensePlan plan = backend.plan(op, 4)) {
            Shape weights = Shape.of(op.outFeatures(), op.inFeatures());
            Tensor x = view(big, 0, plan.inputShape());
            Tensor w = view(big, 1, weights);
            Tensor b = view(big, 2, Shape.of(op.outFeatures()));
            Tensor y = view(big, 3, plan.outputShape());
            plan.forward(x, w, b, y);
            plan.backwardData(y, w, view(big, 4, plan.inputShape()));
            plan.backwardWeights(x, y, view(big, 5, weights), view(big, 6, Shape.of(op.outFeatures())));
        }
    }

    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
