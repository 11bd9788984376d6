package dev.jdnn;

/** A validating {@link LrnPlan}: checks each call, then runs the engine's plan with its tensors pinned. */
final class ValidatingLrnPlan extends ValidatingShapedPlan implements LrnPlan {
    private final LrnPlan engine;
    private final Lrn op;

    ValidatingLrnPlan(ValidatingBackend backend, LrnPlan engine, Lrn op, Shape input, Layout layout) {
        super(backend, engine, "lrn", input, input, layout);
        this.engine = engine;
        this.op = op;
    }

    @Override
    public Lrn op() {
        return op;
    }

    @Override
    void runForward(Tensor x, Tensor y) {
        engine.forward(x, y);
    }

    @Override
    void runBackward(Tensor x, Tensor dy, Tensor dx) {
        engine.backward(x, dy, dx);
    }
}
