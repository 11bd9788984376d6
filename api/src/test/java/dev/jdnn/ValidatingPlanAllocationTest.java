package dev.jdnn;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

/**
 * The validating layer sits on every hot path, so a validated plan run must allocate nothing
 * itself: the engine here allocates nothing, and the JIT gets enough runs to compile the checks.
 */
class ValidatingPlanAllocationTest {
    private static final int WARM_UP = 200_000;
    private static final int MEASURED = 100_000;

    @Test
    void validatedConvRunsAndElementwiseCallsAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Conv2d op = Conv2d.of(2, 3, 3).padding(1);
        Shape input = Shape.nchw(1, 2, 4, 4);
        try (Backend b = Backends.open("recording");
             Conv2dPlan plan = b.plan(op, input);
             Tensor x = Tensor.allocate(input);
             Tensor w = Tensor.allocate(op.weightShape());
             Tensor bias = Tensor.allocate(op.biasShape());
             Tensor y = Tensor.allocate(plan.outputShape());
             Tensor dy = Tensor.allocate(plan.outputShape());
             Tensor dx = Tensor.allocate(input);
             Tensor dw = Tensor.allocate(op.weightShape());
             Tensor db = Tensor.allocate(op.biasShape())) {
            Runnable calls = () -> {
                plan.forward(x, w, bias, y);
                plan.backwardData(dy, w, dx);
                plan.backwardWeights(x, dy, dw, db);
                b.activation(Activation.RELU, y, dy);
            };
            for (int i = 0; i < WARM_UP; i++) {
                calls.run();
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < MEASURED; i++) {
                calls.run();
            }
            long perCall = (threads.getCurrentThreadAllocatedBytes() - before) / MEASURED;
            assertThat(perCall).as("bytes allocated per round of four validated calls").isLessThan(8);
        }
    }
}
