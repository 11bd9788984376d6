package dev.jdnn.kernels.naive;

import dev.jdnn.Layout;
import dev.jdnn.Pool2d;
import dev.jdnn.Shape;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

/**
 * Average pooling with PyTorch's divisor. With {@code countIncludePad} a window divides by the
 * number of its cells that lie inside the padded input: {@code kernelH * kernelW}, except for a
 * {@code ceilMode} window that runs past the bottom/right padding, whose cells beyond it do not
 * count. Without {@code countIncludePad} it divides by the number of real cells. Backward gives
 * every real cell of a window {@code dy / divisor}; the padded cells' shares are dropped. It needs
 * nothing from the forward, so its workspace is empty and both backward passes are one.
 */
final class NaiveAveragePooling extends NaivePooling {
    /** A window's sum; plans run on one thread at a time, so one suffices. */
    private final CompensatedSum sum = new CompensatedSum();

    NaiveAveragePooling(Pool2d op, Shape input, Layout layout) {
        super(op, input, layout);
    }

    @Override
    boolean recordsArgmax() {
        return false;
    }

    @Override
    double reduce(MemorySegment x, int n, int c, int oh, int ow, NaivePoolingWorkspace record, long ordinal) {
        sum.reset(0.0);
        for (int ih = firstRow(oh); ih < endRow(oh); ih++) {
            for (int iw = firstColumn(ow); iw < endColumn(ow); iw++) {
                sum.add(x.getAtIndex(JAVA_FLOAT, inputIndex(n, c, ih, iw)));
            }
        }
        return sum.value() / divisor(oh, ow);
    }

    @Override
    void distribute(MemorySegment x, int n, int c, int oh, int ow, NaivePoolingWorkspace record, long ordinal,
                    double gradient, double[] dx) {
        double share = gradient / divisor(oh, ow);
        for (int ih = firstRow(oh); ih < endRow(oh); ih++) {
            for (int iw = firstColumn(ow); iw < endColumn(ow); iw++) {
                dx[ih * width + iw] += share;
            }
        }
    }

    /**
     * A window's cell count as a {@code double}: the product of two window sides reaches
     * {@code 2^31} (a 46341 x 46341 window, issue #12 item 5), so it is formed in {@code long}.
     */
    private double divisor(int oh, int ow) {
        if (!op.countIncludePad()) {
            return (double) ((long) (endRow(oh) - firstRow(oh)) * (endColumn(ow) - firstColumn(ow)));
        }
        long rows = Math.min((long) windowTop(oh) + op.kernelH(), (long) height + op.padding().bottom()) - windowTop(oh);
        long columns = Math.min((long) windowLeft(ow) + op.kernelW(), (long) width + op.padding().right())
                - windowLeft(ow);
        return (double) (rows * columns);
    }
}
