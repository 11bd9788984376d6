package dev.jdnn.onednn;

import dev.jdnn.Shape;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Brings {@link VectorNhwcMaxPool}'s 2x2 forward to C2's code on a daemon thread of its own, so a
 * one-thread plan can take the kernel once it is compiled without running its slow first calls
 * itself (until then the plan keeps its scanned oneDNN path). The JIT counts a method's calls and
 * loop iterations from every thread, so one warm-up per JVM serves every plan. The thread runs the
 * kernel, training and inference forwards in turn, on a private NHWC image of the first plan's
 * channel count and about {@value #VECTORS} output vectors in two passes of the kernel's four-row
 * loop (so the same loops and branches run hot as in a real call), on a runner and OpenMP team of
 * one of its own (its own {@code GOMP_parallel} call keeps the kernel's unscoped views inside a
 * downcall, as {@link VectorNhwcMaxPool#run} needs), in an arena of its own that no plan's close
 * touches. It stops once the median call of {@value #FAST_BLOCKS} blocks of {@value #BLOCK} calls in
 * a row took under {@value #FAST_NS_PER_VECTOR} ns per output vector plus {@value #CALL_NS} ns: the
 * interpreter and C1 run the Vector API's operations boxed (about 6 and 0.65 µs per output vector,
 * C2 under 0.01), while the call's own path (the downcall and the upcall into Java) may still be in
 * C1 at up to about 0.09 ms. It gives up, leaving the plans on their scanned path, after
 * {@value #MAX_CALLS} calls or {@value #MAX_SECONDS} s of its own processor time (a JVM without
 * C2). It runs at the lowest priority (nice 19: Linux keeps it per thread), so it takes only
 * processor time the caller's threads and the JIT's leave idle: at nice 0, on two vCPUs, the
 * caller's first 1,000 pool_cifar calls took 0.5-0.9 s longer, its calls descheduled every few
 * milliseconds. On a machine kept busy by other processes it may therefore never finish, and the
 * plans keep their scanned path. It is not started on a single available processor (a JVM pinned
 * to one sees one), where it could only take time from the caller.
 */
final class UnrolledMaxPoolWarmUp {
    /** Calls per block; a block is fast when its median call ran under {@link #FAST_NS_PER_VECTOR}. */
    static final int BLOCK = 32;
    /** Fast blocks in a row that count as compiled. */
    static final int FAST_BLOCKS = 4;
    /** Nanoseconds per output vector (plus one call's {@link #CALL_NS}) under which a call counts as compiled. */
    static final long FAST_NS_PER_VECTOR = 40;
    /** A call's own cost allowed beside its vectors (the downcall and the upcall, until C2 has compiled them). */
    static final long CALL_NS = 100_000;
    static final int MAX_CALLS = 50_000;
    static final int MAX_SECONDS = 10;
    /**
     * Output rows of the private image: two passes of {@link VectorNhwcMaxPool}'s four-row loop, so C2
     * sees that loop's back-edge taken, as in a real call.
     */
    private static final int OUTPUT_ROWS = 8;
    /** Output vectors of the private image (fewer where one output row of its channels holds more). */
    private static final int VECTORS = 512;

    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static volatile boolean compiled;
    private static volatile int calls;

    private UnrolledMaxPoolWarmUp() {
    }

    /** Whether the warm-up has seen C2's code: the kernel may now take a one-thread plan's calls. */
    static boolean compiled() {
        return compiled;
    }

    /** Calls the warm-up made so far (for probes and tests). */
    static int calls() {
        return calls;
    }

    /**
     * Starts the warm-up, once per JVM, with images of {@code channels} channels (a power of two of
     * whole vectors) on {@code openMp}; whether it runs or ran (false on a single processor, or when
     * the thread could not be started).
     */
    static boolean start(OpenMpThreads openMp, int channels) {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return false;
        }
        if (!STARTED.compareAndSet(false, true)) {
            return true;
        }
        OneDnnRuntime own = new OneDnnRuntime(openMp, 1);
        try {
            Thread.ofPlatform().name("jdnn-maxpool-warm-up").daemon().priority(Thread.MIN_PRIORITY)
                    .start(() -> run(own, channels));
            return true;
        } catch (RuntimeException | OutOfMemoryError e) {
            return false;
        }
    }

    private static void run(OneDnnRuntime runtime, int channels) {
        lowerPriority();
        int outWidth = Math.max(1, VECTORS / OUTPUT_ROWS / (channels / VectorNhwcMaxPool.lanes()));
        Shape input = Shape.nchw(1, channels, 2 * OUTPUT_ROWS, 2 * outWidth);
        Shape output = Shape.nchw(1, channels, OUTPUT_ROWS, outWidth);
        long vectors = output.elementCount() / VectorNhwcMaxPool.lanes();
        long fast = CALL_NS + FAST_NS_PER_VECTOR * vectors;
        try (Arena arena = Arena.ofConfined()) {
            runtime.enterCurrentThread();
            VectorNhwcMaxPool kernel = VectorNhwcMaxPool.of(UnrolledMaxPoolWindow.TWO_BY_TWO, input, output,
                    runtime, arena);
            if (kernel == null) {
                return;
            }
            MemorySegment x = arena.allocate(input.elementCount() * Float.BYTES, 64);
            MemorySegment y = arena.allocate(output.elementCount() * Float.BYTES, 64);
            MemorySegment workspace = arena.allocate(output.elementCount(), 64);
            for (long i = 0; i < input.elementCount(); i++) {
                x.setAtIndex(ValueLayout.JAVA_FLOAT, i, (i * 7919 % 2001 - 1000) / 1000f);
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            boolean cpuTime = threads.isCurrentThreadCpuTimeSupported();
            long deadline = (cpuTime ? threads.getCurrentThreadCpuTime() : System.nanoTime())
                    + MAX_SECONDS * 1_000_000_000L;
            long[] block = new long[BLOCK];
            int fastBlocks = 0;
            for (int call = 0; call < MAX_CALLS && fastBlocks < FAST_BLOCKS; call++) {
                long start = System.nanoTime();
                kernel.run(x, y, call % 2 == 0 ? workspace : null);
                block[call % BLOCK] = System.nanoTime() - start;
                if (call % BLOCK == BLOCK - 1) {
                    Arrays.sort(block);
                    fastBlocks = block[BLOCK / 2] < fast ? fastBlocks + 1 : 0;
                    if ((cpuTime ? threads.getCurrentThreadCpuTime() : System.nanoTime()) > deadline) {
                        break;
                    }
                }
                calls = call + 1;
            }
            compiled = fastBlocks >= FAST_BLOCKS;
        } catch (RuntimeException | Error e) {
            // the plans stay on their scanned path
        }
    }

    /**
     * Gives the calling thread the lowest scheduling priority (nice 19), so it runs on a processor
     * the caller's threads and the JIT's leave idle: Linux keeps the nice value per thread
     * ({@code setpriority(PRIO_PROCESS, gettid(), 19)}). Nothing happens where the C library has no
     * {@code gettid}.
     */
    private static void lowerPriority() {
        Linker linker = Linker.nativeLinker();
        var gettid = linker.defaultLookup().find("gettid");
        var setpriority = linker.defaultLookup().find("setpriority");
        if (gettid.isEmpty() || setpriority.isEmpty()) {
            return;
        }
        try {
            int tid = (int) linker.downcallHandle(gettid.get(), FunctionDescriptor.of(ValueLayout.JAVA_INT))
                    .invokeExact();
            int ignored = (int) linker.downcallHandle(setpriority.get(), FunctionDescriptor.of(ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT)).invokeExact(0, tid, 19);
        } catch (Throwable e) {
            // the thread keeps its priority
        }
    }
}
