package dev.jdnn;

/** A validating {@link Pool2dPlan}: checks each call, then runs the engine's plan with its tensors pinned. */
final class ValidatingPool2dPlan extends ValidatingPlan implements Pool2dPlan {
    private final Pool2dPlan engine;
    private final Pool2d op;
    private final Shape input;
    private final Shape output;

    ValidatingPool2dPlan(ValidatingBackend backend, Pool2dPlan engine, Pool2d op, Shape input, Shape output) {
        super(backend, engine);
        this.engine = engine;
        this.op = op;
        this.input = input;
        this.output = output;
    }

    @Override
    public Pool2d op() {
        return op;
    }

    @Override
    public Shape inputShape() {
        return input;
    }

    @Override
    public Shape outputShape() {
        return output;
    }

    @Override
    public void forward(Tensor x, Tensor y) {
        String where = "pool2d forward";
        enter(where);
        try {
            Arguments.tensor(where, "x", x, input);
            Arguments.tensor(where, "y", y, output);
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
        String where = "pool2d backward";
        enter(where);
        try {
            Arguments.tensor(where, "x", x, input);
            Arguments.tensor(where, "dy", dy, output);
            Arguments.tensor(where, "dx", dx, input);
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
        return "pool2d plan " + input + " -> " + output;
    }
}
