package dev.jdnn.kernels.naive;

import dev.jdnn.Layout;
import dev.jdnn.Pool2d;
import dev.jdnn.Shape;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

/**
 * Max pooling over the real cells of each window (padding never wins). Backward sends each
 * window's gradient to the window's argmax: the first maximum in row-major window order, so a
 * tie goes to the upper-left cell. A NaN counts as the maximum so that it propagates, as in
 * PyTorch; with several NaNs in one window the gradient goes to the first (PyTorch picks the last).
 * A workspace forward records that argmax, and the workspace backward routes through the record,
 * so both backward passes send every gradient to the same cell.
 */
final class NaiveMaxPooling extends NaivePooling {

    NaiveMaxPooling(Pool2d op, Shape input, Layout layout) {
        super(op, input, layout);
    }

    @Override
    boolean recordsArgmax() {
        return true;
    }

    @Override
    double reduce(MemorySegment x, int n, int c, int oh, int ow, NaivePoolingWorkspace record, long ordinal) {
        int cell = argmax(x, n, c, oh, ow);
        if (record != null) {
            record.record(ordinal, cell);
        }
        return x.getAtIndex(JAVA_FLOAT, inputIndex(n, c, cell / width, cell % width));
    }

    @Override
    void distribute(MemorySegment x, int n, int c, int oh, int ow, NaivePoolingWorkspace record, long ordinal,
                    double gradient, double[] dx) {
        dx[record != null ? record.argmax(ordinal) : argmax(x, n, c, oh, ow)] += gradient;
    }

    /** The in-plane index {@code ih * width + iw} of window {@code (oh, ow)}'s first maximum. */
    private int argmax(MemorySegment x, int n, int c, int oh, int ow) {
        int best = -1;
        float max = 0f;
        for (int ih = firstRow(oh); ih < endRow(oh); ih++) {
            for (int iw = firstColumn(ow); iw < endColumn(ow); iw++) {
                float v = x.getAtIndex(JAVA_FLOAT, inputIndex(n, c, ih, iw));
                if (best < 0 || v > max || (Float.isNaN(v) && !Float.isNaN(max))) {
                    best = ih * width + iw;
                    max = v;
                }
            }
        }
        return best;
    }
}
