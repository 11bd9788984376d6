package dev.jdnn.kernels.vector;

import dev.jdnn.Pool2d;
import dev.jdnn.Shape;

/**
 * The window geometry of one {@link Pool2d} over one input shape, worked out once per plan: for
 * every output row the real input rows its windows cover, for every output column the real input
 * columns, the average divisor's row and column counts, and the run of "interior" output columns
 * whose windows lie wholly inside the real columns (the run the vector kernels take; the few
 * columns beside it touch the left or right padding and go through the scalar path).
 *
 * <p>Window {@code (yo, xo)} starts at padded row {@code yo * strideH - top} and column
 * {@code xo * strideW - left}; any padding below the kernel size is allowed on each side, so every
 * window holds a real cell. Divisors are counted in {@code long} and held as {@code double}: a
 * 46341 x 46341 window has more cells than an {@code int} holds (issue 12 item 5).
 */
final class PoolWindows {
    final int kernelH;
    final int kernelW;
    final int strideH;
    final int strideW;
    final int h;
    final int w;
    final int oh;
    final int ow;
    /** First real input row of output row {@code yo}'s windows. */
    final int[] firstRow;
    /** One past the last real input row of output row {@code yo}'s windows. */
    final int[] endRow;
    /** First real input column of output column {@code xo}'s window. */
    final int[] firstColumn;
    /** One past the last real input column of output column {@code xo}'s window. */
    final int[] endColumn;
    /** Rows the average divisor counts for output row {@code yo}. */
    final long[] divisorRows;
    /** Columns the average divisor counts for output column {@code xo}. */
    final long[] divisorColumns;
    /** First output column whose window lies wholly inside the real columns. */
    final int interiorStart;
    /** One past the last such column ({@code <= interiorStart} when there is none). */
    final int interiorEnd;
    /** Left padding: input column of output column {@code xo}'s window is {@code xo * strideW - left}. */
    final int left;

    PoolWindows(Pool2d op, Shape input) {
        Shape output = op.outputShape(input);
        kernelH = op.kernelH();
        kernelW = op.kernelW();
        strideH = op.strideH();
        strideW = op.strideW();
        h = input.dim(2);
        w = input.dim(3);
        oh = output.dim(2);
        ow = output.dim(3);
        left = op.padding().left();
        int top = op.padding().top();
        boolean includePad = op.countIncludePad();
        firstRow = new int[oh];
        endRow = new int[oh];
        divisorRows = new long[oh];
        for (int yo = 0; yo < oh; yo++) {
            long start = (long) yo * strideH - top;
            firstRow[yo] = (int) Math.max(start, 0);
            endRow[yo] = (int) Math.min(start + kernelH, h);
            divisorRows[yo] = includePad ? Math.min(start + kernelH, (long) h + op.padding().bottom()) - start
                    : endRow[yo] - firstRow[yo];
        }
        firstColumn = new int[ow];
        endColumn = new int[ow];
        divisorColumns = new long[ow];
        int start = ow;
        int end = 0;
        for (int xo = 0; xo < ow; xo++) {
            long from = (long) xo * strideW - left;
            firstColumn[xo] = (int) Math.max(from, 0);
            endColumn[xo] = (int) Math.min(from + kernelW, w);
            divisorColumns[xo] = includePad ? Math.min(from + kernelW, (long) w + op.padding().right()) - from
                    : endColumn[xo] - firstColumn[xo];
            if (from >= 0 && from + kernelW <= w) {
                start = Math.min(start, xo);
                end = xo + 1;
            }
        }
        interiorStart = start;
        interiorEnd = end;
    }

    /** The divisor of window {@code (yo, xo)}: its counted rows times its counted columns. */
    double divisor(int yo, int xo) {
        return (double) divisorRows[yo] * divisorColumns[xo];
    }
}
