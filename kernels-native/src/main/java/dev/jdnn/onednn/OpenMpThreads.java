package dev.jdnn.onednn;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The OpenMP thread count oneDNN uses. OpenMP keeps {@code omp_set_num_threads} per calling
 * thread, so the count is applied on each Java thread before it runs a primitive; a thread-local
 * remembers what was applied so the native call is made only when the wanted count changes. The
 * two functions are OpenMP's standard C API ({@code void omp_set_num_threads(int)},
 * {@code int omp_get_max_threads(void)}), looked up in the libgomp oneDNN was loaded with.
 *
 * <p>It also starts Java work on OpenMP's own threads ({@link #runOnTeam}), through GCC's
 * {@code void GOMP_parallel(void (*fn)(void *), void *data, unsigned num_threads, unsigned flags)}
 * (what {@code #pragma omp parallel} compiles to; LLVM's and Intel's runtimes export it too) and an
 * upcall: the same threads oneDNN's primitives use, so a Java pass over memory split across them
 * neither competes with spinning OpenMP threads nor needs threads of its own.
 */
final class OpenMpThreads {
    private static final ThreadLocal<int[]> APPLIED = ThreadLocal.withInitial(() -> new int[] {0});

    private final MethodHandle setNumThreads;
    private final MethodHandle getMaxThreads;
    /** {@code GOMP_parallel} with {@value #KEPT} trailing pointers (see {@link #runOnTeam}), or {@code null}. */
    private final MethodHandle parallel;
    /** {@code int omp_get_thread_num(void)}, or {@code null} with {@link #parallel}. */
    private final MethodHandle threadNum;

    /** How many caller segments {@link #runOnTeam} keeps open. */
    static final int KEPT = 3;

    OpenMpThreads(SymbolLookup openMp) {
        Linker linker = Linker.nativeLinker();
        setNumThreads = linker.downcallHandle(find(openMp, "omp_set_num_threads"),
                FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT));
        getMaxThreads = linker.downcallHandle(find(openMp, "omp_get_max_threads"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT));
        var gompParallel = openMp.find("GOMP_parallel");
        var getThreadNum = openMp.find("omp_get_thread_num");
        if (Primitive.KEEPS_ALIVE_BY_ARGUMENT && gompParallel.isPresent() && getThreadNum.isPresent()) {
            parallel = linker.downcallHandle(gompParallel.get(), FunctionDescriptor.ofVoid(ValueLayout.ADDRESS,
                    ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                    ValueLayout.ADDRESS, ValueLayout.ADDRESS));
            threadNum = linker.downcallHandle(getThreadNum.get(), FunctionDescriptor.of(ValueLayout.JAVA_INT));
        } else {
            parallel = null;
            threadNum = null;
        }
    }

    private static MemorySegment find(SymbolLookup lookup, String name) {
        return lookup.find(name).orElseThrow(() -> new LibraryLoadException("OpenMP runtime has no " + name));
    }

    /** Makes OpenMP regions started from the calling thread use {@code threads} threads. */
    void applyToCurrentThread(int threads) {
        int[] applied = APPLIED.get();
        if (applied[0] != threads) {
            try {
                setNumThreads.invokeExact(threads);
            } catch (Throwable e) {
                throw new IllegalStateException("omp_set_num_threads failed", e);
            }
            applied[0] = threads;
        }
    }

    /** {@code omp_get_max_threads()} as seen from the calling thread. */
    int maxThreadsOfCurrentThread() {
        try {
            return (int) getMaxThreads.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException("omp_get_max_threads failed", e);
        }
    }

    /** Whether {@link #runOnTeam} is available (the runtime exports {@code GOMP_parallel} on a known ABI). */
    boolean canRunOnTeam() {
        return parallel != null;
    }

    /**
     * Calls {@code task} (an upcall stub of {@code void(void *)}, which must not throw) once on
     * each of {@code threads} OpenMP threads, the calling thread among them, and returns when all
     * have returned. The arenas of {@code kept} ({@value #KEPT} segments, {@link MemorySegment#NULL}
     * where unused) stay open for the whole call: they are passed as trailing arguments
     * {@code GOMP_parallel} never reads, as {@link Primitive} does for {@code dnnl_primitive_execute}
     * (same calling-convention argument), so the task may read them through unscoped views.
     */
    void runOnTeam(MemorySegment task, int threads, MemorySegment[] kept) {
        try {
            parallel.invokeExact(task, MemorySegment.NULL, threads, 0, kept[0], kept[1], kept[2]);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError("GOMP_parallel threw a checked exception", e);
        }
    }

    /** {@code omp_get_thread_num()}: the calling thread's number in its OpenMP team (0 outside one). */
    int threadNumber() {
        try {
            return (int) threadNum.invokeExact();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new AssertionError("omp_get_thread_num threw a checked exception", e);
        }
    }
}
