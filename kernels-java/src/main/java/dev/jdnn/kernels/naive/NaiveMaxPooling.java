package dev.jdnn.kernels.naive;

import dev.jdnn.Pool2d;
import dev.jdnn.Shape;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

/**
 * Max pooling over the real cells of each window (padding never wins). Backward sends each
 * window's gradient to the window's argmax: the first maximum in row-major window order, so a
 * tie goes to the upper-left cell. A NaN counts as the maximum so that it propagates, as in
 * PyTorch; with several NaNs in one window the gradient goes to the first (PyTorch picks the last).
 */
final class NaiveMaxPooling extends NaivePooling {

    NaiveMaxPooling(Pool2d op, Shape input) {
        super(op, input);
    }

    @Override
    double reduce(MemorySegment x, long plane, int oh, int ow) {
        return x.getAtIndex(JAVA_FLOAT, plane + argmax(x, plane, oh, ow));
    }

    @Override
    void distribute(MemorySegment x, long plane, int oh, int ow, double gradient, double[] dx) {
        dx[argmax(x, plane, oh, ow)] += gradient;
    }

    /** The in-plane index {@code ih * width + iw} of window {@code (oh, ow)}'s first maximum. */
    private int argmax(MemorySegment x, long plane, int oh, int ow) {
        int best = -1;
        float max = 0f;
        for (int ih = firstRow(oh); ih < endRow(oh); ih++) {
            for (int iw = firstColumn(ow); iw < endColumn(ow); iw++) {
                int cell = ih * width + iw;
                float v = x.getAtIndex(JAVA_FLOAT, plane + cell);
                if (best < 0 || v > max || (Float.isNaN(v) && !Float.isNaN(max))) {
                    best = cell;
                    max = v;
                }
            }
        }
        return best;
    }
}
