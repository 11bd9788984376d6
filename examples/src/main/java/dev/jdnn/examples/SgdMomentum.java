package dev.jdnn.examples;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stochastic gradient descent with momentum, as PyTorch's {@code SGD} computes it (no dampening):
 * {@code g += decay * w; v = momentum * v + g; w -= lr * v}. Weight decay is L2 on every parameter.
 */
public final class SgdMomentum implements Optimizer {
    private final float momentum;
    private final float weightDecay;
    private final Map<Parameter, float[]> velocity = new IdentityHashMap<>();

    public SgdMomentum(float momentum, float weightDecay) {
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(List<Parameter> parameters, float lr) {
        for (Parameter p : parameters) {
            p.fetchGradient();
            float[] w = p.values();
            float[] g = p.gradients();
            float[] v = velocity.computeIfAbsent(p, k -> new float[k.size()]);
            for (int i = 0; i < w.length; i++) {
                float vi = momentum * v[i] + g[i] + weightDecay * w[i];
                v[i] = vi;
                w[i] -= lr * vi;
            }
            p.publish();
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "SGD (momentum %s%s)", momentum,
                weightDecay == 0 ? "" : ", weight decay " + weightDecay);
    }
}
