package dev.jdnn.testkit;

import dev.jdnn.Conv2d;
import dev.jdnn.Padding;
import dev.jdnn.Shape;

/**
 * One convolution configuration of the contract suite: the op, the input shape, and the seed
 * of its tensors. Its {@code toString} is the test's display name.
 *
 * @param label why the case exists (for hand-picked cases) or {@code random}
 * @param op the convolution
 * @param input {@code [n, c, h, w]}
 * @param seed seed of the case's random tensors
 */
record ConvCase(String label, Conv2d op, Shape input, long seed) {

    /** Reduction length of the forward pass: {@code (C / groups) · R · S} products and the bias. */
    int forwardTerms() {
        return op.inChannels() / op.groups() * op.kernelH() * op.kernelW() + 1;
    }

    /** An upper bound on the terms of one {@code dx}: {@code (K / groups) · R · S}. */
    int backwardDataTerms() {
        return op.outChannels() / op.groups() * op.kernelH() * op.kernelW();
    }

    /** Reduction length of {@code dw} and {@code db}: {@code n · oh · ow}. */
    int backwardWeightsTerms() {
        Shape out = op.outputShape(input);
        return out.dim(0) * out.dim(2) * out.dim(3);
    }

    /** Multiply-adds of one forward pass. */
    long multiplyAdds() {
        return op.outputShape(input).elementCount() * (forwardTerms() - 1);
    }

    @Override
    public String toString() {
        Padding p = op.padding();
        return label + ": x" + input + " " + op.inChannels() + "->" + op.outChannels() + " kernel " + op.kernelH() + "x"
                + op.kernelW() + " stride " + op.strideH() + "x" + op.strideW() + " pad t" + p.top() + " l" + p.left()
                + " b" + p.bottom() + " r" + p.right() + " dilation " + op.dilationH() + "x" + op.dilationW()
                + " groups " + op.groups() + (op.bias() ? " bias" : " no bias") + " -> y" + op.outputShape(input);
    }
}
