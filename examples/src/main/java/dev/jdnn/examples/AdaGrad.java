package dev.jdnn.examples;

import dev.jdnn.Backend;

import java.util.List;
import java.util.Locale;

/**
 * AdaGrad (Duchi, Hazan and Singer) as {@code torch.optim.Adagrad} computes it without
 * learning-rate decay: {@code g' = g + decay * w; s += g'^2; w -= lr * g' / (sqrt(s) + eps)},
 * one {@link Backend#adaGradUpdate} per parameter; the sums start at zero.
 */
public final class AdaGrad implements Optimizer {
    private final float epsilon;
    private final OptimizerState sumSquares = new OptimizerState(1);

    /** AdaGrad with {@code epsilon} (finite, {@code >= 0}) in the denominator. */
    public AdaGrad(float epsilon) {
        if (!(epsilon >= 0) || Float.isInfinite(epsilon)) {
            throw new IllegalArgumentException("AdaGrad: epsilon: expected a finite value >= 0, got " + epsilon);
        }
        this.epsilon = epsilon;
    }

    /** PyTorch's default epsilon, 1e-10. */
    public static AdaGrad withDefaults() {
        return new AdaGrad(1e-10f);
    }

    @Override
    public void step(Backend backend, List<Parameter> parameters, float lr) {
        for (Parameter p : parameters) {
            backend.adaGradUpdate(p.value(), p.gradient(), sumSquares.of(p)[0], lr, p.weightDecay(), epsilon);
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "AdaGrad (eps %s)", epsilon);
    }

    @Override
    public float defaultLearningRate() {
        return 0.02f;
    }

    @Override
    public void close() {
        sumSquares.close();
    }
}
