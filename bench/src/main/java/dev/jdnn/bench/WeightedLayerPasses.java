package dev.jdnn.bench;

import dev.jdnn.Shape;
import dev.jdnn.Tensor;

/**
 * The three passes that convolution and dense plans both have, as plain functions, so that the
 * code around them (naive's reference for one image, the comparison with it) is written once:
 * {@code forward(x, w, b, y)}, {@code backwardData(dy, w, dx)}, {@code backwardWeights(x, dy, dw, db)}.
 * Built from a plan's method references, e.g. {@code new WeightedLayerPasses(p::forward,
 * p::backwardData, p::backwardWeights)}.
 */
record WeightedLayerPasses(FourTensors forward, ThreeTensors backwardData, FourTensors backwardWeights) {

    /** A pass taking four tensors. */
    @FunctionalInterface
    interface FourTensors {
        void run(Tensor a, Tensor b, Tensor c, Tensor d);
    }

    /** A pass taking three tensors. */
    @FunctionalInterface
    interface ThreeTensors {
        void run(Tensor a, Tensor b, Tensor c);
    }

    /** Shapes of one layer call: input, output, weights, bias. */
    record Shapes(Shape input, Shape output, Shape weights, Shape bias) {
    }

    /**
     * Runs {@code pass} of these (naive's) passes on one image of {@code shapes} with {@code one}'s
     * data; returns {@code {y}}, {@code {dx}} or {@code {dw, db}} and the time of a warm call.
     */
    NaiveReferences.Reference onOneImage(Pass pass, Shapes shapes, OneImageInputs one) {
        try (Tensor x = Tensor.of(shapes.input(), one.image());
             Tensor dy = Tensor.of(shapes.output(), one.gradImage());
             Tensor w = Tensor.of(shapes.weights(), one.weights());
             Tensor b = Tensor.of(shapes.bias(), one.bias());
             Tensor y = Tensor.allocate(shapes.output());
             Tensor dx = Tensor.allocate(shapes.input());
             Tensor dw = Tensor.allocate(shapes.weights());
             Tensor db = Tensor.allocate(shapes.bias())) {
            // time first: the outputs hold the result only after the pass has run
            return switch (pass.shortName()) {
                case "fwd" -> {
                    double seconds = NaiveReferences.warmRunSeconds(() -> forward.run(x, w, b, y));
                    yield new NaiveReferences.Reference(new float[][] {y.toArray()}, seconds);
                }
                case "bwd_d" -> {
                    double seconds = NaiveReferences.warmRunSeconds(() -> backwardData.run(dy, w, dx));
                    yield new NaiveReferences.Reference(new float[][] {dx.toArray()}, seconds);
                }
                default -> {
                    double seconds = NaiveReferences.warmRunSeconds(() -> backwardWeights.run(x, dy, dw, db));
                    yield new NaiveReferences.Reference(new float[][] {dw.toArray(), db.toArray()}, seconds);
                }
            };
        }
    }

    /**
     * Compares the output of {@code pass} on a batch of {@code batch} equal images with naive's
     * {@code reference} for one: every image of {@code y} or {@code dx}, or {@code batch} times
     * naive's {@code dw} and {@code db}. Activations in NHWC are compared in logical order.
     */
    static void requireMatch(Pass pass, ReferenceCheck check, float[][] reference, int batch, Tensor y, Tensor dx,
                             Tensor dw, Tensor db) {
        switch (pass.shortName()) {
            case "fwd" -> check.requireEveryImage("y", LayoutArrays.nchw(y), reference[0]);
            case "bwd_d" -> check.requireEveryImage("dx", LayoutArrays.nchw(dx), reference[0]);
            default -> {
                check.requireScaled("dw", dw.toArray(), reference[0], batch);
                check.requireScaled("db", db.toArray(), reference[1], batch);
            }
        }
    }
}
