package dev.jdnn.examples;

import dev.jdnn.Activation;
import dev.jdnn.BatchNorm2d;
import dev.jdnn.Conv2d;
import dev.jdnn.Dense;
import dev.jdnn.Lrn;
import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lists a model's layers in order and creates its parameters as it goes: weights drawn by the
 * options' {@link WeightInit}, each from its own seed taken in layer order from the options'
 * seed (so a seed fixes every weight), biases zero. An activation given with a convolution or a
 * dense layer is fused into its plan. With a dropout probability, a dropout layer goes before
 * every dense layer. The first weighted layer is told that its input gradient is never needed.
 */
final class ModelBuilder {
    private final ModelOptions options;
    private final SplittableRandom seeds;
    private final RunMode mode = new RunMode();
    private final List<Parameter> params = new ArrayList<>();
    private final List<AutoCloseable> buffers = new ArrayList<>();
    private final List<Model.LayerFactory> layers = new ArrayList<>();

    /** A builder following {@code options}. */
    ModelBuilder(ModelOptions options) {
        this.options = options;
        this.seeds = new SplittableRandom(options.seed());
    }

    /** A convolution with bias and, fused into it, {@code activation} (null: none). */
    ModelBuilder conv(String name, Conv2d op, Activation activation) {
        Conv2d fused = op.activation(activation);
        Parameter weight = weight(name, op.weightShape(), 0);
        Parameter bias = bias(name, op.biasShape());
        layers.add((b, x, first) -> WeightedLayer.conv(name, b, fused, x, weight, bias, !first));
        return this;
    }

    /** A dense layer {@code in -> out} with bias and, fused into it, {@code activation} (null: none). */
    ModelBuilder dense(String name, int in, int out, Activation activation) {
        return dense(name, in, out, activation, 0);
    }

    /**
     * A dense layer whose weights the model decays by {@code weightDecay} (L2 added to their
     * gradient) unless the options set one decay for every parameter.
     */
    ModelBuilder dense(String name, int in, int out, Activation activation, float weightDecay) {
        if (options.dropout() > 0) {
            double p = options.dropout();
            long seed = seeds.nextLong();
            layers.add((b, x, first) -> new DropoutLayer("drop-" + name, b, x, p, seed, mode));
        }
        Dense op = Dense.of(in, out).activation(activation);
        Parameter weight = weight(name, op.weightShape(), weightDecay);
        Parameter bias = bias(name, op.biasShape());
        layers.add((b, x, first) -> WeightedLayer.dense(name, b, op, x, weight, bias, !first));
        return this;
    }

    /**
     * Batch normalisation of {@code channels} channels: scale 1 and shift 0 as parameters (named
     * {@code name.weight} and {@code name.bias}, as PyTorch names them), running statistics as
     * the model's buffers.
     */
    ModelBuilder batchNorm(String name, int channels) {
        BatchNorm2d op = BatchNorm2d.of(channels);
        Parameter gamma = new Parameter(name + ".weight", op.parameterShape(), options.decayOf(0));
        gamma.value().fill(1);
        params.add(gamma);
        Parameter beta = bias(name, op.parameterShape());
        RunningStatistics running = new RunningStatistics(channels);
        buffers.add(running);
        layers.add((b, x, first) -> new BatchNormLayer(name, b, op, x, gamma, beta, running, mode));
        return this;
    }

    /** An element-wise activation that is not fused (it follows a layer that cannot take it). */
    ModelBuilder activation(String name, Activation activation) {
        layers.add((b, x, first) -> new ActivationLayer(name, b, activation, x));
        return this;
    }

    /** Local response normalisation across channels. */
    ModelBuilder lrn(String name, Lrn op) {
        layers.add((b, x, first) -> new LrnLayer(name, b, op, x));
        return this;
    }

    /** A max pooling. */
    ModelBuilder maxPool(String name, Pool2d op) {
        layers.add((b, x, first) -> MaxPoolLayer.of(name, b, op, x));
        return this;
    }

    /**
     * A max pooling of a {@code kernel} window at {@code stride} with TensorFlow's {@code SAME}
     * padding for the input it gets (output {@code ceil(in / stride)}, the extra padded cell after).
     */
    ModelBuilder maxPoolSame(String name, int kernel, int stride) {
        layers.add((b, x, first) -> MaxPoolLayer.of(name, b, Pool2d.max(kernel, stride).padding(
                Padding.same(x.shape().dim(2), x.shape().dim(3), kernel, kernel, stride, stride)), x));
        return this;
    }

    /** Reshapes {@code [n, c, h, w]} to {@code [n, c*h*w]} for the dense layers. */
    ModelBuilder flatten() {
        layers.add((b, x, first) -> new FlattenLayer(x));
        return this;
    }

    /** The model named {@code name} over images of {@code imageShape} ({@code [c, h, w]}). */
    Model build(String name, Shape imageShape) {
        return new Model(name, imageShape, layers, params, mode, options.layout(), buffers);
    }

    private Parameter weight(String layer, Shape shape, float ownDecay) {
        Parameter weight = new Parameter(layer + ".weight", shape, options.decayOf(ownDecay));
        options.init().initialise(weight.value(), seeds.nextLong());
        params.add(weight);
        return weight;
    }

    private Parameter bias(String layer, Shape shape) {
        Parameter bias = new Parameter(layer + ".bias", shape, options.decayOf(0));
        params.add(bias);
        return bias;
    }
}
