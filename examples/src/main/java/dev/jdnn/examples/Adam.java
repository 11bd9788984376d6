package dev.jdnn.examples;

import dev.jdnn.Backend;
import dev.jdnn.Tensor;

import java.util.List;
import java.util.Locale;

/**
 * Adam (Kingma and Ba) with bias correction, as {@code torch.optim.Adam} computes it, one
 * {@link Backend#adamUpdate} per parameter; weight decay is L2 added to the gradient
 * ({@code g + decay * w}), not AdamW's decoupled decay. The step count is the optimiser's, so
 * every parameter is corrected for the same number of steps.
 */
public final class Adam implements Optimizer {
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final OptimizerState moments = new OptimizerState(2);
    private int steps;

    /** Adam with the given betas (each in {@code [0, 1)}) and epsilon (finite, {@code >= 0}). */
    public Adam(float beta1, float beta2, float epsilon) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam: betas: expected each in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(epsilon >= 0) || Float.isInfinite(epsilon)) {
            throw new IllegalArgumentException("Adam: epsilon: expected a finite value >= 0, got " + epsilon);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /** PyTorch's defaults: betas 0.9 and 0.999, epsilon 1e-8. */
    public static Adam withDefaults() {
        return new Adam(0.9f, 0.999f, 1e-8f);
    }

    @Override
    public void step(Backend backend, List<Parameter> parameters, float lr) {
        steps++;
        for (Parameter p : parameters) {
            Tensor[] mv = moments.of(p);
            backend.adamUpdate(p.value(), p.gradient(), mv[0], mv[1], steps, lr, beta1, beta2, epsilon, p.weightDecay());
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "Adam (betas %s, %s)", beta1, beta2);
    }

    @Override
    public float defaultLearningRate() {
        return 0.002f;
    }

    @Override
    public void close() {
        moments.close();
    }
}
