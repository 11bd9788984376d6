package dev.jdnn.kernels.vector;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Command-line timing of the two routes a dense forward can take (not a test):
 * {@code DenseRouteThroughput BATCH IN OUT THREADS [REPS]} prints the median microseconds per
 * forward of {@link DenseForwardGemm}, of {@link ParallelGemm} with W as the transposed B operand
 * and of ParallelGemm with W as the row-major A operand ({@code Yᵀ}, DenseForwardGemm's route for
 * large weights), so that the plan's choice between them rests on numbers.
 */
public final class DenseRouteThroughput {
    private DenseRouteThroughput() {
    }

    public static void main(String[] args) {
        int batch = Integer.parseInt(args[0]);
        int in = Integer.parseInt(args[1]);
        int out = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        int reps = args.length > 4 ? Integer.parseInt(args[4]) : 9;
        try (Arena arena = Arena.ofShared(); WorkerPool pool = new WorkerPool(threads)) {
            MemorySegment x = filled(arena, (long) batch * in);
            MemorySegment w = filled(arena, (long) out * in);
            MemorySegment y = arena.allocate((long) batch * out * Float.BYTES, 64);
            PackedGemm packed = new PackedGemm(VectorWidth.microKernel());
            DenseForwardGemm dense = new DenseForwardGemm(packed.kernel(), pool, batch, in, out, null);
            int maxDim = Math.max(batch, Math.max(in, out));
            ParallelGemm gemm = new ParallelGemm(packed, pool, maxDim, maxDim, maxDim);
            Runnable viaDense = () -> dense.forward(x, w, null, y);
            Runnable viaGemm = () -> gemm.multiply(batch, out, in, x, 0, in, false, w, 0, in, true, y, 0, out, false);
            MemorySegment yt = arena.allocate((long) batch * out * Float.BYTES, 64);
            Runnable viaWasA = () -> gemm.multiply(out, batch, in, w, 0, in, false, x, 0, in, true, yt, 0, batch,
                    false);
            double flop = 2.0 * batch * in * out;
            int iters = Math.max(1, (int) (2e8 / flop));
            System.out.printf("dense forward %dx%dx%d threads=%d: DenseForwardGemm %.1f us, ParallelGemm %.1f us,"
                    + " W as A %.1f us%n",
                    batch, in, out, threads, median(viaDense, iters, reps), median(viaGemm, iters, reps),
                    median(viaWasA, iters, reps));
        }
    }

    private static double median(Runnable forward, int iters, int reps) {
        long warmUntil = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            forward.run();
        }
        double[] micros = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < iters; i++) {
                forward.run();
            }
            micros[r] = (System.nanoTime() - t0) / 1e3 / iters;
        }
        Arrays.sort(micros);
        return micros[reps / 2];
    }

    private static MemorySegment filled(Arena arena, long length) {
        MemorySegment s = arena.allocate(length * Float.BYTES, 64);
        for (long i = 0; i < length; i++) {
            s.setAtIndex(ValueLayout.JAVA_FLOAT, i, (i % 7) * 0.125f - 0.25f);
        }
        return s;
    }
}
