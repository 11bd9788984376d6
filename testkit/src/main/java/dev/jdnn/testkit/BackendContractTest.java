package dev.jdnn.testkit;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.BatchNorm2dPlan;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Dense;
import dev.jdnn.DensePlan;
import dev.jdnn.Layout;
import dev.jdnn.LrnPlan;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

/**
 * The differential contract every backend passes: each op and each pass, on the randomized
 * configurations of {@link ContractCases}, gives what the {@code naive} reference gives, within
 * the {@link ErrorBound} for the op's reduction length.
 *
 * <p>A backend module runs it by subclassing it in its tests:
 * <pre>{@code
 * class VectorContractTest extends BackendContractTest {
 *     protected String backendName() { return "vector"; }
 * }
 * }</pre>
 * The backend is opened once per class with {@code Backends.open(backendName(), config())}.
 * Convolution and pooling run every case in NCHW and again in NHWC (against naive in NCHW, the
 * tensors rearranged by the test); plans with a fused activation, the pooling workspace, the
 * in-place element-wise forms, {@code activationBackwardFromOutput} and {@code reorder} have
 * cases of their own.
 * Every output starts as NaN, so an element that is not written, or accumulated into instead of
 * overwritten, fails. It also runs everything {@link SemanticsContractTest} states exactly (NaN and
 * infinities, one plan used by two threads). The error magnitude {@code Σ|terms|} of a linear op is the naive op run on
 * the absolute values of the inputs. Configurations come from the seed
 * {@code -Djdnn.testkit.seed} (fixed by default), which every failure message repeats.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BackendContractTest extends SemanticsContractTest {
    private Backend tested;
    private Backend naive;

    /** Creates the contract; subclasses name the backend under test. */
    protected BackendContractTest() {
    }

    @BeforeAll
    void openReference() {
        tested = tested();
        naive = Backends.open("naive", new BackendConfig(1));
    }

    @AfterAll
    void closeReference() {
        if (naive != null) {
            naive.close();
        }
    }

    static List<ConvCase> convCases() {
        return ContractCases.conv();
    }

    /** The hand-picked convolutions and the first random ones: enough to catch stale plan state. */
    static List<ConvCase> convRerunCases() {
        List<ConvCase> cases = ContractCases.conv();
        return cases.subList(0, Math.min(cases.size(), 20));
    }

    static List<PoolCase> poolCases() {
        return ContractCases.pool();
    }

    static List<DenseCase> denseCases() {
        return ContractCases.dense();
    }

    static List<ElementwiseCase> elementwiseCases() {
        return ContractCases.elementwise();
    }

    static List<SoftmaxCase> softmaxCases() {
        return ContractCases.softmax();
    }

    static List<SoftmaxCase> crossEntropyCases() {
        return ContractCases.crossEntropy();
    }

    /**
     * The first convolutions (the hand-picked ones among them), each with a fused activation, every
     * activation and both layouts in turn.
     */
    static List<Arguments> fusedConvCases() {
        List<Arguments> cases = new ArrayList<>();
        List<ConvCase> conv = convRerunCases();
        Activation[] activations = Activation.values();
        for (int i = 0; i < conv.size(); i++) {
            cases.add(Arguments.of(conv.get(i), activations[i % activations.length],
                    i % 2 == 0 ? Layout.NCHW : Layout.NHWC));
        }
        return cases;
    }

    /** Every dense case with a fused activation, every activation in turn. */
    static List<Arguments> fusedDenseCases() {
        List<Arguments> cases = new ArrayList<>();
        List<DenseCase> dense = denseCases();
        Activation[] activations = Activation.values();
        for (int i = 0; i < dense.size(); i++) {
            cases.add(Arguments.of(dense.get(i), activations[i % activations.length]));
        }
        return cases;
    }

    /** Every pooling case through a workspace, in both layouts in turn. */
    static List<Arguments> poolWorkspaceCases() {
        List<Arguments> cases = new ArrayList<>();
        List<PoolCase> pool = poolCases();
        for (int i = 0; i < pool.size(); i++) {
            cases.add(Arguments.of(pool.get(i), i % 2 == 0 ? Layout.NCHW : Layout.NHWC));
        }
        return cases;
    }

    /** Every batch-norm case in both layouts. */
    static List<Arguments> batchNormCases() {
        List<Arguments> cases = new ArrayList<>();
        for (BatchNormCase c : ContractCases.batchNorm()) {
            for (Layout layout : Layout.values()) {
                cases.add(Arguments.of(c, layout));
            }
        }
        return cases;
    }

    /** Every LRN case in both layouts. */
    static List<Arguments> lrnCases() {
        List<Arguments> cases = new ArrayList<>();
        for (LrnCase c : ContractCases.lrn()) {
            for (Layout layout : Layout.values()) {
                cases.add(Arguments.of(c, layout));
            }
        }
        return cases;
    }

    /** Shapes for {@code reorder}: one element, one channel, h = w = 1, odd sizes around vector widths. */
    static List<Shape> reorderShapes() {
        return List.of(Shape.nchw(1, 1, 1, 1), Shape.nchw(1, 1, 5, 7), Shape.nchw(2, 17, 1, 1),
                Shape.nchw(1, 3, 4, 5), Shape.nchw(3, 33, 5, 3), Shape.nchw(2, 16, 9, 15), Shape.nchw(1, 64, 7, 7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("convCases")
    void convForwardMatchesNaive(ConvCase c) {
        try (CaseTensors t = new CaseTensors(c.seed());
             Conv2dPlan plan = tested.plan(c.op(), c.input());
             Conv2dPlan reference = naive.plan(c.op(), c.input())) {
            NaiveDifferential.convForward("conv2d forward y", c, plan, reference, t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("convCases")
    void convBackwardDataMatchesNaive(ConvCase c) {
        try (CaseTensors t = new CaseTensors(c.seed());
             Conv2dPlan plan = tested.plan(c.op(), c.input());
             Conv2dPlan reference = naive.plan(c.op(), c.input())) {
            NaiveDifferential.convBackwardData("conv2d backwardData dx", c, plan, reference, t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("convCases")
    void convBackwardWeightsMatchesNaive(ConvCase c) {
        try (CaseTensors t = new CaseTensors(c.seed());
             Conv2dPlan plan = tested.plan(c.op(), c.input());
             Conv2dPlan reference = naive.plan(c.op(), c.input())) {
            NaiveDifferential.convBackwardWeights("conv2d backwardWeights", c, plan, reference, t);
        }
    }

    /**
     * A plan must not keep anything from one run to the next that depends on the tensors (packed
     * weights, reordered copies): every pass is run once on one set of tensors, then again on
     * new ones, and the second results must match naive.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("convRerunCases")
    void convPlanRerunOnNewTensorsMatchesNaive(ConvCase c) {
        try (CaseTensors t = new CaseTensors(c.seed());
             Conv2dPlan plan = tested.plan(c.op(), c.input());
             Conv2dPlan reference = naive.plan(c.op(), c.input())) {
            Conv2d op = c.op();
            Tensor x = t.uniform(plan.inputShape());
            Tensor w = t.uniform(op.weightShape());
            Tensor dy = t.uniform(plan.outputShape());
            plan.forward(x, w, op.bias() ? t.uniform(op.biasShape()) : null, t.output(plan.outputShape()));
            plan.backwardData(dy, w, t.output(plan.inputShape()));
            plan.backwardWeights(x, dy, t.output(op.weightShape()), op.bias() ? t.output(op.biasShape()) : null);
            NaiveDifferential.convForward("conv2d forward y, second run", c, plan, reference, t);
            NaiveDifferential.convBackwardData("conv2d backwardData dx, second run", c, plan, reference, t);
            NaiveDifferential.convBackwardWeights("conv2d backwardWeights, second run", c, plan, reference, t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("convCases")
    void convNhwcForwardMatchesNaive(ConvCase c) {
        try (CaseTensors t = new CaseTensors(c.seed());
             Conv2dPlan plan = tested.plan(c.op(), c.input(), Layout.NHWC);
             Conv2dPlan reference = naive.plan(c.op(), c.input())) {
            NaiveDifferential.convForward("conv2d forward y", c, plan, reference, t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("convCases")
    void convNhwcBackwardDataMatchesNaive(ConvCase c) {
        try (CaseTensors t = new CaseTensors(c.seed());
             Conv2dPlan plan = tested.plan(c.op(), c.input(), Layout.NHWC);
             Conv2dPlan reference = naive.plan(c.op(), c.input())) {
            NaiveDifferential.convBackwardData("conv2d backwardData dx", c, plan, reference, t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("convCases")
    void convNhwcBackwardWeightsMatchesNaive(ConvCase c) {
        try (CaseTensors t = new CaseTensors(c.seed());
             Conv2dPlan plan = tested.plan(c.op(), c.input(), Layout.NHWC);
             Conv2dPlan reference = naive.plan(c.op(), c.input())) {
            NaiveDifferential.convBackwardWeights("conv2d backwardWeights", c, plan, reference, t);
        }
    }

    /**
     * A plan with a fused activation: its forward against naive's unfused forward followed by naive's
     * activation; its backward passes, which take the pre-activation gradient, against naive's unfused ones.
     */
    @ParameterizedTest(name = "{1} {2} {0}")
    @MethodSource("fusedConvCases")
    void convFusedActivationMatchesUnfusedNaive(ConvCase c, Activation activation, Layout layout) {
        Conv2d fused = c.op().activation(activation);
        try (CaseTensors t = new CaseTensors(c.seed());
             Conv2dPlan plan = tested.plan(fused, c.input(), layout);
             Conv2dPlan reference = naive.plan(c.op(), c.input())) {
            NaiveDifferential.fusedForward("conv2d forward y", c, plan, reference, t, c.forwardTerms(), layout,
                    activation, naive);
            NaiveDifferential.convBackwardData("conv2d backwardData dx, fused " + activation, c, plan, reference, t);
            NaiveDifferential.convBackwardWeights("conv2d backwardWeights, fused " + activation, c, plan, reference, t);
        }
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("fusedDenseCases")
    void denseFusedActivationMatchesUnfusedNaive(DenseCase c, Activation activation) {
        Dense fused = c.op().activation(activation);
        try (CaseTensors t = new CaseTensors(c.seed());
             DensePlan plan = tested.plan(fused, c.batch());
             DensePlan reference = naive.plan(c.op(), c.batch())) {
            NaiveDifferential.fusedForward("dense forward y", c, plan, reference, t, c.op().inFeatures() + 1,
                    Layout.NCHW, activation, naive);
            NaiveDifferential.denseBackward(c, plan, reference, t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poolCases")
    void poolNhwcForwardMatchesNaive(PoolCase c) {
        try (CaseTensors t = new CaseTensors(c.seed());
             Pool2dPlan plan = tested.plan(c.op(), c.input(), Layout.NHWC);
             Pool2dPlan reference = naive.plan(c.op(), c.input())) {
            NaiveDifferential.poolForward(c, plan, reference, t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poolCases")
    void poolNhwcBackwardMatchesNaive(PoolCase c) {
        try (CaseTensors t = new CaseTensors(c.seed());
             Pool2dPlan plan = tested.plan(c.op(), c.input(), Layout.NHWC);
             Pool2dPlan reference = naive.plan(c.op(), c.input())) {
            NaiveDifferential.poolBackward(c, plan, reference, t);
        }
    }

    /**
     * Forward into a workspace (twice: the second must replace the first's record), then the
     * workspace backward and the recomputing backward, both against naive.
     */
    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("poolWorkspaceCases")
    void poolWorkspaceBackwardMatchesRecomputingBackward(PoolCase c, Layout layout) {
        try (CaseTensors t = new CaseTensors(c.seed());
             Pool2dPlan plan = tested.plan(c.op(), c.input(), layout);
             Pool2dPlan reference = naive.plan(c.op(), c.input())) {
            NaiveDifferential.poolWorkspace(c, plan, reference, t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwiseCases")
    void activationBackwardFromOutputMatchesNaive(ElementwiseCase c) {
        try (CaseTensors t = new CaseTensors(c.seed())) {
            NaiveDifferential.activationBackwardFromOutput(c, tested, naive, t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwiseCases")
    void activationsInPlaceMatchOutOfPlaceNaive(ElementwiseCase c) {
        try (CaseTensors t = new CaseTensors(c.seed())) {
            NaiveDifferential.activationsInPlace(c, tested, naive, t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwiseCases")
    void addAndDropoutInPlaceAreBitIdenticalToNaive(ElementwiseCase c) {
        try (CaseTensors t = new CaseTensors(c.seed())) {
            NaiveDifferential.addAndDropoutInPlace(c, tested, naive, t);
        }
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("batchNormCases")
    void batchNormTrainingForwardMatchesNaive(BatchNormCase c, Layout layout) {
        try (CaseTensors t = new CaseTensors(c.seed());
             BatchNorm2dPlan plan = tested.plan(c.op(), c.input(), layout);
             BatchNorm2dPlan reference = naive.plan(c.op(), c.input())) {
            NaiveDifferential.batchNormTraining(c, plan, reference, t);
        }
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("batchNormCases")
    void batchNormInferenceForwardMatchesNaive(BatchNormCase c, Layout layout) {
        try (CaseTensors t = new CaseTensors(c.seed());
             BatchNorm2dPlan plan = tested.plan(c.op(), c.input(), layout);
             BatchNorm2dPlan reference = naive.plan(c.op(), c.input())) {
            NaiveDifferential.batchNormInference(c, plan, reference, t);
        }
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("batchNormCases")
    void batchNormBackwardMatchesNaive(BatchNormCase c, Layout layout) {
        try (CaseTensors t = new CaseTensors(c.seed());
             BatchNorm2dPlan plan = tested.plan(c.op(), c.input(), layout);
             BatchNorm2dPlan reference = naive.plan(c.op(), c.input())) {
            NaiveDifferential.batchNormBackward(c, plan, reference, t);
        }
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("lrnCases")
    void lrnMatchesNaive(LrnCase c, Layout layout) {
        try (CaseTensors t = new CaseTensors(c.seed());
             LrnPlan plan = tested.plan(c.op(), c.input(), layout);
             LrnPlan reference = naive.plan(c.op(), c.input())) {
            NaiveDifferential.lrn(c, plan, reference, t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reorderShapes")
    void reorderRoundTripsExactly(Shape shape) {
        try (CaseTensors t = new CaseTensors(TestSeed.value() + shape.elementCount())) {
            NaiveDifferential.reorderRoundTrip(shape, tested, t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poolCases")
    void poolForwardMatchesNaive(PoolCase c) {
        try (CaseTensors t = new CaseTensors(c.seed());
             Pool2dPlan plan = tested.plan(c.op(), c.input());
             Pool2dPlan reference = naive.plan(c.op(), c.input())) {
            NaiveDifferential.poolForward(c, plan, reference, t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poolCases")
    void poolBackwardMatchesNaive(PoolCase c) {
        try (CaseTensors t = new CaseTensors(c.seed());
             Pool2dPlan plan = tested.plan(c.op(), c.input());
             Pool2dPlan reference = naive.plan(c.op(), c.input())) {
            NaiveDifferential.poolBackward(c, plan, reference, t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("denseCases")
    void denseForwardMatchesNaive(DenseCase c) {
        try (CaseTensors t = new CaseTensors(c.seed());
             DensePlan plan = tested.plan(c.op(), c.batch());
             DensePlan reference = naive.plan(c.op(), c.batch())) {
            NaiveDifferential.denseForward("dense forward y", c, plan, reference, t);
        }
    }

    /** Like {@link #convPlanRerunOnNewTensorsMatchesNaive}: a second forward with new tensors. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("denseCases")
    void densePlanRerunOnNewTensorsMatchesNaive(DenseCase c) {
        try (CaseTensors t = new CaseTensors(c.seed());
             DensePlan plan = tested.plan(c.op(), c.batch());
             DensePlan reference = naive.plan(c.op(), c.batch())) {
            plan.forward(t.uniform(plan.inputShape()), t.uniform(c.op().weightShape()),
                    c.op().bias() ? t.uniform(c.op().biasShape()) : null, t.output(plan.outputShape()));
            NaiveDifferential.denseForward("dense forward y, second run", c, plan, reference, t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("denseCases")
    void denseBackwardDataMatchesNaive(DenseCase c) {
        try (CaseTensors t = new CaseTensors(c.seed());
             DensePlan plan = tested.plan(c.op(), c.batch());
             DensePlan reference = naive.plan(c.op(), c.batch())) {
            NaiveDifferential.denseBackwardData(c, plan, reference, t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("denseCases")
    void denseBackwardWeightsMatchesNaive(DenseCase c) {
        try (CaseTensors t = new CaseTensors(c.seed());
             DensePlan plan = tested.plan(c.op(), c.batch());
             DensePlan reference = naive.plan(c.op(), c.batch())) {
            NaiveDifferential.denseBackwardWeights(c, plan, reference, t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwiseCases")
    void activationMatchesNaive(ElementwiseCase c) {
        try (CaseTensors t = new CaseTensors(c.seed())) {
            NaiveDifferential.activation(c, tested, naive, t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwiseCases")
    void activationBackwardMatchesNaive(ElementwiseCase c) {
        try (CaseTensors t = new CaseTensors(c.seed())) {
            NaiveDifferential.activationBackward(c, tested, naive, t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("softmaxCases")
    void softmaxFamilyMatchesNaive(SoftmaxCase c) {
        try (CaseTensors t = new CaseTensors(c.seed())) {
            NaiveDifferential.softmaxForward(c, tested, naive, t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("softmaxCases")
    void softmaxFamilyBackwardMatchesNaive(SoftmaxCase c) {
        try (CaseTensors t = new CaseTensors(c.seed())) {
            NaiveDifferential.softmaxBackward(c, tested, naive, t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crossEntropyCases")
    void softmaxCrossEntropyMatchesNaive(SoftmaxCase c) {
        try (CaseTensors t = new CaseTensors(c.seed())) {
            NaiveDifferential.crossEntropy(c, tested, naive, t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crossEntropyCases")
    void softmaxCrossEntropyWithoutGradientMatchesNaive(SoftmaxCase c) {
        try (CaseTensors t = new CaseTensors(c.seed())) {
            NaiveDifferential.crossEntropyLossOnly(c, tested, naive, t);
        }
    }
}
