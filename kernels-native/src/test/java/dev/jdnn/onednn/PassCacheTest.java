package dev.jdnn.onednn;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The plan-less ops' cached passes, through a onednn engine used directly (no api layer). */
class PassCacheTest {
    /** The reference; naive holds nothing native, so it is never closed. */
    private static final Backend NAIVE = Backends.open("naive");

    private static OneDnnBackend onednn() {
        return (OneDnnBackend) new OneDnnBackendProvider().create(new BackendConfig(2));
    }

    @Test
    void repeatedCallsOnOneShapeAndOnOthersMatchNaiveAndReuseTheirPasses() {
        try (OneDnnBackend onednn = onednn()) {
            List<Shape> shapes = List.of(Shape.of(2, 3, 4), Shape.of(5, 7), Shape.of(2, 3, 4), Shape.of(17),
                    Shape.of(5, 7));
            runEveryPlanlessOp(onednn, shapes, 1);
            int cached = onednn.cachedPasses();
            assertThat(cached).isPositive();
            runEveryPlanlessOp(onednn, shapes, 2);
            assertThat(onednn.cachedPasses()).isEqualTo(cached);
        }
    }

    @Test
    void moreShapesThanOneThreadKeepsEvictTheOldestAndStillMatchNaive() {
        try (OneDnnBackend onednn = onednn(); Arena arena = Arena.ofShared()) {
            NaiveComparison random = new NaiveComparison(onednn, NAIVE, 3);
            for (int round = 0; round < 2; round++) {
                for (int n = 1; n <= PassCache.PER_THREAD + 4; n++) {
                    Shape shape = Shape.of(n, 3);
                    Tensor x = random.random(shape, arena);
                    Tensor y1 = Tensor.allocate(shape, arena);
                    Tensor y2 = Tensor.allocate(shape, arena);
                    onednn.activation(Activation.TANH, x, y1);
                    NAIVE.activation(Activation.TANH, x, y2);
                    NaiveComparison.check("tanh " + shape, y1, y2, 1);
                }
            }
            assertThat(onednn.cachedPasses()).isEqualTo(PassCache.PER_THREAD);
        }
    }

    @Test
    void twoThreadsRunningTheSameActivationAtOnceEachGetTheirOwnResult() throws Exception {
        try (OneDnnBackend onednn = onednn()) {
            CountDownLatch start = new CountDownLatch(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread[] threads = new Thread[2];
            for (int t = 0; t < threads.length; t++) {
                float value = t + 1;
                threads[t] = new Thread(() -> {
                    try (Tensor x = Tensor.allocate(Shape.of(8, 1000)); Tensor y = Tensor.allocate(x.shape())) {
                        start.await();
                        for (int i = 0; i < 300; i++) {
                            x.fill(value * (i % 2 == 0 ? 1 : -1));
                            onednn.activation(Activation.TANH, x, y);
                            float expected = (float) Math.tanh(value * (i % 2 == 0 ? 1 : -1));
                            float[] out = y.toArray();
                            for (float v : out) {
                                if (Math.abs(v - expected) > 1e-6f) {
                                    throw new AssertionError("call " + i + ": got " + v + ", expected " + expected);
                                }
                            }
                        }
                    } catch (Throwable e) {
                        failure.compareAndSet(null, e);
                    }
                });
                threads[t].start();
            }
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(failure.get()).isNull();
        }
    }

    @Test
    void closeReleasesEveryThreadsPassesAndLaterCallsRunUncached() throws Exception {
        OneDnnBackend onednn = onednn();
        try (Tensor x = Tensor.allocate(Shape.of(4)); Tensor y = Tensor.allocate(Shape.of(4))) {
            x.copyFrom(new float[] {-2f, -1f, 1f, 2f});
            onednn.activation(Activation.TANH, x, y);
            Thread other = new Thread(() -> {
                try (Tensor ox = Tensor.allocate(Shape.of(4)); Tensor oy = Tensor.allocate(Shape.of(4))) {
                    onednn.activation(Activation.TANH, ox, oy);
                }
            });
            other.start();
            other.join();
            assertThat(onednn.cachedPasses()).isEqualTo(2);
            onednn.close();
            assertThat(onednn.cachedPasses()).isZero();
            y.fill(9f);
            onednn.activation(Activation.TANH, x, y);
            assertThat(y.toArray()).containsExactly(new float[] {(float) Math.tanh(-2), (float) Math.tanh(-1),
                (float) Math.tanh(1), (float) Math.tanh(2)}, within(1e-6f));
            assertThat(onednn.cachedPasses()).isZero();
        }
    }

    @Test
    void aThreadThatEndedHasItsPassesClosedWhenANewThreadArrives() throws Exception {
        try (OneDnnBackend onednn = onednn()) {
            Runnable tanh = () -> {
                try (Tensor x = Tensor.allocate(Shape.of(4)); Tensor y = Tensor.allocate(Shape.of(4))) {
                    onednn.activation(Activation.TANH, x, y);
                }
            };
            Thread first = new Thread(tanh);
            first.start();
            first.join();
            assertThat(onednn.cachedPasses()).isEqualTo(1);
            Thread second = new Thread(tanh);
            second.start();
            second.join();
            assertThat(onednn.cachedPasses()).isEqualTo(1);
        }
    }

    private static void runEveryPlanlessOp(OneDnnBackend onednn, List<Shape> shapes, long seed) {
        try (Arena arena = Arena.ofShared()) {
            NaiveComparison random = new NaiveComparison(onednn, NAIVE, seed);
            for (Shape shape : shapes) {
                Tensor x = random.random(shape, arena);
                Tensor dy = random.random(shape, arena);
                for (Activation a : Activation.values()) {
                    compare(onednn, a + " " + shape, 1, shape, arena,
                            (b, out) -> b.activation(a, x, out), (b, out) -> b.activationBackward(a, x, dy, out));
                }
                int columns = shape.dim(shape.rank() - 1);
                compare(onednn, "softmax " + shape, columns, shape, arena,
                        (b, out) -> b.softmax(x, out), (b, out) -> b.softmaxBackward(x, dy, out));
                compare(onednn, "log-softmax " + shape, columns, shape, arena,
                        (b, out) -> b.logSoftmax(x, out), (b, out) -> b.logSoftmaxBackward(x, dy, out));
                if (shape.rank() == 2) {
                    int[] labels = new int[shape.dim(0)];
                    for (int r = 0; r < labels.length; r++) {
                        labels[r] = r % columns;
                    }
                    Tensor g1 = Tensor.allocate(shape, arena);
                    Tensor g2 = Tensor.allocate(shape, arena);
                    float loss = onednn.softmaxCrossEntropy(x, labels, g1);
                    assertThat(loss).isCloseTo(NAIVE.softmaxCrossEntropy(x, labels, g2), within(1e-5f));
                    NaiveComparison.check("cross-entropy " + shape, g1, g2, columns);
                }
            }
        }
    }

    /** One op writing {@code out} on a backend. */
    @FunctionalInterface
    private interface Op {
        void run(Backend backend, Tensor out);
    }

    private static void compare(Backend onednn, String what, int reduction, Shape shape, Arena arena, Op... passes) {
        for (int p = 0; p < passes.length; p++) {
            Tensor actual = Tensor.allocate(shape, arena);
            Tensor expected = Tensor.allocate(shape, arena);
            passes[p].run(onednn, actual);
            passes[p].run(NAIVE, expected);
            NaiveComparison.check(what + " pass " + p, actual, expected, reduction);
        }
    }
}
