package dev.jdnn.onednn;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Layout;
import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.Workspace;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java NHWC max-pool forward ({@link ChannelsLastMaxPool}, run by {@link DnnlPooling}) writes
 * the same output and the same workspace bytes as oneDNN's own training forward on finite inputs
 * (so oneDNN's backward reads it right), across channel counts with and without a vector tail,
 * padding, overlapping windows and ceil mode, on one and two threads; and on inputs with NaN,
 * infinities, signed zeros and ties its forward and the backward through the workspace equal the
 * contract's scalar rules ({@link MaxPoolWindows}; the backward up to the order in which
 * overlapping windows' gradients are added).
 */
class ChannelsLastMaxPoolTest {
    private static final OneDnnBackendProvider PROVIDER = new OneDnnBackendProvider();
    private static final float[] SPECIAL = {Float.NaN, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY, 0f, -0f, 1f,
        1f, -1f};

    private record Case(Pool2d op, Shape input) {
    }

    /** Channels in whole vectors (8 and 16 lanes), which the plan sends to the Java kernel. */
    private static final Case[] CASES = {
        new Case(Pool2d.max(2, 2), Shape.nchw(5, 16, 28, 28)),
        new Case(Pool2d.max(2, 2), Shape.nchw(3, 48, 10, 10)),
        new Case(Pool2d.max(3, 2).padding(1), Shape.nchw(2, 32, 13, 11)),
        new Case(Pool2d.max(3, 2).ceilMode(true), Shape.nchw(2, 16, 10, 9)),
        new Case(Pool2d.max(2, 1).padding(new Padding(1, 0, 0, 1)), Shape.nchw(4, 16, 6, 7)),
    };
    /** Channel counts with a vector tail, which the plan leaves to oneDNN; the kernel itself must still be right. */
    private static final Case[] TAILS = {
        new Case(Pool2d.max(2, 2), Shape.nchw(5, 6, 28, 28)),
        new Case(Pool2d.max(2, 2), Shape.nchw(3, 69, 10, 10)),
        new Case(Pool2d.max(3, 2).padding(1), Shape.nchw(2, 20, 13, 11)),
        new Case(Pool2d.max(2, 1).padding(new Padding(1, 0, 0, 1)), Shape.nchw(4, 3, 6, 7)),
    };

    @Test
    void withChannelTailsTheKernelWritesOneDnnsWorkspaceAndTheContractsValues() {
        try (Backend backend = PROVIDER.create(new BackendConfig(1)); Arena arena = Arena.ofShared()) {
            for (Case c : TAILS) {
                try (DnnlPooling plan = (DnnlPooling) backend.plan(c.op(), c.input(), Layout.NHWC);
                     Workspace dnnlWs = plan.newWorkspace()) {
                    Shape out = plan.outputShape();
                    ChannelsLastMaxPool kernel = ChannelsLastMaxPool.ofAnyChannels(c.op(), c.input(), out);
                    long outputs = out.elementCount();
                    MemorySegment y = arena.allocate(outputs * 4L);
                    MemorySegment ws = arena.allocate(outputs);
                    Tensor x = random(c.input(), arena, 41, false);
                    kernel.rows(x.segment(), y, ws, 0, kernel.rowsPerBatch(c.input().dim(0)));
                    Tensor dnnlY = Tensor.allocate(out, Layout.NHWC, arena);
                    plan.forwardInOneDnn(x, dnnlY, dnnlWs);
                    assertThat(y.mismatch(dnnlY.segment())).as("y of %s", c).isEqualTo(-1);
                    assertThat(ws.mismatch(((PoolingWorkspace) dnnlWs).buffer().asSlice(0, outputs))).as("ws of %s", c)
                            .isEqualTo(-1);
                    Tensor special = random(c.input(), arena, 43, true);
                    kernel.rows(special.segment(), y, null, 0, kernel.rowsPerBatch(c.input().dim(0)));
                    MemorySegment expected = arena.allocate(outputs * 4L);
                    new MaxPoolWindows(c.op(), c.input(), out, Layout.NHWC).forward(special.segment(), expected, null);
                    assertThat(y.mismatch(expected)).as("y with NaN of %s", c).isEqualTo(-1);
                }
            }
        }
    }

    @Test
    void outputAndWorkspaceEqualOneDnnsOwnForwardOnFiniteInputs() {
        for (int threads = 1; threads <= 2; threads++) {
            try (Backend backend = PROVIDER.create(new BackendConfig(threads)); Arena arena = Arena.ofShared()) {
                for (Case c : CASES) {
                    try (DnnlPooling plan = (DnnlPooling) backend.plan(c.op(), c.input(), Layout.NHWC);
                         Workspace javaWs = plan.newWorkspace(); Workspace dnnlWs = plan.newWorkspace()) {
                        Tensor x = random(c.input(), arena, 3 + threads, false);
                        Tensor javaY = Tensor.allocate(plan.outputShape(), Layout.NHWC, arena);
                        Tensor dnnlY = Tensor.allocate(plan.outputShape(), Layout.NHWC, arena);
                        plan.forward(x, javaY, javaWs);
                        assertThat(plan.forwardInJava()).as("%s", c).isTrue();
                        plan.forwardInOneDnn(x, dnnlY, dnnlWs);
                        assertThat(javaY.segment().mismatch(dnnlY.segment())).as("y of %s", c).isEqualTo(-1);
                        MemorySegment a = ((PoolingWorkspace) javaWs).buffer();
                        MemorySegment b = ((PoolingWorkspace) dnnlWs).buffer();
                        long outputs = plan.outputShape().elementCount();
                        assertThat(a.asSlice(0, outputs).mismatch(b.asSlice(0, outputs))).as("workspace of %s, %d threads",
                                c, threads).isEqualTo(-1);
                    }
                }
            }
        }
    }

    @Test
    void nanInfinitiesSignedZerosAndTiesFollowTheContractForwardAndBackward() {
        for (int threads = 1; threads <= 2; threads++) {
            try (Backend backend = PROVIDER.create(new BackendConfig(threads)); Arena arena = Arena.ofShared()) {
                for (Case c : CASES) {
                    try (DnnlPooling plan = (DnnlPooling) backend.plan(c.op(), c.input(), Layout.NHWC);
                         Workspace ws = plan.newWorkspace()) {
                        Shape out = plan.outputShape();
                        Tensor x = random(c.input(), arena, 17 + threads, true);
                        Tensor y = Tensor.allocate(out, Layout.NHWC, arena);
                        Tensor dy = random(out, arena, 29, false);
                        Tensor dx = Tensor.allocate(c.input(), Layout.NHWC, arena);
                        plan.forward(x, y, ws);
                        plan.backward(ws, dy, dx);
                        MaxPoolWindows expected = new MaxPoolWindows(c.op(), c.input(), out, Layout.NHWC);
                        MemorySegment ey = arena.allocate(out.elementCount() * 4L);
                        MemorySegment edx = arena.allocate(c.input().elementCount() * 4L);
                        expected.forward(x.segment(), ey, null);
                        expected.backward(x.segment(), dy.segment(), edx);
                        assertThat(y.segment().mismatch(ey)).as("y of %s", c).isEqualTo(-1);
                        assertThat(wrongGradients(dx.segment(), edx, c.input().elementCount())).as("dx of %s", c)
                                .isZero();
                        plan.forward(x, y);
                        assertThat(y.segment().mismatch(ey)).as("inference y of %s", c).isEqualTo(-1);
                    }
                }
            }
        }
    }

    /**
     * Cells whose gradient differs from the expected one by more than rounding: where windows
     * overlap, oneDNN adds a cell's contributions in its own order (1 ulp off here and there).
     * A gradient routed to the wrong cell is off by a whole {@code dy} (about 1).
     */
    private static long wrongGradients(MemorySegment actual, MemorySegment expected, long count) {
        long wrong = 0;
        for (long i = 0; i < count; i++) {
            float a = actual.getAtIndex(ValueLayout.JAVA_FLOAT, i);
            float e = expected.getAtIndex(ValueLayout.JAVA_FLOAT, i);
            wrong += Math.abs(a - e) <= 1e-5f * (1 + Math.abs(e)) || (a != a && e != e) ? 0 : 1;
        }
        return wrong;
    }

    /** Gaussian values, or (special) a mix of NaN, infinities, signed zeros and repeated values (ties). */
    private static Tensor random(Shape shape, Arena arena, long seed, boolean special) {
        SplittableRandom random = new SplittableRandom(seed);
        Tensor t = Tensor.allocate(shape, Layout.NHWC, arena);
        for (long i = 0; i < shape.elementCount(); i++) {
            float v = special && random.nextInt(4) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)]
                    : (float) random.nextGaussian();
            t.segment().setAtIndex(ValueLayout.JAVA_FLOAT, i, v);
        }
        return t;
    }
}
