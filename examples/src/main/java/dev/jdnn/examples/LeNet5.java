package dev.jdnn.examples;

import dev.jdnn.Conv2d;
import dev.jdnn.Dense;
import dev.jdnn.Pool2d;
import dev.jdnn.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * LeNet-5 for 28x28 grey images, as PyTorch's tutorials write it: conv 1→6 5x5 pad 2, ReLU,
 * max-pool 2; conv 6→16 5x5, ReLU, max-pool 2; dense 400→120, ReLU; 120→84, ReLU; 84→10
 * (softmax cross-entropy is the loss, applied by {@link Network}). 61,706 parameters, weights
 * He-initialised from the seed, biases zero.
 */
public final class LeNet5 {
    private LeNet5() {
    }

    /** A freshly initialised LeNet-5; the same seed gives the same weights. */
    public static Model create(long seed) {
        Random random = new Random(seed);
        List<Parameter> params = new ArrayList<>();
        List<Model.LayerFactory> layers = new ArrayList<>();

        conv(layers, params, random, "conv1", Conv2d.of(1, 6, 5).padding(2));
        layers.add((b, x, first) -> new ReluLayer("relu1", b, x));
        layers.add((b, x, first) -> MaxPoolLayer.of("pool1", b, Pool2d.max(2, 2), x));
        conv(layers, params, random, "conv2", Conv2d.of(6, 16, 5));
        layers.add((b, x, first) -> new ReluLayer("relu2", b, x));
        layers.add((b, x, first) -> MaxPoolLayer.of("pool2", b, Pool2d.max(2, 2), x));
        layers.add((b, x, first) -> new FlattenLayer(x));
        dense(layers, params, random, "fc1", 400, 120);
        layers.add((b, x, first) -> new ReluLayer("relu3", b, x));
        dense(layers, params, random, "fc2", 120, 84);
        layers.add((b, x, first) -> new ReluLayer("relu4", b, x));
        dense(layers, params, random, "fc3", 84, 10);
        return new Model("LeNet-5", Shape.of(1, 28, 28), layers, params);
    }

    private static void conv(List<Model.LayerFactory> layers, List<Parameter> params, Random random, String name,
            Conv2d op) {
        Parameter weight = new Parameter(name + ".weight", op.weightShape());
        weight.initialiseHe(op.inChannels() * op.kernelH() * op.kernelW(), random);
        Parameter bias = new Parameter(name + ".bias", op.biasShape());
        params.add(weight);
        params.add(bias);
        layers.add((b, x, first) -> ConvLayer.of(name, b, op, x, weight, bias, !first));
    }

    private static void dense(List<Model.LayerFactory> layers, List<Parameter> params, Random random, String name,
            int in, int out) {
        Dense op = Dense.of(in, out);
        Parameter weight = new Parameter(name + ".weight", op.weightShape());
        weight.initialiseHe(in, random);
        Parameter bias = new Parameter(name + ".bias", op.biasShape());
        params.add(weight);
        params.add(bias);
        layers.add((b, x, first) -> DenseLayer.of(name, b, op, x, weight, bias, !first));
    }
}
