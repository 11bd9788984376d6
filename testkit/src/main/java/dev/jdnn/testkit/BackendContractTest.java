package dev.jdnn.testkit;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.DensePlan;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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
 * Every output starts as NaN, so an element that is not written, or accumulated into instead of
 * overwritten, fails. The error magnitude {@code Σ|terms|} of a linear op is the naive op run on
 * the absolute values of the inputs. Configurations come from the seed
 * {@code -Djdnn.testkit.seed} (fixed by default), which every failure message repeats.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BackendContractTest {
    private Backend tested;
    private Backend naive;

    /** Creates the contract; subclasses name the backend under test. */
    protected BackendContractTest() {
    }

    /** The name of the backend under test, as {@link Backends#open(String)} knows it. */
    protected abstract String backendName();

    /** The configuration the backend under test is opened with. */
    protected BackendConfig config() {
        return BackendConfig.defaults();
    }

    @BeforeAll
    void openBackends() {
        tested = Backends.open(backendName(), config());
        naive = Backends.open("naive", new BackendConfig(1));
    }

    @AfterAll
    void closeBackends() {
        if (tested != null) {
            tested.close();
        }
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

    @ParameterizedTest(name = "{0}")
    @MethodSource("convCases")
    void convForwardMatchesNaive(ConvCase c) {
        try (CaseTensors t = new CaseTensors(c.seed());
             Conv2dPlan plan = tested.plan(c.op(), c.input());
             Conv2dPlan reference = naive.plan(c.op(), c.input())) {
            assertConvForward("conv2d forward y", c, plan, reference, t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("convCases")
    void convBackwardDataMatchesNaive(ConvCase c) {
        try (CaseTensors t = new CaseTensors(c.seed());
             Conv2dPlan plan = tested.plan(c.op(), c.input());
             Conv2dPlan reference = naive.plan(c.op(), c.input())) {
            assertConvBackwardData("conv2d backwardData dx", c, plan, reference, t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("convCases")
    void convBackwardWeightsMatchesNaive(ConvCase c) {
        try (CaseTensors t = new CaseTensors(c.seed());
             Conv2dPlan plan = tested.plan(c.op(), c.input());
             Conv2dPlan reference = naive.plan(c.op(), c.input())) {
            assertConvBackwardWeights("conv2d backwardWeights", c, plan, reference, t);
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
            assertConvForward("conv2d forward y, second run", c, plan, reference, t);
            assertConvBackwardData("conv2d backwardData dx, second run", c, plan, reference, t);
            assertConvBackwardWeights("conv2d backwardWeights, second run", c, plan, reference, t);
        }
    }

    /** Runs the forward pass on new random tensors and compares it with the reference. */
    private static void assertConvForward(String what, ConvCase c, Conv2dPlan plan, Conv2dPlan reference,
                                          CaseTensors t) {
        Conv2d op = c.op();
        Tensor x = t.uniform(c.input());
        Tensor w = t.uniform(op.weightShape());
        Tensor b = op.bias() ? t.uniform(op.biasShape()) : null;
        Tensor y = t.output(plan.outputShape());
        Tensor expected = t.output(plan.outputShape());
        Tensor magnitude = t.output(plan.outputShape());
        plan.forward(x, w, b, y);
        reference.forward(x, w, b, expected);
        reference.forward(t.abs(x), t.abs(w), t.abs(b), magnitude);
        Closeness.assertClose(what, c, y, expected, ErrorBound.reduction(magnitude.toArray(), c.forwardTerms()));
    }

    /** Runs the backward-data pass on new random tensors and compares it with the reference. */
    private static void assertConvBackwardData(String what, ConvCase c, Conv2dPlan plan, Conv2dPlan reference,
                                               CaseTensors t) {
        Tensor dy = t.uniform(plan.outputShape());
        Tensor w = t.uniform(c.op().weightShape());
        Tensor dx = t.output(c.input());
        Tensor expected = t.output(c.input());
        Tensor magnitude = t.output(c.input());
        plan.backwardData(dy, w, dx);
        reference.backwardData(dy, w, expected);
        reference.backwardData(t.abs(dy), t.abs(w), magnitude);
        Closeness.assertClose(what, c, dx, expected, ErrorBound.reduction(magnitude.toArray(), c.backwardDataTerms()));
    }

    /** Runs the backward-weights pass on new random tensors and compares it with the reference. */
    private static void assertConvBackwardWeights(String what, ConvCase c, Conv2dPlan plan, Conv2dPlan reference,
                                                  CaseTensors t) {
        Conv2d op = c.op();
        Tensor x = t.uniform(c.input());
        Tensor dy = t.uniform(plan.outputShape());
        Tensor dw = t.output(op.weightShape());
        Tensor db = op.bias() ? t.output(op.biasShape()) : null;
        Tensor expectedW = t.output(op.weightShape());
        Tensor expectedB = op.bias() ? t.output(op.biasShape()) : null;
        Tensor magnitudeW = t.output(op.weightShape());
        Tensor magnitudeB = op.bias() ? t.output(op.biasShape()) : null;
        plan.backwardWeights(x, dy, dw, db);
        reference.backwardWeights(x, dy, expectedW, expectedB);
        reference.backwardWeights(t.abs(x), t.abs(dy), magnitudeW, magnitudeB);
        int terms = c.backwardWeightsTerms();
        Closeness.assertClose(what + " dw", c, dw, expectedW, ErrorBound.reduction(magnitudeW.toArray(), terms));
        if (op.bias()) {
            Closeness.assertClose(what + " db", c, db, expectedB, ErrorBound.reduction(magnitudeB.toArray(), terms));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poolCases")
    void poolForwardMatchesNaive(PoolCase c) {
        try (CaseTensors t = new CaseTensors(c.seed());
             Pool2dPlan plan = tested.plan(c.op(), c.input());
             Pool2dPlan reference = naive.plan(c.op(), c.input())) {
            Tensor x = c.ties() ? t.quantized(c.input(), 2) : t.uniform(c.input());
            Tensor y = t.output(plan.outputShape());
            Tensor expected = t.output(plan.outputShape());
            Tensor magnitude = t.output(plan.outputShape());
            plan.forward(x, y);
            reference.forward(x, expected);
            reference.forward(t.abs(x), magnitude);
            Closeness.assertClose("pool2d forward y", c, y, expected,
                    ErrorBound.reduction(magnitude.toArray(), c.forwardTerms()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("poolCases")
    void poolBackwardMatchesNaive(PoolCase c) {
        try (CaseTensors t = new CaseTensors(c.seed());
             Pool2dPlan plan = tested.plan(c.op(), c.input());
             Pool2dPlan reference = naive.plan(c.op(), c.input())) {
            Tensor x = c.ties() ? t.quantized(c.input(), 2) : t.uniform(c.input());
            Tensor dy = t.uniform(plan.outputShape());
            Tensor dx = t.output(c.input());
            Tensor expected = t.output(c.input());
            Tensor magnitude = t.output(c.input());
            plan.backward(x, dy, dx);
            reference.backward(x, dy, expected);
            reference.backward(x, t.abs(dy), magnitude);
            Closeness.assertClose("pool2d backward dx", c, dx, expected,
                    ErrorBound.reduction(magnitude.toArray(), c.backwardTerms()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("denseCases")
    void denseForwardMatchesNaive(DenseCase c) {
        try (CaseTensors t = new CaseTensors(c.seed());
             DensePlan plan = tested.plan(c.op(), c.batch());
             DensePlan reference = naive.plan(c.op(), c.batch())) {
            assertDenseForward("dense forward y", c, plan, reference, t);
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
            assertDenseForward("dense forward y, second run", c, plan, reference, t);
        }
    }

    /** Runs the forward pass on new random tensors and compares it with the reference. */
    private static void assertDenseForward(String what, DenseCase c, DensePlan plan, DensePlan reference,
                                           CaseTensors t) {
        Tensor x = t.uniform(plan.inputShape());
        Tensor w = t.uniform(c.op().weightShape());
        Tensor b = c.op().bias() ? t.uniform(c.op().biasShape()) : null;
        Tensor y = t.output(plan.outputShape());
        Tensor expected = t.output(plan.outputShape());
        Tensor magnitude = t.output(plan.outputShape());
        plan.forward(x, w, b, y);
        reference.forward(x, w, b, expected);
        reference.forward(t.abs(x), t.abs(w), t.abs(b), magnitude);
        Closeness.assertClose(what, c, y, expected, ErrorBound.reduction(magnitude.toArray(), c.op().inFeatures() + 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("denseCases")
    void denseBackwardDataMatchesNaive(DenseCase c) {
        try (CaseTensors t = new CaseTensors(c.seed());
             DensePlan plan = tested.plan(c.op(), c.batch());
             DensePlan reference = naive.plan(c.op(), c.batch())) {
            Tensor dy = t.uniform(plan.outputShape());
            Tensor w = t.uniform(c.op().weightShape());
            Tensor dx = t.output(plan.inputShape());
            Tensor expected = t.output(plan.inputShape());
            Tensor magnitude = t.output(plan.inputShape());
            plan.backwardData(dy, w, dx);
            reference.backwardData(dy, w, expected);
            reference.backwardData(t.abs(dy), t.abs(w), magnitude);
            Closeness.assertClose("dense backwardData dx", c, dx, expected,
                    ErrorBound.reduction(magnitude.toArray(), c.op().outFeatures()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("denseCases")
    void denseBackwardWeightsMatchesNaive(DenseCase c) {
        boolean bias = c.op().bias();
        try (CaseTensors t = new CaseTensors(c.seed());
             DensePlan plan = tested.plan(c.op(), c.batch());
             DensePlan reference = naive.plan(c.op(), c.batch())) {
            Tensor x = t.uniform(plan.inputShape());
            Tensor dy = t.uniform(plan.outputShape());
            Tensor dw = t.output(c.op().weightShape());
            Tensor db = bias ? t.output(c.op().biasShape()) : null;
            Tensor expectedW = t.output(c.op().weightShape());
            Tensor expectedB = bias ? t.output(c.op().biasShape()) : null;
            Tensor magnitudeW = t.output(c.op().weightShape());
            Tensor magnitudeB = bias ? t.output(c.op().biasShape()) : null;
            plan.backwardWeights(x, dy, dw, db);
            reference.backwardWeights(x, dy, expectedW, expectedB);
            reference.backwardWeights(t.abs(x), t.abs(dy), magnitudeW, magnitudeB);
            Closeness.assertClose("dense backwardWeights dw", c, dw, expectedW,
                    ErrorBound.reduction(magnitudeW.toArray(), c.batch()));
            if (bias) {
                Closeness.assertClose("dense backwardWeights db", c, db, expectedB,
                        ErrorBound.reduction(magnitudeB.toArray(), c.batch()));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwiseCases")
    void activationMatchesNaive(ElementwiseCase c) {
        try (CaseTensors t = new CaseTensors(c.seed())) {
            Tensor x = c.input(t);
            Tensor y = t.output(c.shape());
            Tensor expected = t.output(c.shape());
            tested.activation(c.activation(), x, y);
            naive.activation(c.activation(), x, expected);
            double[] reference = Closeness.toDoubles(expected.toArray());
            Closeness.assertClose("activation y", c, y, reference, ErrorBound.activation(c.activation(), reference));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwiseCases")
    void activationBackwardMatchesNaive(ElementwiseCase c) {
        try (CaseTensors t = new CaseTensors(c.seed())) {
            Tensor x = c.input(t);
            Tensor dy = t.uniform(c.shape());
            Tensor dx = t.output(c.shape());
            Tensor expected = t.output(c.shape());
            tested.activationBackward(c.activation(), x, dy, dx);
            naive.activationBackward(c.activation(), x, dy, expected);
            double[] reference = Closeness.toDoubles(expected.toArray());
            Closeness.assertClose("activationBackward dx", c, dx, reference,
                    ErrorBound.activationBackward(c.activation(), dy.toArray(), reference));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("softmaxCases")
    void softmaxFamilyMatchesNaive(SoftmaxCase c) {
        try (CaseTensors t = new CaseTensors(c.seed())) {
            Tensor logits = c.logits(t);
            Tensor output = t.output(c.shape());
            Tensor expected = t.output(c.shape());
            c.op().forward(tested, logits, output);
            c.op().forward(naive, logits, expected);
            double[] reference = Closeness.toDoubles(expected.toArray());
            Closeness.assertClose(c.op() + " forward", c, output, reference,
                    c.op().forwardBound(reference, c.classes()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("softmaxCases")
    void softmaxFamilyBackwardMatchesNaive(SoftmaxCase c) {
        try (CaseTensors t = new CaseTensors(c.seed())) {
            Tensor output = t.output(c.shape());
            c.op().forward(naive, c.logits(t), output);
            Tensor dy = t.uniform(c.shape());
            Tensor dLogits = t.output(c.shape());
            Tensor expected = t.output(c.shape());
            c.op().backward(tested, output, dy, dLogits);
            c.op().backward(naive, output, dy, expected);
            Closeness.assertClose(c.op() + " backward dLogits", c, dLogits, expected,
                    c.op().backwardBound(output.toArray(), dy.toArray(), c.classes()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crossEntropyCases")
    void softmaxCrossEntropyMatchesNaive(SoftmaxCase c) {
        Shape shape = c.shape();
        try (CaseTensors t = new CaseTensors(c.seed())) {
            Tensor logits = c.logits(t);
            int[] labels = t.labels(shape.dim(0), c.classes());
            Tensor dLogits = t.output(shape);
            Tensor expected = t.output(shape);
            float loss = tested.softmaxCrossEntropy(logits, labels, dLogits);
            float expectedLoss = naive.softmaxCrossEntropy(logits, labels, expected);
            Closeness.assertClose("softmaxCrossEntropy loss", c, loss, expectedLoss,
                    ErrorBound.crossEntropyLoss(expectedLoss, shape.dim(0), c.classes()));
            double[] reference = Closeness.toDoubles(expected.toArray());
            Closeness.assertClose("softmaxCrossEntropy dLogits", c, dLogits, reference,
                    ErrorBound.crossEntropyGradient(reference, labels, c.classes()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crossEntropyCases")
    void softmaxCrossEntropyWithoutGradientMatchesNaive(SoftmaxCase c) {
        Shape shape = c.shape();
        try (CaseTensors t = new CaseTensors(c.seed())) {
            Tensor logits = c.logits(t);
            int[] labels = t.labels(shape.dim(0), c.classes());
            float loss = tested.softmaxCrossEntropy(logits, labels, null);
            float expectedLoss = naive.softmaxCrossEntropy(logits, labels, null);
            Closeness.assertClose("softmaxCrossEntropy loss without dLogits", c, loss, expectedLoss,
                    ErrorBound.crossEntropyLoss(expectedLoss, shape.dim(0), c.classes()));
        }
    }
}
