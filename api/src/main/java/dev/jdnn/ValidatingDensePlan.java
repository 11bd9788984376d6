package dev.jdnn;

/** A validating {@link DensePlan}: checks each call, then runs the engine's plan with its tensors pinned. */
final class ValidatingDensePlan extends ValidatingWeightedPlan implements DensePlan {
    private final DensePlan engine;
    private final Dense op;

    ValidatingDensePlan(ValidatingBackend backend, DensePlan engine, Dense op, Shape input, Shape output) {
        super(backend, engine, "dense", input, output, op.weightShape(), op.biasShape(), op.bias(), Layout.NCHW);
        this.engine = engine;
        this.op = op;
    }

    @Override
    public Dense op() {
        return op;
    }

    @Override
    void runForward(Tensor x, Tensor w, Tensor b, Tensor y) {
        engine.forward(x, w, b, y);
    }

    @Override
    void runBackwardData(Tensor dy, Tensor w, Tensor dx) {
        engine.backwardData(dy, w, dx);
    }

    @Override
    void runBackwardWeights(Tensor x, Tensor dy, Tensor dw, Tensor db) {
        engine.backwardWeights(x, dy, dw, db);
    }
}
