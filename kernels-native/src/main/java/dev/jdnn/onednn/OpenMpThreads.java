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
 */
final class OpenMpThreads {
    private static final ThreadLocal<int[]> APPLIED = ThreadLocal.withInitial(() -> new int[] {0});

    private final MethodHandle setNumThreads;
    private final MethodHandle getMaxThreads;

    OpenMpThreads(SymbolLookup openMp) {
        Linker linker = Linker.nativeLinker();
        setNumThreads = linker.downcallHandle(find(openMp, "omp_set_num_threads"),
                FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT));
        getMaxThreads = linker.downcallHandle(find(openMp, "omp_get_max_threads"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT));
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
}
