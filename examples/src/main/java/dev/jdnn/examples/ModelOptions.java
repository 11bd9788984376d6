package dev.jdnn.examples;

import dev.jdnn.Layout;

import java.util.Objects;

/**
 * How a model is built, whichever its architecture: the seed of its weights and dropout masks,
 * the weight initialisation, the dropout probability before each dense layer (0: no dropout
 * layers), the L2 weight decay of every parameter (null: the model's own weighting, e.g. the
 * CIFAR model's decay of its hidden dense layer), and the layout of the activations (every conv,
 * pooling and normalisation plan is made for it; weights are row-major in both).
 */
public record ModelOptions(long seed, WeightInit init, float dropout, Float weightDecay, Layout layout) {
    /** Checks the ranges. */
    public ModelOptions {
        Objects.requireNonNull(init, "init");
        Objects.requireNonNull(layout, "layout");
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("--dropout: expected a probability in [0, 1), got " + dropout);
        }
        if (weightDecay != null && (!(weightDecay >= 0) || weightDecay.isInfinite())) {
            throw new IllegalArgumentException("--weight-decay: expected a finite value >= 0, got " + weightDecay);
        }
    }

    /** He initialisation, no dropout, the model's own weight decay, NCHW. */
    public static ModelOptions defaults(long seed) {
        return new ModelOptions(seed, WeightInit.HE, 0, null, Layout.NCHW);
    }

    /** These options with activations in {@code layout}. */
    public ModelOptions withLayout(Layout layout) {
        return new ModelOptions(seed, init, dropout, weightDecay, layout);
    }

    /** These options with dropout probability {@code p} before each dense layer. */
    public ModelOptions withDropout(float p) {
        return new ModelOptions(seed, init, p, weightDecay, layout);
    }

    /** The weight decay of a parameter the model itself decays by {@code own}. */
    float decayOf(float own) {
        return weightDecay != null ? weightDecay : own;
    }
}
