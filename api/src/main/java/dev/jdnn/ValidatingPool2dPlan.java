package dev.jdnn;

/** A validating {@link Pool2dPlan}: checks each call, then runs the engine's plan with its tensors pinned. */
final class ValidatingPool2dPlan extends ValidatingShapedPlan implements Pool2dPlan {
    private final Pool2dPlan engine;
    private final Pool2d op;

    ValidatingPool2dPlan(ValidatingBackend backend, Pool2dPlan engine, Pool2d op, Shape input, Shape output,
                         Layout layout) {
        super(backend, engine, "pool2d", input, output, layout);
        this.engine = engine;
        this.op = op;
    }

    @Override
    public Pool2d op() {
        return op;
    }

    @Override
    public Shape outputShape() {
        return output;
    }

    @Override
    void runForward(Tensor x, Tensor y) {
        engine.forward(x, y);
    }

    @Override
    void runBackward(Tensor x, Tensor dy, Tensor dx) {
        engine.backward(x, dy, dx);
    }

    @Override
    public Workspace newWorkspace() {
        String where = "pool2d newWorkspace";
        enter(where);
        try {
            return new ValidatingWorkspace(this, engine.newWorkspace());
        } finally {
            exit();
        }
    }

    @Override
    public void forward(Tensor x, Tensor y, Workspace ws) {
        String where = "pool2d forward";
        enter(where);
        try {
            Arguments.tensor(where, "x", x, input, layout);
            Arguments.tensor(where, "y", y, output, layout);
            Arguments.noAlias(where, "y", y, "x", x);
            ValidatingWorkspace workspace = ValidatingWorkspace.claim(where, this, ws, false);
            try {
                Arguments.pin(where, x, y, null, null);
                try {
                    workspace.filled(false);
                    engine.forward(x, y, workspace.engine());
                    workspace.filled(true);
                } finally {
                    Arguments.unpin(x, y, null, null);
                }
            } finally {
                workspace.release();
            }
        } finally {
            exit();
        }
    }

    @Override
    public void backward(Workspace ws, Tensor dy, Tensor dx) {
        String where = "pool2d backward";
        enter(where);
        try {
            Arguments.tensor(where, "dy", dy, output, layout);
            Arguments.tensor(where, "dx", dx, input, layout);
            Arguments.noAlias(where, "dx", dx, "dy", dy);
            ValidatingWorkspace workspace = ValidatingWorkspace.claim(where, this, ws, true);
            try {
                Arguments.pin(where, dy, dx, null, null);
                try {
                    engine.backward(workspace.engine(), dy, dx);
                } finally {
                    Arguments.unpin(dy, dx, null, null);
                }
            } finally {
                workspace.release();
            }
        } finally {
            exit();
        }
    }
}
