package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;

import dev.jdnn.Conv2d;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Packs the column matrix of one image's group of channels straight into {@link PackedGemm}'s
 * NR-wide B panels, without building the matrix: im2col, its copy to native memory and the B
 * packing were three passes over it, and on small images (lenet_c2: runs of 10 floats) their
 * per-run set-up cost most of a call, several times the micro-kernel.
 *
 * <p>The image is copied once into a zero-bordered heap plane per channel (the borders are never
 * written, so they stay zero), so that column-matrix entry {@code (tap, pixel)} is
 * {@code plane[tapOffset[tap] + pixelOffset[pixel]]} with no test for the padding. Forward reads
 * B = columns (depth = taps, width = pixels); backward weights reads B = columnsᵀ (depth = pixels,
 * width = taps): the same gather with the two offset tables swapped.
 */
final class UnfoldingPanelPacker implements PackedGemm.PanelSource {
    private final int channels;
    private final int h;
    private final int w;
    private final int paddedH;
    private final int paddedW;
    private final int padTop;
    private final int padLeft;
    private final int nr;
    private final float[] planes;
    private final int[] depthOffsets;
    private final int[] widthOffsets;
    /**
     * Where consecutive columns of B read consecutive cells (stride 1: an output row's pixels), each
     * panel's columns as runs: panel {@code q}'s runs are {@code [runFirst[q], runFirst[q+1])}, run
     * {@code i} copying {@code runLength[i]} cells from {@code base + runSource[i]} to panel column
     * {@code runTarget[i]}. Null where runs would be short (strided pixels, or the taps of backward
     * weights): there each element is gathered on its own.
     */
    private final int[] runFirst;
    private final int[] runSource;
    private final int[] runTarget;
    private final int[] runLength;
    /** Column of B that the GEMM's column 0 stands for: a worker's share of a B wider than one GEMM. */
    private int firstColumn;

    /**
     * For {@code op} on {@code channels x h x w} images ({@code oh x ow} outputs) and panels
     * {@code nr} wide, packing the columns (forward); {@link #transposed} gives the packer of columnsᵀ.
     */
    UnfoldingPanelPacker(Conv2d op, int channels, int h, int w, int oh, int ow, int nr) {
        this.channels = channels;
        this.h = h;
        this.w = w;
        this.padTop = op.padding().top();
        this.padLeft = op.padding().left();
        this.paddedH = h + padTop + op.padding().bottom();
        this.paddedW = w + padLeft + op.padding().right();
        this.nr = nr;
        this.planes = new float[Math.toIntExact((long) channels * paddedH * paddedW)];
        int r = op.kernelH();
        int s = op.kernelW();
        int[] taps = new int[channels * r * s];
        for (int c = 0; c < channels; c++) {
            for (int ri = 0; ri < r; ri++) {
                for (int si = 0; si < s; si++) {
                    taps[(c * r + ri) * s + si] = (c * paddedH + ri * op.dilationH()) * paddedW + si * op.dilationW();
                }
            }
        }
        int[] pixels = new int[oh * ow];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                pixels[y * ow + x] = y * op.strideH() * paddedW + x * op.strideW();
            }
        }
        this.depthOffsets = taps;
        this.widthOffsets = pixels;
        int[][] runs = runs(pixels, nr);
        this.runFirst = runs[0];
        this.runSource = runs[1];
        this.runTarget = runs[2];
        this.runLength = runs[3];
    }

    /**
     * The runs of each {@code nr}-wide panel of columns with these offsets, as {@link #runFirst} and
     * the rest describe them; all null where runs would average fewer than {@value #SHORTEST_RUNS}
     * columns, because a copy per run then costs more than an element at a time.
     */
    private static int[][] runs(int[] offsets, int nr) {
        int panels = (offsets.length + nr - 1) / nr;
        int[] first = new int[panels + 1];
        int count = 0;
        for (int q = 0; q < panels; q++) {
            first[q] = count;
            int end = Math.min(offsets.length, (q + 1) * nr);
            for (int j = q * nr; j < end; j++) {
                if (j == q * nr || offsets[j] != offsets[j - 1] + 1) {
                    count++;
                }
            }
        }
        first[panels] = count;
        if ((long) count * SHORTEST_RUNS > offsets.length) {
            return new int[4][];
        }
        int[] source = new int[count];
        int[] target = new int[count];
        int[] length = new int[count];
        int run = -1;
        for (int q = 0; q < panels; q++) {
            int end = Math.min(offsets.length, (q + 1) * nr);
            for (int j = q * nr; j < end; j++) {
                if (j == q * nr || offsets[j] != offsets[j - 1] + 1) {
                    run++;
                    source[run] = offsets[j];
                    target[run] = j - q * nr;
                }
                length[run]++;
            }
        }
        return new int[][] {first, source, target, length};
    }

    /** Fewest columns per run, on average, for which the packer copies runs. */
    private static final int SHORTEST_RUNS = 8;

    private UnfoldingPanelPacker(UnfoldingPanelPacker columns) {
        this.channels = columns.channels;
        this.h = columns.h;
        this.w = columns.w;
        this.paddedH = columns.paddedH;
        this.paddedW = columns.paddedW;
        this.padTop = columns.padTop;
        this.padLeft = columns.padLeft;
        this.nr = columns.nr;
        this.planes = columns.planes;
        this.depthOffsets = columns.widthOffsets;
        this.widthOffsets = columns.depthOffsets;
        int[][] runs = runs(widthOffsets, nr);
        this.runFirst = runs[0];
        this.runSource = runs[1];
        this.runTarget = runs[2];
        this.runLength = runs[3];
    }

    /**
     * The packer of columnsᵀ (depth = pixels, width = taps; backward weights), sharing this one's
     * planes: {@link #load} on either serves both.
     */
    UnfoldingPanelPacker transposed() {
        return new UnfoldingPanelPacker(this);
    }

    /** Floats of heap scratch this packer holds, shared with its {@link #transposed} twin. */
    long scratchFloats() {
        return planes.length;
    }

    /** Copies the image's channels at {@code x + xOffset} into the interior of the padded planes. */
    void load(MemorySegment x, long xOffset) {
        for (int c = 0; c < channels; c++) {
            int plane = c * paddedH * paddedW + padTop * paddedW + padLeft;
            long source = xOffset + (long) c * h * w;
            if (paddedW == w) {
                MemorySegment.copy(x, FLOAT, source * Float.BYTES, planes, plane, h * w);
                continue;
            }
            for (int row = 0; row < h; row++) {
                MemorySegment.copy(x, FLOAT, (source + (long) row * w) * Float.BYTES, planes, plane + row * paddedW, w);
            }
        }
    }

    /** Makes the GEMM's column {@code j} stand for column {@code column + j} of B (0 unless set). */
    void startAt(int column) {
        this.firstColumn = column;
    }

    @Override
    public void pack(GemmWorkspace ws, int pc, int kc, int jc, int nc) {
        float[] staged = ws.panel;
        int shift = firstColumn;
        for (int jr = 0; jr < nc; jr += nr) {
            // One method for full and edge panels: a branch that some shapes never take would
            // deoptimise this loop when the first shape that takes it comes.
            int j0 = shift + jc + jr;
            if (runFirst != null && j0 % nr == 0) {
                copyRuns(staged, pc, kc, j0 / nr, Math.min(nr, nc - jr));
            } else {
                gatherPanel(staged, pc, kc, j0, Math.min(nr, nc - jr));
            }
            MemorySegment.copy(staged, 0, ws.packedB, FLOAT, (long) jr * kc * Float.BYTES, kc * nr);
        }
    }

    /** As {@link #gatherPanel} for panel {@code panel} (columns from {@code panel·nr}), run by run. */
    private void copyRuns(float[] staged, int pc, int kc, int panel, int cols) {
        float[] src = planes;
        int from = runFirst[panel];
        int to = runFirst[panel + 1];
        for (int p = 0; p < kc; p++) {
            int base = depthOffsets[pc + p];
            int d = p * nr;
            for (int run = from; run < to; run++) {
                System.arraycopy(src, base + runSource[run], staged, d + runTarget[run], runLength[run]);
            }
            Arrays.fill(staged, d + cols, d + nr, 0f);
        }
    }

    /** Panel of B columns {@code [j0, j0+cols)}, depth {@code [pc, pc+kc)}, zero past {@code cols}. */
    private void gatherPanel(float[] staged, int pc, int kc, int j0, int cols) {
        float[] src = planes;
        int[] across = widthOffsets;
        for (int p = 0; p < kc; p++) {
            int base = depthOffsets[pc + p];
            int d = p * nr;
            for (int l = 0; l < cols; l++) {
                staged[d + l] = src[base + across[j0 + l]];
            }
            Arrays.fill(staged, d + cols, d + nr, 0f);
        }
    }
}
