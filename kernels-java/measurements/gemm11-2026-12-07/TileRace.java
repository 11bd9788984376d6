package dev.jdnn.kernels.vector;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * TileRace ROUNDS MS KERNEL...: in one JVM, each named micro-kernel alone on L1-resident data (depth
 * 128, ~16 rows of A) and on L2-resident data (depth 1024, ~96 rows of A, one B panel), A read in
 * place (multiplyRowsFrom, rows 4 KiB apart as in the 1024^3 product) and packed (multiply); every
 * measurement (~MS ms) is followed by the FMA loop for as long; the kernels' order rotates per round.
 * Prints per kernel and case the median (min-max) of kernel/peak over the rounds.
 */
public final class TileRace {
    private static final int LDA = 1024;
    private static final int WARM = Integer.getInteger("warm", 3);

    /** Depth, rows of A (rounded down to whole tiles), A packed or read in place, bytes between rows of C. */
    record Case(String name, int depth, int rows, boolean packed, long cRowBytes) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        double nanos = Double.parseDouble(args[1]) * 1e6;
        List<GemmMicroKernel> kernels = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            kernels.add((GemmMicroKernel) Class.forName("dev.jdnn.kernels.vector." + args[i])
                    .getDeclaredConstructor().newInstance());
        }
        List<Case> cases = new ArrayList<>(List.of(new Case("L1 from", 128, 16, false, 256),
                new Case("L2 from", 1024, 96, false, 256), new Case("L1 packed", 128, 16, true, 256),
                new Case("L2 packed", 1024, 96, true, 256)));
        if (Boolean.getBoolean("l3")) {
            // As in the 1024^3 product's panel-major order: every row of a 4 MiB A (from L3) against one
            // B panel, into a C whose rows are 4 KiB apart.
            cases.add(new Case("L3 from", 1024, 1020, false, LDA * 4L));
        }
        try (Arena arena = Arena.ofShared(); WorkerPool pool = new WorkerPool(1)) {
            MemorySegment a = arena.allocate(1024L * LDA * 4, 4096);
            for (long i = 0; i < 1024L * LDA; i++) {
                a.setAtIndex(ValueLayout.JAVA_FLOAT, i, (i % 7) * 0.25f);
            }
            float[] aPacked = new float[128 * LDA];
            for (int i = 0; i < aPacked.length; i++) {
                aPacked[i] = (i % 7) * 0.25f;
            }
            MemorySegment b = arena.allocate(1024L * 64 * 4, 4096);
            for (long i = 0; i < 1024L * 64; i++) {
                b.setAtIndex(ValueLayout.JAVA_FLOAT, i, (i % 5) * 0.5f);
            }
            MemorySegment c = arena.allocate(1024L * LDA * 4, 4096);
            for (GemmMicroKernel k : kernels) {
                for (int i = 0; i < 20_000; i++) {
                    k.multiply(8, aPacked, 0, b, 0, c, 0, 256);
                    k.multiplyRowsFrom(8, a, 0, LDA * 4L, b, 0, c, 0, 256);
                }
            }
            for (int i = 0; i < 100; i++) {
                FmaPeak.ofTeam(pool, 200);
            }
            double callNanos = FmaPeak.FLOP_PER_CALL / FmaPeak.ofTeam(pool, 2000);
            int peakCalls = (int) Math.max(1, nanos / callNanos);
            double[][][] ratio = new double[kernels.size()][cases.size()][rounds];
            double[][][] gf = new double[kernels.size()][cases.size()][rounds];
            double[] peaks = new double[rounds];
            for (int r = -WARM; r < rounds; r++) {
                System.out.printf("round %d at %d ms%n", r, java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
                for (int q = 0; q < kernels.size(); q++) {
                    int ki = (q + Math.max(r, 0)) % kernels.size();
                    for (int ci = 0; ci < cases.size(); ci++) {
                        double g = alone(kernels.get(ki), cases.get(ci), a, aPacked, b, c, nanos);
                        double p = FmaPeak.ofTeam(pool, peakCalls);
                        if (r >= 0) {
                            ratio[ki][ci][r] = g / p;
                            gf[ki][ci][r] = g;
                            peaks[r] = p;
                        }
                    }
                }
            }
            Arrays.sort(peaks);
            System.out.printf("fma peak: median %.1f GFLOP/s (%.1f-%.1f), %d rounds of %.0f ms%n", peaks[rounds / 2],
                    peaks[0], peaks[rounds - 1], rounds, nanos / 1e6);
            for (int ci = 0; ci < cases.size(); ci++) {
                for (int ki = 0; ki < kernels.size(); ki++) {
                    double[] x = ratio[ki][ci].clone();
                    double[] g = gf[ki][ci].clone();
                    double[] rel = new double[rounds];
                    for (int r = 0; r < rounds; r++) {
                        rel[r] = ratio[ki][ci][r] / ratio[0][ci][r];
                    }
                    Arrays.sort(x);
                    Arrays.sort(g);
                    Arrays.sort(rel);
                    GemmMicroKernel k = kernels.get(ki);
                    System.out.printf("%-9s %dx%-3d %.1f%% of peak (%.1f-%.1f%%), %.1f GFLOP/s; vs first %.3f (%.3f-%.3f)"
                            + " per round: %s%n", cases.get(ci).name(), k.rows(), k.columns(), 100 * x[rounds / 2],
                            100 * x[0], 100 * x[rounds - 1], g[rounds / 2], rel[rounds / 2], rel[0], rel[rounds - 1],
                            Arrays.toString(Arrays.stream(ratio[ki][ci]).map(v -> Math.round(v * 1000) / 10.0).toArray()));
                }
            }
        }
    }

    private static double alone(GemmMicroKernel k, Case cs, MemorySegment a, float[] aPacked, MemorySegment b,
            MemorySegment c, double nanos) {
        int tiles = Math.max(1, cs.rows() / k.rows());
        long batches = 0;
        long t0 = System.nanoTime();
        long elapsed = 0;
        while (batches == 0 || elapsed < nanos) {
            sixteenPasses(k, cs, tiles, a, aPacked, b, c);
            batches++;
            elapsed = System.nanoTime() - t0;
        }
        return 2.0 * k.rows() * k.columns() * cs.depth() * 16 * tiles * batches / elapsed;
    }

    /** Every tile of the case's rows against the B panel, 16 times. */
    private static void sixteenPasses(GemmMicroKernel k, Case cs, int tiles, MemorySegment a, float[] aPacked,
            MemorySegment b, MemorySegment c) {
        int mr = k.rows();
        int depth = cs.depth();
        long cRow = cs.cRowBytes();
        for (int rep = 0; rep < 16; rep++) {
            for (int t = 0; t < tiles; t++) {
                if (cs.packed()) {
                    k.multiply(depth, aPacked, t * mr * depth, b, 0, c, t * mr * cRow, cRow);
                } else {
                    k.multiplyRowsFrom(depth, a, (long) t * mr * LDA * 4, LDA * 4L, b, 0, c, t * mr * cRow, cRow);
                }
            }
        }
    }
}
