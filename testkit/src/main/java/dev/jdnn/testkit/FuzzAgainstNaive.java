package dev.jdnn.testkit;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.BatchNorm2dPlan;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.DensePlan;
import dev.jdnn.Layout;
import dev.jdnn.LrnPlan;
import dev.jdnn.Pool2dPlan;

/**
 * The fuzz harness: runs {@code count} random valid configurations ({@link FuzzConfigurations})
 * on one backend and on {@code naive}, every pass of every op family in turn (convolution,
 * pooling, dense, activations, softmax and log-softmax, cross-entropy, batch norm, LRN), and compares
 * them with the contract suite's own checks ({@link NaiveDifferential}, within the {@link ErrorBound}).
 * Every other convolution, pooling, batch norm and LRN runs in NHWC; every third convolution and dense
 * layer fuses an activation; pooling also runs through a workspace; activations also run in place and
 * from the forward output.
 *
 * <p>Meant to run in a JVM of its own ({@link ForkedFuzz}): a native crash then fails one test
 * instead of the whole run, a hang is cut by a timeout, and the forced vector width, which a
 * backend reads once per JVM, can differ per run. Before each configuration it prints a
 * {@code case} line, so the last line names a configuration that crashed; it ends with
 * {@code checked N configurations} and exit code 0, or the first mismatch and exit code 1.
 *
 * <p>Arguments: {@code backend count seed threads}.
 */
public final class FuzzAgainstNaive {
    /** The line that ends a clean run. */
    static final String DONE = "checked %d configurations";

    private FuzzAgainstNaive() {
    }

    /**
     * Runs the harness.
     *
     * @param args backend name, configuration count, seed, thread count of the tested backend
     */
    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: FuzzAgainstNaive backend count seed threads");
            System.exit(2);
        }
        String name = args[0];
        int count = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        int threads = Integer.parseInt(args[3]);
        try (Backend tested = Backends.open(name, new BackendConfig(threads));
             Backend naive = Backends.open("naive", new BackendConfig(1))) {
            run(tested, naive, count, seed);
        } catch (AssertionError | RuntimeException e) {
            System.out.println("FAILED: " + e);
            e.printStackTrace(System.out);
            System.exit(1);
        }
        System.out.println(String.format(DONE, count));
    }

    /** Runs {@code count} configurations drawn from {@code seed}; throws on the first mismatch. */
    static void run(Backend tested, Backend naive, int count, long seed) {
        FuzzConfigurations configurations = new FuzzConfigurations(seed);
        Activation[] activations = Activation.values();
        for (int i = 0; i < count; i++) {
            int round = i / 8;
            Layout layout = round % 2 == 0 ? Layout.NCHW : Layout.NHWC;
            // One round in three fuses an activation, each activation in turn.
            Activation fused = round % 3 == 2 ? activations[round / 3 % activations.length] : null;
            switch (i % 8) {
                case 0 -> {
                    ConvCase c = configurations.conv();
                    System.out.println("case " + i + ": conv2d " + c + " " + layout + (fused == null ? "" : " " + fused));
                    try (CaseTensors t = new CaseTensors(c.seed());
                         Conv2dPlan plan = tested.plan(c.op().activation(fused), c.input(), layout);
                         Conv2dPlan reference = naive.plan(c.op(), c.input())) {
                        if (fused == null) {
                            NaiveDifferential.convForward("conv2d forward y", c, plan, reference, t);
                        } else {
                            NaiveDifferential.fusedForward("conv2d forward y", c, plan, reference, t, c.forwardTerms(),
                                    layout, fused, naive);
                        }
                        NaiveDifferential.convBackwardData("conv2d backwardData dx", c, plan, reference, t);
                        NaiveDifferential.convBackwardWeights("conv2d backwardWeights", c, plan, reference, t);
                    }
                }
                case 1 -> {
                    PoolCase c = configurations.pool();
                    System.out.println("case " + i + ": pool2d " + c + " " + layout);
                    try (CaseTensors t = new CaseTensors(c.seed());
                         Pool2dPlan plan = tested.plan(c.op(), c.input(), layout);
                         Pool2dPlan reference = naive.plan(c.op(), c.input())) {
                        NaiveDifferential.poolForward(c, plan, reference, t);
                        NaiveDifferential.poolBackward(c, plan, reference, t);
                        NaiveDifferential.poolWorkspace(c, plan, reference, t);
                    }
                }
                case 2 -> {
                    DenseCase c = configurations.dense();
                    System.out.println("case " + i + ": dense " + c + (fused == null ? "" : " " + fused));
                    try (CaseTensors t = new CaseTensors(c.seed());
                         DensePlan plan = tested.plan(c.op().activation(fused), c.batch());
                         DensePlan reference = naive.plan(c.op(), c.batch())) {
                        if (fused == null) {
                            NaiveDifferential.denseForward("dense forward y", c, plan, reference, t);
                        } else {
                            NaiveDifferential.fusedForward("dense forward y", c, plan, reference, t,
                                    c.op().inFeatures() + 1, Layout.NCHW, fused, naive);
                        }
                        NaiveDifferential.denseBackwardData(c, plan, reference, t);
                        NaiveDifferential.denseBackwardWeights(c, plan, reference, t);
                    }
                }
                case 3 -> {
                    ElementwiseCase c = configurations.activation();
                    System.out.println("case " + i + ": activation " + c);
                    try (CaseTensors t = new CaseTensors(c.seed())) {
                        NaiveDifferential.activation(c, tested, naive, t);
                        NaiveDifferential.activationBackward(c, tested, naive, t);
                        NaiveDifferential.activationBackwardFromOutput(c, tested, naive, t);
                        NaiveDifferential.activationsInPlace(c, tested, naive, t);
                    }
                }
                case 6 -> {
                    BatchNormCase c = configurations.batchNorm();
                    System.out.println("case " + i + ": batchNorm2d " + c + " " + layout);
                    try (CaseTensors t = new CaseTensors(c.seed());
                         BatchNorm2dPlan plan = tested.plan(c.op(), c.input(), layout);
                         BatchNorm2dPlan reference = naive.plan(c.op(), c.input())) {
                        NaiveDifferential.batchNormTraining(c, plan, reference, t);
                        NaiveDifferential.batchNormInference(c, plan, reference, t);
                        NaiveDifferential.batchNormBackward(c, plan, reference, t);
                    }
                }
                case 7 -> {
                    LrnCase c = configurations.lrn();
                    System.out.println("case " + i + ": lrn " + c + " " + layout);
                    try (CaseTensors t = new CaseTensors(c.seed());
                         LrnPlan plan = tested.plan(c.op(), c.input(), layout);
                         LrnPlan reference = naive.plan(c.op(), c.input())) {
                        NaiveDifferential.lrn(c, plan, reference, t);
                    }
                }
                case 4 -> {
                    SoftmaxCase c = configurations.softmax();
                    System.out.println("case " + i + ": " + c);
                    try (CaseTensors t = new CaseTensors(c.seed())) {
                        NaiveDifferential.softmaxForward(c, tested, naive, t);
                        NaiveDifferential.softmaxBackward(c, tested, naive, t);
                    }
                }
                case 5 -> {
                    SoftmaxCase c = configurations.crossEntropy();
                    System.out.println("case " + i + ": softmaxCrossEntropy " + c);
                    try (CaseTensors t = new CaseTensors(c.seed())) {
                        NaiveDifferential.crossEntropy(c, tested, naive, t);
                        NaiveDifferential.crossEntropyLossOnly(c, tested, naive, t);
                    }
                }
                default -> throw new AssertionError("op family " + i % 8);
            }
        }
    }
}
