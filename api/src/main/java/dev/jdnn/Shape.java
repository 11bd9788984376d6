package dev.jdnn;

import java.util.Arrays;

/**
 * Immutable tensor dimensions, outermost first (row-major). Activations are {@code [n, c, h, w]}.
 * Every dimension is at least 1.
 */
public final class Shape {
    private final int[] dims;

    private Shape(int[] dims) {
        this.dims = dims;
    }

    /**
     * A shape with the given dimensions.
     *
     * @param dims at least one dimension, each {@code >= 1}
     * @throws IllegalArgumentException when there are no dimensions, a dimension is below 1, or
     *     the element count overflows a {@code long}
     */
    public static Shape of(int... dims) {
        if (dims == null || dims.length == 0) {
            throw new IllegalArgumentException("Shape.of: dims: expected at least one dimension, got none");
        }
        long count = 1;
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 1) {
                throw new IllegalArgumentException("Shape.of: dims[" + i + "]: expected >= 1, got " + dims[i]
                        + " in " + Arrays.toString(dims));
            }
            if (count > Long.MAX_VALUE / dims[i]) {
                throw new IllegalArgumentException("Shape.of: dims: expected an element count <= " + Long.MAX_VALUE
                        + ", got more in " + Arrays.toString(dims));
            }
            count *= dims[i];
        }
        return new Shape(dims.clone());
    }

    /** The shape {@code [n, c, h, w]} of a batch of images in NCHW layout. */
    public static Shape nchw(int n, int c, int h, int w) {
        return of(n, c, h, w);
    }

    /** Number of dimensions. */
    public int rank() {
        return dims.length;
    }

    /** Dimension {@code i}, {@code 0 <= i < rank()}. */
    public int dim(int i) {
        if (i < 0 || i >= dims.length) {
            throw new IndexOutOfBoundsException("Shape.dim: i: expected 0.." + (dims.length - 1) + ", got " + i);
        }
        return dims[i];
    }

    /** A copy of the dimensions. */
    public int[] dims() {
        return dims.clone();
    }

    /** Product of all dimensions. */
    public long elementCount() {
        long count = 1;
        for (int d : dims) {
            count *= d;
        }
        return count;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Shape other && Arrays.equals(dims, other.dims);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(dims);
    }

    /** Like {@code [16, 64, 56, 56]}. */
    @Override
    public String toString() {
        return Arrays.toString(dims);
    }
}
