package dev.jdnn.bench;

import dev.jdnn.Backend;
import dev.jdnn.Backends;
import dev.jdnn.Layout;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;


/**
 * The two passes of a {@link Pool2dPlan} on a hot-core pooling shape: input {@code x [n, c, h, w]},
 * output {@code y [n, c, oh, ow]}, float32 in NCHW or NHWC, outputs preallocated.
 *
 * <p><b>Checked once against naive</b>, as {@link ConvBenchmark} explains: the pass runs on a
 * batch of {@code n} copies of one random image and every batch position must give naive's
 * result for that image (pooling treats every image and channel alone). Random inputs have no
 * ties, so max pooling's choice of the first maximum does not matter.
 */
@State(Scope.Thread)
public class PoolBenchmark extends PlanBenchmark {
    private static final long SEED = 0x5eed_9001L;

    /** Row id of {@code hot-core-pool.csv}. */
    @Param({"pool_cifar", "pool_stem", "pool_lenet"})
    public String shape;

    /** Layout of the activations: {@code nchw} or {@code nhwc}. */
    @Param({"nchw", "nhwc"})
    public String layout;

    private Pool2dPlan plan;
    private Tensor x;
    private Tensor y;
    private Tensor dy;
    private Tensor dx;

    @Override
    void prepare(Pass pass) {
        PoolShape s = HotCore.pool(shape);
        Pool2d op = s.op();
        Shape in = s.input();
        Shape out = op.outputShape(in);
        openBackend();
        Layout l = Cell.layoutOf(layout);
        plan = own(engine.plan(op, in, l));
        x = tensor(in, l);
        y = tensor(out, l);
        dy = tensor(out, l);
        dx = tensor(in, l);

        OneImageInputs one = inputs(s);
        LayoutArrays.fill(x, RandomFloats.repeated(one.image(), s.n()));
        LayoutArrays.fill(dy, RandomFloats.repeated(one.gradImage(), s.n()));
        float[][] reference = NaiveReferences.of(pass, shape);
        ReferenceCheck check = check(pass, shape);
        if (pass == Pass.POOL_FORWARD) {
            forward();
            check.requireEveryImage("y", LayoutArrays.nchw(y), reference[0]);
        } else if (pass == Pass.POOL_BACKWARD) {
            backward();
            check.requireEveryImage("dx", LayoutArrays.nchw(dx), reference[0]);
        } else {
            throw new IllegalArgumentException("not a pooling pass: " + pass);
        }

        x.copyFrom(RandomFloats.uniform(SEED + 10, in.elementCount()));
        dy.copyFrom(RandomFloats.uniform(SEED + 11, out.elementCount()));
    }

    private static OneImageInputs inputs(PoolShape s) {
        return OneImageInputs.random(SEED, 0, 0, s.input(1).elementCount(),
                s.op().outputShape(s.input(1)).elementCount());
    }

    /** Naive's timed output of {@code pass} for one image: {@code {y}} or {@code {dx}}. */
    static NaiveReferences.Reference naiveOnOneImage(Pass pass, PoolShape s) {
        OneImageInputs one = inputs(s);
        Pool2d op = s.op();
        Shape in = s.input(1);
        Shape out = op.outputShape(in);
        try (Backend naive = Backends.open("naive");
             Pool2dPlan p = naive.plan(op, in);
             Tensor x1 = Tensor.of(in, one.image());
             Tensor dy1 = Tensor.of(out, one.gradImage());
             Tensor y1 = Tensor.allocate(out);
             Tensor dx1 = Tensor.allocate(in)) {
            if (pass == Pass.POOL_FORWARD) {
                double seconds = NaiveReferences.warmRunSeconds(() -> p.forward(x1, y1));
                return new NaiveReferences.Reference(new float[][] {y1.toArray()}, seconds);
            }
            double seconds = NaiveReferences.warmRunSeconds(() -> p.backward(x1, dy1, dx1));
            return new NaiveReferences.Reference(new float[][] {dx1.toArray()}, seconds);
        }
    }

    /** {@code y = pool(x)}. */
    @Benchmark
    public Tensor forward() {
        plan.forward(x, y);
        return y;
    }

    /** {@code dx} from {@code x} and {@code dy}. */
    @Benchmark
    public Tensor backward() {
        plan.backward(x, dy, dx);
        return dx;
    }
}
