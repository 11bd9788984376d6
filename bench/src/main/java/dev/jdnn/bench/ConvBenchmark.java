package dev.jdnn.bench;

import dev.jdnn.Backend;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Layout;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;


/**
 * The three passes of a {@link Conv2dPlan} on a hot-core convolution shape: input
 * {@code x [n, c, h, w]}, weights {@code [k, c/groups, r, s]}, bias {@code [k]}, output
 * {@code [n, k, oh, ow]}, all NCHW float32, outputs preallocated.
 *
 * <p><b>Checked once against naive.</b> Before timing, set-up runs the pass once on a batch of
 * {@code n} copies of one random image (random weights, bias and output gradient) and compares
 * with {@code naive} run on that one image: forward and backward-data must give naive's image in
 * every batch position; backward-weights must give {@code n} times naive's weight and bias
 * gradients (a batch of equal images sums {@code n} equal contributions). Batch images are
 * independent in a convolution, so this tests the plan at its full batch while naive, which can
 * take seconds on a whole hot-core batch, runs on one image. The timed inputs are then refilled
 * with distinct random images.
 */
@State(Scope.Thread)
public class ConvBenchmark extends PlanBenchmark {
    private static final long SEED = 0x5eed_c0a7L;

    /** Row id of {@code hot-core-conv.csv}. */
    @Param({"lenet_c1", "lenet_c2", "cifar_c1", "cifar_c2", "rn_3x3", "rn_1x1", "rn_3x3_s2", "rn_14", "vgg_c1",
            "mb_dw", "rn_3x3_b1"})
    public String shape;

    /** Layout of the activations: {@code nchw} or {@code nhwc} (weights are row-major in both). */
    @Param({"nchw", "nhwc"})
    public String layout;

    private Conv2dPlan plan;
    private Tensor x;
    private Tensor w;
    private Tensor b;
    private Tensor y;
    private Tensor dy;
    private Tensor dx;
    private Tensor dw;
    private Tensor db;

    @Override
    void prepare(Pass pass) {
        ConvShape s = HotCore.conv(shape);
        Conv2d op = s.op();
        Shape in = s.input();
        Shape out = op.outputShape(in);
        openBackend();
        Layout l = Cell.layoutOf(layout);
        plan = own(engine.plan(op, in, l));
        x = tensor(in, l);
        w = tensor(op.weightShape());
        b = tensor(op.biasShape());
        y = tensor(out, l);
        dy = tensor(out, l);
        dx = tensor(in, l);
        dw = tensor(op.weightShape());
        db = tensor(op.biasShape());

        OneImageInputs one = inputs(s);
        w.copyFrom(one.weights());
        b.copyFrom(one.bias());
        LayoutArrays.fill(x, RandomFloats.repeated(one.image(), s.n()));
        LayoutArrays.fill(dy, RandomFloats.repeated(one.gradImage(), s.n()));
        float[][] reference = NaiveReferences.of(pass, shape);
        run(pass);
        WeightedLayerPasses.requireMatch(pass, check(pass, shape), reference, s.n(), y, dx, dw, db);

        x.copyFrom(RandomFloats.uniform(SEED + 10, in.elementCount()));
        dy.copyFrom(RandomFloats.uniform(SEED + 11, out.elementCount()));
    }

    private void run(Pass pass) {
        switch (pass) {
            case CONV_FORWARD -> forward();
            case CONV_BACKWARD_DATA -> backwardData();
            case CONV_BACKWARD_WEIGHTS -> backwardWeights();
            default -> throw new IllegalArgumentException("not a convolution pass: " + pass);
        }
    }

    private static OneImageInputs inputs(ConvShape s) {
        Conv2d op = s.op();
        return OneImageInputs.random(SEED, op.weightShape().elementCount(), op.biasShape().elementCount(),
                s.input(1).elementCount(), op.outputShape(s.input(1)).elementCount());
    }

    /** Naive's timed outputs of {@code pass} for one image: {@code {y}}, {@code {dx}} or {@code {dw, db}}. */
    static NaiveReferences.Reference naiveOnOneImage(Pass pass, ConvShape s) {
        Conv2d op = s.op();
        Shape in = s.input(1);
        try (Backend naive = Backends.open("naive");
             Conv2dPlan p = naive.plan(op, in)) {
            return new WeightedLayerPasses(p::forward, p::backwardData, p::backwardWeights).onOneImage(pass,
                    new WeightedLayerPasses.Shapes(in, op.outputShape(in), op.weightShape(), op.biasShape()), inputs(s));
        }
    }

    /** {@code y = conv(x, w) + b}. */
    @Benchmark
    public Tensor forward() {
        plan.forward(x, w, b, y);
        return y;
    }

    /** {@code dx} from {@code dy} and {@code w}. */
    @Benchmark
    public Tensor backwardData() {
        plan.backwardData(dy, w, dx);
        return dx;
    }

    /** {@code dw} and {@code db} from {@code x} and {@code dy}. */
    @Benchmark
    public Tensor backwardWeights() {
        plan.backwardWeights(x, dy, dw, db);
        return dw;
    }
}
