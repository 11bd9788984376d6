package dev.jdnn.onednn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdnn.Backend;
import dev.jdnn.Backends;
import dev.jdnn.BatchNorm2d;
import dev.jdnn.BatchNorm2dPlan;
import dev.jdnn.Layout;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.lang.foreign.Arena;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The onednn backend's NHWC batch norm for channel counts that go through {@link VectorNhwcBatchNorm}
 * against {@code naive}: shapes with many blocks of periods, a leftover shorter than a period, and
 * nothing but a leftover; every pass, a large mean included.
 */
class VectorNhwcBatchNormTest {
    private static Backend onednn;
    private static Backend naive;

    @BeforeAll
    static void open() {
        onednn = Backends.open("onednn");
        naive = Backends.open("naive");
    }

    @AfterAll
    static void close() {
        onednn.close();
        naive.close();
    }

    @ParameterizedTest(name = "[{0}, {1}, {2}, {3}] mean {4}")
    @CsvSource({"8, 6, 28, 28, 0", "3, 7, 5, 5, 2", "1, 3, 1, 1, 0", "2, 20, 7, 3, -1", "4, 6, 9, 9, 1000"})
    void nhwcPassesMatchNaive(int n, int c, int h, int w, float mean) {
        assertThat(VectorNhwcBatchNorm.serves(c)).isTrue();
        Shape shape = Shape.nchw(n, c, h, w);
        BatchNorm2d op = BatchNorm2d.of(c);
        Random random = new Random(31L * n + c);
        try (Arena arena = Arena.ofShared();
             BatchNorm2dPlan tested = onednn.plan(op, shape, Layout.NHWC);
             BatchNorm2dPlan reference = naive.plan(op, shape, Layout.NHWC)) {
            Tensor x = random(shape, arena, random, mean, 2);
            Tensor dy = random(shape, arena, random, 0, 1);
            Tensor gamma = random(Shape.of(c), arena, random, 1, 0.5f);
            Tensor beta = random(Shape.of(c), arena, random, 0, 0.5f);
            Tensor[] a = run(tested, x, dy, gamma, beta, arena);
            Tensor[] b = run(reference, x, dy, gamma, beta, arena);
            String[] names = {"training y", "mean", "variance", "inference y", "dx", "dGamma", "dBeta"};
            for (int i = 0; i < a.length; i++) {
                assertClose(names[i] + " of " + shape, a[i], b[i], i >= 5 ? 1e-3 : 2e-4);
            }
        }
    }

    /** Training forward, inference forward with the batch statistics, backward: y, mean, variance, y', dx, dγ, dβ. */
    private static Tensor[] run(BatchNorm2dPlan plan, Tensor x, Tensor dy, Tensor gamma, Tensor beta, Arena arena) {
        Shape shape = x.shape();
        Shape channels = gamma.shape();
        Tensor y = Tensor.allocate(shape, Layout.NHWC, arena);
        Tensor mean = Tensor.allocate(channels, arena);
        Tensor variance = Tensor.allocate(channels, arena);
        Tensor inferred = Tensor.allocate(shape, Layout.NHWC, arena);
        Tensor dx = Tensor.allocate(shape, Layout.NHWC, arena);
        Tensor dGamma = Tensor.allocate(channels, arena);
        Tensor dBeta = Tensor.allocate(channels, arena);
        plan.forwardTraining(x, gamma, beta, y, mean, variance);
        plan.forwardInference(x, gamma, beta, mean, variance, inferred);
        plan.backward(x, dy, gamma, mean, variance, dx, dGamma, dBeta);
        return new Tensor[] {y, mean, variance, inferred, dx, dGamma, dBeta};
    }

    private static Tensor random(Shape shape, Arena arena, Random random, float mean, float spread) {
        Tensor t = shape.rank() == 4 ? Tensor.allocate(shape, Layout.NHWC, arena) : Tensor.allocate(shape, arena);
        long count = shape.elementCount();
        for (long i = 0; i < count; i++) {
            t.segment().setAtIndex(ValueLayout.JAVA_FLOAT, i, mean + spread * (float) random.nextGaussian());
        }
        return t;
    }

    private static void assertClose(String what, Tensor actual, Tensor expected, double relative) {
        long count = actual.shape().elementCount();
        double scale = 0;
        for (long i = 0; i < count; i++) {
            scale = Math.max(scale, Math.abs(expected.segment().getAtIndex(ValueLayout.JAVA_FLOAT, i)));
        }
        for (long i = 0; i < count; i++) {
            float a = actual.segment().getAtIndex(ValueLayout.JAVA_FLOAT, i);
            float e = expected.segment().getAtIndex(ValueLayout.JAVA_FLOAT, i);
            assertThat((double) a).as("%s [%d]", what, i).isCloseTo(e,
                    org.assertj.core.data.Offset.offset(relative * Math.max(1, scale)));
        }
    }
}
