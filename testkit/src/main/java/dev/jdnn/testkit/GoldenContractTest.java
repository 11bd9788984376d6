package dev.jdnn.testkit;

import dev.jdnn.Backend;
import dev.jdnn.BatchNorm2d;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks a backend against golden data computed by an outside reference, PyTorch, in float64
 * from float32 inputs (see {@link GoldenData} for the files and
 * {@code testkit/golden/generate_golden.py} for how they are made). It covers convolution
 * (stride, asymmetric padding, dilation, groups, depthwise), max and average pooling (ceil mode,
 * both {@code countIncludePad}), dense layers, activations, softmax, log-softmax and
 * cross-entropy, forward and backward, one step of each optimiser, each within the {@link ErrorBound} of its reduction
 * length; convolution and pooling also on PyTorch's channels_last tensors (NHWC plans, data in NHWC
 * memory order), and batch norm (training with the batch's statistics, a mean of 1000 among them, and
 * inference) and LRN (PyTorch's and TensorFlow's parametrisations) in both layouts, within
 * {@link BatchNormBound} and {@link LrnBound}. Unlike {@link BackendContractTest} it does not need {@code naive}, so {@code naive}
 * itself runs it.
 *
 * <p>A backend module runs it by subclassing it and naming the backend in
 * {@link #backendName()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class GoldenContractTest {
    private Backend backend;

    /** Creates the contract; subclasses name the backend under test. */
    protected GoldenContractTest() {
    }

    /** The name of the backend under test, as {@link Backends#open(String)} knows it. */
    protected abstract String backendName();

    /** The configuration the backend under test is opened with. */
    protected BackendConfig config() {
        return BackendConfig.defaults();
    }

    @BeforeAll
    void openBackend() {
        backend = Backends.open(backendName(), config());
    }

    @AfterAll
    void closeBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    /** The NCHW cases, then the channels_last (NHWC) ones. */
    static List<GoldenCase> conv2dCases() {
        List<GoldenCase> cases = new ArrayList<>(GoldenData.load("conv2d.json"));
        cases.addAll(GoldenData.load("conv2d_nhwc.json"));
        return cases;
    }

    /** The NCHW cases, then the channels_last (NHWC) ones. */
    static List<GoldenCase> pool2dCases() {
        List<GoldenCase> cases = new ArrayList<>(GoldenData.load("pool2d.json"));
        cases.addAll(GoldenData.load("pool2d_nhwc.json"));
        return cases;
    }

    /** Each case of {@code file} in both layouts (the test rearranges the row-major data). */
    private static List<Arguments> inBothLayouts(String file) {
        List<Arguments> cases = new ArrayList<>();
        for (GoldenCase c : GoldenData.load(file)) {
            for (Layout layout : Layout.values()) {
                cases.add(Arguments.of(c, layout));
            }
        }
        return cases;
    }

    static List<Arguments> batchNormTrainingCases() {
        return inBothLayouts("batch_norm.json").stream().filter(a -> ((GoldenCase) a.get()[0]).training()).toList();
    }

    static List<Arguments> batchNormInferenceCases() {
        return inBothLayouts("batch_norm.json").stream().filter(a -> !((GoldenCase) a.get()[0]).training()).toList();
    }

    static List<Arguments> lrnCases() {
        return inBothLayouts("lrn.json");
    }

    /**
     * Training forward (y, the mean, the biased variance) and then the backward with the statistics
     * the backend itself produced, against PyTorch's float64 results; the bound allows the backend's
     * statistics their float error.
     */
    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("batchNormTrainingCases")
    void batchNormTrainingMatchesPyTorch(GoldenCase c, Layout layout) {
        BatchNorm2d op = c.batchNorm2d();
        Shape shape = shapeOf(c, "x");
        try (CaseTensors t = new CaseTensors(0); BatchNorm2dPlan plan = backend.plan(op, shape, layout)) {
            Tensor x = c.input("x", t);
            Tensor gamma = c.input("gamma", t);
            Tensor beta = c.input("beta", t);
            Tensor y = t.output(shape, layout);
            Tensor mean = output(c, "mean", op.parameterShape(), t);
            Tensor variance = output(c, "variance", op.parameterShape(), t);
            plan.forwardTraining(t.inLayout(x, layout), gamma, beta, y, mean, variance);
            Tensor dx = t.output(shape, layout);
            Tensor dGamma = output(c, "dGamma", op.parameterShape(), t);
            Tensor dBeta = output(c, "dBeta", op.parameterShape(), t);
            plan.backward(t.inLayout(x, layout), t.inLayout(c.input("dy", t), layout), gamma, mean, variance, dx, dGamma,
                    dBeta);

            BatchNormBound bound = new BatchNormBound(shape);
            float[] xs = x.toArray();
            double[] exactMean = c.expected("mean").data();
            double[] exactVariance = c.expected("variance").data();
            double[] meanError = bound.meanError(xs);
            double[] varianceError = bound.varianceRelativeError(xs, exactVariance, op.epsilon());
            String suffix = NaiveDifferential.suffix(layout);
            Closeness.assertClose("batchNorm2d forwardTraining mean" + suffix, c, mean, exactMean,
                    bound.mean(xs, exactMean));
            Closeness.assertClose("batchNorm2d forwardTraining variance" + suffix, c, variance, exactVariance,
                    bound.variance(xs, exactVariance, op.epsilon()));
            double[] expectedY = c.expected("y").data();
            Closeness.assertClose("batchNorm2d forwardTraining y" + suffix, c, t.inLayout(y, Layout.NCHW), expectedY,
                    bound.forward(xs, gamma.toArray(), beta.toArray(), exactMean, exactVariance, op.epsilon(),
                            meanError, varianceError, expectedY));
            double[] expectedDx = c.expected("dx").data();
            double[][] bounds = bound.backward(xs, c.input("dy", t).toArray(), gamma.toArray(), exactMean,
                    exactVariance, op.epsilon(), meanError, varianceError, expectedDx);
            Closeness.assertClose("batchNorm2d backward dx" + suffix, c, t.inLayout(dx, Layout.NCHW), expectedDx,
                    bounds[0]);
            Closeness.assertClose("batchNorm2d backward dGamma" + suffix, c, dGamma, c.expected("dGamma").data(),
                    bounds[1]);
            Closeness.assertClose("batchNorm2d backward dBeta" + suffix, c, dBeta, c.expected("dBeta").data(),
                    bounds[2]);
        }
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("batchNormInferenceCases")
    void batchNormInferenceMatchesPyTorch(GoldenCase c, Layout layout) {
        BatchNorm2d op = c.batchNorm2d();
        Shape shape = shapeOf(c, "x");
        try (CaseTensors t = new CaseTensors(0); BatchNorm2dPlan plan = backend.plan(op, shape, layout)) {
            Tensor x = c.input("x", t);
            Tensor gamma = c.input("gamma", t);
            Tensor beta = c.input("beta", t);
            Tensor mean = c.input("mean", t);
            Tensor variance = c.input("variance", t);
            Tensor y = t.output(shape, layout);
            plan.forwardInference(t.inLayout(x, layout), gamma, beta, mean, variance, y);
            BatchNormBound bound = new BatchNormBound(shape);
            double[] expected = c.expected("y").data();
            Closeness.assertClose("batchNorm2d forwardInference y" + NaiveDifferential.suffix(layout), c,
                    t.inLayout(y, Layout.NCHW), expected, bound.forward(x.toArray(), gamma.toArray(), beta.toArray(),
                            Closeness.toDoubles(mean.toArray()), Closeness.toDoubles(variance.toArray()), op.epsilon(),
                            bound.none(), bound.none(), expected));
        }
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("lrnCases")
    void lrnMatchesPyTorch(GoldenCase c, Layout layout) {
        Shape shape = shapeOf(c, "x");
        try (CaseTensors t = new CaseTensors(0); LrnPlan plan = backend.plan(c.lrn(), shape, layout)) {
            Tensor x = c.input("x", t);
            Tensor dy = c.input("dy", t);
            Tensor y = t.output(shape, layout);
            Tensor dx = t.output(shape, layout);
            plan.forward(t.inLayout(x, layout), y);
            plan.backward(t.inLayout(x, layout), t.inLayout(dy, layout), dx);
            LrnBound bound = new LrnBound(shape, plan.op().size(), plan.op().alpha(), plan.op().beta(), plan.op().k());
            double[] expectedY = c.expected("y").data();
            double[] expectedDx = c.expected("dx").data();
            String suffix = NaiveDifferential.suffix(layout);
            Closeness.assertClose("lrn forward y" + suffix, c, t.inLayout(y, Layout.NCHW), expectedY,
                    bound.forward(x.toArray(), expectedY));
            Closeness.assertClose("lrn backward dx" + suffix, c, t.inLayout(dx, Layout.NCHW), expectedDx,
                    bound.backward(x.toArray(), dy.toArray(), expectedDx));
        }
    }

    static List<GoldenCase> denseCases() {
        return GoldenData.load("dense.json");
    }

    static List<GoldenCase> activationCases() {
        return GoldenData.load("activation.json");
    }

    static List<GoldenCase> softmaxCases() {
        return GoldenData.load("softmax.json");
    }

    static List<GoldenCase> crossEntropyCases() {
        return GoldenData.load("cross_entropy.json");
    }

    static List<GoldenCase> optimizerCases() {
        return GoldenData.load("optimizer.json");
    }

    /**
     * One {@code torch.optim} step (SGD with momentum and weight decay, Adagrad, Adam) from a given
     * state: the updated weights and state within a few float roundings of each value
     * ({@code 8 u |expected|}) plus {@code 1e-7} for the rounding of the update itself.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("optimizerCases")
    void optimizerStepMatchesPyTorch(GoldenCase c) {
        try (CaseTensors t = new CaseTensors(0)) {
            Tensor w = c.input("w", t);
            Tensor g = c.input("g", t);
            float lr = (float) c.op().get("lr").asDouble();
            float weightDecay = (float) c.op().get("weightDecay").asDouble();
            String[] state = switch (c.op().get("optimizer").asText()) {
                case "SGD" -> new String[] {"velocity"};
                case "ADAGRAD" -> new String[] {"sumSquares"};
                case "ADAM" -> new String[] {"m", "v"};
                default -> throw new IllegalStateException("golden case '" + c + "': unknown optimizer "
                        + c.op().get("optimizer"));
            };
            Tensor[] tensors = new Tensor[state.length];
            for (int i = 0; i < state.length; i++) {
                tensors[i] = c.input(state[i], t);
            }
            switch (state.length == 2 ? "ADAM" : state[0]) {
                case "velocity" -> backend.sgdUpdate(w, g, tensors[0], lr, (float) c.op().get("momentum").asDouble(),
                        weightDecay);
                case "sumSquares" -> backend.adaGradUpdate(w, g, tensors[0], lr, weightDecay,
                        (float) c.op().get("eps").asDouble());
                default -> backend.adamUpdate(w, g, tensors[0], tensors[1], c.op().get("step").asInt(), lr,
                        (float) c.op().get("beta1").asDouble(), (float) c.op().get("beta2").asDouble(),
                        (float) c.op().get("eps").asDouble(), weightDecay);
            }
            assertUpdated(c, "w", w);
            for (int i = 0; i < state.length; i++) {
                assertUpdated(c, state[i], tensors[i]);
            }
        }
    }

    private static void assertUpdated(GoldenCase c, String argument, Tensor actual) {
        double[] expected = c.expected(argument).data();
        double[] bound = new double[expected.length];
        for (int i = 0; i < expected.length; i++) {
            bound[i] = 8 * ErrorBound.UNIT_ROUNDOFF * Math.abs(expected[i]) + 1e-7;
        }
        Closeness.assertClose("optimizer step " + argument, c, actual, expected, bound);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conv2dCases")
    void conv2dForwardMatchesPyTorch(GoldenCase c) {
        Conv2d op = c.conv2d();
        try (CaseTensors t = new CaseTensors(0); Conv2dPlan plan = backend.plan(op, shapeOf(c, "x"), c.layout())) {
            Tensor y = output(c, "y", plan.outputShape(), t);
            plan.forward(c.input("x", t), c.input("w", t), c.optionalInput("b", t), y);
            assertMatches("conv2d forward y", c, "y", y);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conv2dCases")
    void conv2dBackwardDataMatchesPyTorch(GoldenCase c) {
        Conv2d op = c.conv2d();
        try (CaseTensors t = new CaseTensors(0); Conv2dPlan plan = backend.plan(op, shapeOf(c, "x"), c.layout())) {
            Tensor dx = output(c, "dx", plan.inputShape(), t);
            plan.backwardData(c.input("dy", t), c.input("w", t), dx);
            assertMatches("conv2d backwardData dx", c, "dx", dx);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conv2dCases")
    void conv2dBackwardWeightsMatchesPyTorch(GoldenCase c) {
        Conv2d op = c.conv2d();
        try (CaseTensors t = new CaseTensors(0); Conv2dPlan plan = backend.plan(op, shapeOf(c, "x"), c.layout())) {
            Tensor dw = output(c, "dw", op.weightShape(), t);
            Tensor db = op.bias() ? output(c, "db", op.biasShape(), t) : null;
            plan.backwardWeights(c.input("x", t), c.input("dy", t), dw, db);
            assertMatches("conv2d backwardWeights dw", c, "dw", dw);
            if (op.bias()) {
                assertMatches("conv2d backwardWeights db", c, "db", db);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pool2dCases")
    void pool2dForwardMatchesPyTorch(GoldenCase c) {
        try (CaseTensors t = new CaseTensors(0); Pool2dPlan plan = backend.plan(c.pool2d(), shapeOf(c, "x"), c.layout())) {
            Tensor y = output(c, "y", plan.outputShape(), t);
            plan.forward(c.input("x", t), y);
            assertMatches("pool2d forward y", c, "y", y);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pool2dCases")
    void pool2dBackwardMatchesPyTorch(GoldenCase c) {
        try (CaseTensors t = new CaseTensors(0); Pool2dPlan plan = backend.plan(c.pool2d(), shapeOf(c, "x"), c.layout())) {
            Tensor dx = output(c, "dx", plan.inputShape(), t);
            plan.backward(c.input("x", t), c.input("dy", t), dx);
            assertMatches("pool2d backward dx", c, "dx", dx);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("denseCases")
    void denseForwardMatchesPyTorch(GoldenCase c) {
        Dense op = c.dense();
        try (CaseTensors t = new CaseTensors(0); DensePlan plan = backend.plan(op, shapeOf(c, "x").dim(0))) {
            Tensor y = output(c, "y", plan.outputShape(), t);
            plan.forward(c.input("x", t), c.input("w", t), c.optionalInput("b", t), y);
            assertMatches("dense forward y", c, "y", y);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("denseCases")
    void denseBackwardDataMatchesPyTorch(GoldenCase c) {
        Dense op = c.dense();
        try (CaseTensors t = new CaseTensors(0); DensePlan plan = backend.plan(op, shapeOf(c, "x").dim(0))) {
            Tensor dx = output(c, "dx", plan.inputShape(), t);
            plan.backwardData(c.input("dy", t), c.input("w", t), dx);
            assertMatches("dense backwardData dx", c, "dx", dx);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("denseCases")
    void denseBackwardWeightsMatchesPyTorch(GoldenCase c) {
        Dense op = c.dense();
        try (CaseTensors t = new CaseTensors(0); DensePlan plan = backend.plan(op, shapeOf(c, "x").dim(0))) {
            Tensor dw = output(c, "dw", op.weightShape(), t);
            Tensor db = op.bias() ? output(c, "db", op.biasShape(), t) : null;
            plan.backwardWeights(c.input("x", t), c.input("dy", t), dw, db);
            assertMatches("dense backwardWeights dw", c, "dw", dw);
            if (op.bias()) {
                assertMatches("dense backwardWeights db", c, "db", db);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activationCases")
    void activationMatchesPyTorch(GoldenCase c) {
        try (CaseTensors t = new CaseTensors(0)) {
            Tensor y = output(c, "y", shapeOf(c, "x"), t);
            backend.activation(c.activation(), c.input("x", t), y);
            GoldenTensor expected = c.expected("y");
            Closeness.assertClose("activation y", c, y, expected.data(),
                    ErrorBound.activation(c.activation(), expected.data()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activationCases")
    void activationBackwardMatchesPyTorch(GoldenCase c) {
        try (CaseTensors t = new CaseTensors(0)) {
            Tensor dy = c.input("dy", t);
            Tensor dx = output(c, "dx", shapeOf(c, "x"), t);
            backend.activationBackward(c.activation(), c.input("x", t), dy, dx);
            GoldenTensor expected = c.expected("dx");
            Closeness.assertClose("activationBackward dx", c, dx, expected.data(),
                    ErrorBound.activationBackward(c.activation(), dy.toArray(), expected.data()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("softmaxCases")
    void softmaxFamilyMatchesPyTorch(GoldenCase c) {
        SoftmaxOp op = c.softmaxOp();
        try (CaseTensors t = new CaseTensors(0)) {
            Shape shape = shapeOf(c, "logits");
            Tensor output = output(c, "output", shape, t);
            op.forward(backend, c.input("logits", t), output);
            GoldenTensor expected = c.expected("output");
            Closeness.assertClose(op + " forward", c, output, expected.data(),
                    op.forwardBound(expected.data(), lastDim(shape)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("softmaxCases")
    void softmaxFamilyBackwardMatchesPyTorch(GoldenCase c) {
        SoftmaxOp op = c.softmaxOp();
        try (CaseTensors t = new CaseTensors(0)) {
            Shape shape = shapeOf(c, "output");
            Tensor output = c.input("output", t);
            Tensor dy = c.input("dy", t);
            Tensor dLogits = output(c, "dLogits", shape, t);
            op.backward(backend, output, dy, dLogits);
            Closeness.assertClose(op + " backward dLogits", c, dLogits, c.expected("dLogits").data(),
                    op.backwardBound(output.toArray(), dy.toArray(), lastDim(shape)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crossEntropyCases")
    void softmaxCrossEntropyMatchesPyTorch(GoldenCase c) {
        try (CaseTensors t = new CaseTensors(0)) {
            Shape shape = shapeOf(c, "logits");
            Tensor dLogits = output(c, "dLogits", shape, t);
            float loss = backend.softmaxCrossEntropy(c.input("logits", t), c.labels(), dLogits);
            double expectedLoss = c.expected("loss").data()[0];
            Closeness.assertClose("softmaxCrossEntropy loss", c, loss, expectedLoss,
                    ErrorBound.crossEntropyLoss(expectedLoss, shape.dim(0), shape.dim(1)));
            double[] expected = c.expected("dLogits").data();
            Closeness.assertClose("softmaxCrossEntropy dLogits", c, dLogits, expected,
                    ErrorBound.crossEntropyGradient(expected, c.labels(), shape.dim(1)));
        }
    }

    private static Shape shapeOf(GoldenCase c, String input) {
        return c.inputs().get(input).shape();
    }

    private static int lastDim(Shape shape) {
        return shape.dim(shape.rank() - 1);
    }

    /**
     * A NaN-filled output for {@code argument}, after checking that jdnn's shape for it agrees
     * with PyTorch's (output-size rules such as ceil mode are part of the contract).
     */
    private static Tensor output(GoldenCase c, String argument, Shape jdnnShape, CaseTensors t) {
        GoldenTensor expected = c.expected(argument);
        assertThat(jdnnShape).as("shape of %s in case '%s' (jdnn vs PyTorch)", argument, c)
                .isEqualTo(expected.shape());
        return t.output(jdnnShape, c.layoutOf(argument, expected));
    }

    private static void assertMatches(String what, GoldenCase c, String argument, Tensor actual) {
        GoldenTensor expected = c.expected(argument);
        Closeness.assertClose(what, c, actual, expected.data(), expected.reductionBound());
    }
}
