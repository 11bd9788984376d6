package dev.jdnn.bench;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Layout;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What every plan benchmark shares: the {@code backend} and {@code threads} parameters, the
 * engine, and ownership of everything set-up allocates (closed after the trial).
 *
 * <p>{@code threads} is the backend's own parallelism ({@link BackendConfig#threads()}): JMH runs
 * one benchmark thread, since a plan is used by one thread at a time. {@code all} means every
 * available processor.
 *
 * <p>Set-up builds everything for the one pass JMH is about to time and checks it against naive
 * ({@link #prepare}); the subclasses' {@code @Benchmark} methods then only run the plan. The JMH
 * defaults here (mean time in ms, 1 fork with the flags jdnn needs, 3 x 1 s warm-up, 5 x 1 s
 * measurement) are what {@code java -jar benchmarks.jar} uses; {@code ./jdnn bench} sets its own.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class PlanBenchmark {
    /** Backend name, as {@link Backends#open(String, BackendConfig)} takes it. */
    @Param({"vector", "onednn"})
    public String backend;

    /** The backend's thread count, or {@code all}. */
    @Param({"1", "all"})
    public String threads;

    /** The engine under test, opened by {@link #openBackend()}. */
    protected Backend engine;

    private final List<AutoCloseable> owned = new ArrayList<>();

    /** Builds the plan and tensors for the benchmark JMH runs and checks its pass against naive. */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        prepare(Pass.ofBenchmark(params.getBenchmark()));
    }

    /**
     * Set-up for {@code pass}: opens the backend, builds the plan and preallocated tensors, runs
     * the pass once on a batch of equal images and compares with naive (throwing
     * {@link ReferenceMismatchException} when they differ), then fills the timed inputs with
     * distinct random images.
     */
    abstract void prepare(Pass pass);

    /** The thread count {@code value} stands for: a positive number, or {@code all} for every processor. */
    public static int threadCount(String value) {
        if (value.equals("all")) {
            return Runtime.getRuntime().availableProcessors();
        }
        int n = Integer.parseInt(value);
        if (n < 1) {
            throw new IllegalArgumentException("threads: expected a positive count or 'all', got " + value);
        }
        return n;
    }

    /** Opens {@link #backend} with {@link #threads} threads. */
    protected final void openBackend() {
        engine = own(Backends.open(backend, new BackendConfig(threadCount(threads))));
    }

    /** A zeroed tensor freed after the trial. */
    protected final Tensor tensor(Shape shape) {
        return own(Tensor.allocate(shape));
    }

    /** A zeroed tensor in {@code layout} freed after the trial. */
    protected final Tensor tensor(Shape shape, Layout layout) {
        return own(Tensor.allocate(shape, layout));
    }

    /** Registers {@code resource} to be closed after the trial, in reverse order of registration. */
    protected final <T extends AutoCloseable> T own(T resource) {
        owned.add(resource);
        return resource;
    }

    /** A check whose messages name this backend, pass and shape. */
    protected final ReferenceCheck check(Pass pass, String shape) {
        return new ReferenceCheck(backend + " " + pass.label() + " on " + shape + " (" + threads + " threads)");
    }

    /** Frees the plan, the tensors and the engine. */
    @TearDown(Level.Trial)
    public void release() throws Exception {
        Exception first = null;
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        owned.clear();
        engine = null;
        if (first != null) {
            throw first;
        }
    }
}
