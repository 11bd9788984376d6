package dev.jdnn.onednn;

/**
 * What every plan of one backend shares: the process's CPU engine and the OpenMP thread count that
 * each Java thread applies before it runs a primitive. The engine belongs to the process, not to a
 * backend, so a plan that outlives its backend still runs on a live engine.
 */
final class OneDnnRuntime {
    private final OpenMpThreads openMp;
    private final int threads;

    OneDnnRuntime(OpenMpThreads openMp, int threads) {
        this.openMp = openMp;
        this.threads = threads;
    }

    Engine engine() {
        return ProcessEngine.INSTANCE;
    }

    /** Applies this backend's thread count to the calling thread (OpenMP keeps it per thread). */
    void enterCurrentThread() {
        openMp.applyToCurrentThread(threads);
    }

    /** The OpenMP thread count of this backend's plans. */
    int threads() {
        return threads;
    }

    /** The OpenMP runtime oneDNN runs on. */
    OpenMpThreads openMp() {
        return openMp;
    }

    /** {@code omp_get_max_threads()} as the calling thread sees it. */
    int openMpThreadsOfCurrentThread() {
        return openMp.maxThreadsOfCurrentThread();
    }

    /** The CPU engine, created on first use and kept, like the library, for the process's lifetime. */
    private static final class ProcessEngine {
        static final Engine INSTANCE = Engine.cpu();
    }
}
