package dev.jdnn.kernels.vector;

import static dev.jdnn.kernels.vector.SegmentVectors.FLOAT;
import static dev.jdnn.kernels.vector.SegmentVectors.LANES;
import static dev.jdnn.kernels.vector.SegmentVectors.SPECIES;

import java.lang.foreign.MemorySegment;
import jdk.incubator.vector.FloatVector;

/**
 * {@code Backend.reorder} between NCHW and NHWC: per image, the {@code c x (h·w)} matrix
 * transposed, a block of {@link #BLOCK} pixels at a time. A block comes into a heap tile with bulk
 * copies (the contiguous side: one per channel row from NCHW, one for the whole block from NHWC),
 * is transposed by vector gathers (each destination vector is {@code LANES} elements one source
 * row apart, read with one indexed load), and leaves with bulk copies. The tiles are per thread and
 * reused, so a reorder allocates nothing once a thread has run one.
 */
final class LayoutTranspose {
    /** Pixels per block: the tile holds {@code c · BLOCK} floats twice. */
    static final int BLOCK = 256;
    private static final ThreadLocal<Tiles> TILES = new ThreadLocal<>();

    private LayoutTranspose() {
    }

    private static final class Tiles {
        final float[] source;
        final float[] target;
        final int[] indices;

        Tiles(int floats, int indices) {
            this.source = new float[floats];
            this.target = new float[floats];
            this.indices = new int[indices];
        }
    }

    private static Tiles tiles(int c) {
        Tiles t = TILES.get();
        int floats = Math.max(c, 1) * BLOCK;
        int indices = LANES;
        if (t == null || t.source.length < floats) {
            t = new Tiles(floats, indices);
            TILES.set(t);
        }
        return t;
    }

    /** NCHW {@code [n, c, pixels]} at {@code src} into NHWC {@code [n, pixels, c]} at {@code dst}. */
    static void toChannelsLast(MemorySegment src, MemorySegment dst, int n, int c, int pixels) {
        Tiles t = tiles(c);
        for (int image = 0; image < n; image++) {
            long base = (long) image * c * pixels;
            for (int p0 = 0; p0 < pixels; p0 += BLOCK) {
                int b = Math.min(BLOCK, pixels - p0);
                for (int ch = 0; ch < c; ch++) {
                    MemorySegment.copy(src, FLOAT, (base + (long) ch * pixels + p0) * Float.BYTES, t.source, ch * b, b);
                }
                transpose(t, c, b);
                MemorySegment.copy(t.target, 0, dst, FLOAT, (base + (long) p0 * c) * Float.BYTES, b * c);
            }
        }
    }

    /** NHWC {@code [n, pixels, c]} at {@code src} into NCHW {@code [n, c, pixels]} at {@code dst}. */
    static void toChannelsFirst(MemorySegment src, MemorySegment dst, int n, int c, int pixels) {
        Tiles t = tiles(c);
        for (int image = 0; image < n; image++) {
            long base = (long) image * c * pixels;
            for (int p0 = 0; p0 < pixels; p0 += BLOCK) {
                int b = Math.min(BLOCK, pixels - p0);
                MemorySegment.copy(src, FLOAT, (base + (long) p0 * c) * Float.BYTES, t.source, 0, b * c);
                transpose(t, b, c);
                for (int ch = 0; ch < c; ch++) {
                    MemorySegment.copy(t.target, ch * b, dst, FLOAT, (base + (long) ch * pixels + p0) * Float.BYTES, b);
                }
            }
        }
    }

    /** {@code target[j][i] = source[i][j]} for the {@code rows x cols} matrix in {@code t.source}. */
    private static void transpose(Tiles t, int rows, int cols) {
        float[] source = t.source;
        float[] target = t.target;
        int[] index = t.indices;
        for (int lane = 0; lane < LANES; lane++) {
            index[lane] = lane * cols;
        }
        for (int j = 0; j < cols; j++) {
            int row = j * rows;
            int i = 0;
            for (; i <= rows - LANES; i += LANES) {
                FloatVector.fromArray(SPECIES, source, i * cols + j, index, 0).intoArray(target, row + i);
            }
            // The tail one element at a time: a masked gather still range-checks its idle lanes.
            for (; i < rows; i++) {
                target[row + i] = source[i * cols + j];
            }
        }
    }
}
