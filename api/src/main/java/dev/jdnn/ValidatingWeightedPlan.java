package dev.jdnn;

/**
 * The checks shared by the two plans with weights and an optional bias, convolution and dense:
 * both run {@code forward(x, w, b, y)}, {@code backwardData(dy, w, dx)} and
 * {@code backwardWeights(x, dy, dw, db)} against fixed shapes. Subclasses only hand a validated,
 * pinned call to their engine.
 */
abstract class ValidatingWeightedPlan extends ValidatingPlan {
    private final String name;
    private final Shape input;
    private final Shape output;
    private final Shape weights;
    private final Shape bias;
    private final boolean hasBias;
    private final Layout layout;
    private final String forward;
    private final String backwardData;
    private final String backwardWeights;

    ValidatingWeightedPlan(ValidatingBackend backend, AutoCloseable engine, String name, Shape input, Shape output,
                           Shape weights, Shape bias, boolean hasBias, Layout layout) {
        super(backend, engine);
        this.name = name;
        this.input = input;
        this.output = output;
        this.weights = weights;
        this.bias = bias;
        this.hasBias = hasBias;
        this.layout = layout;
        this.forward = name + " forward";
        this.backwardData = name + " backwardData";
        this.backwardWeights = name + " backwardWeights";
    }

    /** The prepared input shape. */
    public final Shape inputShape() {
        return input;
    }

    /** The prepared output shape. */
    public final Shape outputShape() {
        return output;
    }

    /** The layout of the activations x, y, dx and dy (weights are row-major in every layout). */
    public final Layout layout() {
        return layout;
    }

    /** The prepared weight shape. */
    public final Shape weightShape() {
        return weights;
    }

    /** Whether the op has a bias. */
    public final boolean hasBias() {
        return hasBias;
    }

    /** The prepared bias shape. */
    public final Shape biasShape() {
        return bias;
    }

    abstract void runForward(Tensor x, Tensor w, Tensor b, Tensor y);

    abstract void runBackwardData(Tensor dy, Tensor w, Tensor dx);

    abstract void runBackwardWeights(Tensor x, Tensor dy, Tensor dw, Tensor db);

    /** {@code y = op(x, w) + b}, validated. */
    public final void forward(Tensor x, Tensor w, Tensor b, Tensor y) {
        String where = forward;
        enter(where);
        try {
            Arguments.tensor(where, "x", x, input, layout);
            Arguments.tensor(where, "w", w, weights, Layout.NCHW);
            Arguments.optional(where, "b", b, hasBias, bias);
            Arguments.tensor(where, "y", y, output, layout);
            Arguments.noAlias(where, "y", y, "x", x, "w", w, "b", b);
            Arguments.pin(where, x, w, b, y);
            try {
                runForward(x, w, b, y);
            } finally {
                Arguments.unpin(x, w, b, y);
            }
        } finally {
            exit();
        }
    }

    /** {@code dx} from {@code dy}, validated. */
    public final void backwardData(Tensor dy, Tensor w, Tensor dx) {
        String where = backwardData;
        enter(where);
        try {
            Arguments.tensor(where, "dy", dy, output, layout);
            Arguments.tensor(where, "w", w, weights, Layout.NCHW);
            Arguments.tensor(where, "dx", dx, input, layout);
            Arguments.noAlias(where, "dx", dx, "dy", dy, "w", w);
            Arguments.pin(where, dy, w, dx, null);
            try {
                runBackwardData(dy, w, dx);
            } finally {
                Arguments.unpin(dy, w, dx, null);
            }
        } finally {
            exit();
        }
    }

    /** {@code dw} and {@code db} from {@code x} and {@code dy}, validated. */
    public final void backwardWeights(Tensor x, Tensor dy, Tensor dw, Tensor db) {
        String where = backwardWeights;
        enter(where);
        try {
            Arguments.tensor(where, "x", x, input, layout);
            Arguments.tensor(where, "dy", dy, output, layout);
            Arguments.tensor(where, "dw", dw, weights, Layout.NCHW);
            Arguments.optional(where, "db", db, hasBias, bias);
            Arguments.noAlias(where, "dw", dw, "x", x, "dy", dy, "db", db);
            Arguments.noAlias(where, "db", db, "x", x, "dy", dy);
            Arguments.pin(where, x, dy, dw, db);
            try {
                runBackwardWeights(x, dy, dw, db);
            } finally {
                Arguments.unpin(x, dy, dw, db);
            }
        } finally {
            exit();
        }
    }

    @Override
    public String toString() {
        return name + " plan " + input + " -> " + output;
    }
}
