package dev.jdnn.examples;

import dev.jdnn.Backend;
import dev.jdnn.Tensor;

import java.util.List;
import java.util.Locale;

/**
 * Stochastic gradient descent, optionally with momentum, as {@code torch.optim.SGD} computes it
 * (no dampening): {@code g' = g + decay * w; v = momentum * v + g'; w -= lr * v}, one
 * {@link Backend#sgdUpdate} per parameter. Without momentum no velocity is kept.
 */
public final class Sgd implements Optimizer {
    private final float momentum;
    private final OptimizerState velocity = new OptimizerState(1);

    /** SGD with {@code momentum} (finite, {@code >= 0}; 0 for plain SGD). */
    public Sgd(float momentum) {
        if (!(momentum >= 0) || Float.isInfinite(momentum)) {
            throw new IllegalArgumentException("SGD: momentum: expected a finite value >= 0, got " + momentum);
        }
        this.momentum = momentum;
    }

    @Override
    public void step(Backend backend, List<Parameter> parameters, float lr) {
        for (Parameter p : parameters) {
            Tensor v = momentum == 0 ? null : velocity.of(p)[0];
            backend.sgdUpdate(p.value(), p.gradient(), v, lr, momentum, p.weightDecay());
        }
    }

    @Override
    public String describe() {
        return momentum == 0 ? "SGD" : String.format(Locale.ROOT, "SGD (momentum %s)", momentum);
    }

    @Override
    public float defaultLearningRate() {
        return 0.01f;
    }

    @Override
    public void close() {
        velocity.close();
    }
}
