package dev.jdnn.bench;

import dev.jdnn.Backend;
import dev.jdnn.Backends;
import dev.jdnn.Dense;
import dev.jdnn.DensePlan;
import dev.jdnn.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;


/**
 * The three passes of a {@link DensePlan} on a hot-core dense shape: input {@code x [n, in]},
 * weights {@code [out, in]}, bias {@code [out]}, output {@code y [n, out]}, float32, outputs
 * preallocated.
 *
 * <p><b>Checked once against naive</b>, as {@link ConvBenchmark} explains: the pass runs on a
 * batch of {@code n} equal rows; forward and backward-data must give naive's row in every
 * position, backward-weights {@code n} times naive's gradients for one row.
 */
@State(Scope.Thread)
public class DenseBenchmark extends PlanBenchmark {
    private static final long SEED = 0x5eed_de05L;

    /** Row id of {@code hot-core-dense.csv}. */
    @Param({"fc_lenet", "fc_big", "fc_b1"})
    public String shape;

    private DensePlan plan;
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
        DenseShape s = HotCore.dense(shape);
        Dense op = s.op();
        openBackend();
        plan = own(engine.plan(op, s.n()));
        x = tensor(op.inputShape(s.n()));
        w = tensor(op.weightShape());
        b = tensor(op.biasShape());
        y = tensor(op.outputShape(s.n()));
        dy = tensor(op.outputShape(s.n()));
        dx = tensor(op.inputShape(s.n()));
        dw = tensor(op.weightShape());
        db = tensor(op.biasShape());

        OneImageInputs one = inputs(s);
        w.copyFrom(one.weights());
        b.copyFrom(one.bias());
        x.copyFrom(RandomFloats.repeated(one.image(), s.n()));
        dy.copyFrom(RandomFloats.repeated(one.gradImage(), s.n()));
        float[][] reference = NaiveReferences.of(pass, shape);
        switch (pass) {
            case DENSE_FORWARD -> forward();
            case DENSE_BACKWARD_DATA -> backwardData();
            case DENSE_BACKWARD_WEIGHTS -> backwardWeights();
            default -> throw new IllegalArgumentException("not a dense pass: " + pass);
        }
        WeightedLayerPasses.requireMatch(pass, check(pass, shape), reference, s.n(), y, dx, dw, db);

        x.copyFrom(RandomFloats.uniform(SEED + 10, x.shape().elementCount()));
        dy.copyFrom(RandomFloats.uniform(SEED + 11, dy.shape().elementCount()));
    }

    private static OneImageInputs inputs(DenseShape s) {
        Dense op = s.op();
        return OneImageInputs.random(SEED, op.weightShape().elementCount(), op.biasShape().elementCount(), s.in(),
                s.out());
    }

    /** Naive's timed outputs of {@code pass} for one row: {@code {y}}, {@code {dx}} or {@code {dw, db}}. */
    static NaiveReferences.Reference naiveOnOneImage(Pass pass, DenseShape s) {
        Dense op = s.op();
        try (Backend naive = Backends.open("naive");
             DensePlan p = naive.plan(op, 1)) {
            return new WeightedLayerPasses(p::forward, p::backwardData, p::backwardWeights).onOneImage(pass,
                    new WeightedLayerPasses.Shapes(op.inputShape(1), op.outputShape(1), op.weightShape(),
                            op.biasShape()), inputs(s));
        }
    }

    /** {@code y = x · wᵀ + b}. */
    @Benchmark
    public Tensor forward() {
        plan.forward(x, w, b, y);
        return y;
    }

    /** {@code dx = dy · w}. */
    @Benchmark
    public Tensor backwardData() {
        plan.backwardData(dy, w, dx);
        return dx;
    }

    /** {@code dw = dyᵀ · x}, {@code db} = column sums of {@code dy}. */
    @Benchmark
    public Tensor backwardWeights() {
        plan.backwardWeights(x, dy, dw, db);
        return dw;
    }
}
