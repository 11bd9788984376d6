package dev.jdnn;


/**
 * A 2-D convolution (cross-correlation, as in every deep-learning library) over input of logical
 * shape {@code [n, c, h, w]} in either {@link Layout}.
 * Weights are {@code [outChannels, inChannels / groups, kernelH, kernelW]}, the bias
 * {@code [outChannels]}. Output size per spatial axis:
 * {@code floor((in + padBefore + padAfter - dilation * (kernel - 1) - 1) / stride) + 1}.
 *
 * @param inChannels input channels C, {@code >= 1}, divisible by {@code groups}
 * @param outChannels output channels K, {@code >= 1}, divisible by {@code groups}
 * @param kernelH kernel height R, {@code >= 1}
 * @param kernelW kernel width S, {@code >= 1}
 * @param strideH vertical stride, {@code >= 1}
 * @param strideW horizontal stride, {@code >= 1}
 * @param padding zero padding, possibly asymmetric
 * @param dilationH vertical dilation, {@code >= 1} (1 = dense kernel, PyTorch's convention)
 * @param dilationW horizontal dilation, {@code >= 1}
 * @param groups channel groups, {@code >= 1}; {@code groups == inChannels == outChannels} is depthwise
 * @param bias whether the op adds a bias per output channel
 * @param activation applied to {@code conv(x, w) + b} in the same pass, or {@code null} for none; a
 *     plan of such an op takes {@code dy} with respect to the pre-activation output in its backward
 *     passes (see {@link Backend#activationBackwardFromOutput})
 */
public record Conv2d(int inChannels, int outChannels, int kernelH, int kernelW, int strideH, int strideW,
                     Padding padding, int dilationH, int dilationW, int groups, boolean bias,
                     Activation activation) {

    /** Validates every field; see the record components. */
    public Conv2d {
        positive("inChannels", inChannels);
        positive("outChannels", outChannels);
        positive("kernelH", kernelH);
        positive("kernelW", kernelW);
        positive("strideH", strideH);
        positive("strideW", strideW);
        positive("dilationH", dilationH);
        positive("dilationW", dilationW);
        positive("groups", groups);
        Arguments.requireNonNull(padding, "Conv2d: padding: expected a Padding (Padding.NONE for none), got null");
        if (inChannels % groups != 0) {
            throw new IllegalArgumentException("Conv2d: inChannels: expected a multiple of groups=" + groups
                    + ", got " + inChannels);
        }
        if (outChannels % groups != 0) {
            throw new IllegalArgumentException("Conv2d: outChannels: expected a multiple of groups=" + groups
                    + ", got " + outChannels);
        }
    }

    /** The op without a fused activation; the constructor every op had before activations were fused. */
    public Conv2d(int inChannels, int outChannels, int kernelH, int kernelW, int strideH, int strideW,
                  Padding padding, int dilationH, int dilationW, int groups, boolean bias) {
        this(inChannels, outChannels, kernelH, kernelW, strideH, strideW, padding, dilationH, dilationW, groups, bias,
                null);
    }

    private static void positive(String name, int value) {
        Arguments.positive("Conv2d", name, value);
    }

    /** A square {@code kernel x kernel} convolution: stride 1, no padding, no dilation, one group, with bias. */
    public static Conv2d of(int inChannels, int outChannels, int kernel) {
        return new Conv2d(inChannels, outChannels, kernel, kernel, 1, 1, Padding.NONE, 1, 1, 1, true);
    }

    /** The same op with stride {@code s} on both axes. */
    public Conv2d stride(int s) {
        return stride(s, s);
    }

    /** The same op with the given strides. */
    public Conv2d stride(int sh, int sw) {
        return new Conv2d(inChannels, outChannels, kernelH, kernelW, sh, sw, padding, dilationH, dilationW, groups, bias, activation);
    }

    /** The same op with padding {@code p}. */
    public Conv2d padding(Padding p) {
        return new Conv2d(inChannels, outChannels, kernelH, kernelW, strideH, strideW, p, dilationH, dilationW, groups, bias, activation);
    }

    /** The same op with padding {@code p} on all four sides. */
    public Conv2d padding(int p) {
        return padding(Padding.of(p));
    }

    /** The same op with dilation {@code d} on both axes. */
    public Conv2d dilation(int d) {
        return dilation(d, d);
    }

    /** The same op with the given dilations. */
    public Conv2d dilation(int dh, int dw) {
        return new Conv2d(inChannels, outChannels, kernelH, kernelW, strideH, strideW, padding, dh, dw, groups, bias, activation);
    }

    /** The same op with {@code g} channel groups. */
    public Conv2d groups(int g) {
        return new Conv2d(inChannels, outChannels, kernelH, kernelW, strideH, strideW, padding, dilationH, dilationW, g, bias, activation);
    }

    /** The same op with or without bias. */
    public Conv2d bias(boolean b) {
        return new Conv2d(inChannels, outChannels, kernelH, kernelW, strideH, strideW, padding, dilationH, dilationW, groups, b, activation);
    }

    /**
     * The same op with activation {@code a} fused into its forward pass ({@code null}: none):
     * {@code y = a(conv(x, w) + b)}.
     */
    public Conv2d activation(Activation a) {
        return new Conv2d(inChannels, outChannels, kernelH, kernelW, strideH, strideW, padding, dilationH, dilationW,
                groups, bias, a);
    }

    /** Whether this is a depthwise convolution: one group per channel and as many outputs as inputs. */
    public boolean isDepthwise() {
        return groups > 1 && groups == inChannels && groups == outChannels;
    }

    /**
     * The output shape {@code [n, outChannels, oh, ow]} for input {@code [n, inChannels, h, w]}.
     *
     * @throws IllegalArgumentException when the input is not rank 4, has the wrong channel count,
     *     or is too small for the (dilated) kernel
     */
    public Shape outputShape(Shape input) {
        Arguments.requireNonNull(input, "Conv2d: input: expected a shape, got null");
        if (input.rank() != 4) {
            throw new IllegalArgumentException("Conv2d: input: expected rank 4 [n, " + inChannels + ", h, w], got "
                    + input + " (rank " + input.rank() + ")");
        }
        if (input.dim(1) != inChannels) {
            throw new IllegalArgumentException("Conv2d: input: expected " + inChannels + " channels, got " + input.dim(1)
                    + " in " + input);
        }
        int oh = outputSize("height", input.dim(2), kernelH, strideH, padding.top(), padding.bottom(), dilationH, input);
        int ow = outputSize("width", input.dim(3), kernelW, strideW, padding.left(), padding.right(), dilationW, input);
        return Shape.of(input.dim(0), outChannels, oh, ow);
    }

    private static int outputSize(String axis, int in, int kernel, int stride, int before, int after, int dilation,
                                  Shape input) {
        long span = (long) dilation * (kernel - 1) + 1;
        long padded = (long) in + before + after;
        if (padded > Integer.MAX_VALUE || span > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("Conv2d: input: expected a padded " + axis + " and dilated kernel extent <= "
                    + Integer.MAX_VALUE + ", got " + padded + " and " + span + " (input " + input + ")");
        }
        if (padded < span) {
            throw new IllegalArgumentException("Conv2d: input: expected a padded " + axis + " >= dilated kernel extent "
                    + span + ", got " + padded + " (input " + input + ")");
        }
        return (int) ((padded - span) / stride + 1);
    }

    /** The weight shape {@code [outChannels, inChannels / groups, kernelH, kernelW]}. */
    public Shape weightShape() {
        return Shape.of(outChannels, inChannels / groups, kernelH, kernelW);
    }

    /** The bias shape {@code [outChannels]} (used only when {@link #bias()} is true). */
    public Shape biasShape() {
        return Shape.of(outChannels);
    }
}
