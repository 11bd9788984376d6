package dev.jdnn.kernels.vector;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Command-line timing of {@link ParallelGemm} on square row-major matrices (not a test):
 * {@code GemmThroughput SIZE THREADS [REPS]} prints the median, min and max GFLOP/s over REPS
 * timed batches after a warm-up.
 */
public final class GemmThroughput {
    private GemmThroughput() {
    }

    public static void main(String[] args) {
        int size = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        try (Arena arena = Arena.ofShared(); WorkerPool pool = new WorkerPool(threads)) {
            long bytes = (long) size * size * Float.BYTES;
            MemorySegment a = arena.allocate(bytes, 64);
            MemorySegment b = arena.allocate(bytes, 64);
            MemorySegment c = arena.allocate(bytes, 64);
            for (long i = 0; i < (long) size * size; i++) {
                a.setAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, i, (i % 7) * 0.25f);
                b.setAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, i, (i % 5) * 0.5f);
            }
            ParallelGemm gemm = new ParallelGemm(new PackedGemm(VectorWidth.microKernel()), pool, size, size, size);
            double flop = 2.0 * size * size * size;
            for (int i = 0; i < 20; i++) {
                gemm.multiply(size, size, size, a, 0, size, false, b, 0, size, false, c, 0, size, false);
            }
            double[] gflops = new double[reps];
            for (int r = 0; r < reps; r++) {
                int iters = 5;
                long t0 = System.nanoTime();
                for (int i = 0; i < iters; i++) {
                    gemm.multiply(size, size, size, a, 0, size, false, b, 0, size, false, c, 0, size, false);
                }
                gflops[r] = flop * iters / (System.nanoTime() - t0);
            }
            Arrays.sort(gflops);
            System.out.printf("gemm %d^3 threads=%d bits=%d: median %.1f GFLOP/s (min %.1f, max %.1f, %d batches x 5)%n",
                    size, threads, VectorWidth.SPECIES.vectorBitSize(), gflops[reps / 2], gflops[0], gflops[reps - 1],
                    reps);
        }
    }
}
