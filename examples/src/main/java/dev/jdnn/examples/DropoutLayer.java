package dev.jdnn.examples;

import dev.jdnn.Backend;
import dev.jdnn.Tensor;

/**
 * Inverted dropout in place on its input (the previous layer's output, as the API allows): in a
 * training step {@link Backend#dropout} zeroes each element with probability {@code p} and
 * scales the rest by {@code 1 / (1 - p)}, writing the mask; in inference it does nothing, so the
 * output is the input unchanged. The mask's seed is mixed from the layer's seed and the step
 * number, so every step draws a new mask and a run is reproducible.
 *
 * <p>In place is safe here: the layers before it read their own inputs in the backward pass
 * (never this tensor), and a ReLU that takes its gradient from its output still sees
 * {@code y > 0} exactly where the kept, scaled output is positive.
 */
final class DropoutLayer implements Layer {
    private final String name;
    private final Backend backend;
    private final Tensor data;
    private final Tensor mask;
    private final Tensor inputGradient;
    private final double p;
    private final long seed;
    private final RunMode mode;

    DropoutLayer(String name, Backend backend, Tensor input, double p, long seed, RunMode mode) {
        this.name = name;
        this.backend = backend;
        this.data = input;
        this.mask = Tensor.allocate(input.shape(), input.layout());
        this.inputGradient = Tensor.allocate(input.shape(), input.layout());
        this.p = p;
        this.seed = seed;
        this.mode = mode;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Tensor output() {
        return data;
    }

    @Override
    public void forward() {
        if (mode.isTraining()) {
            backend.dropout(p, maskSeed(seed, mode.step()), data, data, mask);
        }
    }

    @Override
    public void backward(Tensor dy) {
        backend.dropoutBackward(mask, dy, inputGradient);
    }

    @Override
    public Tensor inputGradient() {
        return inputGradient;
    }

    /**
     * The mask seed of {@code step}: SplitMix64's finaliser over the layer seed and the step, so
     * that consecutive steps' counters do not overlap (seeds differing by a multiple of the
     * kernel's own counter increment would give shifted copies of one mask).
     */
    static long maskSeed(long layerSeed, long step) {
        long z = layerSeed + (step + 1) * 0xD1B54A32D192ED03L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public void close() {
        mask.close();
        inputGradient.close();
    }
}
