package dev.jdnn.testkit;

import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Shape;

/**
 * One pooling configuration of the contract suite. Its {@code toString} is the test's display
 * name.
 *
 * @param label why the case exists (for hand-picked cases) or {@code random}
 * @param op the pooling
 * @param input {@code [n, c, h, w]}
 * @param ties whether the input holds many equal values (small integers), so that max pooling
 *     must route each gradient to the first maximum of its window
 * @param seed seed of the case's random tensors
 */
record PoolCase(String label, Pool2d op, Shape input, boolean ties, long seed) {

    /** Reduction length of the forward pass: the window and, for averages, the division. */
    int forwardTerms() {
        return op.kind() == Pool2d.Kind.MAX ? 0 : op.kernelH() * op.kernelW() + 1;
    }

    /** An upper bound on the windows that cover one input cell, plus the division for averages. */
    int backwardTerms() {
        int windows = ceilDiv(op.kernelH(), op.strideH()) * ceilDiv(op.kernelW(), op.strideW());
        return op.kind() == Pool2d.Kind.MAX ? windows : windows + 1;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    @Override
    public String toString() {
        Padding p = op.padding();
        return label + ": " + op.kind() + " x" + input + " kernel " + op.kernelH() + "x" + op.kernelW() + " stride "
                + op.strideH() + "x" + op.strideW() + " pad t" + p.top() + " l" + p.left() + " b" + p.bottom() + " r"
                + p.right() + (op.kind() == Pool2d.Kind.AVG ? (op.countIncludePad() ? " countIncludePad" : " excludePad")
                : "") + (op.ceilMode() ? " ceil" : " floor") + (ties ? " with ties" : "") + " -> y"
                + op.outputShape(input);
    }
}
