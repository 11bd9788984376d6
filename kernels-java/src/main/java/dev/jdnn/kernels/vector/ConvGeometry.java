package dev.jdnn.kernels.vector;

import dev.jdnn.Conv2d;
import dev.jdnn.Shape;

/** The sizes of one {@link Conv2d} on one input shape, named as in the rest of the backend. */
record ConvGeometry(Conv2d op, Shape input, Shape output, int n, int c, int h, int w, int k, int oh, int ow,
        int groups, int cg, int kg, int taps) {

    static ConvGeometry of(Conv2d op, Shape input) {
        Shape output = op.outputShape(input);
        int groups = op.groups();
        return new ConvGeometry(op, input, output, input.dim(0), input.dim(1), input.dim(2), input.dim(3),
                op.outChannels(), output.dim(2), output.dim(3), groups, op.inChannels() / groups,
                op.outChannels() / groups, op.kernelH() * op.kernelW());
    }

    /** Output pixels per channel. */
    int pixels() {
        return oh * ow;
    }

    /** Input cells per channel. */
    int cells() {
        return h * w;
    }

    /** Rows of one group's column matrix: {@code cg * R * S}. */
    int columnRows() {
        return cg * taps;
    }
}
