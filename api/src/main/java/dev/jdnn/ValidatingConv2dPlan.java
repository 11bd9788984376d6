package dev.jdnn;

/** A validating {@link Conv2dPlan}: checks each call, then runs the engine's plan with its tensors pinned. */
final class ValidatingConv2dPlan extends ValidatingWeightedPlan implements Conv2dPlan {
    private final Conv2dPlan engine;
    private final Conv2d op;

    ValidatingConv2dPlan(ValidatingBackend backend, Conv2dPlan engine, Conv2d op, Shape input, Shape output,
                         Layout layout) {
        super(backend, engine, "conv2d", input, output, op.weightShape(), op.biasShape(), op.bias(), layout);
        this.engine = engine;
        this.op = op;
    }

    @Override
    public Conv2d op() {
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
