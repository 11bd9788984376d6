package dev.jdnn;

/** Checks each call against the prepared shapes, then runs the engine's plan. */
final class ValidatingPool2dPlan implements Pool2dPlan {
    private final Pool2dPlan engine;
    private final Pool2d op;
    private final Shape input;
    private final Shape output;
    private volatile boolean closed;

    ValidatingPool2dPlan(Pool2dPlan engine, Pool2d op, Shape input, Shape output) {
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
        Arguments.open(where, closed, "plan");
        Arguments.tensor(where, "x", x, input);
        Arguments.tensor(where, "y", y, output);
        Arguments.noAlias(where, "y", y, "x", x);
        engine.forward(x, y);
    }

    @Override
    public void backward(Tensor x, Tensor dy, Tensor dx) {
        String where = "pool2d backward";
        Arguments.open(where, closed, "plan");
        Arguments.tensor(where, "x", x, input);
        Arguments.tensor(where, "dy", dy, output);
        Arguments.tensor(where, "dx", dx, input);
        Arguments.noAlias(where, "dx", dx, "x", x, "dy", dy);
        engine.backward(x, dy, dx);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            engine.close();
        }
    }
}
