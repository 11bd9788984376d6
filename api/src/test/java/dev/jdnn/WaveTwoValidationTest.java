package dev.jdnn;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The api's checks of layouts, in-place calls, workspaces, batch norm and LRN, against the
 * recording engine: a rejected call never reaches it, an accepted one does with the engine's own
 * objects.
 */
class WaveTwoValidationTest {
    private Backend backend;

    @BeforeEach
    void open() {
        backend = Backends.open("recording");
    }

    @AfterEach
    void close() {
        backend.close();
    }

    private static int calls() {
        return RecordingBackendProvider.ENGINE_CALLS.get();
    }

    @Test
    void convolutionActivationsMustHaveThePlansLayoutAndWeightsStayRowMajor() {
        Conv2d op = Conv2d.of(2, 4, 3).activation(Activation.RELU);
        Shape in = Shape.nchw(1, 2, 5, 5);
        try (Conv2dPlan plan = backend.plan(op, in, Layout.NHWC);
             Tensor xPlanar = Tensor.allocate(in);
             Tensor x = Tensor.allocate(in, Layout.NHWC);
             Tensor w = Tensor.allocate(op.weightShape());
             Tensor wChannelsLast = Tensor.allocate(op.weightShape(), Layout.NHWC);
             Tensor b = Tensor.allocate(op.biasShape());
             Tensor y = Tensor.allocate(plan.outputShape(), Layout.NHWC)) {
            assertThat(plan.layout()).isEqualTo(Layout.NHWC);
            assertThat(plan.op().activation()).isEqualTo(Activation.RELU);
            int before = calls();
            assertThatThrownBy(() -> plan.forward(xPlanar, w, b, y)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("conv2d forward: x: expected layout NHWC, got NCHW (tensor [1, 2, 5, 5])");
            assertThatThrownBy(() -> plan.forward(x, wChannelsLast, b, y)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("conv2d forward: w: expected layout NCHW, got NHWC (tensor [4, 2, 3, 3])");
            assertThat(calls()).isEqualTo(before);
            plan.forward(x, w, b, y);
            assertThat(calls()).isEqualTo(before + 1);
        }
        assertThat(backend.plan(op, Shape.nchw(1, 2, 5, 5)).layout()).isEqualTo(Layout.NCHW);
        assertThatThrownBy(() -> backend.plan(op, in, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("conv2d plan: layout: expected a Layout (NCHW or NHWC), got null");
    }

    @Test
    void theEngineGetsItsOwnWorkspaceBackFilledByAForward() {
        Shape in = Shape.nchw(1, 1, 4, 4);
        try (Pool2dPlan plan = backend.plan(Pool2d.max(2, 2), in, Layout.NHWC);
             Workspace ws = plan.newWorkspace();
             Tensor x = Tensor.allocate(in, Layout.NHWC);
             Tensor y = Tensor.allocate(plan.outputShape(), Layout.NHWC);
             Tensor dx = Tensor.allocate(in, Layout.NHWC)) {
            RecordingBackendProvider.RecordingPool2dPlan engine = RecordingBackendProvider.lastPoolPlan;
            assertThatThrownBy(() -> plan.backward(ws, y, dx)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("pool2d backward: ws: expected a workspace filled by forward(x, y, ws)");
            plan.forward(x, y, ws);
            Workspace own = engine.lastWorkspace;
            assertThat(own).isInstanceOf(RecordingBackendProvider.RecordingWorkspace.class);
            plan.backward(ws, y, dx);
            assertThat(engine.lastWorkspace).isSameAs(own);

            engine.failNextForward = true;
            assertThatThrownBy(() -> plan.forward(x, y, ws)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> plan.backward(ws, y, dx)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("or whose last forward failed");

            ws.close();
            ws.close();
            assertThat(((RecordingBackendProvider.RecordingWorkspace) own).closes).isEqualTo(1);
            assertThatThrownBy(() -> plan.forward(x, y, ws)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("pool2d forward: ws: expected an open workspace, got a closed one");
        }
    }

    @Test
    void aWorkspaceOfAnotherPlanOrNoneIsRefused() {
        Shape in = Shape.nchw(1, 1, 4, 4);
        try (Pool2dPlan plan = backend.plan(Pool2d.max(2, 2), in);
             Pool2dPlan other = backend.plan(Pool2d.max(2, 2), in);
             Workspace foreign = other.newWorkspace();
             Tensor x = Tensor.allocate(in);
             Tensor y = Tensor.allocate(plan.outputShape())) {
            int before = calls();
            assertThatThrownBy(() -> plan.forward(x, y, foreign)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pool2d forward: ws: expected a workspace from this plan's newWorkspace()");
            assertThatThrownBy(() -> plan.forward(x, y, (Workspace) null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("got null");
            assertThatThrownBy(() -> plan.forward(x, y, () -> { })).isInstanceOf(IllegalArgumentException.class);
            assertThat(calls()).isEqualTo(before);
        }
    }

    @Test
    void inPlaceIsTheVerySameMemoryAndNothingElse() {
        try (Tensor x = Tensor.allocate(Shape.of(8)); Tensor dy = Tensor.allocate(Shape.of(8));
             Tensor pair = Tensor.allocate(Shape.of(9))) {
            int before = calls();
            backend.activation(Activation.RELU, x, x);
            backend.activation(Activation.RELU, x, Tensor.wrap(x.segment(), Shape.of(8)));
            backend.activationBackward(Activation.RELU, x, dy, dy);
            backend.activationBackwardFromOutput(Activation.SIGMOID, x, dy, dy);
            backend.add(x, dy, x);
            backend.dropout(0.5, 1L, x, x, dy);
            assertThat(calls()).isEqualTo(before + 6);
            assertThatThrownBy(() -> backend.activationBackward(Activation.RELU, x, dy, x))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("activationBackward: dx: expected memory disjoint from x");
            assertThatThrownBy(() -> backend.activationBackwardFromOutput(Activation.TANH, x, dy, x))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("activationBackwardFromOutput: dx: expected memory disjoint from y");
            Tensor first = Tensor.wrap(pair.segment(), Shape.of(8));
            Tensor shifted = Tensor.wrap(pair.segment().asSlice(Float.BYTES), Shape.of(8));
            assertThatThrownBy(() -> backend.add(first, x, shifted)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("add: y: expected memory disjoint from a");
            assertThat(calls()).isEqualTo(before + 6);
        }
    }

    @Test
    void elementWiseOpsWantOneLayoutAndSoftmaxWantsRowMajor() {
        Shape s = Shape.nchw(1, 2, 2, 2);
        try (Tensor planar = Tensor.allocate(s); Tensor channelsLast = Tensor.allocate(s, Layout.NHWC);
             Tensor other = Tensor.allocate(s, Layout.NHWC)) {
            assertThatThrownBy(() -> backend.add(channelsLast, planar, other)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("add: b: expected layout NHWC, got NCHW (tensor [1, 2, 2, 2])");
            assertThatThrownBy(() -> backend.softmax(channelsLast, other)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("softmax: logits: expected layout NCHW, got NHWC (tensor [1, 2, 2, 2])");
            int before = calls();
            backend.reorder(planar, channelsLast);
            assertThat(calls()).isEqualTo(before + 1);
            assertThatThrownBy(() -> backend.reorder(planar, Tensor.allocate(Shape.nchw(1, 2, 2, 3))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("reorder: dst: expected shape [1, 2, 2, 2], got [1, 2, 2, 3]");
        }
    }

    @Test
    void batchNormChecksItsChannelsAndParameterTensors() {
        BatchNorm2d op = BatchNorm2d.of(3);
        assertThat(op.epsilon()).isEqualTo(1e-5);
        assertThatThrownBy(() -> backend.plan(op, Shape.nchw(2, 4, 3, 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchNorm2d plan: input: expected a shape [n, 3, h, w] (rank 4, 3 channels), got [2, 4, 3, 3]");
        assertThatThrownBy(() -> new BatchNorm2d(0, 1e-5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BatchNorm2d: channels: expected >= 1, got 0");
        assertThatThrownBy(() -> new BatchNorm2d(3, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BatchNorm2d: epsilon: expected a finite value >= 1.1754944E-38 (a positive normal float),"
                        + " got 0.0");
        assertThatThrownBy(() -> new BatchNorm2d(3, 1e-46)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 1.0E-46");
        assertThatThrownBy(() -> new BatchNorm2d(3, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got Infinity");
        Shape in = Shape.nchw(2, 3, 2, 2);
        try (BatchNorm2dPlan plan = backend.plan(op, in, Layout.NHWC);
             Tensor x = Tensor.allocate(in, Layout.NHWC); Tensor y = Tensor.allocate(in, Layout.NHWC);
             Tensor gamma = Tensor.allocate(Shape.of(3)); Tensor beta = Tensor.allocate(Shape.of(3));
             Tensor mean = Tensor.allocate(Shape.of(3)); Tensor variance = Tensor.allocate(Shape.of(3));
             Tensor four = Tensor.allocate(Shape.of(4))) {
            int before = calls();
            assertThatThrownBy(() -> plan.forwardTraining(x, gamma, four, y, mean, variance))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("batchNorm2d forwardTraining: beta: expected shape [3], got [4]");
            assertThatThrownBy(() -> plan.forwardTraining(x, gamma, beta, y, mean, mean))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("batchNorm2d forwardTraining: variance: expected memory disjoint from mean");
            assertThatThrownBy(() -> plan.backward(x, y, gamma, mean, variance, y, gamma, beta))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("batchNorm2d backward: dx: expected memory disjoint from dy");
            assertThat(calls()).isEqualTo(before);
            plan.forwardTraining(x, gamma, beta, y, mean, variance);
            plan.forwardInference(x, gamma, beta, mean, variance, y);
            assertThat(calls()).isEqualTo(before + 2);
        }
    }

    @Test
    void lrnFollowsPyTorchAndTranslatesTensorFlow() {
        Lrn seed = Lrn.tensorflow(4, 1.0, 0.001 / 9, 0.75);
        assertThat(seed.size()).isEqualTo(9);
        assertThat(seed.alpha()).isEqualTo(0.001 / 9 * 9);
        assertThat(seed.k()).isEqualTo(1.0);
        assertThat(new Lrn(4, 1e-4, 0.75, 2).windowStart()).isEqualTo(-2);
        assertThat(new Lrn(4, 1e-4, 0.75, 2).windowEnd()).isEqualTo(1);
        assertThatThrownBy(() -> new Lrn(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Lrn: size: expected >= 1, got 0");
        assertThatThrownBy(() -> new Lrn(3, 1e-4, 0.75, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Lrn: k: expected a finite value > 0");
        assertThatThrownBy(() -> new Lrn(3, -1, 0.75, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Lrn: alpha: expected a finite value >= 0, got -1.0");
        assertThatThrownBy(() -> new Lrn(3, Double.NaN, 0.75, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Lrn: alpha: expected a finite value >= 0, got NaN");
        assertThatThrownBy(() -> new Lrn(3, 1, Double.NEGATIVE_INFINITY, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Lrn: beta: expected a finite value, got -Infinity");
        assertThatThrownBy(() -> Lrn.tensorflow(-1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Lrn.tensorflow: depthRadius");
        assertThatThrownBy(() -> Lrn.tensorflow(2, 0, 1e-4, 0.75)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Lrn.tensorflow: bias: expected a finite value > 0").hasMessageContaining("got 0.0");
        assertThatThrownBy(() -> Lrn.tensorflow(1000, 1, 1e308, 0.75)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Lrn.tensorflow: alpha: expected alpha * (2 * depthRadius + 1) to be finite");
        assertThatThrownBy(() -> backend.plan(seed, Shape.of(2, 3, 4))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lrn plan: input: expected rank 4 [n, c, h, w], got [2, 3, 4] (rank 3)");
        Shape in = Shape.nchw(1, 3, 2, 2);
        try (LrnPlan plan = backend.plan(seed, in); Tensor x = Tensor.allocate(in);
             Tensor y = Tensor.allocate(in, Layout.NHWC)) {
            assertThat(plan.layout()).isEqualTo(Layout.NCHW);
            assertThatThrownBy(() -> plan.forward(x, y)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("lrn forward: y: expected layout NCHW, got NHWC (tensor [1, 3, 2, 2])");
        }
    }

    @Test
    void fusedActivationIsPartOfTheOpAndTheOldConstructorsMeanNone() {
        Conv2d plain = new Conv2d(3, 8, 3, 3, 1, 1, Padding.NONE, 1, 1, 1, true);
        assertThat(plain.activation()).isNull();
        Conv2d fused = plain.activation(Activation.TANH).stride(2).padding(1);
        assertThat(fused.activation()).isEqualTo(Activation.TANH);
        assertThat(fused.activation(null)).isEqualTo(plain.stride(2).padding(1));
        assertThat(new Dense(4, 2, false).activation()).isNull();
        assertThat(Dense.of(4, 2).activation(Activation.RELU)).isEqualTo(new Dense(4, 2, true, Activation.RELU));
    }
}
