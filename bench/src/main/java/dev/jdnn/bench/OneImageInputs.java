package dev.jdnn.bench;

/**
 * The seeded data of a benchmark's check against naive: parameters, one input image (or row) and
 * one output-gradient image. The benchmarked plan sees a batch of copies of the image; naive sees
 * the image alone. Pooling has no parameters (empty arrays).
 */
record OneImageInputs(float[] weights, float[] bias, float[] image, float[] gradImage) {

    /** Uniform data from {@code seed} in the given sizes (elements). */
    static OneImageInputs random(long seed, long weights, long bias, long image, long gradImage) {
        return new OneImageInputs(RandomFloats.uniform(seed, weights), RandomFloats.uniform(seed + 1, bias),
                RandomFloats.uniform(seed + 2, image), RandomFloats.uniform(seed + 3, gradImage));
    }
}
