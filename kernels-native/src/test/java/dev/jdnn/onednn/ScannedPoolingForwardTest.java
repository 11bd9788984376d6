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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * NHWC max pooling in chunks of images, each scanned for NaN right before its primitive, on one
 * thread and on an OpenMP team of two: the same values and the same gradient routing as
 * {@code naive} (gradients summed over overlapping windows up to rounding), with a NaN in any
 * chunk and with a last chunk smaller than the others.
 */
class ScannedPoolingForwardTest {
    private static final OneDnnBackendProvider PROVIDER = new OneDnnBackendProvider();
    /** Five images (chunks of 3 and 2 on one thread; 2, 2 and 1 on two), odd sizes, padding, a stride below the kernel. */
    private static final Shape INPUT = Shape.nchw(5, 3, 9, 7);
    private static final Pool2d OP = Pool2d.max(3, 2).padding(new Padding(1, 0, 1, 1));

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void chunkedForwardAndWorkspaceBackwardMatchNaive(int threads) {
        try (Arena shared = Arena.ofShared()) {
            compareWithNaive(threads, random(INPUT.elementCount(), 7), shared);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 4})
    void aNanInAnyImageGivesTheContractsValuesOnTwoThreads(int image) {
        float[] x = random(INPUT.elementCount(), 11);
        int perImage = (int) (INPUT.elementCount() / INPUT.dim(0));
        x[image * perImage + 40] = Float.NaN;
        x[image * perImage + 41] = Float.NEGATIVE_INFINITY;
        try (Arena shared = Arena.ofShared()) {
            compareWithNaive(2, x, shared);
        }
    }

    /**
     * On one thread the chunks are slices of the caller's scoped segments, kept while the tensor
     * stays the same: after its arena is closed the input is refused, and an input of another
     * arena (wherever it lies, even at the freed address) is sliced afresh, not read through the
     * slices of the closed arena.
     */
    @Test
    void onOneThreadAClosedInputThrowsAndAnotherArenaIsSlicedAfresh() {
        float[] values = random(INPUT.elementCount(), 13);
        try (Backend onednn = PROVIDER.create(new BackendConfig(1));
             Pool2dPlan plan = onednn.plan(OP, INPUT, Layout.NHWC);
             Workspace ws = plan.newWorkspace()) {
            Tensor y = Tensor.allocate(plan.outputShape(), Layout.NHWC);
            Arena first = Arena.ofShared();
            Tensor x = Tensor.allocate(INPUT, Layout.NHWC, first);
            x.copyFrom(values);
            plan.forward(x, y, ws);
            float[] expected = y.toArray();
            assertThat(((DnnlPooling) plan).scannedChunks()).as("chunks").isGreaterThan(1);
            first.close();
            assertThatThrownBy(() -> plan.forward(x, y, ws)).isInstanceOf(IllegalStateException.class);
            try (Arena second = Arena.ofShared()) {
                Tensor again = Tensor.allocate(INPUT, Layout.NHWC, second);
                again.copyFrom(values);
                plan.forward(again, y, ws);
                assertThat(y.toArray()).containsExactly(expected);
            }
        }
    }

    @Test
    void chunksHoldWholeImagesAndGiveEveryThreadTwo() {
        assertThat(ScannedPoolingForward.chunkImages(64, 2, 256 << 10, 512 << 10)).isEqualTo(2);
        assertThat(ScannedPoolingForward.chunkImages(64, 2, 16 << 10, 512 << 10)).isEqualTo(16);
        assertThat(ScannedPoolingForward.chunkImages(16, 2, 3 << 20, 512 << 10)).isEqualTo(1);
        assertThat(ScannedPoolingForward.chunkImages(5, 1, 100, 512 << 10)).isEqualTo(3);
    }

    @Test
    void aWorkspaceSplitsByImageOnlyWhenEveryChunkTakesItsImagesShare() {
        assertThat(ScannedPoolingForward.workspaceBytesPerImage(640, 5, 256, 2, 128, 1)).isEqualTo(128);
        assertThat(ScannedPoolingForward.workspaceBytesPerImage(640, 5, 264, 2, 128, 1)).isEqualTo(-1);
        assertThat(ScannedPoolingForward.workspaceBytesPerImage(641, 5, 256, 2, 128, 1)).isEqualTo(-1);
    }

    private static void compareWithNaive(int threads, float[] values, Arena arena) {
        try (Backend onednn = PROVIDER.create(new BackendConfig(threads));
             Backend naive = Backends.open("naive", new BackendConfig(1));
             Pool2dPlan plan = onednn.plan(OP, INPUT, Layout.NHWC);
             Pool2dPlan reference = naive.plan(OP, INPUT, Layout.NHWC);
             Workspace ws = plan.newWorkspace();
             Workspace referenceWs = reference.newWorkspace()) {
            Shape output = plan.outputShape();
            Tensor x = Tensor.allocate(INPUT, Layout.NHWC, arena);
            x.copyFrom(values);
            Tensor dy = Tensor.allocate(output, Layout.NHWC, arena);
            dy.copyFrom(random(output.elementCount(), 3));
            for (int call = 0; call < 2; call++) {
                Tensor y = Tensor.allocate(output, Layout.NHWC, arena);
                Tensor dx = Tensor.allocate(INPUT, Layout.NHWC, arena);
                Tensor yInference = Tensor.allocate(output, Layout.NHWC, arena);
                Tensor expectedY = Tensor.allocate(output, Layout.NHWC, arena);
                Tensor expectedDx = Tensor.allocate(INPUT, Layout.NHWC, arena);
                plan.forward(x, y, ws);
                plan.backward(ws, dy, dx);
                plan.forward(x, yInference);
                reference.forward(x, expectedY, referenceWs);
                reference.backward(referenceWs, dy, expectedDx);
                assertThat(y.toArray()).as("y, %d threads, call %d", threads, call).containsExactly(expectedY.toArray());
                assertThat(yInference.toArray()).as("inference y").containsExactly(expectedY.toArray());
                assertThat(dx.toArray()).as("dx, %d threads", threads)
                        .containsExactly(expectedDx.toArray(), within(1e-5f));
            }
            assertThat(((DnnlPooling) plan).scannedChunks()).as("chunks after the forwards").isGreaterThan(1);
        }
    }

    private static float[] random(long count, long seed) {
        Random random = new Random(seed);
        float[] values = new float[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        return values;
    }
}
