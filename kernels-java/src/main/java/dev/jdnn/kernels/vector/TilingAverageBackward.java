package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;
import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.ORDER;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;

/**
 * Average pooling's backward (NCHW) where the windows tile the input: width and stride 2, height
 * equal to the vertical stride, no padding, every window whole (LeNet-5's 2x2 subsampling). Each
 * cell of dx then belongs to one window at most, so dx is written once, each covered input row as
 * the window shares doubled along the row ({@code s0 s0 s1 s1 ...}), and only the rows and columns
 * past the last window are zeroed. The general path zeroes dx and adds each window cell's share
 * with a masked load and store: there the cell {@code j = 1}'s load overlaps the {@code j = 0}
 * store just made, which the store buffer cannot forward from a masked store, and pool_lenet's
 * backward at 1 thread was bound by those stalls.
 *
 * <p>The values are those of the general path and of naive's sums: each cell is {@code 0 + dy /
 * divisor} (the {@code 0 +} turns a share of {@code -0.0} into {@code +0.0}, as adding it to a
 * zeroed cell does).
 */
final class TilingAverageBackward {
    /** Position {@code p} takes lane {@code p / 2}: the first {@code LANES / 2} shares, each twice. */
    private static final VectorShuffle<Float> DOUBLE_LOW = VectorShuffle.fromOp(SPECIES, p -> p / 2);
    /** The same for the next {@code LANES} positions. */
    private static final VectorShuffle<Float> DOUBLE_HIGH = VectorShuffle.fromOp(SPECIES, p -> LANES / 2 + p / 2);
    private static final long VECTOR_BYTES = (long) LANES * Float.BYTES;

    private final int kernelH;
    private final int h;
    private final int w;
    private final int oh;
    private final int ow;
    private final float divisor;

    private TilingAverageBackward(PoolWindows g) {
        this.kernelH = g.kernelH;
        this.h = g.h;
        this.w = g.w;
        this.oh = g.oh;
        this.ow = g.ow;
        this.divisor = (float) g.divisor(0, 0);
    }

    /** The backward for {@code op}'s windows {@code g}, or {@code null} where they do not tile the input as above. */
    static TilingAverageBackward of(Pool2d op, PoolWindows g) {
        boolean tiles = op.kind() == Pool2d.Kind.AVG && g.kernelW == 2 && g.strideW == 2 && g.kernelH == g.strideH
                && op.padding().equals(Padding.NONE) && g.oh > 0 && g.ow > 0 && (long) g.oh * g.kernelH <= g.h
                && 2L * g.ow <= g.w;
        return tiles ? new TilingAverageBackward(g) : null;
    }

    /** dx of planes {@code from .. to - 1} from dy. */
    void planes(MemorySegment dy, MemorySegment dx, int from, int to) {
        FloatVector zero = FloatVector.zero(SPECIES);
        int coveredRows = oh * kernelH;
        for (int p = from; p < to; p++) {
            long xPlane = (long) p * h * w;
            long yRow = (long) p * oh * ow;
            for (int yo = 0; yo < oh; yo++, yRow += ow) {
                long top = xPlane + (long) yo * kernelH * w;
                for (int xo = 0; xo < ow; xo += LANES) {
                    int lanes = Math.min(LANES, ow - xo);
                    VectorMask<Float> outputs = SPECIES.indexInRange(0, lanes);
                    FloatVector share = FloatVector.fromMemorySegment(SPECIES, dy, (yRow + xo) * Float.BYTES, ORDER,
                            outputs).div(divisor).add(zero);
                    FloatVector low = share.rearrange(DOUBLE_LOW);
                    FloatVector high = share.rearrange(DOUBLE_HIGH);
                    VectorMask<Float> lowCells = SPECIES.indexInRange(0, 2 * lanes);
                    VectorMask<Float> highCells = SPECIES.indexInRange(LANES, 2 * lanes);
                    long at = (top + 2L * xo) * Float.BYTES;
                    for (int i = 0; i < kernelH; i++, at += (long) w * Float.BYTES) {
                        low.intoMemorySegment(dx, at, ORDER, lowCells);
                        high.intoMemorySegment(dx, at + VECTOR_BYTES, ORDER, highCells);
                    }
                }
                for (int i = 0; i < kernelH; i++) {
                    long row = top + (long) i * w;
                    for (int c = 2 * ow; c < w; c++) {
                        dx.setAtIndex(FLOAT, row + c, 0f);
                    }
                }
            }
            SegmentVectors.fill(dx, xPlane + (long) coveredRows * w, (h - coveredRows) * w, 0f);
        }
    }
}
