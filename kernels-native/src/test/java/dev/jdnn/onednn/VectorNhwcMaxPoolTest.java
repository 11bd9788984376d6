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
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.foreign.Arena;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The single-read NHWC max-pooling forward against {@code naive}, bit for bit: ties and
 * {@code -0.0}/{@code 0.0} (the first maximum), a NaN (the slow path takes over), a window of
 * {@code -Inf}, output rows of more than 4,096 outputs; and the workspace it writes routes the
 * backward's gradient as {@code naive} does.
 */
class VectorNhwcMaxPoolTest {
    private static final OneDnnBackendProvider PROVIDER = new OneDnnBackendProvider();
    private static final Shape INPUT = Shape.nchw(3, 32, 8, 6);
    /**
     * Output rows of 5,120 outputs, more than the 4,096 bytes per chunk that inference's discarded
     * window indices had before the 2x2 kernel wrote them a row at a time.
     */
    private static final Shape WIDE = Shape.nchw(2, 128, 6, 80);

    @ParameterizedTest
    @CsvSource({"2, 1, none", "2, 2, none", "3, 1, none", "3, 2, none", "2, 2, nan", "3, 2, nan", "3, 1, infinity",
        "2, 2, infinity", "3, 1, nan", "2, 2, wide"})
    void forwardAndWorkspaceBackwardMatchNaive(int kernel, int threads, String special) {
        Pool2d op = kernel == 2 ? Pool2d.max(2, 2) : Pool2d.max(3, 2).padding(new Padding(1, 1, 1, 1));
        Shape input = special.equals("wide") ? WIDE : INPUT;
        float[] values = ties(input.elementCount(), 5);
        if (special.equals("nan")) {
            values[1000] = Float.NaN;
        } else if (special.equals("infinity")) {
            for (int cell : new int[] {0, 32, 6 * 32, 7 * 32}) {
                values[cell + 3] = Float.NEGATIVE_INFINITY;
            }
            if (kernel == 3) {
                values[8 * 32 + 3] = Float.NEGATIVE_INFINITY;
                values[6 * 32 + 32 + 32 + 3] = Float.NEGATIVE_INFINITY;
                values[2 * 32 + 3] = Float.NEGATIVE_INFINITY;
                values[12 * 32 + 32 + 3] = Float.NEGATIVE_INFINITY;
                values[12 * 32 + 3] = Float.NEGATIVE_INFINITY;
                values[12 * 32 + 64 + 3] = Float.NEGATIVE_INFINITY;
            }
        }
        try (Arena arena = Arena.ofShared();
             Backend onednn = PROVIDER.create(new BackendConfig(threads));
             Backend naive = Backends.open("naive", new BackendConfig(1));
             Pool2dPlan plan = onednn.plan(op, input, Layout.NHWC);
             Pool2dPlan reference = naive.plan(op, input, Layout.NHWC);
             Workspace ws = plan.newWorkspace();
             Workspace referenceWs = reference.newWorkspace()) {
            Shape output = plan.outputShape();
            Tensor x = Tensor.allocate(input, Layout.NHWC, arena);
            x.copyFrom(values);
            Tensor dy = Tensor.allocate(output, Layout.NHWC, arena);
            dy.copyFrom(ties(output.elementCount(), 9));
            Tensor y = Tensor.allocate(output, Layout.NHWC, arena);
            Tensor yInference = Tensor.allocate(output, Layout.NHWC, arena);
            Tensor dx = Tensor.allocate(input, Layout.NHWC, arena);
            Tensor expectedY = Tensor.allocate(output, Layout.NHWC, arena);
            Tensor expectedDx = Tensor.allocate(input, Layout.NHWC, arena);
            plan.forward(x, y, ws);
            plan.backward(ws, dy, dx);
            plan.forward(x, yInference);
            reference.forward(x, expectedY, referenceWs);
            reference.backward(referenceWs, dy, expectedDx);
            assertThat(((DnnlPooling) plan).unrolledForward()).as("ran the unrolled forward")
                    .isEqualTo(JavaTrainingSteps.VECTOR_API && (kernel == 3 || threads > 1));
            assertThat(y.toArray()).as("y").containsExactly(expectedY.toArray());
            assertThat(yInference.toArray()).as("inference y").containsExactly(expectedY.toArray());
            assertThat(dx.toArray()).as("dx").containsExactly(expectedDx.toArray(), within(1e-5f));
        }
    }

    /** Values from {-2, -1, -0.0, 0.0, 1, 2}: many ties, and signed zeros beside each other. */
    private static float[] ties(long count, long seed) {
        float[] choices = {-2f, -1f, -0.0f, 0.0f, 1f, 2f};
        Random random = new Random(seed);
        float[] values = new float[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = choices[random.nextInt(choices.length)];
        }
        return values;
    }
}
