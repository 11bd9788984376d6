package dev.jdnn.onednn;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Layout;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.foreign.Arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The one-thread 2x2 route of {@link WarmingMaxPool} against {@code naive} and against the scanned
 * path alone, bit for bit, while it warms the Java kernel up on slices and once it gives it whole
 * calls: y of the training and inference forwards, oneDNN's workspace byte for byte (the backward
 * reads it) and the backward's dx; ties and signed zeros (the first maximum), a NaN or an infinity
 * in the slice's rows or elsewhere (the slow path takes over).
 */
class WarmingMaxPoolTest {
    private static final OneDnnBackendProvider PROVIDER = new OneDnnBackendProvider();
    /** 128 KB per image, the least the route takes; 8 output rows per image, 64 output vectors per row. */
    private static final Shape INPUT = Shape.nchw(3, 32, 16, 64);

    @Test
    void takesLargeImagesOnly() {
        assertThat(WarmingMaxPool.serves(128 << 10)).isTrue();
        assertThat(WarmingMaxPool.serves(64L * 14 * 14 * Float.BYTES)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"false, none, 0", "true, none, 0", "false, nan, 0", "false, nan, -1", "true, nan, -1",
        "false, infinity, -1", "false, infinity, 5000", "true, infinity, 5000"})
    void matchesNaiveAndTheScannedPathInBothStates(boolean warm, String special, int at) {
        float[] values = VectorNhwcMaxPoolTest.ties(INPUT.elementCount(), 7);
        // -1: a cell under the slice (the last image's last four output rows, their first four output vectors,
        // that is the first two output pixels): input row 15, column 1, channel 3 of image 2
        int cell = at < 0 ? ((2 * 16 + 15) * 64 + 1) * 32 + 3 : at;
        if (special.equals("nan")) {
            values[cell] = Float.NaN;
        } else if (special.equals("infinity")) {
            values[cell] = Float.POSITIVE_INFINITY;
        }
        Pool2d op = Pool2d.max(2, 2);
        try (Arena arena = Arena.ofShared();
             Backend onednn = PROVIDER.create(new BackendConfig(1));
             Backend naive = Backends.open("naive", new BackendConfig(1));
             Pool2dPlan plan = onednn.plan(op, INPUT, Layout.NHWC);
             Pool2dPlan scanned = onednn.plan(op, INPUT, Layout.NHWC);
             Pool2dPlan reference = naive.plan(op, INPUT, Layout.NHWC);
             Workspace ws = plan.newWorkspace();
             Workspace scannedWs = scanned.newWorkspace();
             Workspace referenceWs = reference.newWorkspace()) {
            ((DnnlPooling) scanned).avoidUnrolledForward();
            Shape output = plan.outputShape();
            Tensor x = Tensor.allocate(INPUT, Layout.NHWC, arena);
            x.copyFrom(values);
            Tensor dy = Tensor.allocate(output, Layout.NHWC, arena);
            dy.copyFrom(VectorNhwcMaxPoolTest.ties(output.elementCount(), 9));
            Tensor y = Tensor.allocate(output, Layout.NHWC, arena);
            Tensor yInference = Tensor.allocate(output, Layout.NHWC, arena);
            Tensor dx = Tensor.allocate(INPUT, Layout.NHWC, arena);
            Tensor scannedY = Tensor.allocate(output, Layout.NHWC, arena);
            Tensor expectedY = Tensor.allocate(output, Layout.NHWC, arena);
            Tensor expectedDx = Tensor.allocate(INPUT, Layout.NHWC, arena);
            plan.forward(x, y, ws);
            if (warm) {
                ((DnnlPooling) plan).skipUnrolledWarmUp();
                y.copyFrom(new float[(int) output.elementCount()]);
                plan.forward(x, y, ws);
            }
            plan.backward(ws, dy, dx);
            plan.forward(x, yInference);
            scanned.forward(x, scannedY, scannedWs);
            reference.forward(x, expectedY, referenceWs);
            reference.backward(referenceWs, dy, expectedDx);
            assertThat(((DnnlPooling) plan).unrolledForward()).as("whole calls in Java")
                    .isEqualTo(JavaTrainingSteps.VECTOR_API && warm);
            assertThat(y.toArray()).as("y").containsExactly(expectedY.toArray());
            assertThat(yInference.toArray()).as("inference y").containsExactly(expectedY.toArray());
            assertThat(dx.toArray()).as("dx").containsExactly(expectedDx.toArray(), within(1e-5f));
            assertThat(scannedY.toArray()).as("scanned y").containsExactly(expectedY.toArray());
            if (special.equals("none")) {
                PoolingWorkspace own = (PoolingWorkspace) ws;
                PoolingWorkspace other = (PoolingWorkspace) scannedWs;
                assertThat(own.buffer().mismatch(other.buffer())).as("workspace bytes differ at").isEqualTo(-1L);
            }
        }
    }
}
