package dev.jdnn.kernels.naive;

import dev.jdnn.Backend;
import dev.jdnn.Backends;
import dev.jdnn.Dense;
import dev.jdnn.DensePlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.function.DoubleSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The naive dense layer against a hand-worked product and central finite differences (exact,
 * for the same reason as in {@link NaiveConvolutionTest}: dyadic operands, a linear loss).
 */
class NaiveDenseTest {
    private final Backend backend = Backends.open("naive");
    private final ScratchTensors tensors = new ScratchTensors(3);

    @AfterEach
    void close() {
        tensors.close();
        backend.close();
    }

    @Test
    void forwardMultipliesByTheTransposedWeightsAndAddsTheBias() {
        try (DensePlan plan = backend.plan(Dense.of(3, 2), 2)) {
            Tensor x = tensors.of(Shape.of(2, 3), 1, 2, 3, 4, 5, 6);
            Tensor w = tensors.of(Shape.of(2, 3), 1, 0, -1, 0.5f, 1, 2);
            Tensor b = tensors.of(Shape.of(2), 1, -1);
            Tensor y = tensors.output(plan.outputShape());
            plan.forward(x, w, b, y);
            // Row 0: 1 - 3 + 1 = -1 and 0.5 + 2 + 6 - 1 = 7.5; row 1: 4 - 6 + 1 = -1 and 2 + 5 + 12 - 1 = 18.
            assertThat(y.toArray()).containsExactly(-1, 7.5f, -1, 18);
        }
    }

    @ParameterizedTest(name = "in {0}, out {1}, batch {2}, bias {3}")
    @CsvSource({"5, 3, 4, true", "7, 2, 1, false", "1, 6, 3, true"})
    void backwardMatchesCentralDifferences(int in, int out, int batch, boolean bias) {
        Dense op = new Dense(in, out, bias);
        try (DensePlan plan = backend.plan(op, batch)) {
            Tensor x = tensors.dyadic(plan.inputShape());
            Tensor w = tensors.dyadic(op.weightShape());
            Tensor b = bias ? tensors.dyadic(op.biasShape()) : null;
            Tensor g = tensors.dyadic(plan.outputShape());
            Tensor y = tensors.output(plan.outputShape());
            Tensor dx = tensors.output(plan.inputShape());
            Tensor dw = tensors.output(op.weightShape());
            Tensor db = bias ? tensors.output(op.biasShape()) : null;
            plan.backwardData(g, w, dx);
            plan.backwardWeights(x, g, dw, db);

            DoubleSupplier loss = () -> {
                plan.forward(x, w, b, y);
                return GradientCheck.weightedSum(y, g);
            };
            TensorAssertions.assertClose("dx", dx, GradientCheck.numeric(x, 0.25f, loss), 1e-6);
            TensorAssertions.assertClose("dw", dw, GradientCheck.numeric(w, 0.25f, loss), 1e-6);
            if (bias) {
                TensorAssertions.assertClose("db", db, GradientCheck.numeric(b, 0.25f, loss), 1e-6);
            }
        }
    }
}
