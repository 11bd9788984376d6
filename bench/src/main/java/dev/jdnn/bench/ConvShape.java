package dev.jdnn.bench;

import dev.jdnn.Conv2d;
import dev.jdnn.Padding;
import dev.jdnn.Shape;

/**
 * One row of {@code hot-core-conv.csv}: a convolution of an NCHW input {@code [n, c, h, w]} with
 * {@code k} filters of {@code r x s}, symmetric padding, square stride and dilation, with bias.
 *
 * @param gflop nominal GFLOP of one forward call ({@code 2·n·k·oh·ow·(c/groups)·r·s / 1e9}); the
 *     report uses it for every pass, as the oneDNN-from-C harness does
 */
public record ConvShape(String id, int n, int c, int h, int w, int k, int r, int s, int stride, int pad,
                        int dilation, int groups, double gflop, String note) {

    /** The op this row describes (with bias). */
    public Conv2d op() {
        return new Conv2d(c, k, r, s, stride, stride, Padding.of(pad), dilation, dilation, groups, true);
    }

    /** The input shape at batch size {@code batch}. */
    public Shape input(int batch) {
        return Shape.nchw(batch, c, h, w);
    }

    /** The input shape at the row's batch size. */
    public Shape input() {
        return input(n);
    }
}
