package dev.jdnn.examples;

import dev.jdnn.Backend;
import dev.jdnn.Layout;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * A network's architecture, its trained parameters and buffers (running statistics), independent
 * of batch size and backend.
 * {@link #network} prepares it for one backend and batch size (plans and activations); every
 * such network shares this model's parameters, so training with one batch size and evaluating
 * with another sees the same weights.
 */
public final class Model implements AutoCloseable {
    /** Builds one layer on {@code input}; {@code first} says the input gradient is not needed. */
    interface LayerFactory {
        Layer build(Backend backend, Tensor input, boolean first);
    }

    private final String name;
    private final Shape imageShape;
    private final List<LayerFactory> layers;
    private final List<Parameter> parameters;
    private final RunMode mode;
    private final Layout layout;
    private final List<AutoCloseable> buffers;

    Model(String name, Shape imageShape, List<LayerFactory> layers, List<Parameter> parameters, RunMode mode,
            Layout layout, List<AutoCloseable> buffers) {
        this.name = name;
        this.imageShape = imageShape;
        this.layers = List.copyOf(layers);
        this.parameters = List.copyOf(parameters);
        this.mode = mode;
        this.layout = layout;
        this.buffers = List.copyOf(buffers);
    }

    /** The layout of every activation of this model's networks. */
    public Layout layout() {
        return layout;
    }

    /** Training or inference, for every network of this model (layers such as dropout read it). */
    RunMode mode() {
        return mode;
    }

    /** E.g. {@code LeNet-5}. */
    public String name() {
        return name;
    }

    /** One image: {@code [c, h, w]}. */
    public Shape imageShape() {
        return imageShape;
    }

    /** Every trained tensor, in layer order. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Number of trained scalars. */
    public int parameterCount() {
        return parameters.stream().mapToInt(Parameter::size).sum();
    }

    /** The model prepared on {@code backend} for batches of {@code batch} images. */
    public Network network(Backend backend, int batch) {
        Tensor input = Tensor.allocate(Shape.nchw(batch, imageShape.dim(0), imageShape.dim(1), imageShape.dim(2)), layout);
        List<Layer> built = new ArrayList<>();
        try {
            Tensor x = input;
            for (LayerFactory factory : layers) {
                Layer layer = factory.build(backend, x, built.isEmpty());
                built.add(layer);
                x = layer.output();
            }
            return new Network(backend, input, built);
        } catch (RuntimeException e) {
            built.forEach(Layer::close);
            input.close();
            throw e;
        }
    }

    /** Frees the parameters and the buffers (batch norm's running statistics). */
    @Override
    public void close() {
        parameters.forEach(Parameter::close);
        for (AutoCloseable b : buffers) {
            try {
                b.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not free a buffer of " + name, e);
            }
        }
    }
}
