package dev.jdnn.examples;

/**
 * Labelled grey-scale images held as unsigned bytes ({@code count * rows * cols}, image after
 * image) and labels in {@code [0, classes)}. Batches are copied out of it as normalised floats by
 * {@link BatchLoader}.
 */
public record Dataset(String name, int count, int rows, int cols, byte[] pixels, int[] labels) {
    /** Checks that images and labels agree. */
    public Dataset {
        if (pixels.length != (long) count * rows * cols) {
            throw new IllegalArgumentException(name + ": expected " + (long) count * rows * cols + " pixels for " + count
                    + " images of " + rows + "x" + cols + ", got " + pixels.length);
        }
        if (labels.length != count) {
            throw new IllegalArgumentException(name + ": expected as many labels as images (" + count + "), got "
                    + labels.length);
        }
    }

    /** Pixels in one image. */
    public int imageSize() {
        return rows * cols;
    }

    /** The first {@code k} images (all of them when {@code k >= count}). */
    public Dataset first(int k) {
        if (k <= 0) {
            throw new IllegalArgumentException(name + ": limit: expected a positive number of images, got " + k);
        }
        if (k >= count) {
            return this;
        }
        byte[] p = new byte[k * imageSize()];
        System.arraycopy(pixels, 0, p, 0, p.length);
        int[] l = new int[k];
        System.arraycopy(labels, 0, l, 0, k);
        return new Dataset(name, k, rows, cols, p, l);
    }

    /** The last {@code k} images ({@code 0 < k <= count}). */
    public Dataset last(int k) {
        if (k <= 0 || k > count) {
            throw new IllegalArgumentException(name + ": last: expected a number of images in 1.." + count + ", got " + k);
        }
        byte[] p = new byte[k * imageSize()];
        System.arraycopy(pixels, (count - k) * imageSize(), p, 0, p.length);
        int[] l = new int[k];
        System.arraycopy(labels, count - k, l, 0, k);
        return new Dataset(name + " (last " + k + ")", k, rows, cols, p, l);
    }
}
