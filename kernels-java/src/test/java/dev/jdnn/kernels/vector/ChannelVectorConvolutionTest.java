package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Layout;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The direct plan's forward pass with vectors along the output channels: LeNet's conv2 (rows of
 * exactly one tile) on an odd batch, filter counts that leave lanes of the last vector empty (at
 * some widths), rows that end in an overlapping tile, row stride 2 with dilation, a 1x1 kernel,
 * with bias, without, and with fused activations, on one and two workers, against naive; the same
 * bits on repeated two-worker runs.
 */
class ChannelVectorConvolutionTest {

    @Test
    void agreesWithNaive() {
        Conv2d[] ops = {Conv2d.of(6, 16, 5), Conv2d.of(6, 16, 5).activation(Activation.RELU), Conv2d.of(3, 9, 3),
            Conv2d.of(2, 12, 3).stride(2, 1).dilation(2), Conv2d.of(4, 8, 1).activation(Activation.TANH)};
        Shape[] inputs = {Shape.of(13, 6, 14, 14), Shape.of(5, 6, 14, 14), Shape.of(3, 3, 9, 23),
            Shape.of(4, 2, 15, 16), Shape.of(7, 4, 5, 21)};
        try (Backend naive = Backends.open("naive"); WorkerPool one = new WorkerPool(1);
                WorkerPool two = new WorkerPool(2)) {
            for (int i = 0; i < ops.length; i++) {
                ConvGeometry g = ConvGeometry.of(ops[i], inputs[i]);
                assertThat(ChannelVectorConvolution.suits(g)).as(ops[i].toString()).isTrue();
                for (WorkerPool pool : new WorkerPool[] {one, two}) {
                    for (boolean bias : new boolean[] {true, false}) {
                        Conv2d op = ops[i].bias(bias);
                        String what = op + " on " + inputs[i] + ", " + pool.size() + " workers";
                        assertThat(DirectConv2dPlan.suits(op, inputs[i])).as(what).isTrue();
                        try (DirectConv2dPlan plan = new DirectConv2dPlan(op, inputs[i], pool,
                                new PackedGemm(VectorWidth.microKernel()));
                                Conv2dPlan reference = naive.plan(op, inputs[i], Layout.NCHW)) {
                            float[] actual = forward(plan, op, inputs[i], bias, what);
                            float[] expected = forward(reference, op, inputs[i], bias, what);
                            for (int j = 0; j < actual.length; j++) {
                                assertThat(actual[j]).as(what + " at " + j)
                                        .isCloseTo(expected[j], org.assertj.core.data.Offset.offset(1e-4f));
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void givesTheSameBitsOnRepeatedTwoWorkerRuns() {
        Conv2d op = Conv2d.of(6, 16, 5);
        Shape input = Shape.of(13, 6, 14, 14);
        try (WorkerPool two = new WorkerPool(2); DirectConv2dPlan plan = new DirectConv2dPlan(op, input, two,
                new PackedGemm(VectorWidth.microKernel()))) {
            float[] first = forward(plan, op, input, true, "bits");
            for (int run = 0; run < 3; run++) {
                float[] again = forward(plan, op, input, true, "bits");
                for (int j = 0; j < first.length; j++) {
                    assertThat(Float.floatToRawIntBits(again[j])).as("run " + run + " at " + j)
                            .isEqualTo(Float.floatToRawIntBits(first[j]));
                }
            }
        }
    }

    private static float[] forward(Conv2dPlan plan, Conv2d op, Shape input, boolean bias, String what) {
        SplittableRandom random = new SplittableRandom(what.length());
        try (Tensor x = GemmConv2dPlanTest.random(random, input); Tensor w = GemmConv2dPlanTest.random(random,
                op.weightShape()); Tensor b = GemmConv2dPlanTest.random(random, op.biasShape());
                Tensor y = Tensor.allocate(plan.outputShape())) {
            y.fill(Float.NaN);
            plan.forward(x, w, bias ? b : null, y);
            return y.toArray();
        }
    }
}
