package dev.jdnn.onednn;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Layout;
import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.Workspace;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NHWC plans run oneDNN's kernels on the caller's {@code nhwc} activations with no reorder of
 * them (only oihw weights pass through one when oneDNN wants them blocked; backward data over fewer
 * than 16 input channels takes the channel-blocked pass by rule, not by timing, unless the layout
 * property forces another), and the one-channel
 * geometry where oneDNN 3.13's brgemm {@code nhwc} kernel is wrong is served right without sending
 * LeNet-5's conv1 to the reference kernel.
 */
class NhwcPlanTest {
    private static final OneDnnBackendProvider PROVIDER = new OneDnnBackendProvider();

    @Test
    void nhwcConvolutionReordersNoActivationOnAnyPass() {
        try (Backend backend = PROVIDER.create(new BackendConfig(1))) {
            Conv2d op = Conv2d.of(6, 16, 5);
            Shape input = Shape.nchw(2, 6, 14, 14);
            try (DnnlConvolution plan = (DnnlConvolution) backend.plan(op, input, Layout.NHWC)) {
                runAllPasses(plan, op, input);
                assertThat(plan.describePasses()).doesNotContain("ref");
                // at most the weights (forward) or the weight gradient (backward weights); backward
                // data with fewer than 16 input channels takes NHWC jit:avx512_core where oneDNN lists
                // it (the weights reordered), else the blocked pass (dy, w, dx reordered)
                int[] reorders = plan.reordersPerPass();
                assertThat(reorders[0]).isBetween(0, 1);
                assertThat(reorders[2]).isBetween(0, 1);
                assertThat(reorders[1]).isBetween(0, plan.describePasses().contains("backwardData=BLOCKED") ? 3 : 1);
            }
        }
    }

    /**
     * LeNet-5's conv2 (6 input channels) in NHWC: its backward data is chosen by a fixed rule, so
     * plans built one after the other keep the same kernel and give the same bits (oneDNN's blocked
     * and NHWC kernels sum over {@code (c, r, s)} in different orders), and the layout property
     * still forces the choice.
     */
    @Test
    void smallChannelNhwcBackwardDataIsChosenByRuleSoPlansAgreeBitForBit() {
        Conv2d op = Conv2d.of(6, 16, 5);
        Shape input = Shape.nchw(4, 6, 14, 14);
        String[] passes = new String[3];
        float[][] dx = new float[3][];
        try (Backend backend = PROVIDER.create(new BackendConfig(2), LayoutChoice.forced("timed"))) {
            for (int i = 0; i < passes.length; i++) {
                try (DnnlConvolution plan = (DnnlConvolution) backend.plan(op, input, Layout.NHWC)) {
                    dx[i] = backwardData(plan, op, input);
                    passes[i] = plan.describePasses();
                }
            }
        }
        assertThat(passes[0]).containsAnyOf("backwardData=PLAIN_ACTIVATIONS/jit:avx512_core", "backwardData=BLOCKED/");
        for (int i = 1; i < passes.length; i++) {
            assertThat(passes[i]).isEqualTo(passes[0]);
            assertThat(dx[i]).as("dx of plan %d", i).isEqualTo(dx[0]);
        }
        for (String[] forced : new String[][] {{"mixed", "backwardData=PLAIN_ACTIVATIONS/"},
            {"plain", "backwardData=PLAIN/"}, {"blocked", "backwardData=BLOCKED/"}}) {
            try (Backend backend = PROVIDER.create(new BackendConfig(1), LayoutChoice.forced(forced[0]));
                 DnnlConvolution plan = (DnnlConvolution) backend.plan(op, input, Layout.NHWC)) {
                float[] forcedDx = backwardData(plan, op, input);
                assertThat(plan.describePasses()).as(forced[0]).contains(forced[1]);
                for (int j = 0; j < forcedDx.length; j++) {
                    assertThat(forcedDx[j]).as("%s, element %d", forced[0], j).isCloseTo(dx[0][j],
                            org.assertj.core.data.Offset.offset(1e-3f));
                }
            }
        }
    }

    private static float[] backwardData(Conv2dPlan plan, Conv2d op, Shape input) {
        Tensor dy = Tensor.allocate(plan.outputShape(), Layout.NHWC);
        dy.copyFrom(values(plan.outputShape().elementCount(), 4));
        Tensor w = Tensor.allocate(op.weightShape());
        w.copyFrom(values(op.weightShape().elementCount(), 5));
        Tensor dx = Tensor.allocate(input, Layout.NHWC);
        plan.backwardData(dy, w, dx);
        return dx.toArray();
    }

    @Test
    void lenetConv1InNhwcRunsAFastKernelNotTheReference() {
        try (Backend backend = PROVIDER.create(new BackendConfig(1))) {
            Conv2d op = Conv2d.of(1, 6, 5).padding(2);
            Shape input = Shape.nchw(2, 1, 28, 28);
            try (DnnlConvolution plan = (DnnlConvolution) backend.plan(op, input, Layout.NHWC)) {
                runAllPasses(plan, op, input);
                assertThat(plan.describePasses()).doesNotContain("ref");
            }
        }
    }

    /**
     * LeNet-5's convolutions in NHWC take oneDNN's {@code jit:avx512_core} kernels where oneDNN lists
     * them after its brgemm ones (on AVX-512): forward for both, backward data for conv2 on the NHWC
     * tensors (only the weights reordered). Elsewhere oneDNN's first choice stays.
     */
    @Test
    void lenetConvolutionsInNhwcPreferTheJitKernelOverBrgemmWhereListed() {
        try (Backend backend = PROVIDER.create(new BackendConfig(2))) {
            Conv2d conv1 = Conv2d.of(1, 6, 5).padding(2);
            Conv2d conv2 = Conv2d.of(6, 16, 5);
            try (DnnlConvolution first = (DnnlConvolution) backend.plan(conv1, Shape.nchw(4, 1, 28, 28), Layout.NHWC);
                 DnnlConvolution second = (DnnlConvolution) backend.plan(conv2, Shape.nchw(4, 6, 14, 14), Layout.NHWC)) {
                runAllPasses(first, conv1, Shape.nchw(4, 1, 28, 28));
                runAllPasses(second, conv2, Shape.nchw(4, 6, 14, 14));
                for (DnnlConvolution plan : new DnnlConvolution[] {first, second}) {
                    assertThat(plan.describePasses()).doesNotContain("forward=PLAIN_ACTIVATIONS/brg_conv_fwd:avx512_core");
                }
                assertThat(second.describePasses()).doesNotContain("brg_conv_bwd:avx512_core");
                if (second.describePasses().contains("backwardData=PLAIN_ACTIVATIONS/jit:avx512_core")) {
                    assertThat(second.reordersPerPass()[1]).isBetween(0, 1);
                }
            }
        }
    }

    /**
     * Few input channels but 64 filters (the CIFAR-style conv1, VGG-16's conv1_1): backward data
     * keeps oneDNN's first choice on the NHWC tensors, as C gets it, instead of the small-channel
     * rule's kernels (slower there: the reduction over 64 filters fills brgemm's vectors).
     */
    @Test
    void fewChannelsToManyFiltersKeepOneDnnsFirstBackwardDataOnNhwcTensors() {
        Conv2d op = Conv2d.of(3, 64, 5).padding(2);
        Shape input = Shape.nchw(2, 3, 12, 12);
        try (Backend backend = PROVIDER.create(new BackendConfig(1));
             DnnlConvolution plan = (DnnlConvolution) backend.plan(op, input, Layout.NHWC);
             Backend probe = PROVIDER.create(new BackendConfig(1), LayoutChoice.forced("mixed"));
             DnnlConvolution firstChoice = (DnnlConvolution) probe.plan(op, input, Layout.NHWC)) {
            backwardData(plan, op, input);
            backwardData(firstChoice, op, input);
            assertThat(plan.describePasses()).contains("backwardData=PLAIN_ACTIVATIONS/");
            assertThat(plan.reordersPerPass()[1]).isBetween(0, 1);
            assertThat(passOf(plan.describePasses(), "backwardData"))
                    .isEqualTo(passOf(firstChoice.describePasses(), "backwardData"));
        }
    }

    /**
     * The forward over few input channels keeps oneDNN's first choice (brgemm on AVX-512) on a 5x5
     * window over 3 channels to 64 filters (the CIFAR-style conv1), and still prefers the jit kernel
     * on the same channels over a 3x3 window (VGG-16's conv1_1) or to 16 filters, and on one channel.
     */
    @Test
    void fewChannelForwardKeepsBrgemmOnlyOnFiveByFiveWindowsOverThreeChannelsToManyFilters() {
        Conv2d[] jitOps = {Conv2d.of(3, 64, 3).padding(1), Conv2d.of(3, 16, 5).padding(2),
            Conv2d.of(1, 64, 5).padding(2)};
        Conv2d cifar = Conv2d.of(3, 64, 5).padding(2);
        try (Backend backend = PROVIDER.create(new BackendConfig(2))) {
            Shape input = Shape.nchw(2, 3, 12, 12);
            try (DnnlConvolution plan = (DnnlConvolution) backend.plan(cifar, input, Layout.NHWC)) {
                runAllPasses(plan, cifar, input);
                assertThat(passOf(plan.describePasses(), "forward")).startsWith("forward=PLAIN_ACTIVATIONS/")
                        .isNotEqualTo("forward=PLAIN_ACTIVATIONS/jit:avx512_core");
            }
            for (Conv2d op : jitOps) {
                Shape shape = Shape.nchw(2, op.inChannels(), 12, 12);
                try (DnnlConvolution plan = (DnnlConvolution) backend.plan(op, shape, Layout.NHWC)) {
                    runAllPasses(plan, op, shape);
                    assertThat(plan.describePasses()).as("%s", op)
                            .doesNotContain("forward=PLAIN_ACTIVATIONS/brg_conv_fwd:avx512_core");
                }
            }
        }
    }

    private static String passOf(String described, String pass) {
        for (String part : described.split(" ")) {
            if (part.startsWith(pass + "=")) {
                return part;
            }
        }
        throw new AssertionError(pass + " not in " + described);
    }

    @Test
    void nhwcMaxPoolingThroughAWorkspaceReordersNothing() {
        try (Backend backend = PROVIDER.create(new BackendConfig(1))) {
            Shape input = Shape.nchw(2, 16, 8, 8);
            try (DnnlPooling plan = (DnnlPooling) backend.plan(Pool2d.max(2, 2), input, Layout.NHWC);
                 Workspace ws = plan.newWorkspace()) {
                Tensor x = Tensor.allocate(input, Layout.NHWC);
                Tensor y = Tensor.allocate(plan.outputShape(), Layout.NHWC);
                plan.forward(x, y, ws);
                plan.backward(ws, y, Tensor.allocate(input, Layout.NHWC));
                assertThat(plan.reordersPerPass()).containsExactly(0, 0);
            }
        }
    }

    /**
     * oneDNN 3.13's brgemm forward on an {@code nhwc} source of one channel, one output column and a
     * column stride above 1 gives wrong rows (6 of 9 outputs off by up to 3.9 on this case);
     * {@link DnnlConvolution} describes such a source as {@code nchw} (the same bytes).
     */
    @Test
    void oneChannelOneColumnStridedNhwcConvolutionMatchesNaive() {
        try (Backend onednn = Backends.open("onednn", new BackendConfig(1));
             Backend naive = Backends.open("naive", new BackendConfig(1))) {
            Conv2d[] ops = {new Conv2d(1, 3, 3, 5, 1, 3, new Padding(2, 0, 0, 0), 1, 1, 1, true),
                new Conv2d(1, 3, 3, 5, 1, 3, Padding.NONE, 1, 1, 1, true)};
            Shape[] inputs = {Shape.nchw(1, 1, 3, 7), Shape.nchw(1, 1, 5, 5)};
            for (int i = 0; i < ops.length; i++) {
                float[] expected = forward(naive, ops[i], inputs[i]);
                float[] actual = forward(onednn, ops[i], inputs[i]);
                for (int j = 0; j < expected.length; j++) {
                    assertThat(actual[j]).as("case %d, element %d", i, j).isCloseTo(expected[j],
                            org.assertj.core.data.Offset.offset(1e-5f));
                }
            }
        }
    }

    private static float[] forward(Backend backend, Conv2d op, Shape input) {
        try (Conv2dPlan plan = backend.plan(op, input, Layout.NHWC)) {
            Tensor x = Tensor.allocate(input, Layout.NHWC);
            x.copyFrom(values(input.elementCount(), 1));
            Tensor w = Tensor.allocate(op.weightShape());
            w.copyFrom(values(op.weightShape().elementCount(), 2));
            Tensor b = Tensor.allocate(op.biasShape());
            b.copyFrom(values(op.biasShape().elementCount(), 3));
            Tensor y = Tensor.allocate(plan.outputShape(), Layout.NHWC);
            plan.forward(x, w, b, y);
            return y.toArray();
        }
    }

    private static void runAllPasses(Conv2dPlan plan, Conv2d op, Shape input) {
        Tensor x = Tensor.allocate(input, Layout.NHWC);
        Tensor w = Tensor.allocate(op.weightShape());
        Tensor b = Tensor.allocate(op.biasShape());
        Tensor y = Tensor.allocate(plan.outputShape(), Layout.NHWC);
        plan.forward(x, w, b, y);
        plan.backwardData(y, w, Tensor.allocate(input, Layout.NHWC));
        plan.backwardWeights(x, y, Tensor.allocate(op.weightShape()), Tensor.allocate(op.biasShape()));
    }

    private static float[] values(long count, int seed) {
        float[] v = new float[(int) count];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) Math.sin(seed * 31 + i * 1.7);
        }
        return v;
    }
}
