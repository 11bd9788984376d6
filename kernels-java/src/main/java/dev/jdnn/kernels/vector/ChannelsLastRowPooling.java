package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;
import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.ORDER;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

import dev.jdnn.Pool2d;
import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The NHWC pooling forward (no workspace) for fewer channels than a vector, with windows side by
 * side along a row (stride = kernel width, no column padding): a row of pixels is then one run of
 * {@code w·c} floats, and window {@code xo}'s column {@code j} holds the floats
 * {@code (xo·kw + j)·c .. + c} of it. Each vector of the run is reduced with the same vector
 * {@code j·c} floats further on (for every {@code j} below the kernel width), then down the
 * window's rows, and its lanes that start a window (pixel {@code xo·kw}) are compressed to the
 * front and stored as the next outputs: one channel vector per pixel (LeNet's 6 channels fill 6 of
 * 16 lanes) spent most of its time on each pixel's window bookkeeping.
 *
 * <p>Max pooling reduces each window row first and the rows after, in order; taking "the later
 * cell if greater or NaN" is associative, so this keeps the first NaN-else-maximum of the
 * row-major scan (±0.0 included) as the other paths do. Average pooling adds each window row and
 * then the rows, and multiplies by the divisor's reciprocal: a rounding or two from naive's
 * row-major mean, inside the contract's tolerance (the forward with a workspace runs this same
 * code). Outputs past a row's end are stored as a whole vector when they land inside the image's
 * own later outputs, which overwrite them; an image's last vector and loads that would leave x go
 * to the scalar finish, which rounds as the vectors do.
 */
final class ChannelsLastRowPooling {
    private final PoolWindows g;
    private final int c;
    private final boolean max;
    /** Floats of one output row: {@code ow·c}. */
    private final int outputRow;
    /** Vectors that cover the windows' run of an input row, {@code ow·kw·c} floats. */
    private final int steps;
    /** Per float of the run: whether it belongs to a window's first column (an output lane). */
    private final boolean[] starts;
    /** Outputs before vector {@code s} of the run ({@code steps + 1} entries, the last one {@code ow·c}). */
    private final int[] before;

    private ChannelsLastRowPooling(PoolWindows g, int c, boolean max) {
        this.g = g;
        this.c = c;
        this.max = max;
        this.outputRow = g.ow * c;
        int run = g.ow * g.kernelW * c;
        this.steps = (run + LANES - 1) / LANES;
        this.starts = new boolean[steps * LANES];
        this.before = new int[steps + 1];
        for (int q = 0; q < run; q++) {
            if (q / c % g.kernelW == 0) {
                starts[q] = true;
                before[q / LANES + 1]++;
            }
        }
        for (int s = 0; s < steps; s++) {
            before[s + 1] += before[s];
        }
    }

    /**
     * The row pooling for {@code op} over {@code g} and {@code c} channels, or null where it does
     * not apply (a vector or more of channels, overlapping or gapped windows along a row, or
     * windows that reach into the column padding).
     */
    static ChannelsLastRowPooling of(Pool2d op, PoolWindows g, int c) {
        boolean applies = c < LANES && g.strideW == g.kernelW && g.ow > 0 && g.interiorStart == 0
                && g.interiorEnd == g.ow;
        return applies ? new ChannelsLastRowPooling(g, c, op.kind() == Pool2d.Kind.MAX) : null;
    }

    /**
     * y of one image: x from float {@code xImage}, y from {@code yImage}; {@code limit} is the
     * float count of x (loads stay below it).
     */
    void forwardImage(MemorySegment x, MemorySegment y, long xImage, long yImage, long limit) {
        long rowStep = (long) g.w * c;
        long yEnd = yImage + (long) g.oh * outputRow;
        for (int yo = 0; yo < g.oh; yo++) {
            long at = xImage + g.firstRow[yo] * rowStep;
            int rows = g.endRow[yo] - g.firstRow[yo];
            float divisor = max ? 1 : (float) g.divisor(yo, 0);
            // A multiply by the reciprocal: a divide per vector held the row at 0.12 ms of
            // pool_lenet against 0.08 (AVX-512, one thread); at most one rounding apart.
            float scale = 1f / divisor;
            long yAt = yImage + (long) yo * outputRow;
            // Step s loads up to float lastLoad + s·LANES and stores up to yAt + before[s] + LANES.
            long lastLoad = at + (rows - 1) * rowStep + (long) (g.kernelW - 1) * c + LANES;
            int whole = wholeSteps(limit - lastLoad, yEnd - yAt - LANES);
            if (max) {
                for (int s = 0; s < whole; s++) {
                    maxStep(x, y, at + (long) s * LANES, rows, rowStep, yAt + before[s], s);
                }
            } else {
                for (int s = 0; s < whole; s++) {
                    averageStep(x, y, at + (long) s * LANES, rows, rowStep, yAt + before[s], s, scale);
                }
            }
            if (whole < steps) {
                finish(x, y, at, rows, rowStep, yAt, before[whole], scale);
            }
        }
    }

    /**
     * How many steps from the first run whole vectors: step s may load {@code s·LANES} floats past
     * the row's last load when that stays within {@code loadRoom}, and store from
     * {@code before[s]} when that stays within {@code storeRoom}.
     */
    private int wholeSteps(long loadRoom, long storeRoom) {
        if (loadRoom >= (long) (steps - 1) * LANES && storeRoom >= before[steps - 1]) {
            return steps;
        }
        int s = 0;
        while (s < steps && (long) s * LANES <= loadRoom && before[s] <= storeRoom) {
            s++;
        }
        return s;
    }

    /**
     * One vector of the run from {@code at}: each window row reduced over its columns, then the
     * rows, a cell taking over when it is greater or NaN (see the class comment).
     */
    private void maxStep(MemorySegment x, MemorySegment y, long at, int rows, long rowStep, long yAt, int s) {
        FloatVector acc = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < rows; i++) {
            long cell = at + i * rowStep;
            FloatVector row = FloatVector.fromMemorySegment(SPECIES, x, cell * Float.BYTES, ORDER);
            for (int j = 1; j < g.kernelW; j++) {
                cell += c;
                FloatVector v = FloatVector.fromMemorySegment(SPECIES, x, cell * Float.BYTES, ORDER);
                row = row.blend(v, v.compare(VectorOperators.GT, row).or(v.compare(VectorOperators.NE, v)));
            }
            acc = acc.blend(row, row.compare(VectorOperators.GT, acc).or(row.compare(VectorOperators.NE, row)));
        }
        acc.compress(VectorMask.fromArray(SPECIES, starts, s * LANES)).intoMemorySegment(y, yAt * Float.BYTES, ORDER);
    }

    /** One vector of the run from {@code at}: each window row summed over its columns, then the rows. */
    private void averageStep(MemorySegment x, MemorySegment y, long at, int rows, long rowStep, long yAt, int s,
            float scale) {
        FloatVector acc = FloatVector.zero(SPECIES);
        for (int i = 0; i < rows; i++) {
            long cell = at + i * rowStep;
            FloatVector row = FloatVector.fromMemorySegment(SPECIES, x, cell * Float.BYTES, ORDER);
            for (int j = 1; j < g.kernelW; j++) {
                cell += c;
                row = row.add(FloatVector.fromMemorySegment(SPECIES, x, cell * Float.BYTES, ORDER));
            }
            acc = acc.add(row);
        }
        acc.mul(scale).compress(VectorMask.fromArray(SPECIES, starts, s * LANES))
                .intoMemorySegment(y, yAt * Float.BYTES, ORDER);
    }

    /**
     * The outputs of one row from {@code out} on, one float at a time in the vector steps' order
     * (so the same bits): the end of the last image, where whole vectors would leave the tensors.
     */
    private void finish(MemorySegment x, MemorySegment y, long at, int rows, long rowStep, long yAt, int out,
            float scale) {
        for (int o = out; o < outputRow; o++) {
            long first = at + (long) (o / c) * g.kernelW * c + o % c;
            float acc = max ? Float.NEGATIVE_INFINITY : 0f;
            for (int i = 0; i < rows; i++) {
                long cell = first + i * rowStep;
                float row = x.getAtIndex(FLOAT, cell);
                for (int j = 1; j < g.kernelW; j++) {
                    cell += c;
                    float v = x.getAtIndex(FLOAT, cell);
                    row = max ? (v > row || v != v ? v : row) : row + v;
                }
                acc = max ? (row > acc || row != row ? row : acc) : acc + row;
            }
            y.setAtIndex(FLOAT, yAt + o, max ? acc : acc * scale);
        }
    }
}
