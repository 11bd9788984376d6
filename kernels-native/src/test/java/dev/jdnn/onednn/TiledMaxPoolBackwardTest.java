package dev.jdnn.onednn;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Layout;
import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java backward of NHWC max pooling over tiling windows reads oneDNN's workspace exactly: its
 * {@code dx} equals, bit for bit, oneDNN's own backward primitive (the plan's recomputing
 * {@link Pool2dPlan#backward(Tensor, Tensor, Tensor)}, which this class does not take) and
 * {@code naive}'s, on inputs full of ties, with {@code -0.0}, NaN and infinities in {@code dy},
 * trailing rows and columns no window covers, 1 to 7 channels, one and two threads; and it runs
 * in a JVM without {@code jdk.incubator.vector}.
 */
class TiledMaxPoolBackwardTest {
    private static final OneDnnBackendProvider PROVIDER = new OneDnnBackendProvider();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(Shape.nchw(64, 6, 28, 28), Pool2d.max(2, 2), 2),
                Arguments.of(Shape.nchw(5, 6, 9, 11), Pool2d.max(2, 2), 1),
                Arguments.of(Shape.nchw(5, 6, 9, 11), Pool2d.max(2, 2), 2),
                Arguments.of(Shape.nchw(3, 3, 10, 10), Pool2d.max(2, 2), 2),
                Arguments.of(Shape.nchw(3, 7, 10, 12), Pool2d.max(2, 2), 2),
                Arguments.of(Shape.nchw(3, 4, 10, 12), Pool2d.max(2, 2), 1),
                Arguments.of(Shape.nchw(4, 1, 7, 8), Pool2d.max(3, 3), 2),
                Arguments.of(Shape.nchw(1, 1, 1, 1), Pool2d.max(1, 1), 2),
                Arguments.of(Shape.nchw(3, 5, 8, 9), Pool2d.max(2, 3).kernel(2, 3).stride(2, 3), 1));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void equalsOneDnnsOwnBackwardAndNaiveBitForBit(Shape input, Pool2d op, int threads) {
        try (Backend onednn = PROVIDER.create(new BackendConfig(threads));
             Backend naive = Backends.open("naive", new BackendConfig(1));
             Pool2dPlan plan = onednn.plan(op, input, Layout.NHWC);
             Pool2dPlan reference = naive.plan(op, input, Layout.NHWC);
             Workspace ws = plan.newWorkspace();
             Workspace referenceWs = reference.newWorkspace()) {
            assertThat(((DnnlPooling) plan).tiledBackward()).as("Java backward in use").isTrue();
            Shape output = plan.outputShape();
            Tensor x = Tensor.allocate(input, Layout.NHWC);
            Tensor y = Tensor.allocate(output, Layout.NHWC);
            Tensor dy = Tensor.allocate(output, Layout.NHWC);
            Tensor dx = Tensor.allocate(input, Layout.NHWC);
            Tensor oneDnnDx = Tensor.allocate(input, Layout.NHWC);
            Tensor naiveY = Tensor.allocate(output, Layout.NHWC);
            Tensor naiveDx = Tensor.allocate(input, Layout.NHWC);
            for (int seed = 1; seed <= 2; seed++) {
                x.copyFrom(ties(input.elementCount(), seed));
                dy.copyFrom(gradient(output.elementCount(), seed));
                dx.copyFrom(filled(input.elementCount(), 7f));
                plan.forward(x, y, ws);
                plan.backward(ws, dy, dx);
                plan.backward(x, dy, oneDnnDx);
                reference.forward(x, naiveY, referenceWs);
                reference.backward(referenceWs, dy, naiveDx);
                assertThat(mismatches(dx, oneDnnDx)).as("dx against oneDNN's backward, seed %d", seed).isEmpty();
                assertThat(mismatches(dx, naiveDx)).as("dx against naive, seed %d", seed).isEmpty();
            }
        }
    }

    @Test
    void overlappingPaddedCeilOrEightChannelWindowsKeepOneDnnsBackward() {
        Shape input = Shape.nchw(2, 6, 9, 9);
        assertThat(TiledMaxPoolBackward.serves(Pool2d.max(3, 2), input, Layout.NHWC)).isFalse();
        assertThat(TiledMaxPoolBackward.serves(Pool2d.max(2, 2).padding(new Padding(1, 1, 1, 1)), input, Layout.NHWC))
                .isFalse();
        assertThat(TiledMaxPoolBackward.serves(Pool2d.max(2, 2).ceilMode(true), input, Layout.NHWC)).isFalse();
        assertThat(TiledMaxPoolBackward.serves(Pool2d.max(2, 2), input, Layout.NCHW)).isFalse();
        assertThat(TiledMaxPoolBackward.serves(Pool2d.avg(2, 2), input, Layout.NHWC)).isFalse();
        assertThat(TiledMaxPoolBackward.serves(Pool2d.max(2, 2), Shape.nchw(2, 8, 8, 8), Layout.NHWC))
                .as("from 8 channels oneDNN's backward is the faster one").isFalse();
        assertThat(TiledMaxPoolBackward.serves(Pool2d.max(2, 2), Shape.nchw(2, 16, 8, 8), Layout.NHWC)).isFalse();
        assertThat(TiledMaxPoolBackward.serves(Pool2d.max(2, 2), Shape.nchw(2, 7, 8, 8), Layout.NHWC)).isTrue();
        assertThat(TiledMaxPoolBackward.serves(Pool2d.max(2, 2), input, Layout.NHWC)).isTrue();
        try (Backend onednn = PROVIDER.create(new BackendConfig(1));
             Pool2dPlan plan = onednn.plan(Pool2d.max(2, 2), Shape.nchw(2, 8, 8, 8), Layout.NHWC);
             Workspace ignored = plan.newWorkspace()) {
            assertThat(((DnnlPooling) plan).tiledBackward()).isFalse();
        }
    }

    @Test
    void runsInAJvmWithoutTheVectorModule() throws Exception {
        ForkedJvm.Result result = ForkedJvm.runWithoutVectorModule(TiledMaxPoolBackwardProbe.class, List.of("-Xmx256m"));
        assertThat(result.output()).contains("OK tiled=true mismatches=0");
        assertThat(result.exitCode()).isZero();
    }

    /** Values from {0, 1, 2}, so most windows hold ties (the first maximum must win), some negative zeros. */
    static float[] ties(long count, long seed) {
        Random random = new Random(seed);
        float[] values = new float[(int) count];
        for (int i = 0; i < values.length; i++) {
            int r = random.nextInt(7);
            values[i] = r == 0 ? -0.0f : r % 3;
        }
        return values;
    }

    /** Gaussian gradients with -0.0, NaN and both infinities sprinkled in. */
    static float[] gradient(long count, long seed) {
        Random random = new Random(seed * 31);
        float[] values = new float[(int) count];
        float[] special = {-0.0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY};
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(10) == 0 ? special[random.nextInt(special.length)] : (float) random.nextGaussian();
        }
        return values;
    }

    static float[] filled(long count, float value) {
        float[] values = new float[(int) count];
        Arrays.fill(values, value);
        return values;
    }

    /** The first few elements whose bit patterns differ, as "index: actual vs expected". */
    static List<String> mismatches(Tensor actual, Tensor expected) {
        float[] a = actual.toArray();
        float[] e = expected.toArray();
        List<String> found = new ArrayList<>();
        for (int i = 0; i < a.length && found.size() < 8; i++) {
            if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(e[i])) {
                found.add(i + ": " + a[i] + " vs " + e[i]);
            }
        }
        return found;
    }
}
