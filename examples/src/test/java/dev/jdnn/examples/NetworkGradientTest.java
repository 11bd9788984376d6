package dev.jdnn.examples;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Layout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layer composition back-propagates correctly: every parameter's gradient from
 * {@link Network#backward()} matches a central finite difference of the loss, on a tiny batch
 * with the naive backend, in training mode (batch norm on the batch's statistics). This checks the
 * wiring (which tensor feeds which plan, the fused activations' gradients taken from the output
 * in place, the pooling workspaces, the skipped input gradient of the first layer, the flatten
 * views in both layouts), not the kernels (the testkit does).
 */
class NetworkGradientTest {
    @ParameterizedTest
    @ValueSource(strings = {LeNet5.NAME, CifarNet.NAME, LeNet5Bn.NAME, LeNet5.NAME + "+dropout", LeNet5.NAME + "+nhwc",
            LeNet5Bn.NAME + "+nhwc"})
    void backwardMatchesFiniteDifferencesForEveryParameter(String variant) {
        Random random = new Random(7);
        String name = variant.replaceAll("\\+.*", "");
        // with dropout the mask is the same in every forward of one training step, so the loss is
        // a smooth function of the weights there too
        ModelOptions options = ModelOptions.defaults(3);
        if (variant.endsWith("+dropout")) {
            options = options.withDropout(0.3f);
        } else if (variant.endsWith("+nhwc")) {
            options = options.withLayout(Layout.NHWC);
        }
        // the CIFAR model's naive forward is 40 times LeNet's: fewer probes keep the test at seconds
        int probes = name.equals(CifarNet.NAME) ? 2 : 4;
        try (Backend backend = Backends.open("naive", new BackendConfig(1));
                Model model = Models.create(name, options);
                Network net = model.network(backend, 3)) {
            float[] image = new float[3 * 28 * 28];
            for (int i = 0; i < image.length; i++) {
                image[i] = (float) random.nextGaussian();
            }
            net.input().copyFrom(image);
            int[] labels = net.labels();
            labels[0] = 2;
            labels[1] = 7;
            labels[2] = 0;

            net.forward();
            net.lossAndGradient();
            net.backward();
            for (Parameter p : model.parameters()) {
                for (int probe = 0; probe < probes; probe++) {
                    int i = random.nextInt(p.size());
                    double analytic = p.gradientAt(i);
                    // small enough that few ReLU and max-pool kinks are crossed (1e-2 crosses many in
                    // conv1), large enough that float32 rounding of the loss stays below 1e-3
                    double numeric = finiteDifference(net, p, i, 2e-4f);
                    assertThat(analytic).as("d loss / d %s[%d]", p.name(), i)
                            .isCloseTo(numeric, org.assertj.core.data.Offset.offset(3e-3 + 0.05 * Math.abs(numeric)));
                }
            }
        }
    }

    private static double finiteDifference(Network net, Parameter p, int i, float eps) {
        float original = p.valueAt(i);
        p.setValueAt(i, original + eps);
        net.forward();
        double plus = net.lossAndGradient();
        p.setValueAt(i, original - eps);
        net.forward();
        double minus = net.lossAndGradient();
        p.setValueAt(i, original);
        return (plus - minus) / (2 * eps);
    }
}
