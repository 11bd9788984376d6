package dev.jdnn.examples;

import dev.jdnn.Conv2d;
import dev.jdnn.Dense;
import dev.jdnn.Pool2d;
import dev.jdnn.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Lists a model's layers in order and creates its parameters as it goes: weights He-initialised
 * from one seeded {@link Random} in layer order (so a seed fixes every weight), biases zero. The
 * first weighted layer is told that its input gradient is never needed.
 */
final class ModelBuilder {
    private final Random random;
    private final List<Parameter> params = new ArrayList<>();
    private final List<Model.LayerFactory> layers = new ArrayList<>();

    /** A builder whose weights come from {@code seed}. */
    ModelBuilder(long seed) {
        this.random = new Random(seed);
    }

    /** A convolution with bias; fan-in = input channels x kernel area. */
    ModelBuilder conv(String name, Conv2d op) {
        Parameter weight = weight(name, op.weightShape(), op.inChannels() * op.kernelH() * op.kernelW());
        Parameter bias = bias(name, op.biasShape());
        layers.add((b, x, first) -> WeightedLayer.conv(name, b, op, x, weight, bias, !first));
        return this;
    }

    /** A dense layer {@code in -> out} with bias; fan-in = {@code in}. */
    ModelBuilder dense(String name, int in, int out) {
        Dense op = Dense.of(in, out);
        Parameter weight = weight(name, op.weightShape(), in);
        Parameter bias = bias(name, op.biasShape());
        layers.add((b, x, first) -> WeightedLayer.dense(name, b, op, x, weight, bias, !first));
        return this;
    }

    /** An element-wise ReLU. */
    ModelBuilder relu(String name) {
        layers.add((b, x, first) -> new ReluLayer(name, b, x));
        return this;
    }

    /** A max pooling. */
    ModelBuilder maxPool(String name, Pool2d op) {
        layers.add((b, x, first) -> MaxPoolLayer.of(name, b, op, x));
        return this;
    }

    /** Reshapes {@code [n, c, h, w]} to {@code [n, c*h*w]} for the dense layers. */
    ModelBuilder flatten() {
        layers.add((b, x, first) -> new FlattenLayer(x));
        return this;
    }

    /** The model named {@code name} over images of {@code imageShape} ({@code [c, h, w]}). */
    Model build(String name, Shape imageShape) {
        return new Model(name, imageShape, layers, params);
    }

    private Parameter weight(String layer, Shape shape, int fanIn) {
        Parameter weight = new Parameter(layer + ".weight", shape);
        weight.initialiseHe(fanIn, random);
        params.add(weight);
        return weight;
    }

    private Parameter bias(String layer, Shape shape) {
        Parameter bias = new Parameter(layer + ".bias", shape);
        params.add(bias);
        return bias;
    }
}
