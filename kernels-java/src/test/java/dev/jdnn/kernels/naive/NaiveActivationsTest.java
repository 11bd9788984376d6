package dev.jdnn.kernels.naive;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.Backends;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.function.DoubleUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The naive activations against their definitions evaluated in {@code double}, and their
 * gradients against central differences of those definitions.
 */
class NaiveActivationsTest {
    private static final Shape SHAPE = Shape.of(2, 3, 4, 5);
    private static final double STEP = 1e-5;

    private final Backend backend = Backends.open("naive");
    private final ScratchTensors tensors = new ScratchTensors(11);

    @AfterEach
    void close() {
        tensors.close();
        backend.close();
    }

    private static DoubleUnaryOperator definition(Activation a) {
        return switch (a) {
            case RELU -> x -> x > 0 ? x : 0;
            case SIGMOID -> x -> 1 / (1 + Math.exp(-x));
            case TANH -> Math::tanh;
        };
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void forwardMatchesTheDefinition(Activation a) {
        Tensor x = tensors.uniform(SHAPE, 4);
        Tensor y = tensors.output(SHAPE);
        backend.activation(a, x, y);

        double[] expected = GradientCheck.toDoubles(x);
        for (int i = 0; i < expected.length; i++) {
            expected[i] = definition(a).applyAsDouble(expected[i]);
        }
        TensorAssertions.assertClose("y", y, expected, 1e-6);
    }

    /**
     * The gradient from the forward output equals the gradient from the input (same derivative,
     * expressed through y), out of place and in place ({@code dx} the very tensor {@code dy}).
     */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void backwardFromOutputMatchesBackwardFromInputAlsoInPlace(Activation a) {
        Tensor x = tensors.uniform(SHAPE, 4);
        Tensor y = tensors.output(SHAPE);
        Tensor g = tensors.uniform(SHAPE, 1);
        backend.activation(a, x, y);
        Tensor fromInput = tensors.output(SHAPE);
        Tensor fromOutput = tensors.output(SHAPE);
        backend.activationBackward(a, x, g, fromInput);
        backend.activationBackwardFromOutput(a, y, g, fromOutput);
        // y is rounded to float before its derivative is formed: a few float ulps of the gradient.
        TensorAssertions.assertClose("dx from y", fromOutput, GradientCheck.toDoubles(fromInput), 1e-6);
        Tensor inPlace = tensors.of(SHAPE, g.toArray());
        backend.activationBackwardFromOutput(a, y, inPlace, inPlace);
        assertThat(inPlace.toArray()).containsExactly(fromOutput.toArray());
        Tensor forwardInPlace = tensors.of(SHAPE, x.toArray());
        backend.activation(a, forwardInPlace, forwardInPlace);
        assertThat(forwardInPlace.toArray()).containsExactly(y.toArray());
        Tensor backwardInPlace = tensors.of(SHAPE, g.toArray());
        backend.activationBackward(a, x, backwardInPlace, backwardInPlace);
        assertThat(backwardInPlace.toArray()).containsExactly(fromInput.toArray());
    }

    /** The gradient from the forward output against central differences of the definition in x. */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void backwardFromOutputMatchesCentralDifferences(Activation a) {
        Tensor x = awayFromZero(tensors.uniform(SHAPE, 4));
        Tensor g = tensors.uniform(SHAPE, 1);
        Tensor y = tensors.output(SHAPE);
        Tensor dx = tensors.output(SHAPE);
        backend.activation(a, x, y);
        backend.activationBackwardFromOutput(a, y, g, dx);
        TensorAssertions.assertClose("dx from y", dx, numericGradient(a, x, g), 1e-6);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void backwardMatchesCentralDifferences(Activation a) {
        Tensor x = awayFromZero(tensors.uniform(SHAPE, 4));
        Tensor g = tensors.uniform(SHAPE, 1);
        Tensor dx = tensors.output(SHAPE);
        backend.activationBackward(a, x, g, dx);
        TensorAssertions.assertClose("dx", dx, numericGradient(a, x, g), 1e-6);
    }

    /** Central differences of {@code Σ a(x)·g} in double. */
    private static double[] numericGradient(Activation a, Tensor x, Tensor g) {

        double[] gs = GradientCheck.toDoubles(g);
        DoubleUnaryOperator f = definition(a);
        return GradientCheck.numeric(GradientCheck.toDoubles(x), STEP, xs -> {
            double loss = 0;
            for (int i = 0; i < xs.length; i++) {
                loss += f.applyAsDouble(xs[i]) * gs[i];
            }
            return loss;
        });
    }

    @Test
    void reluGradientIsZeroAtZero() {
        Shape shape = Shape.of(4);
        Tensor dx = tensors.output(shape);
        backend.activationBackward(Activation.RELU, tensors.of(shape, 0f, -0f, 1f, -1f), tensors.of(shape, 5, 5, 5, 5), dx);
        assertThat(dx.toArray()).containsExactly(0, 0, 5, 0);
    }

    @Test
    void sigmoidSaturatesWithoutOverflow() {
        Shape shape = Shape.of(2);
        Tensor y = tensors.output(shape);
        backend.activation(Activation.SIGMOID, tensors.of(shape, -1000f, 1000f), y);
        assertThat(y.toArray()).containsExactly(0, 1);
    }

    /** Moves ReLU's kink out of reach of the finite-difference step. */
    private Tensor awayFromZero(Tensor x) {
        float[] values = x.toArray();
        for (int i = 0; i < values.length; i++) {
            if (Math.abs(values[i]) < 1e-3f) {
                values[i] = 0.5f;
            }
        }
        x.copyFrom(values);
        return x;
    }
}
