package dev.jdnn.kernels.naive;

import dev.jdnn.Activation;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Layout;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

/**
 * 2-D convolution (cross-correlation) as a sliding window over the zero-padded input, with
 * stride, asymmetric padding, dilation and groups, in either layout: every loop runs over logical
 * indices {@code (n, c, h, w)} and asks the layout ({@link ElementIndex}) where the element lives.
 * The padding is never materialised: a window tap that lands outside the input reads zero and is
 * simply skipped. A fused activation is applied to the exact sum before its one rounding to float.
 *
 * <p>Output cell {@code (n, k, oh, ow)} sees input row {@code oh * strideH - top + r * dilationH}
 * and column {@code ow * strideW - left + s * dilationW} for kernel tap {@code (r, s)}, over the
 * input channels of the group of {@code k}. Both backward passes invert that same map and gather
 * their sums, so each output element is one exact sum ({@link CompensatedSum}) written once:
 * <ul>
 *   <li>{@code dx(n, c, ih, iw)} sums {@code dy * w} over every output cell and tap whose window
 *       touches {@code (ih, iw)} — the taps for which {@code ih + top - r * dilationH} is a
 *       non-negative multiple of {@code strideH} inside the output, and likewise for columns;</li>
 *   <li>{@code dw(k, c, r, s)} sums {@code dy * x} over the batch and every output cell;</li>
 *   <li>{@code db(k)} sums {@code dy} over the batch and every output cell.</li>
 * </ul>
 */
final class NaiveConvolution implements Conv2dPlan {
    private final Conv2d op;
    private final Layout layout;
    private final Activation activation;
    private final ElementIndex in;
    private final ElementIndex out;
    private final Shape inputShape;
    private final Shape outputShape;
    private final int batch;
    private final int channels;
    private final int height;
    private final int width;
    private final int outChannels;
    private final int outHeight;
    private final int outWidth;
    private final int channelsPerGroup;
    private final int outChannelsPerGroup;
    /** Every output element is one exact sum; plans run on one thread at a time, so one suffices. */
    private final CompensatedSum sum = new CompensatedSum();

    NaiveConvolution(Conv2d op, Shape input, Layout layout) {
        this.op = op;
        this.layout = layout;
        this.activation = op.activation();
        this.inputShape = input;
        this.outputShape = op.outputShape(input);
        this.in = ElementIndex.of(layout, input);
        this.out = ElementIndex.of(layout, outputShape);
        this.batch = input.dim(0);
        this.channels = input.dim(1);
        this.height = input.dim(2);
        this.width = input.dim(3);
        this.outChannels = op.outChannels();
        this.outHeight = outputShape.dim(2);
        this.outWidth = outputShape.dim(3);
        this.channelsPerGroup = channels / op.groups();
        this.outChannelsPerGroup = outChannels / op.groups();
    }

    @Override
    public Conv2d op() {
        return op;
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public Shape outputShape() {
        return outputShape;
    }

    @Override
    public Layout layout() {
        return layout;
    }

    @Override
    public void forward(Tensor x, Tensor w, Tensor b, Tensor y) {
        MemorySegment xs = x.segment();
        MemorySegment ws = w.segment();
        MemorySegment bs = b == null ? null : b.segment();
        MemorySegment ys = y.segment();
        for (int n = 0; n < batch; n++) {
            for (int k = 0; k < outChannels; k++) {
                int firstChannel = (k / outChannelsPerGroup) * channelsPerGroup;
                for (int oh = 0; oh < outHeight; oh++) {
                    for (int ow = 0; ow < outWidth; ow++) {
                        sum.reset(bs == null ? 0.0 : bs.getAtIndex(JAVA_FLOAT, k));
                        for (int cg = 0; cg < channelsPerGroup; cg++) {
                            for (int r = 0; r < op.kernelH(); r++) {
                                int ih = inputRow(oh, r);
                                if (ih < 0 || ih >= height) {
                                    continue;
                                }
                                for (int s = 0; s < op.kernelW(); s++) {
                                    int iw = inputColumn(ow, s);
                                    if (iw < 0 || iw >= width) {
                                        continue;
                                    }
                                    sum.add((double) xs.getAtIndex(JAVA_FLOAT, inputIndex(n, firstChannel + cg, ih, iw))
                                            * ws.getAtIndex(JAVA_FLOAT, weightIndex(k, cg, r, s)));
                                }
                            }
                        }
                        double value = activation == null ? sum.value() : NaiveActivations.value(activation, sum.value());
                        ys.setAtIndex(JAVA_FLOAT, outputIndex(n, k, oh, ow), (float) value);
                    }
                }
            }
        }
    }

    @Override
    public void backwardData(Tensor dy, Tensor w, Tensor dx) {
        MemorySegment g = dy.segment();
        MemorySegment ws = w.segment();
        MemorySegment dxs = dx.segment();
        for (int n = 0; n < batch; n++) {
            for (int c = 0; c < channels; c++) {
                int group = c / channelsPerGroup;
                int cg = c - group * channelsPerGroup;
                for (int ih = 0; ih < height; ih++) {
                    for (int iw = 0; iw < width; iw++) {
                        sum.reset(0.0);
                        for (int kg = 0; kg < outChannelsPerGroup; kg++) {
                            int k = group * outChannelsPerGroup + kg;
                            for (int r = 0; r < op.kernelH(); r++) {
                                int oh = outputRow(ih, r);
                                if (oh < 0) {
                                    continue;
                                }
                                for (int s = 0; s < op.kernelW(); s++) {
                                    int ow = outputColumn(iw, s);
                                    if (ow < 0) {
                                        continue;
                                    }
                                    sum.add((double) g.getAtIndex(JAVA_FLOAT, outputIndex(n, k, oh, ow))
                                            * ws.getAtIndex(JAVA_FLOAT, weightIndex(k, cg, r, s)));
                                }
                            }
                        }
                        dxs.setAtIndex(JAVA_FLOAT, inputIndex(n, c, ih, iw), (float) sum.value());
                    }
                }
            }
        }
    }

    @Override
    public void backwardWeights(Tensor x, Tensor dy, Tensor dw, Tensor db) {
        MemorySegment xs = x.segment();
        MemorySegment g = dy.segment();
        MemorySegment dws = dw.segment();
        for (int k = 0; k < outChannels; k++) {
            int firstChannel = (k / outChannelsPerGroup) * channelsPerGroup;
            for (int cg = 0; cg < channelsPerGroup; cg++) {
                for (int r = 0; r < op.kernelH(); r++) {
                    for (int s = 0; s < op.kernelW(); s++) {
                        sum.reset(0.0);
                        for (int n = 0; n < batch; n++) {
                            for (int oh = 0; oh < outHeight; oh++) {
                                int ih = inputRow(oh, r);
                                if (ih < 0 || ih >= height) {
                                    continue;
                                }
                                for (int ow = 0; ow < outWidth; ow++) {
                                    int iw = inputColumn(ow, s);
                                    if (iw < 0 || iw >= width) {
                                        continue;
                                    }
                                    sum.add((double) g.getAtIndex(JAVA_FLOAT, outputIndex(n, k, oh, ow))
                                            * xs.getAtIndex(JAVA_FLOAT, inputIndex(n, firstChannel + cg, ih, iw)));
                                }
                            }
                        }
                        dws.setAtIndex(JAVA_FLOAT, weightIndex(k, cg, r, s), (float) sum.value());
                    }
                }
            }
        }
        if (db != null) {
            MemorySegment dbs = db.segment();
            for (int k = 0; k < outChannels; k++) {
                sum.reset(0.0);
                for (int n = 0; n < batch; n++) {
                    for (int oh = 0; oh < outHeight; oh++) {
                        for (int ow = 0; ow < outWidth; ow++) {
                            sum.add(g.getAtIndex(JAVA_FLOAT, outputIndex(n, k, oh, ow)));
                        }
                    }
                }
                dbs.setAtIndex(JAVA_FLOAT, k, (float) sum.value());
            }
        }
    }

    /** The input row that kernel row {@code r} of output row {@code oh} reads; may lie in the padding. */
    private int inputRow(int oh, int r) {
        return oh * op.strideH() - op.padding().top() + r * op.dilationH();
    }

    private int inputColumn(int ow, int s) {
        return ow * op.strideW() - op.padding().left() + s * op.dilationW();
    }

    /** The output row whose kernel row {@code r} reads input row {@code ih}, or -1 when there is none. */
    private int outputRow(int ih, int r) {
        return windowOrigin(ih + op.padding().top() - r * op.dilationH(), op.strideH(), outHeight);
    }

    private int outputColumn(int iw, int s) {
        return windowOrigin(iw + op.padding().left() - s * op.dilationW(), op.strideW(), outWidth);
    }

    /** {@code offset / stride} when that is a whole output index below {@code size}, else -1. */
    private static int windowOrigin(int offset, int stride, int size) {
        if (offset < 0 || offset % stride != 0 || offset / stride >= size) {
            return -1;
        }
        return offset / stride;
    }

    private long inputIndex(int n, int c, int ih, int iw) {
        return in.of(n, c, ih, iw);
    }

    private long outputIndex(int n, int k, int oh, int ow) {
        return out.of(n, k, oh, ow);
    }

    private long weightIndex(int k, int cg, int r, int s) {
        return (((long) k * channelsPerGroup + cg) * op.kernelH() + r) * op.kernelW() + s;
    }

    @Override
    public void close() {
        // Nothing to release: the plan holds no scratch memory.
    }
}
