package dev.jdnn.bench;

import dev.jdnn.Layout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * One part of a {@link NetworkBenchmark network step} alone ({@code network.layer}): a layer's
 * forward or backward, or the loss, on the step's own plans, tensors and data (same shapes,
 * layout, backend and threads), so that the sum of a network's parts is exactly the step's work.
 * The report sets that sum beside {@code network.step}. In a full run each part is timed in its
 * own forked JVM, so a step much slower than its parts is a one-JVM effect (JIT profiles shared
 * between shapes, deoptimisation, caches between layers), not a slow kernel. With {@code --quick}
 * the parts are timed one after the other in the run's one JVM, after the JIT tour of every cell,
 * which shares those effects with the step; the report says which of the two it was.
 *
 * <p>The {@code shape} is a part id, {@code lenet5.conv1.fwd} ({@link NetworkShape#partId}).
 * Set-up builds the whole step, checks it on one image against naive (every part is then right,
 * since the step is their sequence) and runs one whole step on the batch so that every tensor the
 * part reads holds what the step would give it; the benchmark then repeats the part only.
 */
@State(Scope.Thread)
public class NetworkLayerBenchmark extends PlanBenchmark {
    /** A part id of {@link NetworkShape#allPartIds()}. */
    @Param({"lenet5.conv1.fwd", "lenet5.pool1.fwd", "lenet5.conv2.fwd", "lenet5.pool2.fwd", "lenet5.fc1.fwd",
            "lenet5.fc2.fwd", "lenet5.fc3.fwd", "lenet5.loss", "lenet5.fc3.bwd", "lenet5.fc2.bwd", "lenet5.fc1.bwd",
            "lenet5.pool2.bwd", "lenet5.conv2.bwd", "lenet5.pool1.bwd", "lenet5.conv1.bwd",
            "cifar.conv1.fwd", "cifar.pool1.fwd", "cifar.conv2.fwd", "cifar.pool2.fwd", "cifar.fc.fwd", "cifar.loss",
            "cifar.fc.bwd", "cifar.pool2.bwd", "cifar.conv2.bwd", "cifar.pool1.bwd", "cifar.conv1.bwd"})
    public String shape;

    /** Layout of the activations: {@code nchw} or {@code nhwc}. */
    @Param({"nchw", "nhwc"})
    public String layout;

    private Runnable part;

    @Override
    void prepare(Pass pass) {
        if (pass != Pass.NETWORK_LAYER) {
            throw new IllegalArgumentException("not a network layer pass: " + pass);
        }
        NetworkShape network = NetworkShape.ofPart(shape);
        openBackend();
        Layout l = Cell.layoutOf(layout);
        NetworkBenchmark.requireNaivesStep(engine, network, l, NaiveReferences.of(pass, shape), check(pass, shape));
        TrainingStep step = own(new TrainingStep(engine, network, NetworkBenchmark.seed(), l));
        part = step.part(NetworkShape.partOf(shape));
        step.run();
    }

    /** The part alone. */
    @Benchmark
    public void layer() {
        part.run();
    }
}
