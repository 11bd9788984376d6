package dev.jdnn;

/** A validating {@link LrnPlan}: checks each call, then runs the engine's plan with its tensors pinned. */
final class ValidatingLrnPlan extends ValidatingPlan implements LrnPlan {
    private final LrnPlan engine;
    private final Lrn op;
    private final Shape input;
    private final Layout layout;

    ValidatingLrnPlan(ValidatingBackend backend, LrnPlan engine, Lrn op, Shape input, Layout layout) {
        super(backend, engine);
        this.engine = engine;
        this.op = op;
        this.input = input;
        this.layout = layout;
    }

    @Override
    public Lrn op() {
        return op;
    }

    @Override
    public Shape inputShape() {
        return input;
    }

    @Override
    public Layout layout() {
        return layout;
    }

    @Override
    public void forward(Tensor x, Tensor y) {
        String where = "lrn forward";
        enter(where);
        try {
            Arguments.tensor(where, "x", x, input, layout);
            Arguments.tensor(where, "y", y, input, layout);
            Arguments.noAlias(where, "y", y, "x", x);
            Arguments.pin(where, x, y, null, null);
            try {
                engine.forward(x, y);
            } finally {
                Arguments.unpin(x, y, null, null);
            }
        } finally {
            exit();
        }
    }

    @Override
    public void backward(Tensor x, Tensor dy, Tensor dx) {
        String where = "lrn backward";
        enter(where);
        try {
            Arguments.tensor(where, "x", x, input, layout);
            Arguments.tensor(where, "dy", dy, input, layout);
            Arguments.tensor(where, "dx", dx, input, layout);
            Arguments.noAlias(where, "dx", dx, "x", x, "dy", dy);
            Arguments.pin(where, x, dy, dx, null);
            try {
                engine.backward(x, dy, dx);
            } finally {
                Arguments.unpin(x, dy, dx, null);
            }
        } finally {
            exit();
        }
    }

    @Override
    public String toString() {
        return "lrn plan " + input + (layout == Layout.NCHW ? "" : " " + layout);
    }
}
