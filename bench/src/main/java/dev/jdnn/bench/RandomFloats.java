package dev.jdnn.bench;

import java.util.SplittableRandom;

/** Reproducible benchmark data: uniform floats in [-1, 1), and batches made of one repeated image. */
final class RandomFloats {
    private RandomFloats() {
    }

    /** {@code count} uniform floats in [-1, 1) from {@code seed}. */
    static float[] uniform(long seed, long count) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[Math.toIntExact(count)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return values;
    }

    /** {@code copies} back-to-back copies of {@code image}: a batch whose images are all equal. */
    static float[] repeated(float[] image, int copies) {
        float[] batch = new float[Math.multiplyExact(image.length, copies)];
        for (int i = 0; i < copies; i++) {
            System.arraycopy(image, 0, batch, i * image.length, image.length);
        }
        return batch;
    }
}
