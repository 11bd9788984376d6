package dev.jdnn.testkit;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.BatchNorm2dPlan;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.DensePlan;
import dev.jdnn.Layout;
import dev.jdnn.LrnPlan;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.WeightedPlan;
import dev.jdnn.Workspace;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * One pass of one case, run on the backend under test and on {@code naive} with the same random
 * tensors, compared element by element within the {@link ErrorBound} of the op. Shared by the
 * contract suite ({@link BackendContractTest}, hand-picked and seeded cases) and the fuzz harness
 * ({@link FuzzAgainstNaive}, thousands of random ones). Every output starts as NaN, so an element
 * left unwritten fails; the magnitude {@code Σ|terms|} of a linear op is the naive op run on the
 * absolute values of its inputs.
 *
 * <p>The plan under test may be in either {@link Layout}; the reference is always naive in NCHW.
 * Inputs are drawn in NCHW, handed to the tested plan in its layout (rearranged by
 * {@link CaseTensors#inLayout}, never by a backend), and its outputs rearranged back to NCHW before
 * the comparison, so one bound serves both layouts.
 */
final class NaiveDifferential {
    private NaiveDifferential() {
    }

    /** Runs the forward pass on new random tensors and compares it with the reference. */
    static void convForward(String what, ConvCase c, Conv2dPlan plan, Conv2dPlan reference, CaseTensors t) {
        weightedForward(what, c, plan, reference, t, c.forwardTerms(), plan.layout());
    }

    /** Runs the backward-data pass on new random tensors and compares it with the reference. */
    static void convBackwardData(String what, ConvCase c, Conv2dPlan plan, Conv2dPlan reference, CaseTensors t) {
        weightedBackwardData(what, c, plan, reference, t, c.backwardDataTerms(), plan.layout());
    }

    /** Runs the backward-weights pass on new random tensors and compares it with the reference. */
    static void convBackwardWeights(String what, ConvCase c, Conv2dPlan plan, Conv2dPlan reference, CaseTensors t) {
        weightedBackwardWeights(what, c, plan, reference, t, c.backwardWeightsTerms(), plan.layout());
    }

    /** Pooling forward. */
    static void poolForward(PoolCase c, Pool2dPlan plan, Pool2dPlan reference, CaseTensors t) {
        Layout layout = plan.layout();
        Tensor x = poolInput(c, t);
        Tensor y = t.output(plan.outputShape(), layout);
        plan.forward(t.inLayout(x, layout), y);
        assertForward("pool2d forward y" + suffix(layout), c, reference, x, y, t);
    }

    /** Pooling backward. */
    static void poolBackward(PoolCase c, Pool2dPlan plan, Pool2dPlan reference, CaseTensors t) {
        Layout layout = plan.layout();
        Tensor x = poolInput(c, t);
        Tensor dy = t.uniform(plan.outputShape());
        Tensor dx = t.output(c.input(), layout);
        plan.backward(t.inLayout(x, layout), t.inLayout(dy, layout), dx);
        assertBackward("pool2d backward dx" + suffix(layout), c, reference, x, dy, dx, t);
    }

    /**
     * Pooling through two workspaces of one plan, interleaved: {@code ws1} is filled from
     * {@code first}; {@code ws2} from {@code other} and then from {@code x} (the second forward must
     * replace what the first recorded); then a plain {@code forward(other, y)}. Each workspace's
     * backward must follow its own forward: {@code backward(ws1)} against naive's backward of
     * {@code first}, {@code backward(ws2)} and the recomputing backward against naive's of {@code x}
     * (a backend that kept the argmax in plan-owned scratch and used the workspace only as a token
     * fails here); both forwards' {@code y} against naive's too.
     */
    static void poolWorkspace(PoolCase c, Pool2dPlan plan, Pool2dPlan reference, CaseTensors t) {
        Layout layout = plan.layout();
        Tensor first = poolInput(c, t);
        Tensor other = poolInput(c, t);
        Tensor x = poolInput(c, t);
        Tensor dy = t.uniform(plan.outputShape());
        Tensor yFirst = t.output(plan.outputShape(), layout);
        Tensor y = t.output(plan.outputShape(), layout);
        Tensor fromFirst = t.output(c.input(), layout);
        Tensor fromWorkspace = t.output(c.input(), layout);
        Tensor recomputed = t.output(c.input(), layout);
        try (Workspace ws1 = plan.newWorkspace(); Workspace ws2 = plan.newWorkspace()) {
            plan.forward(t.inLayout(first, layout), yFirst, ws1);
            plan.forward(t.inLayout(other, layout), t.output(plan.outputShape(), layout), ws2);
            plan.forward(t.inLayout(x, layout), y, ws2);
            plan.forward(t.inLayout(other, layout), t.output(plan.outputShape(), layout));
            plan.backward(ws1, t.inLayout(dy, layout), fromFirst);
            plan.backward(ws2, t.inLayout(dy, layout), fromWorkspace);
        }
        plan.backward(t.inLayout(x, layout), t.inLayout(dy, layout), recomputed);
        String suffix = suffix(layout);
        assertForward("pool2d forward(first, y, ws1) y" + suffix, c, reference, first, yFirst, t);
        assertForward("pool2d forward(x, y, ws2) y" + suffix, c, reference, x, y, t);
        assertBackward("pool2d backward(ws1, dy, dx) dx, ws1 filled from first" + suffix, c, reference, first, dy,
                fromFirst, t);
        assertBackward("pool2d backward(ws2, dy, dx) dx, ws2 filled from x" + suffix, c, reference, x, dy,
                fromWorkspace, t);
        assertBackward("pool2d backward(x, dy, dx) dx beside the workspaces" + suffix, c, reference, x, dy, recomputed,
                t);
    }

    /** A pooling {@code y} (in any layout) against naive's forward of {@code x}. */
    private static void assertForward(String what, PoolCase c, Pool2dPlan reference, Tensor x, Tensor y,
                                      CaseTensors t) {
        Tensor expected = t.output(reference.outputShape());
        Tensor magnitude = t.output(reference.outputShape());
        reference.forward(x, expected);
        reference.forward(t.abs(x), magnitude);
        Closeness.assertClose(what, c, t.inLayout(y, Layout.NCHW), expected,
                ErrorBound.reduction(magnitude.toArray(), c.forwardTerms()));
    }

    /** A pooling {@code dx} (in any layout) against naive's backward of {@code x} and {@code dy}. */
    private static void assertBackward(String what, PoolCase c, Pool2dPlan reference, Tensor x, Tensor dy, Tensor dx,
                                       CaseTensors t) {
        Tensor expected = t.output(c.input());
        Tensor magnitude = t.output(c.input());
        reference.backward(x, dy, expected);
        reference.backward(x, t.abs(dy), magnitude);
        Closeness.assertClose(what, c, t.inLayout(dx, Layout.NCHW), expected,
                ErrorBound.reduction(magnitude.toArray(), c.backwardTerms()));
    }

    private static Tensor poolInput(PoolCase c, CaseTensors t) {
        return c.ties() ? t.quantized(c.input(), 2) : t.uniform(c.input());
    }

    /** How a message names a layout: nothing for NCHW, the contract's default. */
    static String suffix(Layout layout) {
        return layout == Layout.NCHW ? "" : " (" + layout + ")";
    }

    /** Dense forward. */
    static void denseForward(String what, DenseCase c, DensePlan plan, DensePlan reference, CaseTensors t) {
        weightedForward(what, c, plan, reference, t, c.op().inFeatures() + 1, Layout.NCHW);
    }

    /** Dense backward data. */
    static void denseBackwardData(DenseCase c, DensePlan plan, DensePlan reference, CaseTensors t) {
        weightedBackwardData("dense backwardData dx", c, plan, reference, t, c.op().outFeatures(), Layout.NCHW);
    }

    /** Dense backward weights. */
    static void denseBackwardWeights(DenseCase c, DensePlan plan, DensePlan reference, CaseTensors t) {
        weightedBackwardWeights("dense backwardWeights", c, plan, reference, t, c.batch(), Layout.NCHW);
    }

    // Convolution and dense layers share these three: the same passes over a WeightedPlan, with the
    // number of terms each output sums (which sets the error bound) given by the caller.

    /** Forward on new random x, w, b; each output sums {@code terms} products. */
    private static void weightedForward(String what, Object c, WeightedPlan plan, WeightedPlan reference, CaseTensors t,
                                        int terms, Layout layout) {
        Tensor x = t.uniform(plan.inputShape());
        Tensor w = t.uniform(plan.weightShape());
        Tensor b = plan.hasBias() ? t.uniform(plan.biasShape()) : null;
        Tensor y = t.output(plan.outputShape(), layout);
        Tensor expected = t.output(plan.outputShape());
        Tensor magnitude = t.output(plan.outputShape());
        plan.forward(t.inLayout(x, layout), w, b, y);
        reference.forward(x, w, b, expected);
        reference.forward(t.abs(x), t.abs(w), t.abs(b), magnitude);
        Closeness.assertClose(what + suffix(layout), c, t.inLayout(y, Layout.NCHW), expected,
                ErrorBound.reduction(magnitude.toArray(), terms));
    }

    /**
     * Forward of a plan whose op fuses {@code activation} against naive's unfused plan followed by
     * naive's activation: the pre-activation bound (every activation is 1-Lipschitz), naive's own
     * rounding of the pre-activation, and the activation's bound.
     */
    static void fusedForward(String what, Object c, WeightedPlan plan, WeightedPlan reference, CaseTensors t,
                             int terms, Layout layout, Activation activation, Backend naive) {
        Tensor x = t.uniform(plan.inputShape());
        Tensor w = t.uniform(plan.weightShape());
        Tensor b = plan.hasBias() ? t.uniform(plan.biasShape()) : null;
        Tensor y = t.output(plan.outputShape(), layout);
        Tensor preActivation = t.output(plan.outputShape());
        Tensor expected = t.output(plan.outputShape());
        Tensor magnitude = t.output(plan.outputShape());
        plan.forward(t.inLayout(x, layout), w, b, y);
        reference.forward(x, w, b, preActivation);
        naive.activation(activation, preActivation, expected);
        reference.forward(t.abs(x), t.abs(w), t.abs(b), magnitude);
        double[] reference64 = Closeness.toDoubles(expected.toArray());
        double[] bound = ErrorBound.reduction(magnitude.toArray(), terms);
        double[] activationBound = ErrorBound.activation(activation, reference64);
        float[] pre = preActivation.toArray();
        for (int i = 0; i < bound.length; i++) {
            bound[i] += activationBound[i] + ErrorBound.UNIT_ROUNDOFF * Math.abs(pre[i]);
        }
        Closeness.assertClose(what + " with fused " + activation + suffix(layout), c, t.inLayout(y, Layout.NCHW),
                reference64, bound);
    }

    /** Dense backward data and weights, for plans of any dense op (fused or not) against an unfused reference. */
    static void denseBackward(DenseCase c, DensePlan plan, DensePlan reference, CaseTensors t) {
        denseBackwardData(c, plan, reference, t);
        denseBackwardWeights(c, plan, reference, t);
    }

    /** Backward data on new random dy, w; each element of dx sums {@code terms} products. */
    private static void weightedBackwardData(String what, Object c, WeightedPlan plan, WeightedPlan reference,
                                             CaseTensors t, int terms, Layout layout) {
        Tensor dy = t.uniform(plan.outputShape());
        Tensor w = t.uniform(plan.weightShape());
        Tensor dx = t.output(plan.inputShape(), layout);
        Tensor expected = t.output(plan.inputShape());
        Tensor magnitude = t.output(plan.inputShape());
        plan.backwardData(t.inLayout(dy, layout), w, dx);
        reference.backwardData(dy, w, expected);
        reference.backwardData(t.abs(dy), t.abs(w), magnitude);
        Closeness.assertClose(what + suffix(layout), c, t.inLayout(dx, Layout.NCHW), expected,
                ErrorBound.reduction(magnitude.toArray(), terms));
    }

    /** Backward weights on new random x, dy; each element of dw and db sums {@code terms} products. */
    private static void weightedBackwardWeights(String what, Object c, WeightedPlan plan, WeightedPlan reference,
                                                CaseTensors t, int terms, Layout layout) {
        boolean bias = plan.hasBias();
        Tensor x = t.uniform(plan.inputShape());
        Tensor dy = t.uniform(plan.outputShape());
        Tensor dw = t.output(plan.weightShape());
        Tensor db = bias ? t.output(plan.biasShape()) : null;
        Tensor expectedW = t.output(plan.weightShape());
        Tensor expectedB = bias ? t.output(plan.biasShape()) : null;
        Tensor magnitudeW = t.output(plan.weightShape());
        Tensor magnitudeB = bias ? t.output(plan.biasShape()) : null;
        plan.backwardWeights(t.inLayout(x, layout), t.inLayout(dy, layout), dw, db);
        reference.backwardWeights(x, dy, expectedW, expectedB);
        reference.backwardWeights(t.abs(x), t.abs(dy), magnitudeW, magnitudeB);
        Closeness.assertClose(what + " dw" + suffix(layout), c, dw, expectedW,
                ErrorBound.reduction(magnitudeW.toArray(), terms));
        if (bias) {
            Closeness.assertClose(what + " db" + suffix(layout), c, db, expectedB,
                    ErrorBound.reduction(magnitudeB.toArray(), terms));
        }
    }

    /** Activation forward. */
    static void activation(ElementwiseCase c, Backend tested, Backend naive, CaseTensors t) {
        Tensor x = c.input(t);
        Tensor y = t.output(c.shape());
        Tensor expected = t.output(c.shape());
        tested.activation(c.activation(), x, y);
        naive.activation(c.activation(), x, expected);
        double[] reference = Closeness.toDoubles(expected.toArray());
        Closeness.assertClose("activation y", c, y, reference, ErrorBound.activation(c.activation(), reference));
    }

    /** Activation backward. */
    static void activationBackward(ElementwiseCase c, Backend tested, Backend naive, CaseTensors t) {
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

    /** Activation backward from the forward output, on {@code y} = naive's forward of the case's input. */
    static void activationBackwardFromOutput(ElementwiseCase c, Backend tested, Backend naive, CaseTensors t) {
        Tensor y = t.output(c.shape());
        naive.activation(c.activation(), c.input(t), y);
        Tensor dy = t.uniform(c.shape());
        Tensor dx = t.output(c.shape());
        Tensor expected = t.output(c.shape());
        tested.activationBackwardFromOutput(c.activation(), y, dy, dx);
        naive.activationBackwardFromOutput(c.activation(), y, dy, expected);
        double[] reference = Closeness.toDoubles(expected.toArray());
        Closeness.assertClose("activationBackwardFromOutput dx", c, dx, reference,
                fromOutputBound(c.activation(), y.toArray(), dy.toArray(), reference));
    }

    /**
     * {@code dy·y(1 - y)} and {@code dy·(1 - y²)} take three roundings and the square's: at most
     * {@code 4u·|dx| + 3u·|dy|·(1 + y²)}; ReLU's is exact.
     */
    static double[] fromOutputBound(Activation a, float[] y, float[] dy, double[] reference) {
        double[] bound = new double[reference.length];
        for (int i = 0; i < bound.length; i++) {
            bound[i] = ErrorBound.UNIT_ROUNDOFF * Math.abs(reference[i]) + ErrorBound.UNDERFLOW;
            if (a != Activation.RELU) {
                bound[i] += ErrorBound.UNIT_ROUNDOFF * (3 * Math.abs(reference[i])
                        + 3 * Math.abs(dy[i]) * (1 + (double) y[i] * y[i]));
            }
        }
        return bound;
    }

    /**
     * The case's tensors in the layout element-wise ops are tested in place with: NHWC for rank 4
     * (element-wise ops take any layout, all arguments alike, and work in memory order), else row-major.
     */
    private static Tensor elementwise(CaseTensors t, Tensor values) {
        Layout layout = values.shape().rank() == 4 ? Layout.NHWC : Layout.NCHW;
        return t.of(values.shape(), layout, values.toArray());
    }

    /**
     * The in-place forms, each on a copy that is both input and output, against naive's out-of-place
     * result on the same values: {@code activation(a, x, x)}, {@code activationBackward(a, x, dy, dy)},
     * {@code activationBackwardFromOutput(a, y, dy, dy)}.
     */
    static void activationsInPlace(ElementwiseCase c, Backend tested, Backend naive, CaseTensors t) {
        Activation a = c.activation();
        Tensor x = c.input(t);
        Tensor expected = t.output(c.shape());
        naive.activation(a, x, expected);
        Tensor inPlace = elementwise(t, x);
        tested.activation(a, inPlace, inPlace);
        double[] reference = Closeness.toDoubles(expected.toArray());
        Closeness.assertClose("activation(a, x, x) in place", c, inPlace, reference, ErrorBound.activation(a, reference));

        Tensor dy = t.uniform(c.shape());
        Tensor expectedDx = t.output(c.shape());
        naive.activationBackward(a, x, dy, expectedDx);
        Tensor dx = elementwise(t, dy);
        tested.activationBackward(a, elementwise(t, x), dx, dx);
        double[] referenceDx = Closeness.toDoubles(expectedDx.toArray());
        Closeness.assertClose("activationBackward(a, x, dy, dy) in place", c, dx, referenceDx,
                ErrorBound.activationBackward(a, dy.toArray(), referenceDx));

        Tensor y = expected;
        Tensor expectedFromOutput = t.output(c.shape());
        naive.activationBackwardFromOutput(a, y, dy, expectedFromOutput);
        Tensor fromOutput = elementwise(t, dy);
        tested.activationBackwardFromOutput(a, elementwise(t, y), fromOutput, fromOutput);
        double[] referenceFromOutput = Closeness.toDoubles(expectedFromOutput.toArray());
        Closeness.assertClose("activationBackwardFromOutput(a, y, dy, dy) in place", c, fromOutput,
                referenceFromOutput, fromOutputBound(a, y.toArray(), dy.toArray(), referenceFromOutput));
    }

    /**
     * {@code add(a, b, a)}, {@code add(a, b, b)} and {@code dropout(p, seed, x, x, mask)} in place,
     * bit-identical to naive's out-of-place results (one float sum or product per element, and the
     * contract's counter-based mask).
     */
    static void addAndDropoutInPlace(ElementwiseCase c, Backend tested, Backend naive, CaseTensors t) {
        Tensor a = t.uniform(c.shape());
        Tensor b = t.uniform(c.shape());
        Tensor sum = t.output(c.shape());
        naive.add(a, b, sum);
        Tensor left = elementwise(t, a);
        tested.add(left, elementwise(t, b), left);
        assertSame("add(a, b, a) in place", c, left, sum);
        Tensor right = elementwise(t, b);
        tested.add(elementwise(t, a), right, right);
        assertSame("add(a, b, b) in place", c, right, sum);

        double p = 0.3;
        long seed = c.seed();
        Tensor expectedY = t.output(c.shape());
        Tensor expectedMask = t.output(c.shape());
        naive.dropout(p, seed, a, expectedY, expectedMask);
        Tensor x = elementwise(t, a);
        Tensor mask = t.output(c.shape(), x.layout());
        tested.dropout(p, seed, x, x, mask);
        assertSame("dropout(p, seed, x, x, mask) in place: y", c, x, expectedY);
        assertSame("dropout(p, seed, x, x, mask) in place: mask", c, mask, expectedMask);
    }

    /** The same floats in memory order, bit for bit. */
    private static void assertSame(String what, Object c, Tensor actual, Tensor expected) {
        float[] got = actual.toArray();
        float[] want = expected.toArray();
        for (int i = 0; i < want.length; i++) {
            if (Float.floatToRawIntBits(got[i]) != Float.floatToRawIntBits(want[i])) {
                fail(what + ": element " + i + " is " + got[i] + ", naive gives "
                        + want[i] + " (bit-identical expected); case " + c + "; " + TestSeed.rerunHint());
            }
        }
    }

    /**
     * {@code reorder} NCHW to NHWC, NHWC back to NCHW, and NHWC to NHWC (a copy), each exactly the
     * rearrangement {@link Layout#index} defines.
     */
    static void reorderRoundTrip(Shape shape, Backend tested, CaseTensors t) {
        Tensor x = t.uniform(shape);
        float[] nhwcValues = CaseTensors.permuted(x.toArray(), shape, Layout.NCHW, Layout.NHWC);
        Tensor nhwc = t.output(shape, Layout.NHWC);
        tested.reorder(x, nhwc);
        assertSame("reorder NCHW -> NHWC", shape, nhwc, t.of(shape, Layout.NHWC, nhwcValues));
        Tensor back = t.output(shape);
        tested.reorder(nhwc, back);
        assertSame("reorder NHWC -> NCHW", shape, back, x);
        Tensor copy = t.output(shape, Layout.NHWC);
        tested.reorder(nhwc, copy);
        assertSame("reorder NHWC -> NHWC (a copy)", shape, copy, nhwc);
        Tensor flat = t.uniform(Shape.of(Math.toIntExact(shape.elementCount())));
        Tensor flatCopy = t.output(flat.shape());
        tested.reorder(flat, flatCopy);
        assertSame("reorder of a rank-1 tensor (a copy)", shape, flatCopy, flat);
    }

    /**
     * Batch-norm training forward: {@code y}, the mean and the biased variance against naive's, within
     * {@link BatchNormBound} (the statistics' own float error included).
     */
    static void batchNormTraining(BatchNormCase c, BatchNorm2dPlan plan, BatchNorm2dPlan reference, CaseTensors t) {
        Layout layout = plan.layout();
        Shape shape = c.input();
        Tensor x = c.x(t);
        Tensor gamma = t.uniform(c.channels(), 0.5f, 2f);
        Tensor beta = t.uniform(c.channels());
        Tensor y = t.output(shape, layout);
        Tensor mean = t.output(c.channels());
        Tensor variance = t.output(c.channels());
        plan.forwardTraining(t.inLayout(x, layout), gamma, beta, y, mean, variance);
        Tensor expectedY = t.output(shape);
        Tensor expectedMean = t.output(c.channels());
        Tensor expectedVariance = t.output(c.channels());
        reference.forwardTraining(x, gamma, beta, expectedY, expectedMean, expectedVariance);

        BatchNormBound bound = new BatchNormBound(shape);
        float[] xs = x.toArray();
        double[] exactMean = bound.exactMean(xs);
        double[] exactVariance = bound.exactVariance(xs, exactMean);
        String suffix = suffix(layout);
        Closeness.assertClose("batchNorm2d forwardTraining mean" + suffix, c, mean, expectedMean,
                bound.mean(xs, exactMean));
        Closeness.assertClose("batchNorm2d forwardTraining variance" + suffix, c, variance, expectedVariance,
                bound.variance(xs, exactVariance, c.epsilon()));
        double[] reference64 = Closeness.toDoubles(expectedY.toArray());
        Closeness.assertClose("batchNorm2d forwardTraining y" + suffix, c, t.inLayout(y, Layout.NCHW), reference64,
                bound.forward(xs, gamma.toArray(), beta.toArray(), exactMean, exactVariance, c.epsilon(),
                        bound.meanError(xs), bound.varianceRelativeError(xs, exactVariance, c.epsilon()), reference64));
    }

    /** Batch-norm inference forward with given float statistics near the batch's. */
    static void batchNormInference(BatchNormCase c, BatchNorm2dPlan plan, BatchNorm2dPlan reference, CaseTensors t) {
        Layout layout = plan.layout();
        Shape shape = c.input();
        Tensor x = c.x(t);
        Tensor gamma = t.uniform(c.channels(), 0.5f, 2f);
        Tensor beta = t.uniform(c.channels());
        Tensor mean = t.uniform(c.channels(), c.mean() - c.spread() / 4, c.mean() + c.spread() / 4);
        Tensor variance = t.uniform(c.channels(), 0.25f * c.spread() * c.spread(), c.spread() * c.spread());
        Tensor y = t.output(shape, layout);
        Tensor expected = t.output(shape);
        plan.forwardInference(t.inLayout(x, layout), gamma, beta, mean, variance, y);
        reference.forwardInference(x, gamma, beta, mean, variance, expected);
        BatchNormBound bound = new BatchNormBound(shape);
        double[] reference64 = Closeness.toDoubles(expected.toArray());
        Closeness.assertClose("batchNorm2d forwardInference y" + suffix(layout), c, t.inLayout(y, Layout.NCHW),
                reference64, bound.forward(x.toArray(), gamma.toArray(), beta.toArray(),
                        Closeness.toDoubles(mean.toArray()), Closeness.toDoubles(variance.toArray()), c.epsilon(),
                        bound.none(), bound.none(), reference64));
    }

    /** Batch-norm backward, both given the statistics of naive's training forward. */
    static void batchNormBackward(BatchNormCase c, BatchNorm2dPlan plan, BatchNorm2dPlan reference, CaseTensors t) {
        Layout layout = plan.layout();
        Shape shape = c.input();
        Tensor x = c.x(t);
        Tensor gamma = t.uniform(c.channels(), 0.5f, 2f);
        Tensor beta = t.uniform(c.channels());
        Tensor dy = t.uniform(shape);
        Tensor mean = t.output(c.channels());
        Tensor variance = t.output(c.channels());
        reference.forwardTraining(x, gamma, beta, t.output(shape), mean, variance);
        Tensor dx = t.output(shape, layout);
        Tensor dGamma = t.output(c.channels());
        Tensor dBeta = t.output(c.channels());
        plan.backward(t.inLayout(x, layout), t.inLayout(dy, layout), gamma, mean, variance, dx, dGamma, dBeta);
        Tensor expectedDx = t.output(shape);
        Tensor expectedGamma = t.output(c.channels());
        Tensor expectedBeta = t.output(c.channels());
        reference.backward(x, dy, gamma, mean, variance, expectedDx, expectedGamma, expectedBeta);
        BatchNormBound bound = new BatchNormBound(shape);
        double[] reference64 = Closeness.toDoubles(expectedDx.toArray());
        double[][] bounds = bound.backward(x.toArray(), dy.toArray(), gamma.toArray(),
                Closeness.toDoubles(mean.toArray()), Closeness.toDoubles(variance.toArray()), c.epsilon(),
                bound.none(), bound.none(), reference64);
        String suffix = suffix(layout);
        Closeness.assertClose("batchNorm2d backward dx" + suffix, c, t.inLayout(dx, Layout.NCHW), reference64,
                bounds[0]);
        Closeness.assertClose("batchNorm2d backward dGamma" + suffix, c, dGamma, expectedGamma, bounds[1]);
        Closeness.assertClose("batchNorm2d backward dBeta" + suffix, c, dBeta, expectedBeta, bounds[2]);
    }

    /** LRN forward and backward against naive's, within {@link LrnBound}. */
    static void lrn(LrnCase c, LrnPlan plan, LrnPlan reference, CaseTensors t) {
        Layout layout = plan.layout();
        Shape shape = c.input();
        Tensor x = t.uniform(shape, -2f, 2f);
        Tensor dy = t.uniform(shape);
        Tensor y = t.output(shape, layout);
        Tensor dx = t.output(shape, layout);
        Tensor expectedY = t.output(shape);
        Tensor expectedDx = t.output(shape);
        plan.forward(t.inLayout(x, layout), y);
        plan.backward(t.inLayout(x, layout), t.inLayout(dy, layout), dx);
        reference.forward(x, expectedY);
        reference.backward(x, dy, expectedDx);
        LrnBound bound = new LrnBound(shape, c.op().size(), c.op().alpha(), c.op().beta(), c.op().k());
        double[] y64 = Closeness.toDoubles(expectedY.toArray());
        double[] dx64 = Closeness.toDoubles(expectedDx.toArray());
        Closeness.assertClose("lrn forward y" + suffix(layout), c, t.inLayout(y, Layout.NCHW), y64,
                bound.forward(x.toArray(), y64));
        Closeness.assertClose("lrn backward dx" + suffix(layout), c, t.inLayout(dx, Layout.NCHW), dx64,
                bound.backward(x.toArray(), dy.toArray(), dx64));
    }

    /** Softmax or log-softmax forward. */
    static void softmaxForward(SoftmaxCase c, Backend tested, Backend naive, CaseTensors t) {
        Tensor logits = c.logits(t);
        Tensor output = t.output(c.shape());
        Tensor expected = t.output(c.shape());
        c.op().forward(tested, logits, output);
        c.op().forward(naive, logits, expected);
        double[] reference = Closeness.toDoubles(expected.toArray());
        Closeness.assertClose(c.op() + " forward", c, output, reference, c.op().forwardBound(reference, c.classes()));
    }

    /** Softmax or log-softmax backward, from naive's forward output. */
    static void softmaxBackward(SoftmaxCase c, Backend tested, Backend naive, CaseTensors t) {
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

    /** Softmax cross-entropy, loss and gradient. */
    static void crossEntropy(SoftmaxCase c, Backend tested, Backend naive, CaseTensors t) {
        Shape shape = c.shape();
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

    /** Softmax cross-entropy without a gradient tensor. */
    static void crossEntropyLossOnly(SoftmaxCase c, Backend tested, Backend naive, CaseTensors t) {
        Shape shape = c.shape();
        Tensor logits = c.logits(t);
        int[] labels = t.labels(shape.dim(0), c.classes());
        float loss = tested.softmaxCrossEntropy(logits, labels, null);
        float expectedLoss = naive.softmaxCrossEntropy(logits, labels, null);
        Closeness.assertClose("softmaxCrossEntropy loss without dLogits", c, loss, expectedLoss,
                ErrorBound.crossEntropyLoss(expectedLoss, shape.dim(0), c.classes()));
    }
}
