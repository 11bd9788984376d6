package dev.jdnn.testkit;

import dev.jdnn.Shape;

/**
 * One tensor of a golden case: an input (float32 values, exactly representable) or an expected
 * output (float64 values from PyTorch). Outputs of linear ops also carry the error magnitude
 * {@code Σ|terms|} per element and the reduction length, from which {@link ErrorBound#reduction}
 * derives the tolerance.
 *
 * @param shape the tensor's shape
 * @param data the values, row-major
 * @param magnitude per element {@code Σ|terms|}, or {@code null} when the case gives none
 * @param terms the reduction length, or 0 when the case gives none
 */
record GoldenTensor(Shape shape, double[] data, float[] magnitude, int terms) {

    /** The values as float32 (exact for inputs, which were float32 to begin with). */
    float[] floats() {
        float[] values = new float[data.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) data[i];
        }
        return values;
    }

    /** The tolerance of a linear op's output. */
    double[] reductionBound() {
        if (magnitude == null) {
            throw new IllegalStateException("golden tensor " + shape + " has no magnitude: the generator must emit one "
                    + "for every output of a linear op");
        }
        return ErrorBound.reduction(magnitude, terms);
    }
}
