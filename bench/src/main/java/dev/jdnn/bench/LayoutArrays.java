package dev.jdnn.bench;

import dev.jdnn.Layout;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;

/**
 * Benchmark data between logical NCHW order (how inputs are generated and naive's references are
 * kept) and a tensor's memory order, so that a cell in NHWC gets the same data as one in NCHW and
 * is checked against the same reference. Plain Java, independent of any backend's reorder.
 */
final class LayoutArrays {
    private LayoutArrays() {
    }

    /** {@code nchw} (logical order, shape {@code shape}) in {@code layout}'s memory order. */
    static float[] inLayout(float[] nchw, Shape shape, Layout layout) {
        if (layout == Layout.NCHW || shape.rank() != 4) {
            return nchw;
        }
        float[] out = new float[nchw.length];
        int i = 0;
        for (int n = 0; n < shape.dim(0); n++) {
            for (int c = 0; c < shape.dim(1); c++) {
                for (int h = 0; h < shape.dim(2); h++) {
                    for (int w = 0; w < shape.dim(3); w++) {
                        out[(int) layout.index(shape, n, c, h, w)] = nchw[i++];
                    }
                }
            }
        }
        return out;
    }

    /** The elements of {@code t} in logical NCHW order, whatever its layout. */
    static float[] nchw(Tensor t) {
        float[] memory = t.toArray();
        Shape shape = t.shape();
        if (t.layout() == Layout.NCHW || shape.rank() != 4) {
            return memory;
        }
        float[] out = new float[memory.length];
        int i = 0;
        for (int n = 0; n < shape.dim(0); n++) {
            for (int c = 0; c < shape.dim(1); c++) {
                for (int h = 0; h < shape.dim(2); h++) {
                    for (int w = 0; w < shape.dim(3); w++) {
                        out[i++] = memory[(int) t.layout().index(shape, n, c, h, w)];
                    }
                }
            }
        }
        return out;
    }

    /** Fills {@code t} from {@code nchw}, given in logical order. */
    static void fill(Tensor t, float[] nchw) {
        t.copyFrom(inLayout(nchw, t.shape(), t.layout()));
    }
}
