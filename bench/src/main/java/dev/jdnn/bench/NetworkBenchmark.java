package dev.jdnn.bench;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Layout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * One training step of a whole network ({@link NetworkShape}: LeNet-5, the CIFAR-style model) on
 * a batch of 64: many layer shapes and passes run one after the other in one JVM, as
 * {@code ./jdnn train} runs them. A JIT failure that only shows when many kernels compete for the
 * compiler (issue 13: vector fell 20x in training while each forked single-cell benchmark was
 * fine) shows here, and the report sets the step beside the sum of its layers' cells.
 *
 * <p>Run in NCHW or NHWC ({@code layout}); the step fuses each ReLU into the layer before it and
 * pools through workspaces, as the trainer does ({@link TrainingStep}).
 *
 * <p><b>Checked once against naive</b>: the step on one image (same seed, weights and label) must
 * give naive's loss and first-layer weight gradient (naive in NCHW; the NHWC step computes the
 * same function), the end of the backward chain.
 */
@State(Scope.Thread)
public class NetworkBenchmark extends PlanBenchmark {
    private static final long SEED = 0x5eed_5e9L;

    /** Id of a {@link NetworkShape}. */
    @Param({"lenet5", "cifar"})
    public String shape;

    /** Layout of the activations: {@code nchw} or {@code nhwc}. */
    @Param({"nchw", "nhwc"})
    public String layout;

    private TrainingStep step;

    @Override
    void prepare(Pass pass) {
        if (pass != Pass.NETWORK_STEP) {
            throw new IllegalArgumentException("not a network pass: " + pass);
        }
        openBackend();
        NetworkShape network = NetworkShape.of(shape);
        Layout l = Cell.layoutOf(layout);
        requireNaivesStep(engine, network, l, NaiveReferences.of(pass, shape), check(pass, shape));
        step = own(new TrainingStep(engine, network, SEED, l));
    }

    /**
     * Runs {@code network}'s step on one image on {@code engine} in {@code layout} and requires
     * naive's loss and first-layer weight gradient ({@code reference}, from {@link #naiveOnOneImage}).
     */
    static void requireNaivesStep(Backend engine, NetworkShape network, Layout layout, float[][] reference,
                                  ReferenceCheck check) {
        try (TrainingStep one = new TrainingStep(engine, network.withBatch(1), SEED, layout)) {
            float loss = one.run();
            check.requireEveryImage("loss", new float[] {loss}, reference[0]);
            check.requireEveryImage("first layer dw", one.firstWeightGradient(), reference[1]);
        }
    }

    /** The seed of every network benchmark's weights and data. */
    static long seed() {
        return SEED;
    }

    /** Naive's loss and first-layer weight gradient of the step on one image, and a warm step's time. */
    static NaiveReferences.Reference naiveOnOneImage(NetworkShape network) {
        try (Backend naive = Backends.open("naive", new BackendConfig(1));
             TrainingStep one = new TrainingStep(naive, network.withBatch(1), SEED)) {
            double seconds = NaiveReferences.warmRunSeconds(one::run);
            float loss = one.run();
            return new NaiveReferences.Reference(new float[][] {{loss}, one.firstWeightGradient()}, seconds);
        }
    }

    /** Forward through every layer, softmax cross-entropy, backward through every layer. */
    @Benchmark
    public float step() {
        return step.run();
    }
}
