package dev.jdnn.examples;

import dev.jdnn.Backend;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Tensor;
import dev.jdnn.Workspace;

/**
 * Max pooling through one {@link Pool2dPlan} in the input's layout, with a {@link Workspace} made
 * once: the forward records each window's first maximum there and the backward routes the
 * gradient through it, never reading the input or recomputing the forward.
 */
final class MaxPoolLayer extends PreparedLayer {
    private final Pool2dPlan plan;
    private final Workspace workspace;

    private MaxPoolLayer(String name, Pool2dPlan plan, Tensor input) {
        super(name, input, Tensor.allocate(plan.outputShape(), input.layout()), true);
        this.plan = plan;
        this.workspace = plan.newWorkspace();
    }

    static MaxPoolLayer of(String name, Backend backend, Pool2d op, Tensor input) {
        return new MaxPoolLayer(name, backend.plan(op, input.shape(), input.layout()), input);
    }

    @Override
    public void forward() {
        plan.forward(input, output, workspace);
    }

    @Override
    public void backward(Tensor dy) {
        plan.backward(workspace, dy, inputGradient);
    }

    @Override
    void closePlan() {
        workspace.close();
        plan.close();
    }
}
