package dev.jdnn.onednn;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Layout;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.Workspace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.foreign.Arena;
import java.lang.foreign.ValueLayout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The one-thread NHWC 2x2 max-pooling forward over images of 128 KB and more: the plan runs its
 * scanned path until {@link UnrolledMaxPoolWarmUp} has seen {@link VectorNhwcMaxPool}'s code
 * compiled by C2, then the kernel, with the same bits on both routes (outputs, oneDNN's workspace,
 * the gradient through it, NaN and infinities).
 */
class UnrolledMaxPoolWarmUpTest {
    /** Two images of 64 channels, 32x32: 256 KB each, pool_cifar's image. */
    private static final Shape INPUT = Shape.nchw(2, 64, 32, 32);
    private static Backend onednn;

    @BeforeAll
    static void open() {
        onednn = new OneDnnBackendProvider().create(new BackendConfig(1));
    }

    @AfterAll
    static void close() {
        onednn.close();
    }

    @Test
    void aOneThreadPlanTakesTheKernelOnceTheWarmUpHasSeenC2sCode() throws InterruptedException {
        assumeThat(JavaTrainingSteps.VECTOR_API).isTrue();
        try (Arena arena = Arena.ofShared(); DnnlPooling first = plan(); DnnlPooling later = plan()) {
            Tensor x = values(arena);
            Tensor y = Tensor.allocate(first.outputShape(), Layout.NHWC, arena);
            first.forward(x, y);
            assertThat(first.unrolledForward()).isEqualTo(UnrolledMaxPoolWarmUp.compiled());
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!UnrolledMaxPoolWarmUp.compiled() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assumeThat(UnrolledMaxPoolWarmUp.compiled()).as("C2 compiled the kernel within 60 s").isTrue();
            assertThat(UnrolledMaxPoolWarmUp.calls()).isPositive();
            first.forward(x, y);
            assertThat(first.unrolledForward()).isTrue();
            later.forward(x, y);
            assertThat(later.unrolledForward()).isTrue();
        }
    }

    /** {@code value} is written into one cell of the input: a finite one, or NaN or an infinity. */
    @ParameterizedTest
    @CsvSource({"0.5, true", "0.5, false", "NaN, true", "NaN, false", "Infinity, true", "-Infinity, true"})
    void theKernelGivesTheScannedPathsBits(float value, boolean training) {
        assumeThat(JavaTrainingSteps.VECTOR_API).isTrue();
        try (Arena arena = Arena.ofShared(); DnnlPooling kernel = plan(); DnnlPooling scanned = plan();
             Workspace kernelWs = kernel.newWorkspace(); Workspace scannedWs = scanned.newWorkspace()) {
            kernel.skipWarmUp();
            scanned.avoidUnrolledForward();
            Tensor x = values(arena);
            float[] cells = x.toArray();
            cells[cells.length / 2 + 5] = value;
            x.copyFrom(cells);
            Tensor y = Tensor.allocate(kernel.outputShape(), Layout.NHWC, arena);
            Tensor expected = Tensor.allocate(kernel.outputShape(), Layout.NHWC, arena);
            if (training) {
                kernel.forward(x, y, kernelWs);
                scanned.forward(x, expected, scannedWs);
            } else {
                kernel.forward(x, y);
                scanned.forward(x, expected);
            }
            assertThat(kernel.unrolledForward()).isTrue();
            assertThat(scanned.unrolledForward()).isFalse();
            assertThat(y.toArray()).containsExactly(expected.toArray());
            if (training && Float.isFinite(value)) {
                assertThat(((PoolingWorkspace) kernelWs).buffer().toArray(ValueLayout.JAVA_BYTE))
                        .containsExactly(((PoolingWorkspace) scannedWs).buffer().toArray(ValueLayout.JAVA_BYTE));
            }
            if (training) {
                assertSameGradient(kernel, kernelWs, scanned, scannedWs, arena);
            }
        }
    }

    /** The workspace backward of both plans from the same {@code dy} gives the same {@code dx}. */
    private static void assertSameGradient(DnnlPooling kernel, Workspace kernelWs, DnnlPooling scanned,
                                           Workspace scannedWs, Arena arena) {
        Tensor dy = values(arena, kernel.outputShape());
        Tensor dx = Tensor.allocate(INPUT, Layout.NHWC, arena);
        Tensor expectedDx = Tensor.allocate(INPUT, Layout.NHWC, arena);
        kernel.backward(kernelWs, dy, dx);
        scanned.backward(scannedWs, dy, expectedDx);
        assertThat(dx.toArray()).containsExactly(expectedDx.toArray());
    }

    private static DnnlPooling plan() {
        Pool2dPlan plan = onednn.plan(Pool2d.max(2, 2), INPUT, Layout.NHWC);
        return (DnnlPooling) plan;
    }

    private static Tensor values(Arena arena) {
        return values(arena, INPUT);
    }

    /** Values in [-1, 1] with repeats, so windows hold ties. */
    private static Tensor values(Arena arena, Shape shape) {
        Tensor t = Tensor.allocate(shape, Layout.NHWC, arena);
        float[] v = new float[(int) shape.elementCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) ((long) i * 7919 % 2001 - 1000) / 1000f;
        }
        t.copyFrom(v);
        return t;
    }
}
