package dev.jdnn.examples;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Adam (Kingma and Ba) with bias correction, as PyTorch's {@code Adam} computes it; weight decay
 * is L2 added to the gradient ({@code g += decay * w}), not AdamW's decoupled decay.
 */
public final class Adam implements Optimizer {
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
    private final Map<Parameter, float[][]> moments = new IdentityHashMap<>();
    private int steps;

    public Adam(float beta1, float beta2, float epsilon, float weightDecay) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
    }

    /** PyTorch's defaults: betas 0.9 and 0.999, epsilon 1e-8. */
    public static Adam withDefaults(float weightDecay) {
        return new Adam(0.9f, 0.999f, 1e-8f, weightDecay);
    }

    @Override
    public void step(List<Parameter> parameters, float lr) {
        steps++;
        float correction1 = (float) (1 - Math.pow(beta1, steps));
        float correction2Sqrt = (float) Math.sqrt(1 - Math.pow(beta2, steps));
        float stepSize = lr / correction1;
        for (Parameter p : parameters) {
            p.fetchGradient();
            float[] w = p.values();
            float[] g = p.gradients();
            float[][] mv = moments.computeIfAbsent(p, k -> new float[][] {new float[k.size()], new float[k.size()]});
            float[] m = mv[0];
            float[] v = mv[1];
            for (int i = 0; i < w.length; i++) {
                float gi = g[i] + weightDecay * w[i];
                float mi = beta1 * m[i] + (1 - beta1) * gi;
                float vi = beta2 * v[i] + (1 - beta2) * gi * gi;
                m[i] = mi;
                v[i] = vi;
                w[i] -= stepSize * mi / ((float) Math.sqrt(vi) / correction2Sqrt + epsilon);
            }
            p.publish();
        }
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "Adam (betas %s, %s%s)", beta1, beta2,
                weightDecay == 0 ? "" : ", weight decay " + weightDecay);
    }
}
