package dev.jdnn.kernels.naive;

import dev.jdnn.Layout;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;

/**
 * Test-side layout conversion written independently of the kernels: the NHWC index map, and a
 * copy of a row-major (NCHW) tensor rearranged into another index map.
 */
final class LayoutPermutation {
    private LayoutPermutation() {
    }

    /** Row-major over {@code [n, h, w, c]}. */
    static ElementIndex nhwc(Shape shape) {
        long c = shape.dim(1);
        long h = shape.dim(2);
        long w = shape.dim(3);
        return (in, ic, ih, iw) -> ((in * h + ih) * w + iw) * c + ic;
    }

    /**
     * An NHWC tensor whose memory holds {@code nchw}'s logical elements at the places {@code index}
     * (an NHWC map written out here, not taken from {@link Layout}) gives.
     */
    static Tensor permute(ScratchTensors tensors, Tensor nchw, ElementIndex index) {
        Shape s = nchw.shape();
        float[] from = nchw.toArray();
        float[] to = new float[from.length];
        int i = 0;
        for (int n = 0; n < s.dim(0); n++) {
            for (int c = 0; c < s.dim(1); c++) {
                for (int h = 0; h < s.dim(2); h++) {
                    for (int w = 0; w < s.dim(3); w++) {
                        to[(int) index.of(n, c, h, w)] = from[i++];
                    }
                }
            }
        }
        return tensors.of(s, Layout.NHWC, to);
    }
}
