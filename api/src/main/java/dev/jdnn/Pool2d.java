package dev.jdnn;


/**
 * 2-D max or average pooling over NCHW input, with PyTorch's semantics. Max pooling ignores
 * padded cells; a window holding a NaN pools to NaN (see {@link Pool2dPlan} for NaN and
 * infinities). Average pooling divides by {@code kernelH * kernelW} when
 * {@code countIncludePad}, else by the number of real (unpadded) cells in the window. Output size
 * per axis is {@code floor((in + padBefore + padAfter - kernel) / stride) + 1}, or with
 * {@code ceilMode} the same rounded up, except that a window may not start inside the
 * bottom/right padding.
 *
 * @param kind {@link Kind#MAX} or {@link Kind#AVG}
 * @param kernelH window height, {@code >= 1}
 * @param kernelW window width, {@code >= 1}
 * @param strideH vertical stride, {@code >= 1}
 * @param strideW horizontal stride, {@code >= 1}
 * @param padding implicit padding; each side smaller than the window on its axis, so every window
 *     holds at least one real cell. This is wider than PyTorch's rule (at most half the window):
 *     any explicit asymmetric padding, such as TensorFlow's or oneDNN's, is accepted
 * @param countIncludePad for AVG: whether padded cells count in the divisor
 * @param ceilMode whether the output size is rounded up
 */
public record Pool2d(Kind kind, int kernelH, int kernelW, int strideH, int strideW, Padding padding,
                     boolean countIncludePad, boolean ceilMode) {

    /** What a window reduces to. */
    public enum Kind {
        /** The window's maximum. */
        MAX,
        /** The window's mean. */
        AVG
    }

    /** Validates every field; see the record components. */
    public Pool2d {
        Arguments.requireNonNull(kind, "Pool2d: kind: expected MAX or AVG, got null");
        Arguments.requireNonNull(padding, "Pool2d: padding: expected a Padding (Padding.NONE for none), got null");
        positive("kernelH", kernelH);
        positive("kernelW", kernelW);
        positive("strideH", strideH);
        positive("strideW", strideW);
        belowKernel("padding.top", padding.top(), "kernelH", kernelH);
        belowKernel("padding.bottom", padding.bottom(), "kernelH", kernelH);
        belowKernel("padding.left", padding.left(), "kernelW", kernelW);
        belowKernel("padding.right", padding.right(), "kernelW", kernelW);
    }

    private static void positive(String name, int value) {
        Arguments.positive("Pool2d", name, value);
    }

    /** A window that lay wholly in the padding would have no real cell to reduce. */
    private static void belowKernel(String name, int pad, String kernelName, int kernel) {
        if (pad >= kernel) {
            throw new IllegalArgumentException("Pool2d: " + name + ": expected < " + kernelName + " (" + kernel
                    + "), got " + pad);
        }
    }

    /** Max pooling, {@code k x k} window, stride {@code s}, no padding. */
    public static Pool2d max(int k, int s) {
        return new Pool2d(Kind.MAX, k, k, s, s, Padding.NONE, true, false);
    }

    /** Average pooling, {@code k x k} window, stride {@code s}, no padding, padded cells counted. */
    public static Pool2d avg(int k, int s) {
        return new Pool2d(Kind.AVG, k, k, s, s, Padding.NONE, true, false);
    }

    /** The same op with window {@code kh x kw}. */
    public Pool2d kernel(int kh, int kw) {
        return new Pool2d(kind, kh, kw, strideH, strideW, padding, countIncludePad, ceilMode);
    }

    /** The same op with a {@code k x k} window. */
    public Pool2d kernel(int k) {
        return kernel(k, k);
    }

    /** The same op with stride {@code s} on both axes. */
    public Pool2d stride(int s) {
        return stride(s, s);
    }

    /** The same op with the given strides. */
    public Pool2d stride(int sh, int sw) {
        return new Pool2d(kind, kernelH, kernelW, sh, sw, padding, countIncludePad, ceilMode);
    }

    /** The same op with padding {@code p}. */
    public Pool2d padding(Padding p) {
        return new Pool2d(kind, kernelH, kernelW, strideH, strideW, p, countIncludePad, ceilMode);
    }

    /** The same op with padding {@code p} on all sides. */
    public Pool2d padding(int p) {
        return padding(Padding.of(p));
    }

    /** The same op with the given average-pooling divisor rule. */
    public Pool2d countIncludePad(boolean include) {
        return new Pool2d(kind, kernelH, kernelW, strideH, strideW, padding, include, ceilMode);
    }

    /** The same op with the given output rounding. */
    public Pool2d ceilMode(boolean ceil) {
        return new Pool2d(kind, kernelH, kernelW, strideH, strideW, padding, countIncludePad, ceil);
    }

    /**
     * The output shape {@code [n, c, oh, ow]} for input {@code [n, c, h, w]}.
     *
     * @throws IllegalArgumentException when the input is not rank 4 or smaller than the window
     */
    public Shape outputShape(Shape input) {
        Arguments.requireNonNull(input, "Pool2d: input: expected a shape, got null");
        if (input.rank() != 4) {
            throw new IllegalArgumentException("Pool2d: input: expected rank 4 [n, c, h, w], got " + input
                    + " (rank " + input.rank() + ")");
        }
        int oh = outputSize("height", input.dim(2), kernelH, strideH, padding.top(), padding.bottom(), input);
        int ow = outputSize("width", input.dim(3), kernelW, strideW, padding.left(), padding.right(), input);
        return Shape.of(input.dim(0), input.dim(1), oh, ow);
    }

    private int outputSize(String axis, int in, int kernel, int stride, int before, int after, Shape input) {
        long padded = (long) in + before + after;
        if (padded > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Pool2d: input: expected a padded " + axis + " <= " + Integer.MAX_VALUE
                    + ", got " + padded + " (input " + input + ")");
        }
        if (padded < kernel) {
            throw new IllegalArgumentException("Pool2d: input: expected a padded " + axis + " >= kernel " + kernel
                    + ", got " + padded + " (input " + input + ")");
        }
        long span = padded - kernel;
        long out = (ceilMode ? (span + stride - 1) / stride : span / stride) + 1;
        if (ceilMode && (out - 1) * stride >= (long) in + before) {
            out--;
        }
        return (int) out;
    }
}
