package dev.jdnn.examples;

import dev.jdnn.Layout;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;

/**
 * {@code [n, c, h, w]} seen as {@code [n, c*h*w]} for the dense layers: a view, no copy, in both
 * directions. The view is row-major over the activation's memory, so each image's features come
 * in {@code c, h, w} order from an NCHW activation and in {@code h, w, c} order from an NHWC one;
 * nothing is reordered, the first dense layer's weights simply learn the order they are given
 * (the two layouts train equally well, with the weights' columns permuted). The backward view
 * sees the dense layer's input gradient as {@code [n, c, h, w]} in the activation's layout; it
 * is made once, for the gradient tensor the next layer hands back (always the same tensor).
 */
final class FlattenLayer implements Layer {
    private final Shape inputShape;
    private final Layout inputLayout;
    private final Tensor output;
    private Tensor gradientSource;
    private Tensor inputGradient;

    FlattenLayer(Tensor input) {
        this.inputShape = input.shape();
        this.inputLayout = input.layout();
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
            if (inputGradient != null) {
                inputGradient.close();
            }
            gradientSource = dy;
            inputGradient = Tensor.wrap(dy.segment(), inputShape, inputLayout);
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
