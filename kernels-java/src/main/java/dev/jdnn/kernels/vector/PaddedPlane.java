package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;
import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;

/**
 * One channel plane copied into a heap array with its zero border, so that the depthwise kernels
 * read every tap of every output with plain, unchecked-in-the-loop array loads and need no edge
 * cases. Element {@code (i, j)} of the source plane lands at padded row {@code i·rowStep + top},
 * padded column {@code j·columnStep + left}; positions outside the array are never read and are
 * dropped. Padded column {@code q} is stored in <em>phase</em> {@code q % phases} at index
 * {@code q / phases}, so that a kernel striding by {@code phases} along the width still reads a
 * contiguous run for each tap (phases = the width stride for the forward pass, 1 otherwise).
 *
 * <p>Every load writes the same positions, so the border (and, with steps above 1, the holes
 * between elements) is zeroed once, when the plane is made, and stays zero. A load first takes
 * the whole source plane out of its segment in one bulk copy, then places the rows with array
 * copies: copying row by row from the segment paid the segment's per-access checks on rows only
 * a few vectors long.
 */
final class PaddedPlane {
    final float[] data;
    /** Floats from one padded row to the next. */
    final int rowStride;
    /** Floats from one phase of a row to the next. */
    final int phaseWidth;
    /** Floats from one plane to the next, when the array holds several (one per channel). */
    final int planeSize;
    private final int phases;
    private final int rows;
    private final int columns;
    private final int top;
    private final int left;
    private final int rowStep;
    private final int columnStep;
    private final int h;
    private final int w;
    private final float[] source;

    /**
     * A plane of {@code rows} padded rows, each holding at least {@code columns} padded columns plus
     * a vector of slack after the last one, so a kernel may read a whole vector past the end, for
     * source planes of {@code h x w}.
     */
    PaddedPlane(int h, int w, int rows, int columns, int phases, int top, int left, int rowStep, int columnStep) {
        this(h, w, rows, columns, phases, top, left, rowStep, columnStep, 1);
    }

    /**
     * {@code count} such planes one after another in {@link #data}, {@link #planeSize} floats apart
     * (the channels of one image, for kernels that read all of them).
     */
    PaddedPlane(int h, int w, int rows, int columns, int phases, int top, int left, int rowStep, int columnStep,
            int count) {
        this.h = h;
        this.w = w;
        this.source = new float[Math.multiplyExact(h, w)];
        this.rows = rows;
        this.columns = columns;
        this.phases = phases;
        this.top = top;
        this.left = left;
        this.rowStep = rowStep;
        this.columnStep = columnStep;
        this.phaseWidth = (columns + phases - 1) / phases + LANES;
        this.rowStride = phases * phaseWidth;
        this.planeSize = Math.multiplyExact(rows, rowStride);
        this.data = new float[Math.multiplyExact(planeSize, count)];
    }

    /** Index in {@link #data} of padded row {@code row}, padded column {@code column}. */
    int at(int row, int column) {
        return row * rowStride + column % phases * phaseWidth + column / phases;
    }

    /** Copies the plane at float offset {@code offset} of {@code src} in. */
    void load(MemorySegment src, long offset) {
        load(src, offset, 0);
    }

    /** Copies the plane at float offset {@code offset} of {@code src} into plane {@code plane}. */
    void load(MemorySegment src, long offset, int plane) {
        int firstColumn = Math.max(0, ceilDiv(-left, columnStep));
        int endColumn = Math.min(w, ceilDiv(columns - left, columnStep));
        if (endColumn <= firstColumn) {
            return;
        }
        int firstRow = Math.max(0, ceilDiv(-top, rowStep));
        int endRow = Math.min(h, ceilDiv(rows - top, rowStep));
        MemorySegment.copy(src, FLOAT, offset * Float.BYTES, source, 0, source.length);
        boolean contiguous = phases == 1 && columnStep == 1;
        int base = plane * planeSize;
        for (int i = firstRow; i < endRow; i++) {
            int row = i * rowStep + top;
            int from = i * w;
            if (contiguous) {
                copyRow(from + firstColumn, base + at(row, firstColumn + left), endColumn - firstColumn);
            } else {
                for (int j = firstColumn; j < endColumn; j++) {
                    data[base + at(row, j * columnStep + left)] = source[from + j];
                }
            }
        }
    }

    /**
     * A vector loop rather than {@link System#arraycopy}: rows are only a few vectors long, and the
     * call cost dominated (measured ~0.8 vs ~0.3 µs per 56x56 plane).
     */
    private void copyRow(int from, int to, int length) {
        int k = 0;
        for (; k <= length - LANES; k += LANES) {
            FloatVector.fromArray(SPECIES, source, from + k).intoArray(data, to + k);
        }
        for (; k < length; k++) {
            data[to + k] = source[from + k];
        }
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
