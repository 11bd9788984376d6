package dev.jdnn.examples;

import dev.jdnn.Tensor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Copies a batch of images into a network's input tensor, normalised with Fashion-MNIST's mean
 * and standard deviation ({@code (pixel / 255 - 0.2860) / 0.3530}), and its labels. A lookup
 * table of the 256 normalised values and one row buffer keep it allocation-free.
 */
final class BatchLoader {
    static final float MEAN = 0.2860f;
    static final float STD = 0.3530f;

    private final float[] normalised = new float[256];
    private final float[] image;

    BatchLoader(int imageSize) {
        for (int v = 0; v < 256; v++) {
            normalised[v] = (v / 255f - MEAN) / STD;
        }
        image = new float[imageSize];
    }

    /**
     * Loads images {@code order[start .. start + count)} of {@code data} into the first
     * {@code count} rows of {@code input} and {@code labels}.
     */
    void load(Dataset data, int[] order, int start, int count, Tensor input, int[] labels) {
        MemorySegment target = input.segment();
        byte[] pixels = data.pixels();
        int size = image.length;
        for (int i = 0; i < count; i++) {
            int index = order[start + i];
            int from = index * size;
            for (int p = 0; p < size; p++) {
                image[p] = normalised[pixels[from + p] & 0xff];
            }
            MemorySegment.copy(image, 0, target, ValueLayout.JAVA_FLOAT, (long) i * size * Float.BYTES, size);
            labels[i] = data.labels()[index];
        }
    }
}
