package dev.jdnn.bench;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.BatchNorm2d;
import dev.jdnn.BatchNorm2dPlan;
import dev.jdnn.Layout;
import dev.jdnn.Lrn;
import dev.jdnn.LrnPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.function.BiFunction;

/**
 * Batch normalisation ({@link BatchNorm2dPlan}: the training forward with batch statistics, and the
 * training backward) and local response normalisation across channels ({@link LrnPlan}, the seed's
 * {@code tf.nn.lrn(x, 4, bias=1.0, alpha=0.001/9, beta=0.75)}: forward, backward) on a rank-4
 * {@link ElementwiseShape#normalisation()} size, in NCHW or NHWC. Counted in GB of the activation
 * tensors read and written (see {@link Pass#work}), set beside the copy bandwidth at that size.
 *
 * <p><b>Checked once against naive</b> on the whole batch (batch norm's statistics span it, so a
 * batch of equal images would not do): naive runs in NCHW on the same logical data, a cell in
 * NHWC is compared in logical order.
 */
@State(Scope.Thread)
public class NormBenchmark extends PlanBenchmark {
    private static final long SEED = 0x5eed_b0a7L;
    /** The seed's LRN. */
    static final Lrn LRN = Lrn.tensorflow(4, 1.0, 0.001 / 9, 0.75);

    /** Id of an {@link ElementwiseShape#normalisation()} size. */
    @Param({"lenet_bn1", "cifar_norm", "cifar_act"})
    public String shape;

    /** Layout of the activations: {@code nchw} or {@code nhwc}. */
    @Param({"nchw", "nhwc"})
    public String layout;

    private Operands t;

    /** The tensors of one cell: activations in the cell's layout, per-channel vectors of {@code [c]}. */
    private record Operands(BatchNorm2dPlan batchNorm, LrnPlan lrn, Tensor x, Tensor y, Tensor dy, Tensor dx,
                            Tensor gamma, Tensor beta, Tensor mean, Tensor variance, Tensor dGamma, Tensor dBeta) {
    }

    @Override
    void prepare(Pass pass) {
        openBackend();
        t = operands(pass, ElementwiseShape.of(shape).shape(), Cell.layoutOf(layout), engine, this::tensor);
        own(t.batchNorm() != null ? t.batchNorm() : t.lrn());
        run(pass, t);
        float[][] reference = NaiveReferences.of(pass, shape);
        float[][] actual = outputs(pass, t);
        ReferenceCheck check = check(pass, shape);
        for (int i = 0; i < actual.length; i++) {
            check.requireScaled("output " + i, actual[i], reference[i], 1);
        }
    }

    /**
     * Plans and seeded tensors for {@code pass} on {@code backend}; batch norm's backward gets the
     * mean and variance of a training forward, as in training.
     */
    private static Operands operands(Pass pass, Shape s, Layout layout, Backend backend,
                                     BiFunction<Shape, Layout, Tensor> allocate) {
        boolean bn = pass == Pass.BATCH_NORM_FORWARD || pass == Pass.BATCH_NORM_BACKWARD;
        Shape channels = Shape.of(s.dim(1));
        Operands o = new Operands(bn ? backend.plan(BatchNorm2d.of(s.dim(1)), s, layout) : null,
                bn ? null : backend.plan(LRN, s, layout), allocate.apply(s, layout), allocate.apply(s, layout),
                allocate.apply(s, layout), allocate.apply(s, layout), allocate.apply(channels, Layout.NCHW),
                allocate.apply(channels, Layout.NCHW), allocate.apply(channels, Layout.NCHW),
                allocate.apply(channels, Layout.NCHW), allocate.apply(channels, Layout.NCHW),
                allocate.apply(channels, Layout.NCHW));
        // activations of a mean 0.5 and spread 1 (shifted, as after a ReLU); scale near 1
        float[] x = RandomFloats.uniform(SEED, s.elementCount());
        for (int i = 0; i < x.length; i++) {
            x[i] += 0.5f;
        }
        LayoutArrays.fill(o.x(), x);
        LayoutArrays.fill(o.dy(), RandomFloats.uniform(SEED + 1, s.elementCount()));
        float[] gamma = RandomFloats.uniform(SEED + 2, s.dim(1));
        for (int i = 0; i < gamma.length; i++) {
            gamma[i] = 1 + gamma[i] / 4;
        }
        o.gamma().copyFrom(gamma);
        o.beta().copyFrom(RandomFloats.uniform(SEED + 3, s.dim(1)));
        if (pass == Pass.BATCH_NORM_BACKWARD) {
            o.batchNorm().forwardTraining(o.x(), o.gamma(), o.beta(), o.y(), o.mean(), o.variance());
        }
        return o;
    }

    private static void run(Pass pass, Operands o) {
        switch (pass) {
            case BATCH_NORM_FORWARD -> o.batchNorm().forwardTraining(o.x(), o.gamma(), o.beta(), o.y(), o.mean(),
                    o.variance());
            case BATCH_NORM_BACKWARD -> o.batchNorm().backward(o.x(), o.dy(), o.gamma(), o.mean(), o.variance(), o.dx(),
                    o.dGamma(), o.dBeta());
            case LRN_FORWARD -> o.lrn().forward(o.x(), o.y());
            case LRN_BACKWARD -> o.lrn().backward(o.x(), o.dy(), o.dx());
            default -> throw new IllegalArgumentException("not a normalisation pass: " + pass);
        }
    }

    /** What {@code pass} wrote, activations in logical NCHW order. */
    private static float[][] outputs(Pass pass, Operands o) {
        return switch (pass) {
            case BATCH_NORM_FORWARD -> new float[][] {LayoutArrays.nchw(o.y()), o.mean().toArray(),
                    o.variance().toArray()};
            case BATCH_NORM_BACKWARD -> new float[][] {LayoutArrays.nchw(o.dx()), o.dGamma().toArray(),
                    o.dBeta().toArray()};
            case LRN_FORWARD -> new float[][] {LayoutArrays.nchw(o.y())};
            case LRN_BACKWARD -> new float[][] {LayoutArrays.nchw(o.dx())};
            default -> throw new IllegalArgumentException("not a normalisation pass: " + pass);
        };
    }

    /** Naive's outputs of {@code pass} on the whole seeded batch in NCHW, and a warm call's time. */
    static NaiveReferences.Reference naiveOnWhole(Pass pass, ElementwiseShape s) {
        java.util.List<AutoCloseable> owned = new java.util.ArrayList<>();
        try (Backend naive = Backends.open("naive", new BackendConfig(1))) {
            Operands o = operands(pass, s.shape(), Layout.NCHW, naive, (shape, layout) -> {
                Tensor tensor = Tensor.allocate(shape, layout);
                owned.add(tensor);
                return tensor;
            });
            owned.add(o.batchNorm() != null ? o.batchNorm() : o.lrn());
            run(pass, o);
            float[][] outputs = outputs(pass, o);
            double seconds = NaiveReferences.warmRunSeconds(() -> run(pass, o));
            return new NaiveReferences.Reference(outputs, seconds);
        } finally {
            for (int i = owned.size() - 1; i >= 0; i--) {
                try {
                    owned.get(i).close();
                } catch (Exception e) {
                    throw new IllegalStateException("could not free naive's " + owned.get(i), e);
                }
            }
        }
    }

    /** Batch statistics, {@code y}, the mean and the biased variance. */
    @Benchmark
    public Tensor batchNormForward() {
        run(Pass.BATCH_NORM_FORWARD, t);
        return t.y();
    }

    /** {@code dx}, {@code dGamma}, {@code dBeta}. */
    @Benchmark
    public Tensor batchNormBackward() {
        run(Pass.BATCH_NORM_BACKWARD, t);
        return t.dx();
    }

    /** {@code y = lrn(x)}. */
    @Benchmark
    public Tensor lrnForward() {
        run(Pass.LRN_FORWARD, t);
        return t.y();
    }

    /** {@code dx} from {@code x} and {@code dy}. */
    @Benchmark
    public Tensor lrnBackward() {
        run(Pass.LRN_BACKWARD, t);
        return t.dx();
    }
}
