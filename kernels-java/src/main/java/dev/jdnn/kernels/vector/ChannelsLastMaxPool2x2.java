package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.ORDER;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * The NHWC max-pooling forward (no workspace) of 2x2 windows with stride 2 and no padding, on
 * whole vectors of channels (pool_cifar: 64): four output rows of an image at a time, so that x is
 * read as eight input-row streams at once. One output row at a time (two streams, the general
 * path's order) read pool_cifar at 1 thread in 1.07-1.24 ms, three times its 2-thread time: a
 * single core kept too few reads from the L3 in flight. Where fewer than four output rows are
 * left in an image the last one is computed again and written again with the same values.
 *
 * <p>Each window's cells are taken in row-major order and a cell replaces the maximum so far when
 * it is greater or NaN, as in {@link ChannelsLastPool2dPlan}: the same bits (the first maximum,
 * {@code -0.0} before {@code 0.0} kept; NaN when the window holds one).
 */
final class ChannelsLastMaxPool2x2 {
    private final int h;
    private final int w;
    private final int c;
    private final int oh;
    private final int ow;

    private ChannelsLastMaxPool2x2(PoolWindows g, int c) {
        this.h = g.h;
        this.w = g.w;
        this.c = c;
        this.oh = g.oh;
        this.ow = g.ow;
    }

    /** The forward for {@code op} over {@code g} and {@code c} channels, or null where it does not apply. */
    static ChannelsLastMaxPool2x2 of(Pool2d op, PoolWindows g, int c) {
        boolean applies = op.kind() == Pool2d.Kind.MAX && g.kernelH == 2 && g.kernelW == 2 && g.strideH == 2
                && g.strideW == 2 && op.padding().equals(Padding.NONE) && c > 0 && c % LANES == 0 && g.oh > 0
                && g.ow > 0 && 2L * g.oh <= g.h && 2L * g.ow <= g.w;
        return applies ? new ChannelsLastMaxPool2x2(g, c) : null;
    }

    /** y of images {@code from .. to - 1}. */
    void images(MemorySegment x, MemorySegment y, int from, int to) {
        long inputRow = (long) w * c * Float.BYTES;
        long outRow = (long) ow * c * Float.BYTES;
        long pixel = (long) c * Float.BYTES;
        long vector = (long) LANES * Float.BYTES;
        for (int image = from; image < to; image++) {
            long xImage = (long) image * h * inputRow;
            long yImage = (long) image * oh * outRow;
            for (int r = 0; r < oh; r += 4) {
                // rows k = 1..3 below the first: 2k input rows and k output rows down, at most `last`
                int last = Math.min(3, oh - 1 - r);
                long down1 = Math.min(1, last) * 2 * inputRow;
                long down2 = Math.min(2, last) * 2 * inputRow;
                long down3 = last * 2 * inputRow;
                long next1 = Math.min(1, last) * outRow;
                long next2 = Math.min(2, last) * outRow;
                long next3 = last * outRow;
                long top = xImage + 2L * r * inputRow;
                long out = yImage + r * outRow;
                for (int q = 0; q < ow; q++) {
                    long corner = top + 2L * q * pixel;
                    long o = out + q * pixel;
                    for (long ch = 0; ch < pixel; ch += vector) {
                        long a = corner + ch;
                        FloatVector m0 = FloatVector.fromMemorySegment(SPECIES, x, a, ORDER);
                        FloatVector m1 = FloatVector.fromMemorySegment(SPECIES, x, a + down1, ORDER);
                        FloatVector m2 = FloatVector.fromMemorySegment(SPECIES, x, a + down2, ORDER);
                        FloatVector m3 = FloatVector.fromMemorySegment(SPECIES, x, a + down3, ORDER);
                        FloatVector v0 = FloatVector.fromMemorySegment(SPECIES, x, a + pixel, ORDER);
                        FloatVector v1 = FloatVector.fromMemorySegment(SPECIES, x, a + down1 + pixel, ORDER);
                        FloatVector v2 = FloatVector.fromMemorySegment(SPECIES, x, a + down2 + pixel, ORDER);
                        FloatVector v3 = FloatVector.fromMemorySegment(SPECIES, x, a + down3 + pixel, ORDER);
                        m0 = m0.blend(v0, v0.compare(VectorOperators.GT, m0).or(v0.compare(VectorOperators.NE, v0)));
                        m1 = m1.blend(v1, v1.compare(VectorOperators.GT, m1).or(v1.compare(VectorOperators.NE, v1)));
                        m2 = m2.blend(v2, v2.compare(VectorOperators.GT, m2).or(v2.compare(VectorOperators.NE, v2)));
                        m3 = m3.blend(v3, v3.compare(VectorOperators.GT, m3).or(v3.compare(VectorOperators.NE, v3)));
                        long b = a + inputRow;
                        v0 = FloatVector.fromMemorySegment(SPECIES, x, b, ORDER);
                        v1 = FloatVector.fromMemorySegment(SPECIES, x, b + down1, ORDER);
                        v2 = FloatVector.fromMemorySegment(SPECIES, x, b + down2, ORDER);
                        v3 = FloatVector.fromMemorySegment(SPECIES, x, b + down3, ORDER);
                        m0 = m0.blend(v0, v0.compare(VectorOperators.GT, m0).or(v0.compare(VectorOperators.NE, v0)));
                        m1 = m1.blend(v1, v1.compare(VectorOperators.GT, m1).or(v1.compare(VectorOperators.NE, v1)));
                        m2 = m2.blend(v2, v2.compare(VectorOperators.GT, m2).or(v2.compare(VectorOperators.NE, v2)));
                        m3 = m3.blend(v3, v3.compare(VectorOperators.GT, m3).or(v3.compare(VectorOperators.NE, v3)));
                        v0 = FloatVector.fromMemorySegment(SPECIES, x, b + pixel, ORDER);
                        v1 = FloatVector.fromMemorySegment(SPECIES, x, b + down1 + pixel, ORDER);
                        v2 = FloatVector.fromMemorySegment(SPECIES, x, b + down2 + pixel, ORDER);
                        v3 = FloatVector.fromMemorySegment(SPECIES, x, b + down3 + pixel, ORDER);
                        m0 = m0.blend(v0, v0.compare(VectorOperators.GT, m0).or(v0.compare(VectorOperators.NE, v0)));
                        m1 = m1.blend(v1, v1.compare(VectorOperators.GT, m1).or(v1.compare(VectorOperators.NE, v1)));
                        m2 = m2.blend(v2, v2.compare(VectorOperators.GT, m2).or(v2.compare(VectorOperators.NE, v2)));
                        m3 = m3.blend(v3, v3.compare(VectorOperators.GT, m3).or(v3.compare(VectorOperators.NE, v3)));
                        long at = o + ch;
                        m0.intoMemorySegment(y, at, ORDER);
                        m1.intoMemorySegment(y, at + next1, ORDER);
                        m2.intoMemorySegment(y, at + next2, ORDER);
                        m3.intoMemorySegment(y, at + next3, ORDER);
                    }
                }
            }
        }
    }
}
