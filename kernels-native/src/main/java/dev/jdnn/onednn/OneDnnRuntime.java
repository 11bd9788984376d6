package dev.jdnn.onednn;

/**
 * What every plan of one backend shares: the CPU engine and the OpenMP thread count that each
 * Java thread applies before it runs a primitive.
 */
final class OneDnnRuntime implements AutoCloseable {
    private final Engine engine;
    private final OpenMpThreads openMp;
    private final int threads;

    OneDnnRuntime(OpenMpThreads openMp, int threads) {
        this.engine = Engine.cpu();
        this.openMp = openMp;
        this.threads = threads;
    }

    Engine engine() {
        return engine;
    }

    int threads() {
        return threads;
    }

    /** Applies this backend's thread count to the calling thread (OpenMP keeps it per thread). */
    void enterCurrentThread() {
        openMp.applyToCurrentThread(threads);
    }

    /** {@code omp_get_max_threads()} as the calling thread sees it. */
    int openMpThreadsOfCurrentThread() {
        return openMp.maxThreadsOfCurrentThread();
    }

    @Override
    public void close() {
        engine.close();
    }
}
