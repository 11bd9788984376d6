package dev.jdnn.kernels.vector;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Command-line timing of {@link ParallelGemm} on square row-major matrices (not a test):
 * {@code GemmThroughput SIZE THREADS [REPS] [phases]} prints the median, min and max GFLOP/s over
 * REPS timed batches after a warm-up; with {@code peak}, each batch is followed by a run of the FMA
 * peak loop ({@link FmaPeak}) on the same team for about as long, and the line after gives the
 * median of the per-batch ratios product / peak; with {@code phases}, also the median time of packing all of
 * B and all of A as one thread's {@link PackedGemm#multiply} packs them (its blocks, in cache as
 * warm as the product leaves them), so that the rest of a product's time is the micro-kernel's
 * and C's.
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
            boolean withPeak = args.length > 3 && args[3].equals("peak");
            int peakCalls = withPeak ? peakCallsLike(gemm, pool, size, a, b, c) : 0;
            double[] gflops = new double[reps];
            double[] peaks = new double[reps];
            double[] ratios = new double[reps];
            for (int r = 0; r < reps; r++) {
                int iters = 5;
                long t0 = System.nanoTime();
                for (int i = 0; i < iters; i++) {
                    gemm.multiply(size, size, size, a, 0, size, false, b, 0, size, false, c, 0, size, false);
                }
                gflops[r] = flop * iters / (System.nanoTime() - t0);
                if (withPeak) {
                    peaks[r] = FmaPeak.ofTeam(pool, peakCalls);
                    ratios[r] = gflops[r] / peaks[r];
                }
            }
            Arrays.sort(gflops);
            System.out.printf("gemm %d^3 threads=%d bits=%d: median %.1f GFLOP/s (min %.1f, max %.1f, %d batches x 5)%n",
                    size, threads, VectorWidth.SPECIES.vectorBitSize(), gflops[reps / 2], gflops[0], gflops[reps - 1],
                    reps);
            if (withPeak) {
                Arrays.sort(peaks);
                Arrays.sort(ratios);
                System.out.printf("fma peak beside each batch (same team, %d calls): median %.1f GFLOP/s (min %.1f, max %.1f);"
                        + " product/peak per batch: median %.1f%% (min %.1f%%, max %.1f%%)%n", peakCalls, peaks[reps / 2],
                        peaks[0], peaks[reps - 1], 100 * ratios[reps / 2], 100 * ratios[0], 100 * ratios[reps - 1]);
            }
            if (args.length > 3 && args[3].equals("phases")) {
                printPackingTimes(size, reps, a, b);
            }
        }
    }

    /**
     * Warms the peak loop up (to C2, like the product) and returns how many calls per team member
     * last about as long as a batch of five products, so that both halves of a pair see the host in
     * the same state.
     */
    private static int peakCallsLike(ParallelGemm gemm, WorkerPool pool, int size, MemorySegment a, MemorySegment b,
                                     MemorySegment c) {
        for (int i = 0; i < 40; i++) {
            FmaPeak.ofTeam(pool, 200);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            gemm.multiply(size, size, size, a, 0, size, false, b, 0, size, false, c, 0, size, false);
        }
        double batchNanos = System.nanoTime() - t0;
        double callNanos = FmaPeak.FLOP_PER_CALL * pool.size() / FmaPeak.ofTeam(pool, 2000);
        return (int) Math.max(100, batchNanos / callNanos);
    }

    private static void printPackingTimes(int size, int reps, MemorySegment a, MemorySegment b) {
        PackedGemm gemm = new PackedGemm(VectorWidth.microKernel());
        GemmWorkspace ws = gemm.workspace(size, size, size);
        double[] packB = new double[reps];
        double[] packA = new double[reps];
        for (int r = -reps; r < reps; r++) {
            long t0 = System.nanoTime();
            for (int jc = 0; jc < size; jc += PackedGemm.NC) {
                int nc = Math.min(PackedGemm.NC, size - jc);
                for (int pc = 0; pc < size; pc += PackedGemm.KC) {
                    gemm.packBColumns(ws, ws.packedB, b, 0, size, false, pc, Math.min(PackedGemm.KC, size - pc), jc,
                            nc, 0, nc);
                }
            }
            long t1 = System.nanoTime();
            for (int jc = 0; jc < size; jc += PackedGemm.NC) {
                for (int pc = 0; pc < size; pc += PackedGemm.KC) {
                    for (int ic = 0; ic < size; ic += PackedGemm.MC) {
                        gemm.packA(ws, a, 0, size, false, ic, pc, Math.min(PackedGemm.MC, size - ic),
                                Math.min(PackedGemm.KC, size - pc));
                    }
                }
            }
            long t2 = System.nanoTime();
            if (r >= 0) {
                packB[r] = (t1 - t0) / 1e6;
                packA[r] = (t2 - t1) / 1e6;
            }
        }
        Arrays.sort(packB);
        Arrays.sort(packA);
        System.out.printf("one thread's packing per product (KC %d, MC %d, NC %d): B %.3f ms, A %.3f ms (medians)%n",
                PackedGemm.KC, PackedGemm.MC, PackedGemm.NC, packB[reps / 2], packA[reps / 2]);
    }
}
