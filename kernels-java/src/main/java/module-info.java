/**
 * Pure-Java backends: {@code naive}, the readable reference, and {@code vector}, built on the
 * incubating Vector API (optional at run time: without it the backend reports itself unavailable).
 */
module dev.jdnn.kernels.java {
    requires dev.jdnn.api;
    requires static jdk.incubator.vector;

    provides dev.jdnn.spi.BackendProvider with dev.jdnn.kernels.naive.NaiveBackendProvider,
            dev.jdnn.kernels.vector.VectorBackendProvider;
}
