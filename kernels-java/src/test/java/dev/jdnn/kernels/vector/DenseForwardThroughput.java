package dev.jdnn.kernels.vector;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Command-line timing of {@link DenseForwardGemm} (not a test): {@code DenseForwardThroughput BATCH
 * IN OUT THREADS [REPS]} prints the median, min and max GFLOP/s of REPS timed batches of forwards.
 */
public final class DenseForwardThroughput {
    private DenseForwardThroughput() {
    }

    public static void main(String[] args) {
        int batch = Integer.parseInt(args[0]);
        int in = Integer.parseInt(args[1]);
        int out = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        int reps = args.length > 4 ? Integer.parseInt(args[4]) : 15;
        try (Arena arena = Arena.ofShared(); WorkerPool pool = new WorkerPool(threads)) {
            MemorySegment x = filled(arena, (long) batch * in);
            MemorySegment w = filled(arena, (long) out * in);
            MemorySegment b = filled(arena, out);
            MemorySegment y = arena.allocate((long) batch * out * Float.BYTES, 64);
            DenseForwardGemm gemm = new DenseForwardGemm(VectorWidth.microKernel(), pool, batch, in, out, null);
            double flop = 2.0 * batch * in * out;
            int iters = Math.max(1, (int) (2e9 / flop));
            // Time-based warm-up: a product this long runs few calls, and its kernels reach C2 late.
            long warmUntil = System.nanoTime() + 8_000_000_000L;
            while (System.nanoTime() < warmUntil) {
                gemm.forward(x, w, b, y);
            }
            double[] gflops = new double[reps];
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < iters; i++) {
                    gemm.forward(x, w, b, y);
                }
                gflops[r] = flop * iters / (System.nanoTime() - t0);
            }
            Arrays.sort(gflops);
            System.out.printf("dense forward %dx%dx%d threads=%d: median %.1f GFLOP/s (min %.1f, max %.1f)%n", batch, in,
                    out, threads, gflops[reps / 2], gflops[0], gflops[reps - 1]);
        }
    }

    private static MemorySegment filled(Arena arena, long length) {
        MemorySegment s = arena.allocate(length * Float.BYTES, 64);
        for (long i = 0; i < length; i++) {
            s.setAtIndex(ValueLayout.JAVA_FLOAT, i, (i % 7) * 0.125f - 0.25f);
        }
        return s;
    }
}
