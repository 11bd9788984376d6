package dev.jdnn.onednn;

import dev.jdnn.Conv2d;
import dev.jdnn.Shape;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A {@link Conv2d} as plain Java loops over NCHW or NHWC tensors ({@link TensorStrides}), for geometries where oneDNN's cost does
 * not follow the work: a stride more than {@value #SPARSE_STRIDE} times the (dilated) kernel on an
 * axis, so that the windows read a small fraction of the input. Measured here (AVX-512, one
 * thread, steady state) on a 2-to-2 1x1 convolution: with stride and padding 3000 on
 * {@code [1, 2, 1, 1]} (a 3x3 output) oneDNN's backward data took 19 ms where the loops below take
 * microseconds, with 1000 2 ms, with 30000 over a minute; stride 300 on {@code [1, 2, 601, 601]}
 * took 241 ms. Here each pass visits every output cell once and, for it, only the kernel taps that
 * land on real input cells (padded cells contribute nothing), so its cost is
 * {@code outputs · (c / groups) · r · s} plus clearing the gradient it scatters into.
 * Sums over a window accumulate in double; the gradients are scattered in float.
 */
final class DirectConvolution {
    /** Stride-to-kernel ratio above which a geometry runs here. */
    static final int SPARSE_STRIDE = 8;

    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT;

    private final Conv2d op;
    private final int n;
    private final int c;
    private final int h;
    private final int w;
    private final int k;
    private final int oh;
    private final int ow;
    private final int channelsPerGroup;
    private final int outputsPerGroup;
    private final TensorStrides xs;
    private final TensorStrides ys;

    DirectConvolution(Conv2d op, Shape input, Shape output, dev.jdnn.Layout layout) {
        this.xs = TensorStrides.of(input, layout);
        this.ys = TensorStrides.of(output, layout);
        this.op = op;
        this.n = input.dim(0);
        this.c = input.dim(1);
        this.h = input.dim(2);
        this.w = input.dim(3);
        this.k = output.dim(1);
        this.oh = output.dim(2);
        this.ow = output.dim(3);
        this.channelsPerGroup = c / op.groups();
        this.outputsPerGroup = k / op.groups();
    }

    /** Whether {@code op} runs here rather than in oneDNN: its stride skips most of the input. */
    static boolean suits(Conv2d op) {
        long extentH = (long) (op.kernelH() - 1) * op.dilationH() + 1;
        long extentW = (long) (op.kernelW() - 1) * op.dilationW() + 1;
        return op.strideH() > SPARSE_STRIDE * extentH || op.strideW() > SPARSE_STRIDE * extentW;
    }

    /** {@code y = conv(x, w) + b} ({@code b} may be null). */
    void forward(MemorySegment x, MemorySegment weights, MemorySegment b, MemorySegment y) {
        for (int image = 0; image < n; image++) {
            for (int out = 0; out < k; out++) {
                int firstChannel = out / outputsPerGroup * channelsPerGroup;
                double bias = b == null ? 0 : b.getAtIndex(F, out);
                for (int row = 0; row < oh; row++) {
                    for (int column = 0; column < ow; column++) {
                        double sum = bias;
                        for (int ci = 0; ci < channelsPerGroup; ci++) {
                            int channel = firstChannel + ci;
                            long weightBase = ((long) out * channelsPerGroup + ci) * op.kernelH();
                            for (int r = 0; r < op.kernelH(); r++) {
                                long ih = inputRow(row, r);
                                if (ih < 0 || ih >= h) {
                                    continue;
                                }
                                for (int s = 0; s < op.kernelW(); s++) {
                                    long iw = inputColumn(column, s);
                                    if (iw >= 0 && iw < w) {
                                        sum += (double) x.getAtIndex(F, xs.at(image, channel, ih, iw))
                                                * weights.getAtIndex(F, (weightBase + r) * op.kernelW() + s);
                                    }
                                }
                            }
                        }
                        y.setAtIndex(F, ys.at(image, out, row, column), (float) sum);
                    }
                }
            }
        }
    }

    /** {@code dx} = the gradient of the input from {@code dy}. */
    void backwardData(MemorySegment dy, MemorySegment weights, MemorySegment dx) {
        dx.asSlice(0, (long) n * c * h * w * Float.BYTES).fill((byte) 0);
        for (int image = 0; image < n; image++) {
            for (int out = 0; out < k; out++) {
                int firstChannel = out / outputsPerGroup * channelsPerGroup;
                for (int row = 0; row < oh; row++) {
                    for (int column = 0; column < ow; column++) {
                        float g = dy.getAtIndex(F, ys.at(image, out, row, column));
                        for (int ci = 0; ci < channelsPerGroup; ci++) {
                            int channel = firstChannel + ci;
                            long weightBase = ((long) out * channelsPerGroup + ci) * op.kernelH();
                            for (int r = 0; r < op.kernelH(); r++) {
                                long ih = inputRow(row, r);
                                if (ih < 0 || ih >= h) {
                                    continue;
                                }
                                for (int s = 0; s < op.kernelW(); s++) {
                                    long iw = inputColumn(column, s);
                                    if (iw >= 0 && iw < w) {
                                        long at = xs.at(image, channel, ih, iw);
                                        dx.setAtIndex(F, at, dx.getAtIndex(F, at)
                                                + g * weights.getAtIndex(F, (weightBase + r) * op.kernelW() + s));
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** {@code dw} and, if not null, {@code db} = the gradients of the weights and the bias. */
    void backwardWeights(MemorySegment x, MemorySegment dy, MemorySegment dw, MemorySegment db) {
        dw.asSlice(0, (long) k * channelsPerGroup * op.kernelH() * op.kernelW() * Float.BYTES).fill((byte) 0);
        for (int out = 0; out < k; out++) {
            int firstChannel = out / outputsPerGroup * channelsPerGroup;
            double biasGradient = 0;
            for (int image = 0; image < n; image++) {
                for (int row = 0; row < oh; row++) {
                    for (int column = 0; column < ow; column++) {
                        float g = dy.getAtIndex(F, ys.at(image, out, row, column));
                        biasGradient += g;
                        for (int ci = 0; ci < channelsPerGroup; ci++) {
                            int channel = firstChannel + ci;
                            long weightBase = ((long) out * channelsPerGroup + ci) * op.kernelH();
                            for (int r = 0; r < op.kernelH(); r++) {
                                long ih = inputRow(row, r);
                                if (ih < 0 || ih >= h) {
                                    continue;
                                }
                                for (int s = 0; s < op.kernelW(); s++) {
                                    long iw = inputColumn(column, s);
                                    if (iw >= 0 && iw < w) {
                                        long at = (weightBase + r) * op.kernelW() + s;
                                        dw.setAtIndex(F, at, dw.getAtIndex(F, at)
                                                + g * x.getAtIndex(F, xs.at(image, channel, ih, iw)));
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if (db != null) {
                db.setAtIndex(F, out, (float) biasGradient);
            }
        }
    }

    private long inputRow(int row, int r) {
        return (long) row * op.strideH() - op.padding().top() + (long) r * op.dilationH();
    }

    private long inputColumn(int column, int s) {
        return (long) column * op.strideW() - op.padding().left() + (long) s * op.dilationW();
    }
}
