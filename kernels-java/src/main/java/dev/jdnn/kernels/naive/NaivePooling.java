package dev.jdnn.kernels.naive;

import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

/**
 * What max and average pooling share: the window geometry over one NCHW input shape and the
 * backward pass's gradient plane.
 *
 * <p>Window {@code (oh, ow)} covers padded-input rows starting at {@code oh * strideH - top}
 * (negative inside the top padding) for {@code kernelH} rows, clipped to the real rows
 * {@code [0, height)}; columns likewise. With {@code ceilMode} the last window may also run past
 * the bottom/right padding; those cells are neither real nor padding.
 *
 * <p>Windows overlap when the stride is smaller than the kernel, so backward scatters each
 * window's gradient into a {@code double} plane of one image channel, allocated once here, and
 * writes the plane out when all windows are done.
 */
abstract sealed class NaivePooling implements Pool2dPlan permits NaiveMaxPooling, NaiveAveragePooling {
    final Pool2d op;
    final int height;
    final int width;
    final int outHeight;
    final int outWidth;
    private final Shape inputShape;
    private final Shape outputShape;
    private final int planes;
    private final double[] gradientPlane;

    NaivePooling(Pool2d op, Shape input) {
        this.op = op;
        this.inputShape = input;
        this.outputShape = op.outputShape(input);
        this.planes = input.dim(0) * input.dim(1);
        this.height = input.dim(2);
        this.width = input.dim(3);
        this.outHeight = outputShape.dim(2);
        this.outWidth = outputShape.dim(3);
        this.gradientPlane = new double[Math.multiplyExact(height, width)];
    }

    @Override
    public final Pool2d op() {
        return op;
    }

    @Override
    public final Shape inputShape() {
        return inputShape;
    }

    @Override
    public final Shape outputShape() {
        return outputShape;
    }

    @Override
    public final void forward(Tensor x, Tensor y) {
        MemorySegment xs = x.segment();
        MemorySegment ys = y.segment();
        for (int plane = 0; plane < planes; plane++) {
            long in = (long) plane * height * width;
            long out = (long) plane * outHeight * outWidth;
            for (int oh = 0; oh < outHeight; oh++) {
                for (int ow = 0; ow < outWidth; ow++) {
                    ys.setAtIndex(JAVA_FLOAT, out + (long) oh * outWidth + ow, (float) reduce(xs, in, oh, ow));
                }
            }
        }
    }

    @Override
    public final void backward(Tensor x, Tensor dy, Tensor dx) {
        MemorySegment xs = x.segment();
        MemorySegment g = dy.segment();
        MemorySegment dxs = dx.segment();
        for (int plane = 0; plane < planes; plane++) {
            long in = (long) plane * height * width;
            long out = (long) plane * outHeight * outWidth;
            Arrays.fill(gradientPlane, 0.0);
            for (int oh = 0; oh < outHeight; oh++) {
                for (int ow = 0; ow < outWidth; ow++) {
                    distribute(xs, in, oh, ow, g.getAtIndex(JAVA_FLOAT, out + (long) oh * outWidth + ow), gradientPlane);
                }
            }
            for (int i = 0; i < gradientPlane.length; i++) {
                dxs.setAtIndex(JAVA_FLOAT, in + i, (float) gradientPlane[i]);
            }
        }
    }

    /**
     * The pooled value of window {@code (oh, ow)} of the plane that starts at element
     * {@code plane} of {@code x}.
     */
    abstract double reduce(MemorySegment x, long plane, int oh, int ow);

    /**
     * Adds window {@code (oh, ow)}'s share of {@code gradient} to {@code dx}, a plane of
     * {@code height * width} cells; {@code x} and {@code plane} as for {@link #reduce}.
     */
    abstract void distribute(MemorySegment x, long plane, int oh, int ow, double gradient, double[] dx);

    /** First padded-input row of window row {@code oh}, in input coordinates; negative in the top padding. */
    final int windowTop(int oh) {
        return (int) ((long) oh * op.strideH() - op.padding().top());
    }

    final int windowLeft(int ow) {
        return (int) ((long) ow * op.strideW() - op.padding().left());
    }

    /** First real row of window row {@code oh}. */
    final int firstRow(int oh) {
        return Math.max(windowTop(oh), 0);
    }

    /** One past the last real row of window row {@code oh}. */
    final int endRow(int oh) {
        return (int) Math.min((long) windowTop(oh) + op.kernelH(), height);
    }

    final int firstColumn(int ow) {
        return Math.max(windowLeft(ow), 0);
    }

    final int endColumn(int ow) {
        return (int) Math.min((long) windowLeft(ow) + op.kernelW(), width);
    }

    @Override
    public final void close() {
        // The gradient plane is ordinary heap memory; nothing native to release.
    }
}
