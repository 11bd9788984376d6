package dev.jdnn.bench;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.function.Function;

/**
 * The training-step kernels that stream over memory once: the three optimiser updates
 * ({@link Backend#sgdUpdate} with momentum and weight decay, {@link Backend#adaGradUpdate},
 * {@link Backend#adamUpdate}), {@link Backend#dropout} and {@link Backend#add}, on one
 * {@link ElementwiseShape}. Each is counted in GB moved (every tensor it reads plus every tensor it
 * writes, 4 bytes an element; see {@link Pass#work}), for the report to set beside the machine's
 * copy bandwidth ({@link CopyBenchmark}).
 *
 * <p>The updates run in place, so the timed calls keep moving the weights; a small learning rate
 * and weight decay keep them bounded and far from subnormals for as long as JMH runs.
 *
 * <p><b>Checked once against naive</b>: one call on seeded operands must give naive's outputs on
 * the same operands (the updated weights; dropout's output and mask; the sum), then the operands
 * are filled afresh for timing.
 */
@State(Scope.Thread)
public class ElementwiseBenchmark extends PlanBenchmark {
    private static final long SEED = 0x5eed_e1eL;
    static final float LR = 1e-4f;
    static final float MOMENTUM = 0.9f;
    static final float WEIGHT_DECAY = 1e-4f;
    static final float BETA1 = 0.9f;
    static final float BETA2 = 0.999f;
    static final float ADAM_EPS = 1e-8f;
    static final float ADAGRAD_EPS = 1e-10f;
    static final double DROPOUT = 0.5;

    /** Id of an {@link ElementwiseShape}. */
    @Param({"lenet_fc1", "cifar_fc1", "cifar_act"})
    public String shape;

    private Pass pass;
    private Tensor[] operands;
    private int step;

    @Override
    void prepare(Pass pass) {
        this.pass = pass;
        openBackend();
        ElementwiseShape s = ElementwiseShape.of(shape);
        operands = operands(pass, s, this::tensor);
        run(pass, engine, operands, 1);
        float[][] reference = NaiveReferences.of(pass, shape);
        int[] compared = outputs(pass);
        ReferenceCheck check = check(pass, shape);
        for (int i = 0; i < compared.length; i++) {
            check.requireScaled("operand " + compared[i], operands[compared[i]].toArray(), reference[i], 1);
        }
        fill(pass, operands);
    }

    /** The tensors {@code pass} works on, seeded, made by {@code allocate}. */
    static Tensor[] operands(Pass pass, ElementwiseShape s, Function<Shape, Tensor> allocate) {
        int count = switch (pass) {
            case UPDATE_ADAM -> 4;
            case UPDATE_SGD, UPDATE_ADAGRAD, ELEMENTWISE_DROPOUT, ELEMENTWISE_ADD -> 3;
            default -> throw new IllegalArgumentException("not an element-wise pass: " + pass);
        };
        Tensor[] t = new Tensor[count];
        for (int i = 0; i < count; i++) {
            t[i] = allocate.apply(Shape.of(s.elements()));
        }
        fill(pass, t);
        return t;
    }

    /**
     * Seeded operands: weights, gradients, velocity and inputs uniform in [-1, 1); sums of squares
     * and second moments their squares (they are never negative); outputs zero.
     */
    private static void fill(Pass pass, Tensor[] t) {
        int n = Math.toIntExact(t[0].shape().elementCount());
        for (int i = 0; i < t.length; i++) {
            float[] values = RandomFloats.uniform(SEED + i, n);
            boolean output = (pass == Pass.ELEMENTWISE_DROPOUT && i > 0) || (pass == Pass.ELEMENTWISE_ADD && i == 2);
            boolean squares = (pass == Pass.UPDATE_ADAGRAD && i == 2) || (pass == Pass.UPDATE_ADAM && i == 3);
            for (int j = 0; j < n; j++) {
                values[j] = output ? 0 : squares ? values[j] * values[j] : values[j];
            }
            t[i].copyFrom(values);
        }
    }

    /** Which operands hold {@code pass}'s results. */
    static int[] outputs(Pass pass) {
        return switch (pass) {
            case UPDATE_SGD, UPDATE_ADAGRAD -> new int[] {0, 2};
            case UPDATE_ADAM -> new int[] {0, 2, 3};
            case ELEMENTWISE_DROPOUT -> new int[] {1, 2};
            case ELEMENTWISE_ADD -> new int[] {2};
            default -> throw new IllegalArgumentException("not an element-wise pass: " + pass);
        };
    }

    /** One call of {@code pass} on {@code t} by {@code backend}; {@code step} is Adam's step number. */
    static void run(Pass pass, Backend backend, Tensor[] t, int step) {
        switch (pass) {
            case UPDATE_SGD -> backend.sgdUpdate(t[0], t[1], t[2], LR, MOMENTUM, WEIGHT_DECAY);
            case UPDATE_ADAGRAD -> backend.adaGradUpdate(t[0], t[1], t[2], LR, WEIGHT_DECAY, ADAGRAD_EPS);
            case UPDATE_ADAM -> backend.adamUpdate(t[0], t[1], t[2], t[3], step, LR, BETA1, BETA2, ADAM_EPS,
                    WEIGHT_DECAY);
            case ELEMENTWISE_DROPOUT -> backend.dropout(DROPOUT, SEED, t[0], t[1], t[2]);
            case ELEMENTWISE_ADD -> backend.add(t[0], t[1], t[2]);
            default -> throw new IllegalArgumentException("not an element-wise pass: " + pass);
        }
    }

    /** Naive's outputs of one call of {@code pass} on the seeded operands, and a warm call's time. */
    static NaiveReferences.Reference naiveOnWhole(Pass pass, ElementwiseShape s) {
        try (Backend naive = Backends.open("naive", new BackendConfig(1))) {
            Tensor[] t = operands(pass, s, Tensor::allocate);
            try {
                run(pass, naive, t, 1);
                int[] compared = outputs(pass);
                float[][] outputs = new float[compared.length][];
                for (int i = 0; i < compared.length; i++) {
                    outputs[i] = t[compared[i]].toArray();
                }
                double seconds = NaiveReferences.warmRunSeconds(() -> run(pass, naive, t, 1));
                return new NaiveReferences.Reference(outputs, seconds);
            } finally {
                for (Tensor tensor : t) {
                    tensor.close();
                }
            }
        }
    }

    /** {@code w, v} updated by SGD with momentum and weight decay. */
    @Benchmark
    public Tensor sgd() {
        run(Pass.UPDATE_SGD, engine, operands, 1);
        return operands[0];
    }

    /** {@code w, s} updated by AdaGrad. */
    @Benchmark
    public Tensor adagrad() {
        run(Pass.UPDATE_ADAGRAD, engine, operands, 1);
        return operands[0];
    }

    /** {@code w, m, v} updated by Adam at the next step number. */
    @Benchmark
    public Tensor adam() {
        run(Pass.UPDATE_ADAM, engine, operands, ++step);
        return operands[0];
    }

    /** {@code y, mask} from {@code x}. */
    @Benchmark
    public Tensor dropout() {
        run(Pass.ELEMENTWISE_DROPOUT, engine, operands, 1);
        return operands[1];
    }

    /** {@code y = a + b}. */
    @Benchmark
    public Tensor add() {
        run(Pass.ELEMENTWISE_ADD, engine, operands, 1);
        return operands[2];
    }
}
