package dev.jdnn.kernels.vector;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Dense;
import dev.jdnn.DensePlan;
import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Optional warm-up: runs every kernel family of the vector backend (GEMM and 1x1 convolution,
 * depthwise, pooling, dense, activations, softmax) on tiny tensors, {@value #PROPERTY} rounds, once
 * per JVM, when the first backend opens. Off by default (0 rounds), because on the 2-vCPU machine
 * it was measured on it cost more than it saved:
 * <ul>
 *   <li>Until C2 compiles it, Vector API code runs interpreted or in C1 with every vector a heap
 *       object, ~50-100x slower. A fresh JVM's first forward + backward of a 5x5 convolution on
 *       {@code [8, 6, 14, 14]} took 460-670 ms, calls 2-3 80-230 ms, call 5 8-80 ms (compiled: ~2 ms); a depthwise
 *       3x3 on {@code [8, 32, 28, 28]} 180-260 ms, tanh + softmax 180-260 ms.
 *   <li>With 400 rounds, {@code open} took 1.9-2.8 s instead of ~50-70 ms, and the same first
 *       convolution still 50-120 ms (calls 2-3 65-200 ms): the GEMM compiled on tiny shapes hits uncommon traps on
 *       real ones and is compiled again. Pooling, dense, activations and softmax were then fast
 *       from the first call (1-16 ms).
 *   <li>Run on a background thread instead, it slowed the first calls down (the JIT and the
 *       warm-up compete with them for the two cores), so it runs on the opening thread.
 * </ul>
 * Worth turning on where the first call's latency matters more than the time to open (a service
 * that answers its first request right after start-up). Compiled code is shared by every thread
 * and every backend instance, so later backends skip it. The shapes are tiny but have full
 * vectors and a tail at every width.
 */
final class VectorWarmUp {
    /** System property: rounds of the warm-up (0, the default, turns it off; 400 was measured). */
    static final String PROPERTY = "jdnn.vector.warmup.rounds";

    private static final int ROUNDS = Integer.getInteger(PROPERTY, 0);

    private static final AtomicBoolean DONE = new AtomicBoolean();

    private VectorWarmUp() {
    }

    /** Warms {@code backend}'s kernels unless an earlier backend in this JVM already did. */
    static void once(Backend backend) {
        if (ROUNDS > 0 && DONE.compareAndSet(false, true)) {
            run(backend, ROUNDS);
        }
    }

    private static void run(Backend backend, int rounds) {
        Conv2d conv = Conv2d.of(3, 5, 3).padding(1);
        Conv2d pointwise = Conv2d.of(5, 3, 1);
        Conv2d depthwise = Conv2d.of(3, 3, 3).padding(1).groups(3);
        Conv2d depthwiseStrided = Conv2d.of(3, 3, 3).stride(2).padding(1).groups(3);
        Pool2d maxPool = Pool2d.max(2, 2);
        Pool2d avgPool = Pool2d.avg(3, 2).padding(Padding.of(1));
        Dense dense = Dense.of(21, 9);
        Shape image = Shape.nchw(2, 3, 6, 21);
        Shape features = Shape.nchw(2, 5, 6, 21);
        try (Arena arena = Arena.ofShared();
                Conv2dPlan convPlan = backend.plan(conv, image);
                Conv2dPlan pointwisePlan = backend.plan(pointwise, features);
                Conv2dPlan depthwisePlan = backend.plan(depthwise, image);
                Conv2dPlan stridedPlan = backend.plan(depthwiseStrided, image);
                Pool2dPlan maxPlan = backend.plan(maxPool, image);
                Pool2dPlan avgPlan = backend.plan(avgPool, image);
                DensePlan densePlan = backend.plan(dense, 4);
                DensePlan vectorPlan = backend.plan(dense, 1)) {
            Tensors t = new Tensors(arena);
            Shape rows = Shape.of(4, 21);
            Tensor x = t.filled(rows);
            Tensor y = t.zeros(rows);
            Tensor dx = Tensor.allocate(rows, arena);
            int[] labels = {0, 3, 8, 1};
            for (int round = 0; round < rounds; round++) {
                conv(convPlan, t);
                conv(pointwisePlan, t);
                conv(depthwisePlan, t);
                conv(stridedPlan, t);
                pool(maxPlan, t);
                pool(avgPlan, t);
                dense(densePlan, t);
                dense(vectorPlan, t);
                for (Activation a : Activation.values()) {
                    backend.activation(a, x, y);
                    backend.activationBackward(a, x, x, dx);
                }
                backend.softmax(x, y);
                backend.softmaxBackward(y, x, dx);
                backend.logSoftmax(x, y);
                backend.logSoftmaxBackward(y, x, dx);
                backend.softmaxCrossEntropy(x, labels, dx);
            }
        }
    }

    private static void conv(Conv2dPlan plan, Tensors t) {
        Conv2d op = plan.op();
        Tensor x = t.filled(plan.inputShape());
        Tensor w = t.filled(op.weightShape());
        Tensor dy = t.filled(plan.outputShape());
        plan.forward(x, w, t.filled(op.biasShape()), t.zeros(plan.outputShape()));
        plan.backwardData(dy, w, t.zeros(plan.inputShape()));
        plan.backwardWeights(x, dy, t.zeros(op.weightShape()), t.zeros(op.biasShape()));
    }

    private static void pool(Pool2dPlan plan, Tensors t) {
        Tensor x = t.filled(plan.inputShape());
        plan.forward(x, t.zeros(plan.outputShape()));
        plan.backward(x, t.filled(plan.outputShape()), t.zeros(plan.inputShape()));
    }

    private static void dense(DensePlan plan, Tensors t) {
        Dense op = plan.op();
        Tensor x = t.filled(plan.inputShape());
        Tensor w = t.filled(op.weightShape());
        Tensor dy = t.filled(plan.outputShape());
        plan.forward(x, w, t.filled(op.biasShape()), t.zeros(plan.outputShape()));
        plan.backwardData(dy, w, t.zeros(plan.inputShape()));
        plan.backwardWeights(x, dy, t.zeros(op.weightShape()), t.zeros(op.biasShape()));
    }

    /**
     * Tensors of the warm-up, all in one arena (closing a shared arena costs a JVM-wide handshake,
     * so there is one), made once per shape: {@link #filled} ones hold varied values of both signs,
     * {@link #zeros} ones are outputs.
     */
    private static final class Tensors {
        private final Arena arena;
        private final Map<Shape, Tensor> filled = new HashMap<>();
        private final Map<Shape, Tensor> zeros = new HashMap<>();

        Tensors(Arena arena) {
            this.arena = arena;
        }

        Tensor filled(Shape shape) {
            return filled.computeIfAbsent(shape, s -> {
                Tensor t = Tensor.allocate(s, arena);
                MemorySegment m = t.segment();
                for (long i = 0; i < s.elementCount(); i++) {
                    m.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) Math.sin(i * 0.7));
                }
                return t;
            });
        }

        Tensor zeros(Shape shape) {
            return zeros.computeIfAbsent(shape, s -> Tensor.allocate(s, arena));
        }
    }
}
