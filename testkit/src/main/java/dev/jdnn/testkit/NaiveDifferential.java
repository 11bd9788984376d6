package dev.jdnn.testkit;

import dev.jdnn.Backend;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.DensePlan;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.WeightedPlan;

/**
 * One pass of one case, run on the backend under test and on {@code naive} with the same random
 * tensors, compared element by element within the {@link ErrorBound} of the op. Shared by the
 * contract suite ({@link BackendContractTest}, hand-picked and seeded cases) and the fuzz harness
 * ({@link FuzzAgainstNaive}, thousands of random ones). Every output starts as NaN, so an element
 * left unwritten fails; the magnitude {@code Σ|terms|} of a linear op is the naive op run on the
 * absolute values of its inputs.
 */
final class NaiveDifferential {
    private NaiveDifferential() {
    }

    /** Runs the forward pass on new random tensors and compares it with the reference. */
    static void convForward(String what, ConvCase c, Conv2dPlan plan, Conv2dPlan reference, CaseTensors t) {
        weightedForward(what, c, plan, reference, t, c.forwardTerms());
    }

    /** Runs the backward-data pass on new random tensors and compares it with the reference. */
    static void convBackwardData(String what, ConvCase c, Conv2dPlan plan, Conv2dPlan reference, CaseTensors t) {
        weightedBackwardData(what, c, plan, reference, t, c.backwardDataTerms());
    }

    /** Runs the backward-weights pass on new random tensors and compares it with the reference. */
    static void convBackwardWeights(String what, ConvCase c, Conv2dPlan plan, Conv2dPlan reference, CaseTensors t) {
        weightedBackwardWeights(what, c, plan, reference, t, c.backwardWeightsTerms());
    }

    /** Pooling forward. */
    static void poolForward(PoolCase c, Pool2dPlan plan, Pool2dPlan reference, CaseTensors t) {
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

    /** Pooling backward. */
    static void poolBackward(PoolCase c, Pool2dPlan plan, Pool2dPlan reference, CaseTensors t) {
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

    /** Dense forward. */
    static void denseForward(String what, DenseCase c, DensePlan plan, DensePlan reference, CaseTensors t) {
        weightedForward(what, c, plan, reference, t, c.op().inFeatures() + 1);
    }

    /** Dense backward data. */
    static void denseBackwardData(DenseCase c, DensePlan plan, DensePlan reference, CaseTensors t) {
        weightedBackwardData("dense backwardData dx", c, plan, reference, t, c.op().outFeatures());
    }

    /** Dense backward weights. */
    static void denseBackwardWeights(DenseCase c, DensePlan plan, DensePlan reference, CaseTensors t) {
        weightedBackwardWeights("dense backwardWeights", c, plan, reference, t, c.batch());
    }

    // Convolution and dense layers share these three: the same passes over a WeightedPlan, with the
    // number of terms each output sums (which sets the error bound) given by the caller.

    /** Forward on new random x, w, b; each output sums {@code terms} products. */
    private static void weightedForward(String what, Object c, WeightedPlan plan, WeightedPlan reference, CaseTensors t,
                                        int terms) {
        Tensor x = t.uniform(plan.inputShape());
        Tensor w = t.uniform(plan.weightShape());
        Tensor b = plan.hasBias() ? t.uniform(plan.biasShape()) : null;
        Tensor y = t.output(plan.outputShape());
        Tensor expected = t.output(plan.outputShape());
        Tensor magnitude = t.output(plan.outputShape());
        plan.forward(x, w, b, y);
        reference.forward(x, w, b, expected);
        reference.forward(t.abs(x), t.abs(w), t.abs(b), magnitude);
        Closeness.assertClose(what, c, y, expected, ErrorBound.reduction(magnitude.toArray(), terms));
    }

    /** Backward data on new random dy, w; each element of dx sums {@code terms} products. */
    private static void weightedBackwardData(String what, Object c, WeightedPlan plan, WeightedPlan reference,
                                             CaseTensors t, int terms) {
        Tensor dy = t.uniform(plan.outputShape());
        Tensor w = t.uniform(plan.weightShape());
        Tensor dx = t.output(plan.inputShape());
        Tensor expected = t.output(plan.inputShape());
        Tensor magnitude = t.output(plan.inputShape());
        plan.backwardData(dy, w, dx);
        reference.backwardData(dy, w, expected);
        reference.backwardData(t.abs(dy), t.abs(w), magnitude);
        Closeness.assertClose(what, c, dx, expected, ErrorBound.reduction(magnitude.toArray(), terms));
    }

    /** Backward weights on new random x, dy; each element of dw and db sums {@code terms} products. */
    private static void weightedBackwardWeights(String what, Object c, WeightedPlan plan, WeightedPlan reference,
                                                CaseTensors t, int terms) {
        boolean bias = plan.hasBias();
        Tensor x = t.uniform(plan.inputShape());
        Tensor dy = t.uniform(plan.outputShape());
        Tensor dw = t.output(plan.weightShape());
        Tensor db = bias ? t.output(plan.biasShape()) : null;
        Tensor expectedW = t.output(plan.weightShape());
        Tensor expectedB = bias ? t.output(plan.biasShape()) : null;
        Tensor magnitudeW = t.output(plan.weightShape());
        Tensor magnitudeB = bias ? t.output(plan.biasShape()) : null;
        plan.backwardWeights(x, dy, dw, db);
        reference.backwardWeights(x, dy, expectedW, expectedB);
        reference.backwardWeights(t.abs(x), t.abs(dy), magnitudeW, magnitudeB);
        Closeness.assertClose(what + " dw", c, dw, expectedW, ErrorBound.reduction(magnitudeW.toArray(), terms));
        if (bias) {
            Closeness.assertClose(what + " db", c, db, expectedB, ErrorBound.reduction(magnitudeB.toArray(), terms));
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
