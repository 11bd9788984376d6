package dev.jdnn.bench;

/**
 * Compares a backend's output with {@code naive}'s before a benchmark is timed.
 *
 * <p>The comparison is normwise: the largest element difference must stay below
 * {@value #TOLERANCE} times the largest reference magnitude. That is far above float32 rounding
 * in any summation order for the hot-core reduction lengths, and far below what a wrong kernel
 * produces (zeros, a missing image, a shifted window or a dropped tap all move some element by
 * a sizeable fraction of the norm). Correctness in detail is the testkit's job; this check only
 * makes sure a fast wrong kernel cannot win the table.
 */
final class ReferenceCheck {
    static final double TOLERANCE = 2e-3;

    private final String subject;

    /** {@code subject} names what is checked in messages, e.g. {@code "vector conv.fwd on rn_3x3"}. */
    ReferenceCheck(String subject) {
        this.subject = subject;
    }

    /**
     * Requires every image (consecutive block of {@code perImage.length} elements) of
     * {@code batch} to match {@code perImage}: the output of a batch of identical images.
     */
    void requireEveryImage(String output, float[] batch, float[] perImage) {
        if (batch.length % perImage.length != 0) {
            throw mismatch(output + " has " + batch.length + " elements, not a multiple of the image size "
                    + perImage.length);
        }
        double allowed = TOLERANCE * maxAbs(perImage, 1);
        for (int i = 0; i < batch.length; i++) {
            requireClose(output, i, batch[i], perImage[i % perImage.length], allowed);
        }
    }

    /**
     * Requires {@code actual} to equal {@code factor} times {@code reference}: a gradient summed
     * over a batch of {@code factor} identical images, against naive's for one image.
     */
    void requireScaled(String output, float[] actual, float[] reference, int factor) {
        if (actual.length != reference.length) {
            throw mismatch(output + " has " + actual.length + " elements, expected " + reference.length);
        }
        double allowed = TOLERANCE * maxAbs(reference, factor);
        for (int i = 0; i < actual.length; i++) {
            requireClose(output, i, actual[i], (double) factor * reference[i], allowed);
        }
    }

    private void requireClose(String output, int index, float actual, double expected, double allowed) {
        double diff = Math.abs(actual - expected);
        if (!(diff <= allowed)) {
            throw mismatch(output + "[" + index + "] = " + actual + ", naive gives " + (float) expected
                    + " (|diff| " + (float) diff + " > allowed " + (float) allowed + ")");
        }
    }

    private ReferenceMismatchException mismatch(String detail) {
        return new ReferenceMismatchException(subject + " differs from naive, so it is not benchmarked: " + detail);
    }

    private static double maxAbs(float[] values, int factor) {
        double max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max * factor + Float.MIN_NORMAL;
    }
}
