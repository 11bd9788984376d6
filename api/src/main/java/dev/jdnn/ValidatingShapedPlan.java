package dev.jdnn;

/**
 * The checks shared by the plans whose passes are {@code forward(x, y)} and
 * {@code backward(x, dy, dx)} over activations of one layout, pooling and LRN: subclasses only
 * hand a validated, pinned call to their engine.
 */
abstract class ValidatingShapedPlan extends ValidatingPlan {
    private final String forward;
    private final String backward;
    private final String name;
    final Shape input;
    final Shape output;
    final Layout layout;

    ValidatingShapedPlan(ValidatingBackend backend, AutoCloseable engine, String name, Shape input, Shape output,
                         Layout layout) {
        super(backend, engine);
        this.name = name;
        this.forward = name + " forward";
        this.backward = name + " backward";
        this.input = input;
        this.output = output;
        this.layout = layout;
    }

    /** The layout of {@code x}, {@code y}, {@code dx} and {@code dy}. */
    public final Layout layout() {
        return layout;
    }

    /** The prepared input shape. */
    public final Shape inputShape() {
        return input;
    }

    abstract void runForward(Tensor x, Tensor y);

    abstract void runBackward(Tensor x, Tensor dy, Tensor dx);

    /** {@code y} from {@code x}, validated. */
    public final void forward(Tensor x, Tensor y) {
        String where = forward;
        enter(where);
        try {
            Arguments.tensor(where, "x", x, input, layout);
            Arguments.tensor(where, "y", y, output, layout);
            Arguments.noAlias(where, "y", y, "x", x);
            Arguments.pin(where, x, y, null, null);
            try {
                runForward(x, y);
            } finally {
                Arguments.unpin(x, y, null, null);
            }
        } finally {
            exit();
        }
    }

    /** {@code dx} from {@code x} and {@code dy}, validated. */
    public final void backward(Tensor x, Tensor dy, Tensor dx) {
        String where = backward;
        enter(where);
        try {
            Arguments.tensor(where, "x", x, input, layout);
            Arguments.tensor(where, "dy", dy, output, layout);
            Arguments.tensor(where, "dx", dx, input, layout);
            Arguments.noAlias(where, "dx", dx, "x", x, "dy", dy);
            Arguments.pin(where, x, dy, dx, null);
            try {
                runBackward(x, dy, dx);
            } finally {
                Arguments.unpin(x, dy, dx, null);
            }
        } finally {
            exit();
        }
    }

    @Override
    public String toString() {
        return name + " plan " + input + (input.equals(output) ? "" : " -> " + output)
                + (layout == Layout.NCHW ? "" : " " + layout);
    }
}
