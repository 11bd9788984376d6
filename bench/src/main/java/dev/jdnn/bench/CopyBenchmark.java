package dev.jdnn.bench;

import org.openjdk.jmh.annotations.Benchmark;
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

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The machine's copy bandwidth at an {@link ElementwiseShape}'s size: {@link MemorySegment#copy}
 * of one native float array into another, split into {@code threads} equal contiguous chunks
 * copied at once (the caller copies the last chunk, a fixed pool the others). The element-wise
 * cells are set beside it: a kernel that reads and writes {@code k} tensors cannot beat
 * {@code k / 2} copies of one, so the ratio says how close it runs to the memory system's limit
 * at that size and thread count. Counted as 8 bytes an element (read and write).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CopyBenchmark {
    /** Id of an {@link ElementwiseShape}. */
    @Param({"lenet_fc1", "cifar_fc1", "cifar_act", "lenet_bn1", "cifar_norm"})
    public String shape;

    /** Threads copying at once, or {@code all}. */
    @Param({"1", "all"})
    public String threads;

    private Arena arena;
    private MemorySegment source;
    private MemorySegment target;
    private ExecutorService pool;
    private long[] chunkStart;
    private final List<Future<?>> pending = new ArrayList<>();

    /** Bytes one call moves (read plus written) for {@code shape}. */
    static double gigabytes(String shape) {
        return 2.0 * Float.BYTES * ElementwiseShape.of(shape).elements() / 1e9;
    }

    /** Allocates both arrays (64-byte aligned, as tensors are) and the copying threads. */
    @Setup(Level.Trial)
    public void setUp() {
        int t = PlanBenchmark.threadCount(threads);
        long bytes = (long) ElementwiseShape.of(shape).elements() * Float.BYTES;
        arena = Arena.ofShared();
        source = arena.allocate(bytes, 64);
        target = arena.allocate(bytes, 64);
        source.fill((byte) 1);
        target.fill((byte) 0);
        chunkStart = new long[t + 1];
        for (int i = 0; i <= t; i++) {
            // chunk boundaries on 64-byte lines, so that no two threads write one cache line
            chunkStart[i] = Math.min(bytes, (bytes * i / t + 63) / 64 * 64);
        }
        chunkStart[t] = bytes;
        pool = t > 1 ? Executors.newFixedThreadPool(t - 1) : null;
    }

    /** One copy of the whole array. */
    @Benchmark
    public MemorySegment copy() throws InterruptedException, ExecutionException {
        int t = chunkStart.length - 1;
        for (int i = 0; i < t - 1; i++) {
            long from = chunkStart[i];
            long length = chunkStart[i + 1] - from;
            pending.add(pool.submit(() -> MemorySegment.copy(source, from, target, from, length)));
        }
        MemorySegment.copy(source, chunkStart[t - 1], target, chunkStart[t - 1], chunkStart[t] - chunkStart[t - 1]);
        for (Future<?> f : pending) {
            f.get();
        }
        pending.clear();
        return target;
    }

    /** Stops the threads and frees the arrays. */
    @TearDown(Level.Trial)
    public void release() {
        if (pool != null) {
            pool.shutdownNow();
        }
        arena.close();
    }
}
