package dev.jdnn.kernels.vector;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * h-gemm9 timing (not a test; compiled beside the kernels-java test classes): one thread, one JVM,
 * main's {@link PackedGemm#multiply} and the branch's 1-thread route ({@link ParallelGemm#multiply}
 * on a 1-member pool, which sends the shapes of {@link ParallelGemm#inPanelOrder} to
 * {@link PackedGemm#multiplyPanelMajorReadingA}) alternated round by round on one shape, each batch
 * followed by the FMA peak loop ({@link FmaPeak}) on the same thread for about as long as main's batch.
 * {@code GemmAlternate9 SHAPE ROUNDS FIRST}: SHAPE one of {@code g1024} (1024³), {@code rn14w} (rn_14's
 * backward-weights GEMM per image: 256 x 2304 x 196, B transposed, C+=), {@code s2w} (rn_3x3_s2's:
 * 128 x 1152 x 784, B transposed, C+=), {@code s2f} (rn_3x3_s2's forward GEMM: 128 x 784 x 1152),
 * {@code rn14w0} and {@code s2w0} (the backward-weights GEMMs of a share's first image, C=);
 * FIRST {@code main} or {@code route}, the variant that opens round 0 (the opener swaps each round).
 * First checks that both give the same bits. Prints each round, then medians and ranges.
 */
public final class GemmAlternate9 {
    private GemmAlternate9() {
    }

    public static void main(String[] args) {
        int[] shape = switch (args[0]) {
            case "g1024" -> new int[] {1024, 1024, 1024, 0, 0};
            case "rn14w" -> new int[] {256, 2304, 196, 1, 1};
            case "s2w" -> new int[] {128, 1152, 784, 1, 1};
            case "s2f" -> new int[] {128, 784, 1152, 0, 0};
            case "rn14w0" -> new int[] {256, 2304, 196, 1, 0};
            case "s2w0" -> new int[] {128, 1152, 784, 1, 0};
            default -> throw new IllegalArgumentException(args[0]);
        };
        int m = shape[0], n = shape[1], k = shape[2];
        boolean transB = shape[3] == 1;
        boolean accumulate = shape[4] == 1;
        int rounds = Integer.parseInt(args[1]);
        int first = args[2].equals("main") ? 0 : 1;
        PackedGemm gemm = new PackedGemm(VectorWidth.microKernel());
        try (Arena arena = Arena.ofShared(); WorkerPool one = new WorkerPool(1)) {
            MemorySegment a = arena.allocate((long) m * k * Float.BYTES, 64);
            MemorySegment b = arena.allocate((long) k * n * Float.BYTES, 64);
            MemorySegment c = arena.allocate((long) m * n * Float.BYTES, 64);
            for (long i = 0; i < (long) m * k; i++) {
                a.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) Math.sin(i * 0.37));
            }
            for (long i = 0; i < (long) k * n; i++) {
                b.setAtIndex(ValueLayout.JAVA_FLOAT, i, (float) Math.cos(i * 0.11));
            }
            ParallelGemm routed = new ParallelGemm(gemm, one, m, n, k);
            GemmWorkspace ws = gemm.workspace(m, n, k);
            int ldb = transB ? k : n;
            Runnable[] runs = {
                () -> gemm.multiply(ws, m, n, k, a, 0, k, false, b, 0, ldb, transB, c, 0, n, accumulate),
                () -> routed.multiply(m, n, k, a, 0, k, false, b, 0, ldb, transB, c, 0, n, accumulate)};
            String[] names = {"main", "route"};
            float[][] bits = new float[2][];
            for (int v = 0; v < 2; v++) {
                c.fill((byte) 0);
                runs[v].run();
                runs[v].run();
                bits[v] = c.toArray(ValueLayout.JAVA_FLOAT);
            }
            if (!Arrays.equals(bits[0], bits[1])) {
                throw new AssertionError("bits differ on " + args[0]);
            }
            double flop = 2.0 * m * n * k;
            int products = (int) Math.max(5, Math.round(5 * 1024.0 * 1024 * 1024 / ((double) m * n * k)));
            for (int i = 0; i < 20; i++) {
                for (Runnable r : runs) {
                    for (int p = 0; p < products / 5 + 1; p++) {
                        r.run();
                    }
                }
            }
            for (int i = 0; i < 40; i++) {
                FmaPeak.ofTeam(one, 200);
            }
            long t0 = System.nanoTime();
            for (int p = 0; p < products; p++) {
                runs[0].run();
            }
            double batchNanos = System.nanoTime() - t0;
            double callNanos = FmaPeak.FLOP_PER_CALL / FmaPeak.ofTeam(one, 2000);
            int peakCalls = (int) Math.max(100, batchNanos / callNanos);
            double[][] g = new double[2][rounds];
            double[][] ratio = new double[2][rounds];
            double[] toMain = new double[rounds];
            System.out.printf("gemm9 %s %dx%dx%d transB=%s acc=%s bits=%d first=%s products=%d peakCalls=%d"
                    + " inPanelOrder=%s%n", args[0], m, n, k, transB, accumulate, VectorWidth.SPECIES.vectorBitSize(),
                    args[2], products, peakCalls, ParallelGemm.inPanelOrder(m, n, k, accumulate));
            for (int r = 0; r < rounds; r++) {
                for (int step = 0; step < 2; step++) {
                    int v = (first + r + step) % 2;
                    long s = System.nanoTime();
                    for (int p = 0; p < products; p++) {
                        runs[v].run();
                    }
                    g[v][r] = flop * products / (System.nanoTime() - s);
                    ratio[v][r] = g[v][r] / FmaPeak.ofTeam(one, peakCalls);
                }
                toMain[r] = g[1][r] / g[0][r];
                System.out.printf("round %2d: main %.1f (%.1f%%)  route %.1f (%.1f%%)  route/main %.3f%n", r, g[0][r],
                        100 * ratio[0][r], g[1][r], 100 * ratio[1][r], toMain[r]);
            }
            int faster = 0;
            int[] at85 = new int[2];
            for (int r = 0; r < rounds; r++) {
                faster += toMain[r] > 1 ? 1 : 0;
                for (int v = 0; v < 2; v++) {
                    at85[v] += ratio[v][r] >= 0.85 ? 1 : 0;
                }
            }
            Arrays.sort(toMain);
            for (int v = 0; v < 2; v++) {
                Arrays.sort(g[v]);
                Arrays.sort(ratio[v]);
                System.out.printf("%-5s median %.1f GFLOP/s (min %.1f, max %.1f); product/peak median %.1f%% (min %.1f%%,"
                        + " max %.1f%%), >= 85%% in %d of %d%n", names[v], g[v][rounds / 2], g[v][0],
                        g[v][rounds - 1], 100 * ratio[v][rounds / 2], 100 * ratio[v][0], 100 * ratio[v][rounds - 1],
                        at85[v], rounds);
            }
            System.out.printf("route/main per round: median %.3f (min %.3f, max %.3f), route faster in %d of %d%n",
                    toMain[rounds / 2], toMain[0], toMain[rounds - 1], faster, rounds);
        }
    }
}
