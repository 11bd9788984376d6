package dev.jdnn.kernels.naive;

import dev.jdnn.Layout;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.Workspace;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

/**
 * What max and average pooling share: the window geometry over one input shape, in either layout
 * (every loop runs over logical indices and asks {@link ElementIndex} for the address), and the
 * backward pass's gradient plane.
 *
 * <p>Window {@code (oh, ow)} covers padded-input rows starting at {@code oh * strideH - top}
 * (negative inside the top padding) for {@code kernelH} rows, clipped to the real rows
 * {@code [0, height)}; columns likewise. With {@code ceilMode} the last window may also run past
 * the bottom/right padding; those cells are neither real nor padding.
 *
 * <p>Windows overlap when the stride is smaller than the kernel, so backward scatters each
 * window's gradient into a {@code double} plane of one image channel (logical {@code ih * width + iw}),
 * allocated once here, and writes the plane out when all windows are done.
 *
 * <p>With a {@link NaivePoolingWorkspace} the forward records, per output element, the in-plane cell
 * its value came from (max pooling), and the backward routes through that record without reading
 * {@code x}; average pooling needs nothing from the forward, so its workspace is empty.
 */
abstract sealed class NaivePooling implements Pool2dPlan permits NaiveMaxPooling, NaiveAveragePooling {
    final Pool2d op;
    final int height;
    final int width;
    final int outHeight;
    final int outWidth;
    private final Layout layout;
    private final ElementIndex in;
    private final ElementIndex out;
    private final Shape inputShape;
    private final Shape outputShape;
    private final int batch;
    private final int channels;
    private final double[] gradientPlane;

    NaivePooling(Pool2d op, Shape input, Layout layout) {
        this.op = op;
        this.layout = layout;
        this.inputShape = input;
        this.outputShape = op.outputShape(input);
        this.in = ElementIndex.of(layout, input);
        this.out = ElementIndex.of(layout, outputShape);
        this.batch = input.dim(0);
        this.channels = input.dim(1);
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
    public final Layout layout() {
        return layout;
    }

    @Override
    public final void forward(Tensor x, Tensor y) {
        forward(x, y, null);
    }

    @Override
    public final Workspace newWorkspace() {
        return new NaivePoolingWorkspace(recordsArgmax() ? outputShape.elementCount() : 0);
    }

    @Override
    public final void forward(Tensor x, Tensor y, Workspace ws) {
        NaivePoolingWorkspace record = (NaivePoolingWorkspace) ws;
        MemorySegment xs = x.segment();
        MemorySegment ys = y.segment();
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                for (int oh = 0; oh < outHeight; oh++) {
                    for (int ow = 0; ow < outWidth; ow++) {
                        double value = reduce(xs, n, c, oh, ow, record, outputOrdinal(n, c, oh, ow));
                        ys.setAtIndex(JAVA_FLOAT, out.of(n, c, oh, ow), (float) value);
                    }
                }
            }
        }
    }

    @Override
    public final void backward(Tensor x, Tensor dy, Tensor dx) {
        backward(x.segment(), null, dy, dx);
    }

    @Override
    public final void backward(Workspace ws, Tensor dy, Tensor dx) {
        backward(null, (NaivePoolingWorkspace) ws, dy, dx);
    }

    /** Backward from {@code x} (recomputing each window) or from {@code record} (the other is null). */
    private void backward(MemorySegment xs, NaivePoolingWorkspace record, Tensor dy, Tensor dx) {
        MemorySegment g = dy.segment();
        MemorySegment dxs = dx.segment();
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                Arrays.fill(gradientPlane, 0.0);
                for (int oh = 0; oh < outHeight; oh++) {
                    for (int ow = 0; ow < outWidth; ow++) {
                        double gradient = g.getAtIndex(JAVA_FLOAT, out.of(n, c, oh, ow));
                        distribute(xs, n, c, oh, ow, record, outputOrdinal(n, c, oh, ow), gradient, gradientPlane);
                    }
                }
                for (int ih = 0; ih < height; ih++) {
                    for (int iw = 0; iw < width; iw++) {
                        dxs.setAtIndex(JAVA_FLOAT, in.of(n, c, ih, iw), (float) gradientPlane[ih * width + iw]);
                    }
                }
            }
        }
    }

    /** Whether the forward records anything for the backward (max pooling's argmax). */
    abstract boolean recordsArgmax();

    /**
     * The pooled value of window {@code (oh, ow)} of image {@code n}, channel {@code c} of
     * {@code x}; with a {@code record}, notes at {@code ordinal} what the backward needs.
     */
    abstract double reduce(MemorySegment x, int n, int c, int oh, int ow, NaivePoolingWorkspace record,
                           long ordinal);

    /**
     * Adds window {@code (oh, ow)}'s share of {@code gradient} to {@code dx}, a plane of
     * {@code height * width} cells; from {@code x} when {@code record} is null, else from what the
     * forward noted at {@code ordinal}.
     */
    abstract void distribute(MemorySegment x, int n, int c, int oh, int ow, NaivePoolingWorkspace record,
                             long ordinal, double gradient, double[] dx);

    /** Memory index of input element {@code (n, c, ih, iw)}. */
    final long inputIndex(int n, int c, int ih, int iw) {
        return in.of(n, c, ih, iw);
    }

    /** Position of output element {@code (n, c, oh, ow)} in logical order: its slot in a workspace. */
    private long outputOrdinal(int n, int c, int oh, int ow) {
        return (((long) n * channels + c) * outHeight + oh) * outWidth + ow;
    }

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
