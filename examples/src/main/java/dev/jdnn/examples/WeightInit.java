package dev.jdnn.examples;

import dev.jdnn.Init;
import dev.jdnn.Tensor;

import java.util.Locale;

/**
 * How {@code --init} draws a layer's weights, through {@link Init}; biases start at zero whatever
 * the scheme. Fan-in is computed from the weight shape as {@link Init} does ({@code [k, c, r, s]}:
 * {@code c * r * s}; {@code [out, in]}: {@code in}).
 */
public enum WeightInit {
    /** He normal, {@code sqrt(2 / fanIn)}: for ReLU layers (the default). */
    HE("he"),
    /** Xavier uniform on {@code ±sqrt(6 / (fanIn + fanOut))}: for sigmoid and tanh layers. */
    XAVIER("xavier"),
    /**
     * TensorFlow's truncated normal (redrawn beyond two standard deviations) scaled as Keras's
     * {@code HeNormal} scales it: standard deviation {@code sqrt(2 / fanIn) / 0.8796}, so the
     * truncated draws have He's variance.
     */
    TRUNCATED_NORMAL("truncated-normal");

    /** The standard deviation of a unit normal truncated to two standard deviations. */
    static final double TRUNCATED_STDDEV = 0.87962566103423978;

    private final String flag;

    WeightInit(String flag) {
        this.flag = flag;
    }

    /** The name {@code --init} takes. */
    public String flag() {
        return flag;
    }

    /** The scheme {@code --init} names, e.g. {@code truncated-normal}. */
    public static WeightInit ofFlag(String name) {
        for (WeightInit w : values()) {
            if (w.flag.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return w;
            }
        }
        throw new IllegalArgumentException("--init: expected he, xavier or truncated-normal, got '" + name + "'");
    }

    /** Overwrites {@code weights} ({@code [k, c, r, s]} or {@code [out, in]}) with draws from {@code seed}. */
    void initialise(Tensor weights, long seed) {
        switch (this) {
            case HE -> Init.heNormal(weights, seed);
            case XAVIER -> Init.xavierUniform(weights, seed);
            case TRUNCATED_NORMAL -> Init.truncatedNormal(weights, Math.sqrt(2.0 / fanIn(weights)) / TRUNCATED_STDDEV,
                    seed);
        }
    }

    private static long fanIn(Tensor weights) {
        long fanIn = weights.shape().dim(1);
        for (int d = 2; d < weights.shape().rank(); d++) {
            fanIn *= weights.shape().dim(d);
        }
        return fanIn;
    }
}
