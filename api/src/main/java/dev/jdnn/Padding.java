package dev.jdnn;

/**
 * Zero padding around the two spatial dimensions, in cells. Asymmetric padding is allowed.
 *
 * @param top rows added before the first row, {@code >= 0}
 * @param left columns added before the first column, {@code >= 0}
 * @param bottom rows added after the last row, {@code >= 0}
 * @param right columns added after the last column, {@code >= 0}
 */
public record Padding(int top, int left, int bottom, int right) {
    /** No padding: TensorFlow's 'VALID'. */
    public static final Padding NONE = new Padding(0, 0, 0, 0);

    /** Validates that every side is non-negative. */
    public Padding {
        check("top", top);
        check("left", left);
        check("bottom", bottom);
        check("right", right);
    }

    private static void check(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("Padding: " + name + ": expected >= 0, got " + value);
        }
    }

    /** The same padding {@code p} on all four sides. */
    public static Padding of(int p) {
        return new Padding(p, p, p, p);
    }

    /** {@code h} rows above and below, {@code w} columns left and right. */
    public static Padding of(int h, int w) {
        return new Padding(h, w, h, w);
    }

    /**
     * TensorFlow's 'SAME' padding: the output has {@code ceil(in / stride)} cells per dimension;
     * when the total padding is odd the extra cell goes after (bottom / right).
     */
    public static Padding same(int inH, int inW, int kernelH, int kernelW, int strideH, int strideW,
                               int dilationH, int dilationW) {
        int[] h = sameTotal("H", inH, kernelH, strideH, dilationH);
        int[] w = sameTotal("W", inW, kernelW, strideW, dilationW);
        return new Padding(h[0], w[0], h[1], w[1]);
    }

    /** {@link #same(int, int, int, int, int, int, int, int)} with dilation 1. */
    public static Padding same(int inH, int inW, int kernelH, int kernelW, int strideH, int strideW) {
        return same(inH, inW, kernelH, kernelW, strideH, strideW, 1, 1);
    }

    private static int[] sameTotal(String axis, int in, int kernel, int stride, int dilation) {
        positive("in" + axis, in);
        positive("kernel" + axis, kernel);
        positive("stride" + axis, stride);
        positive("dilation" + axis, dilation);
        int out = (in + stride - 1) / stride;
        int effective = (kernel - 1) * dilation + 1;
        int total = Math.max(0, (out - 1) * stride + effective - in);
        return new int[] {total / 2, total - total / 2};
    }

    private static void positive(String name, int value) {
        Arguments.positive("Padding.same", name, value);
    }

    /** {@code top + bottom}. */
    public int height() {
        return top + bottom;
    }

    /** {@code left + right}. */
    public int width() {
        return left + right;
    }

    /** Whether all four sides are zero. */
    public boolean isNone() {
        return top == 0 && left == 0 && bottom == 0 && right == 0;
    }
}
