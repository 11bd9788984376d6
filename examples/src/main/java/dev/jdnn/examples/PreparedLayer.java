package dev.jdnn.examples;

import dev.jdnn.Tensor;

/**
 * A layer that owns its output and (unless it is the first layer) its input gradient, both
 * allocated when it is built; subclasses compute them and release their plan in
 * {@link #closePlan()}.
 */
abstract class PreparedLayer implements Layer {
    private final String name;
    protected final Tensor input;
    protected final Tensor output;
    protected final Tensor inputGradient;

    PreparedLayer(String name, Tensor input, Tensor output, boolean needsInputGradient) {
        this.name = name;
        this.input = input;
        this.output = output;
        this.inputGradient = needsInputGradient ? Tensor.allocate(input.shape(), input.layout()) : null;
    }

    /** Releases what the subclass prepared (a plan); nothing by default. */
    void closePlan() {
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Tensor output() {
        return output;
    }

    @Override
    public final Tensor inputGradient() {
        return inputGradient;
    }

    @Override
    public final void close() {
        closePlan();
        output.close();
        if (inputGradient != null) {
            inputGradient.close();
        }
    }
}
