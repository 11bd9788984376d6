package dev.jdnn.examples;

import dev.jdnn.Shape;
import dev.jdnn.Tensor;

/**
 * {@code [n, c, h, w]} seen as {@code [n, c*h*w]} for the dense layers: a view, no copy, in both
 * directions. The backward view is made once, for the gradient tensor the next layer hands back
 * (always the same tensor).
 */
final class FlattenLayer implements Layer {
    private final Shape inputShape;
    private final Tensor output;
    private Tensor gradientSource;
    private Tensor inputGradient;

    FlattenLayer(Tensor input) {
        this.inputShape = input.shape();
        int n = inputShape.dim(0);
        this.output = input.reshape(Shape.of(n, Math.toIntExact(inputShape.elementCount() / n)));
    }

    @Override
    public String name() {
        return "flatten";
    }

    @Override
    public Tensor output() {
        return output;
    }

    @Override
    public void forward() {
        // a view: nothing to compute
    }

    @Override
    public void backward(Tensor dy) {
        if (dy != gradientSource) {
            gradientSource = dy;
            inputGradient = dy.reshape(inputShape);
        }
    }

    @Override
    public Tensor inputGradient() {
        return inputGradient;
    }

    @Override
    public void close() {
        output.close();
        if (inputGradient != null) {
            inputGradient.close();
        }
    }
}
