package dev.jdnn;

/** Checks each call against the prepared shapes, then runs the engine's plan. */
final class ValidatingConv2dPlan implements Conv2dPlan {
    private final Conv2dPlan engine;
    private final Conv2d op;
    private final Shape input;
    private final Shape output;
    private volatile boolean closed;

    ValidatingConv2dPlan(Conv2dPlan engine, Conv2d op, Shape input, Shape output) {
        this.engine = engine;
        this.op = op;
        this.input = input;
        this.output = output;
    }

    @Override
    public Conv2d op() {
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
    public void forward(Tensor x, Tensor w, Tensor b, Tensor y) {
        String where = "conv2d forward";
        Arguments.open(where, closed, "plan");
        Arguments.tensor(where, "x", x, input);
        Arguments.tensor(where, "w", w, op.weightShape());
        Arguments.optional(where, "b", b, op.bias(), op.biasShape());
        Arguments.tensor(where, "y", y, output);
        Arguments.noAlias(where, "y", y, "x", x, "w", w, "b", b);
        engine.forward(x, w, b, y);
    }

    @Override
    public void backwardData(Tensor dy, Tensor w, Tensor dx) {
        String where = "conv2d backwardData";
        Arguments.open(where, closed, "plan");
        Arguments.tensor(where, "dy", dy, output);
        Arguments.tensor(where, "w", w, op.weightShape());
        Arguments.tensor(where, "dx", dx, input);
        Arguments.noAlias(where, "dx", dx, "dy", dy, "w", w);
        engine.backwardData(dy, w, dx);
    }

    @Override
    public void backwardWeights(Tensor x, Tensor dy, Tensor dw, Tensor db) {
        String where = "conv2d backwardWeights";
        Arguments.open(where, closed, "plan");
        Arguments.tensor(where, "x", x, input);
        Arguments.tensor(where, "dy", dy, output);
        Arguments.tensor(where, "dw", dw, op.weightShape());
        Arguments.optional(where, "db", db, op.bias(), op.biasShape());
        Arguments.noAlias(where, "dw", dw, "x", x, "dy", dy, "db", db);
        Arguments.noAlias(where, "db", db, "x", x, "dy", dy);
        engine.backwardWeights(x, dy, dw, db);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            engine.close();
        }
    }
}
