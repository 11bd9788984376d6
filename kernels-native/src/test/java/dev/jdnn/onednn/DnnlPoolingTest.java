package dev.jdnn.onednn;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.foreign.Arena;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.assertj.core.api.Assumptions.assumeThatCode;

/**
 * Pooling plans against the contract and {@code naive}, once per layout strategy: the default
 * timed choice and each layout forced ({@link LayoutChoice#forced}), so that both the
 * channel-blocked and the plain kernels are checked whichever the timing would pick.
 */
class DnnlPoolingTest {
    private static final Map<String, Backend> ONEDNN = new HashMap<>();
    private static Backend naive;

    @BeforeAll
    static void open() {
        naive = Backends.open("naive");
    }

    @AfterAll
    static void close() {
        ONEDNN.values().forEach(Backend::close);
        ONEDNN.clear();
        naive.close();
    }

    private static Backend onednn(String layouts) {
        return ONEDNN.computeIfAbsent(layouts,
                name -> new OneDnnBackendProvider().create(new BackendConfig(1), LayoutChoice.forced(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"blocked", "plain"})
    void aForcedLayoutIsTheLayoutEveryPassRunsIn(String layouts) {
        Pool2d op = Pool2d.max(2, 2);
        Shape input = Shape.nchw(2, 5, 8, 8);
        try (Arena arena = Arena.ofShared(); Pool2dPlan plan = onednn(layouts).plan(op, input)) {
            Tensor x = Tensor.allocate(input, arena);
            Tensor y = Tensor.allocate(plan.outputShape(), arena);
            Tensor dx = Tensor.allocate(input, arena);
            plan.forward(x, y);
            plan.backward(x, y, dx);
            String expected = layouts.equals("blocked") ? "BLOCKED/" : "PLAIN/";
            assertThat(((DnnlPooling) plan).describePasses()).contains("forward=" + expected, "backward=" + expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"timed", "blocked", "plain"})
    void randomPoolingMatchesNaiveInBothPasses(String layouts) {
        RandomOps ops = new RandomOps(31);
        NaiveComparison compare = new NaiveComparison(onednn(layouts), naive, 32);
        for (int i = 0; i < 40; i++) {
            RandomOps.PoolCase c = ops.pool();
            compare.pool(c.op(), c.input());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"timed", "blocked", "plain"})
    void maxPoolBackwardRoutesGradientToFirstMaximum(String layouts) {
        Backend onednn = onednn(layouts);
        Pool2d op = Pool2d.max(2, 2);
        Shape input = Shape.nchw(1, 1, 2, 4);
        try (Arena arena = Arena.ofShared(); Pool2dPlan plan = onednn.plan(op, input)) {
            Tensor x = Tensor.allocate(input, arena);
            x.copyFrom(new float[] {3, 3, 1, 2, 3, 3, 2, 2});
            Tensor dy = Tensor.allocate(plan.outputShape(), arena);
            dy.copyFrom(new float[] {10, 20});
            Tensor dx = Tensor.allocate(input, arena);
            plan.backward(x, dy, dx);
            assertThat(dx.toArray()).containsExactly(10, 0, 0, 20, 0, 0, 0, 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"timed", "blocked", "plain"})
    void maxPoolBackwardOnTiesMatchesNaiveWithOverlappingPaddedAndCeilWindows(String layouts) {
        Backend onednn = onednn(layouts);
        Pool2d[] ops = {
            Pool2d.max(3, 1).padding(1),
            Pool2d.max(3, 2).padding(Padding.of(1)).ceilMode(true),
            Pool2d.max(2, 1),
            new Pool2d(Pool2d.Kind.MAX, 3, 2, 2, 1, new Padding(1, 0, 0, 1), true, true),
        };
        Shape input = Shape.nchw(2, 3, 7, 6);
        for (Pool2d op : ops) {
            try (Arena arena = Arena.ofShared();
                 Pool2dPlan a = onednn.plan(op, input);
                 Pool2dPlan b = naive.plan(op, input)) {
                Tensor x = Tensor.allocate(input, arena);
                float[] values = new float[(int) input.elementCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = (i / 5) % 3;
                }
                x.copyFrom(values);
                Tensor dy = Tensor.allocate(a.outputShape(), arena);
                float[] grads = new float[(int) a.outputShape().elementCount()];
                for (int i = 0; i < grads.length; i++) {
                    grads[i] = 1 + i % 7;
                }
                dy.copyFrom(grads);
                Tensor dx1 = Tensor.allocate(input, arena);
                Tensor dx2 = Tensor.allocate(input, arena);
                a.backward(x, dy, dx1);
                b.backward(x, dy, dx2);
                assertThat(dx1.toArray()).as(op.toString()).containsExactly(dx2.toArray());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"timed", "blocked", "plain"})
    void averagePoolingDivisorFollowsPyTorchInEveryPaddingAndRoundingMode(String layouts) {
        NaiveComparison compare = new NaiveComparison(onednn(layouts), naive, 21);
        Shape input = Shape.nchw(2, 2, 7, 8);
        for (boolean include : new boolean[] {false, true}) {
            for (boolean ceil : new boolean[] {false, true}) {
                compare.pool(Pool2d.avg(3, 2).padding(1).countIncludePad(include).ceilMode(ceil), input);
                compare.pool(Pool2d.avg(2, 3).countIncludePad(include).ceilMode(ceil), input);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"timed", "blocked", "plain"})
    void asymmetricPaddingMatchesNaiveForAverageAndMaxInEveryMode(String layouts) {
        NaiveComparison compare = new NaiveComparison(onednn(layouts), naive, 41);
        Shape input = Shape.nchw(2, 3, 9, 8);
        Padding asymmetric = new Padding(1, 0, 2, 1);
        for (Pool2d.Kind kind : Pool2d.Kind.values()) {
            for (boolean include : new boolean[] {false, true}) {
                for (boolean ceil : new boolean[] {false, true}) {
                    compare.pool(new Pool2d(kind, 5, 5, 2, 2, asymmetric, include, ceil), input);
                    compare.pool(new Pool2d(kind, 5, 4, 3, 1, asymmetric, include, ceil), input);
                }
            }
        }
    }

    /** The case (kernel 3, bottom padding 2); runs once the api accepts padding up to kernel - 1. */
    @ParameterizedTest
    @ValueSource(strings = {"timed", "blocked", "plain"})
    void asymmetricPaddingWiderThanHalfTheKernelMatchesNaive(String layouts) {
        Padding asymmetric = new Padding(1, 0, 2, 1);
        assumeThatCode(() -> new Pool2d(Pool2d.Kind.AVG, 3, 3, 1, 1, asymmetric, true, false))
                .as("the api accepts padding wider than half the kernel").doesNotThrowAnyException();
        NaiveComparison compare = new NaiveComparison(onednn(layouts), naive, 43);
        Shape input = Shape.nchw(1, 2, 6, 7);
        for (Pool2d.Kind kind : Pool2d.Kind.values()) {
            for (boolean include : new boolean[] {false, true}) {
                for (boolean ceil : new boolean[] {false, true}) {
                    compare.pool(new Pool2d(kind, 3, 3, 2, 2, asymmetric, include, ceil), input);
                    compare.pool(new Pool2d(kind, 3, 3, 1, 1, asymmetric, include, ceil), input);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {46341, 65536})
    void averageOverAWindowOfMoreThanIntMaxCellsDividesByTheWholeWindow(int kernel) {
        Pool2d op = Pool2d.avg(kernel, 1).padding(kernel / 2);
        Shape input = Shape.nchw(1, 1, 1, 1);
        try (Arena arena = Arena.ofShared(); Pool2dPlan plan = onednn("timed").plan(op, input)) {
            Tensor x = Tensor.allocate(input, arena);
            x.copyFrom(new float[] {3});
            Tensor y = Tensor.allocate(plan.outputShape(), arena);
            Tensor dy = Tensor.allocate(plan.outputShape(), arena);
            float[] ones = new float[(int) plan.outputShape().elementCount()];
            java.util.Arrays.fill(ones, 1f);
            dy.copyFrom(ones);
            Tensor dx = Tensor.allocate(input, arena);
            plan.forward(x, y);
            plan.backward(x, dy, dx);
            double window = (double) kernel * kernel;
            for (float v : y.toArray()) {
                assertThat((double) v).isCloseTo(3 / window, withinPercentage(1e-4));
            }
            assertThat((double) dx.toArray()[0]).isCloseTo(ones.length / window, withinPercentage(1e-4));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"timed", "blocked", "plain"})
    void maxPoolPropagatesNaNAndKeepsAllMinusInfinityWindowsWithTheirGradient(String layouts) {
        Backend onednn = onednn(layouts);
        float nan = Float.NaN;
        float ninf = Float.NEGATIVE_INFINITY;
        Shape input = Shape.nchw(1, 1, 2, 8);
        try (Arena arena = Arena.ofShared(); Pool2dPlan plan = onednn.plan(Pool2d.max(2, 2), input)) {
            Tensor x = Tensor.allocate(input, arena);
            x.copyFrom(new float[] {1, nan, ninf, ninf, 2, 5, 7, nan, 0.5f, 0.25f, ninf, ninf, nan, 5, 7, 1});
            Tensor y = Tensor.allocate(plan.outputShape(), arena);
            plan.forward(x, y);
            assertThat(y.toArray()).containsExactly(nan, ninf, nan, nan);
            Tensor dy = Tensor.allocate(plan.outputShape(), arena);
            dy.copyFrom(new float[] {10, 20, 30, 40});
            Tensor dx = Tensor.allocate(input, arena);
            plan.backward(x, dy, dx);
            assertThat(dx.toArray()).containsExactly(0, 10, 20, 0, 0, 0, 0, 40, 0, 0, 0, 0, 30, 0, 0, 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"timed", "blocked", "plain"})
    void maxPoolIgnoresPaddedCellsWhenTheRealOnesAreMinusInfinity(String layouts) {
        float ninf = Float.NEGATIVE_INFINITY;
        Shape input = Shape.nchw(1, 1, 2, 2);
        Pool2d op = Pool2d.max(3, 2).padding(1);
        try (Arena arena = Arena.ofShared(); Pool2dPlan plan = onednn(layouts).plan(op, input)) {
            Tensor x = Tensor.allocate(input, arena);
            x.copyFrom(new float[] {ninf, ninf, ninf, ninf});
            Tensor y = Tensor.allocate(plan.outputShape(), arena);
            plan.forward(x, y);
            assertThat(y.toArray()).containsOnly(ninf);
            Tensor dy = Tensor.allocate(plan.outputShape(), arena);
            dy.copyFrom(new float[] {1});
            Tensor dx = Tensor.allocate(input, arena);
            plan.backward(x, dy, dx);
            assertThat(dx.toArray()).containsExactly(1, 0, 0, 0);
        }
    }
}
