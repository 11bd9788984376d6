package dev.jdnn.kernels.vector;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Dense;
import dev.jdnn.DensePlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A forked JVM's workload for {@link VectorSegmentsStayNativeTest}: the kernel routes that
 * once handed heap arrays to the Vector API as segments, each pass once a round, for
 * {@code args[0]} rounds: backward data through col2im (a GEMM plan whose transposed convolution
 * does not fit: stride 2, and too many taps for the direct plan), backward weights on vectors of
 * the filters (a lenet_c2-like 5x5, 6 to 16 channels), a dense forward on DenseForwardGemm's own
 * loop (10 outputs on two threads, too few weights for the streamed GEMM; a depth above KC, so that its
 * kernel also reads the product back), and a GEMM forward whose micro-kernel C2
 * compiles. The heap-handing routes run first in each round, so that they reach the JDK's shared
 * profile while it is still being collected.
 */
final class SegmentRoutesWorkload {
    private SegmentRoutesWorkload() {
    }

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        try (Backend backend = Backends.open("vector", new BackendConfig(2))) {
            List<Runnable> passes = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(11);
            passes.addAll(passes(backend, random, Conv2d.of(200, 8, 5).stride(2), Shape.of(2, 200, 13, 13)));
            passes.addAll(passes(backend, random, Conv2d.of(6, 16, 5), Shape.of(4, 6, 14, 14)));
            passes.add(forward(backend, random, Dense.of(1000, 10), 64));
            passes.addAll(passes(backend, random, Conv2d.of(32, 48, 3).padding(1), Shape.of(2, 32, 16, 16)));
            for (int round = 0; round < rounds; round++) {
                for (Runnable pass : passes) {
                    pass.run();
                }
            }
            System.out.println("workload rounds: " + rounds);
        }
    }

    /** Backward data, backward weights and forward of {@code op} on {@code input}, in that order. */
    private static List<Runnable> passes(Backend backend, SplittableRandom random, Conv2d op, Shape input) {
        Conv2dPlan plan = backend.plan(op, input);
        Tensor x = random(random, input);
        Tensor w = random(random, op.weightShape());
        Tensor b = random(random, op.biasShape());
        Tensor y = Tensor.allocate(plan.outputShape());
        Tensor dy = random(random, plan.outputShape());
        Tensor dx = Tensor.allocate(input);
        Tensor dw = Tensor.allocate(op.weightShape());
        Tensor db = Tensor.allocate(op.biasShape());
        return List.of(() -> plan.backwardData(dy, w, dx), () -> plan.backwardWeights(x, dy, dw, db),
                () -> plan.forward(x, w, b, y));
    }

    /** The forward pass of {@code op} on a batch of {@code batch}. */
    private static Runnable forward(Backend backend, SplittableRandom random, Dense op, int batch) {
        DensePlan plan = backend.plan(op, batch);
        Tensor x = random(random, Shape.of(batch, op.inFeatures()));
        Tensor w = random(random, op.weightShape());
        Tensor b = random(random, op.biasShape());
        Tensor y = Tensor.allocate(op.outputShape(batch));
        return () -> plan.forward(x, w, b, y);
    }

    private static Tensor random(SplittableRandom random, Shape shape) {
        float[] values = new float[(int) shape.elementCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return Tensor.of(shape, values);
    }
}
