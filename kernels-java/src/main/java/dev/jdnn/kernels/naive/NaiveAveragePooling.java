package dev.jdnn.kernels.naive;

import dev.jdnn.Pool2d;
import dev.jdnn.Shape;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

/**
 * Average pooling with PyTorch's divisor. With {@code countIncludePad} a window divides by the
 * number of its cells that lie inside the padded input: {@code kernelH * kernelW}, except for a
 * {@code ceilMode} window that runs past the bottom/right padding, whose cells beyond it do not
 * count. Without {@code countIncludePad} it divides by the number of real cells. Backward gives
 * every real cell of a window {@code dy / divisor}; the padded cells' shares are dropped.
 */
final class NaiveAveragePooling extends NaivePooling {

    NaiveAveragePooling(Pool2d op, Shape input) {
        super(op, input);
    }

    @Override
    double reduce(MemorySegment x, long plane, int oh, int ow) {
        double sum = 0.0;
        for (int ih = firstRow(oh); ih < endRow(oh); ih++) {
            for (int iw = firstColumn(ow); iw < endColumn(ow); iw++) {
                sum += x.getAtIndex(JAVA_FLOAT, plane + (long) ih * width + iw);
            }
        }
        return sum / divisor(oh, ow);
    }

    @Override
    void distribute(MemorySegment x, long plane, int oh, int ow, double gradient, double[] dx) {
        double share = gradient / divisor(oh, ow);
        for (int ih = firstRow(oh); ih < endRow(oh); ih++) {
            for (int iw = firstColumn(ow); iw < endColumn(ow); iw++) {
                dx[ih * width + iw] += share;
            }
        }
    }

    private int divisor(int oh, int ow) {
        if (!op.countIncludePad()) {
            return (endRow(oh) - firstRow(oh)) * (endColumn(ow) - firstColumn(ow));
        }
        int rows = Math.min(windowTop(oh) + op.kernelH(), height + op.padding().bottom()) - windowTop(oh);
        int columns = Math.min(windowLeft(ow) + op.kernelW(), width + op.padding().right()) - windowLeft(ow);
        return rows * columns;
    }
}
