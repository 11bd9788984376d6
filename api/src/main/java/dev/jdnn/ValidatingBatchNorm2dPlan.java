package dev.jdnn;

/** A validating {@link BatchNorm2dPlan}: checks each call, then runs the engine's plan with its tensors pinned. */
final class ValidatingBatchNorm2dPlan extends ValidatingPlan implements BatchNorm2dPlan {
    private final BatchNorm2dPlan engine;
    private final BatchNorm2d op;
    private final Shape input;
    private final Shape parameters;
    private final Layout layout;

    ValidatingBatchNorm2dPlan(ValidatingBackend backend, BatchNorm2dPlan engine, BatchNorm2d op, Shape input,
                              Layout layout) {
        super(backend, engine);
        this.engine = engine;
        this.op = op;
        this.input = input;
        this.parameters = op.parameterShape();
        this.layout = layout;
    }

    @Override
    public BatchNorm2d op() {
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
    public void forwardTraining(Tensor x, Tensor gamma, Tensor beta, Tensor y, Tensor mean, Tensor variance) {
        String where = "batchNorm2d forwardTraining";
        enter(where);
        try {
            Arguments.tensor(where, "x", x, input, layout);
            Arguments.tensor(where, "gamma", gamma, parameters);
            Arguments.tensor(where, "beta", beta, parameters);
            Arguments.tensor(where, "y", y, input, layout);
            Arguments.tensor(where, "mean", mean, parameters);
            Arguments.tensor(where, "variance", variance, parameters);
            Arguments.noAlias(where, "y", y, "x", x, "gamma", gamma, "beta", beta);
            Arguments.noAlias(where, "mean", mean, "x", x, "gamma", gamma, "beta", beta);
            Arguments.noAlias(where, "mean", mean, "y", y);
            Arguments.noAlias(where, "variance", variance, "x", x, "gamma", gamma, "beta", beta);
            Arguments.noAlias(where, "variance", variance, "y", y, "mean", mean);
            Arguments.pin(where, x, gamma, beta, y);
            try {
                Arguments.pin(where, mean, variance, null, null);
                try {
                    engine.forwardTraining(x, gamma, beta, y, mean, variance);
                } finally {
                    Arguments.unpin(mean, variance, null, null);
                }
            } finally {
                Arguments.unpin(x, gamma, beta, y);
            }
        } finally {
            exit();
        }
    }

    @Override
    public void forwardInference(Tensor x, Tensor gamma, Tensor beta, Tensor mean, Tensor variance, Tensor y) {
        String where = "batchNorm2d forwardInference";
        enter(where);
        try {
            Arguments.tensor(where, "x", x, input, layout);
            Arguments.tensor(where, "gamma", gamma, parameters);
            Arguments.tensor(where, "beta", beta, parameters);
            Arguments.tensor(where, "mean", mean, parameters);
            Arguments.tensor(where, "variance", variance, parameters);
            Arguments.tensor(where, "y", y, input, layout);
            Arguments.noAlias(where, "y", y, "x", x, "gamma", gamma, "beta", beta);
            Arguments.noAlias(where, "y", y, "mean", mean, "variance", variance);
            Arguments.pin(where, x, gamma, beta, y);
            try {
                Arguments.pin(where, mean, variance, null, null);
                try {
                    engine.forwardInference(x, gamma, beta, mean, variance, y);
                } finally {
                    Arguments.unpin(mean, variance, null, null);
                }
            } finally {
                Arguments.unpin(x, gamma, beta, y);
            }
        } finally {
            exit();
        }
    }

    @Override
    public void backward(Tensor x, Tensor dy, Tensor gamma, Tensor mean, Tensor variance, Tensor dx, Tensor dGamma,
                         Tensor dBeta) {
        String where = "batchNorm2d backward";
        enter(where);
        try {
            Arguments.tensor(where, "x", x, input, layout);
            Arguments.tensor(where, "dy", dy, input, layout);
            Arguments.tensor(where, "gamma", gamma, parameters);
            Arguments.tensor(where, "mean", mean, parameters);
            Arguments.tensor(where, "variance", variance, parameters);
            Arguments.tensor(where, "dx", dx, input, layout);
            Arguments.tensor(where, "dGamma", dGamma, parameters);
            Arguments.tensor(where, "dBeta", dBeta, parameters);
            noAliasWithInputs(where, "dx", dx, x, dy, gamma, mean, variance);
            noAliasWithInputs(where, "dGamma", dGamma, x, dy, gamma, mean, variance);
            noAliasWithInputs(where, "dBeta", dBeta, x, dy, gamma, mean, variance);
            Arguments.noAlias(where, "dGamma", dGamma, "dx", dx);
            Arguments.noAlias(where, "dBeta", dBeta, "dx", dx, "dGamma", dGamma);
            Arguments.pin(where, x, dy, gamma, mean);
            try {
                Arguments.pin(where, variance, dx, dGamma, dBeta);
                try {
                    engine.backward(x, dy, gamma, mean, variance, dx, dGamma, dBeta);
                } finally {
                    Arguments.unpin(variance, dx, dGamma, dBeta);
                }
            } finally {
                Arguments.unpin(x, dy, gamma, mean);
            }
        } finally {
            exit();
        }
    }

    private static void noAliasWithInputs(String where, String name, Tensor out, Tensor x, Tensor dy, Tensor gamma,
                                          Tensor mean, Tensor variance) {
        Arguments.noAlias(where, name, out, "x", x, "dy", dy, "gamma", gamma);
        Arguments.noAlias(where, name, out, "mean", mean, "variance", variance);
    }

    @Override
    public String toString() {
        return "batchNorm2d plan " + input + (layout == Layout.NCHW ? "" : " " + layout);
    }
}
