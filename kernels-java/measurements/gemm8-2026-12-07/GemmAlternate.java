package dev.jdnn.kernels.vector;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * h-gemm8 timing (not a test; compiled beside the kernels-java test classes): one thread, square
 * row-major 1024^3-like products, five variants alternated round by round in one JVM, each batch (5
 * products' worth of multiply-adds) followed by the FMA peak loop ({@link FmaPeak}) on the same thread
 * for about as long. {@code GemmAlternate SIZE ROUNDS FIRST}, FIRST the variant that opens round 0
 * (the opener rotates by one each round):
 * <ul>
 * <li>{@code main}: {@link PackedGemm#multiply}, main's order (row block outer, B panel, tile);
 * <li>{@code new}: {@link PackedGemm#multiplyPanelMajor} (all of A packed, B panel outer, every tile);
 * <li>{@code l2}: one 96-row block of A against one B panel, both left in L2 (the kernel's ceiling);
 * <li>{@code mainNoPack}: main's order over all of A and B already packed (no packing);
 * <li>{@code newNoPack}: the panel-major order over the same packed data (no packing);
 * <li>{@code newReadingA}: {@link PackedGemm#multiplyPanelMajorReadingA} (panel-major, A read in place).
 * </ul>
 * First checks that {@code main}, {@code new} and {@code newReadingA} give the same bits on a few shapes (edges, several
 * depth blocks, C= and C+=). Prints each round, then per variant the median and range of GFLOP/s and
 * of the per-batch product/peak ratio, and per-round ratios of each variant to {@code main}.
 */
public final class GemmAlternate {
    private static final String[] NAMES = {"main", "new", "l2", "mainNoPack", "newNoPack", "newReadingA"};

    private GemmAlternate() {
    }

    public static void main(String[] args) {
        int size = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int first = Arrays.asList(NAMES).indexOf(args[2]);
        int variants = NAMES.length;
        PackedGemm gemm = new PackedGemm(VectorWidth.microKernel());
        checkSameBits(gemm);
        try (Arena arena = Arena.ofShared(); WorkerPool pool = new WorkerPool(1)) {
            long bytes = (long) size * size * Float.BYTES;
            MemorySegment a = arena.allocate(bytes, 64);
            MemorySegment b = arena.allocate(bytes, 64);
            MemorySegment c = arena.allocate(bytes, 64);
            fill(a, b, (long) size * size);
            Variants runs = new Variants(gemm, size, a, b, c);
            for (int i = 0; i < 20; i++) {
                for (int v = 0; v < variants; v++) {
                    runs.run(v, 1);
                }
            }
            for (int i = 0; i < 40; i++) {
                FmaPeak.ofTeam(pool, 200);
            }
            long t0 = System.nanoTime();
            runs.run(0, 5);
            double batchNanos = System.nanoTime() - t0;
            double callNanos = FmaPeak.FLOP_PER_CALL / FmaPeak.ofTeam(pool, 2000);
            int peakCalls = (int) Math.max(100, batchNanos / callNanos);
            double[][] g = new double[variants][rounds];
            double[][] ratio = new double[variants][rounds];
            double[][] toMain = new double[variants][rounds];
            System.out.printf("gemm8 %d^3 1 thread bits=%d first=%s peakCalls=%d%n", size,
                    VectorWidth.SPECIES.vectorBitSize(), args[2], peakCalls);
            for (int r = 0; r < rounds; r++) {
                StringBuilder line = new StringBuilder(String.format("round %2d:", r));
                for (int step = 0; step < variants; step++) {
                    int v = (first + r + step) % variants;
                    long s = System.nanoTime();
                    double flop = runs.run(v, 5);
                    g[v][r] = flop / (System.nanoTime() - s);
                    ratio[v][r] = g[v][r] / FmaPeak.ofTeam(pool, peakCalls);
                }
                for (int v = 0; v < variants; v++) {
                    toMain[v][r] = g[v][r] / g[0][r];
                    line.append(String.format("  %s %.1f (%.1f%%)", NAMES[v], g[v][r], 100 * ratio[v][r]));
                }
                System.out.println(line);
            }
            for (int v = 0; v < variants; v++) {
                int faster = 0;
                for (double x : toMain[v]) {
                    faster += x > 1 ? 1 : 0;
                }
                Arrays.sort(g[v]);
                Arrays.sort(ratio[v]);
                Arrays.sort(toMain[v]);
                int mid = rounds / 2;
                System.out.printf("%-10s median %.1f GFLOP/s (min %.1f, max %.1f); product/peak median %.1f%% (min %.1f%%,"
                        + " max %.1f%%); /main per round median %.3f (min %.3f, max %.3f), faster in %d of %d%n",
                        NAMES[v], g[v][mid], g[v][0], g[v][rounds - 1], 100 * ratio[v][mid], 100 * ratio[v][0],
                        100 * ratio[v][rounds - 1], toMain[v][mid], toMain[v][0], toMain[v][rounds - 1], faster, rounds);
            }
        }
    }

    /** The six variants over one set of operands and their own workspaces. */
    private static final class Variants {
        private final PackedGemm gemm;
        private final GemmMicroKernel kernel;
        private final int size;
        private final MemorySegment a;
        private final MemorySegment b;
        private final MemorySegment c;
        private final GemmWorkspace mainWs;
        private final GemmWorkspace newWs;
        private final GemmWorkspace l2Ws;
        private final GemmWorkspace packedWs;

        Variants(PackedGemm gemm, int size, MemorySegment a, MemorySegment b, MemorySegment c) {
            if (size > PackedGemm.KC || size > PackedGemm.NC || size % PackedGemm.MC % kernelRows(gemm) != 0) {
                throw new IllegalArgumentException("one depth block, one column block, whole tiles only");
            }
            this.gemm = gemm;
            this.kernel = gemm.kernel();
            this.size = size;
            this.a = a;
            this.b = b;
            this.c = c;
            this.mainWs = gemm.workspace(size, size, size);
            this.newWs = gemm.panelMajorWorkspace(size, size, size);
            this.l2Ws = gemm.workspace(size, size, size);
            gemm.packA(l2Ws, a, 0, size, false, 0, 0, PackedGemm.MC, size);
            gemm.packBColumns(l2Ws, l2Ws.packedB, b, 0, size, false, 0, size, 0, kernel.columns(), 0, kernel.columns());
            // All of A in plain rows and all of B in panels, as multiplyPanelMajor leaves them.
            this.packedWs = gemm.panelMajorWorkspace(size, size, size);
            gemm.multiplyPanelMajor(packedWs, size, size, size, a, 0, size, b, 0, size, c, 0, size, false);
        }

        private static int kernelRows(PackedGemm gemm) {
            return gemm.kernel().rows();
        }

        /** Runs variant {@code v} {@code products} times (or as many multiply-adds); returns its flop. */
        double run(int v, int products) {
            double flop = 2.0 * size * size * size * products;
            for (int i = 0; i < products; i++) {
                switch (v) {
                    case 0 -> gemm.multiply(mainWs, size, size, size, a, 0, size, false, b, 0, size, false, c, 0, size,
                            false);
                    case 1 -> gemm.multiplyPanelMajor(newWs, size, size, size, a, 0, size, b, 0, size, c, 0, size,
                            false);
                    case 2 -> inL2();
                    case 3 -> packedMainOrder();
                    case 4 -> packedPanelMajor();
                    default -> gemm.multiplyPanelMajorReadingA(mainWs, size, size, size, a, 0, size, b, 0, size, c, 0,
                            size, false);
                }
            }
            return flop;
        }

        /** main's loop order and calls, always on block 0 of A and panel 0 of B (in L2) and C's first tiles. */
        private void inL2() {
            for (int ic = 0; ic < size; ic += PackedGemm.MC) {
                for (int jr = 0; jr < size; jr += kernel.columns()) {
                    tiles(l2Ws, 0, Math.min(PackedGemm.MC, size - ic), 0, 0);
                }
            }
        }

        private void packedMainOrder() {
            for (int ic = 0; ic < size; ic += PackedGemm.MC) {
                for (int jr = 0; jr < size; jr += kernel.columns()) {
                    tiles(packedWs, ic, Math.min(PackedGemm.MC, size - ic), jr, ic);
                }
            }
        }

        private void packedPanelMajor() {
            for (int jr = 0; jr < size; jr += kernel.columns()) {
                tiles(packedWs, 0, size, jr, 0);
            }
        }

        /**
         * Tiles of rows {@code [from, from + rows)} of the packed A against panel {@code jr}, C= (one
         * depth block), into C's rows from {@code cRow} and columns from {@code jr}.
         */
        private void tiles(GemmWorkspace ws, int from, int rows, int jr, int cRow) {
            long rowBytes = (long) size * Float.BYTES;
            long panel = (long) jr * size * Float.BYTES;
            for (int ir = 0; ir < rows; ir += kernel.rows()) {
                long cTile = ((long) (cRow + ir) * size + jr) * Float.BYTES;
                kernel.multiplyRows(size, ws.packedA, (from + ir) * GemmMicroKernel.ROW_STRIDE, ws.packedB, panel, c,
                        cTile, rowBytes);
            }
        }
    }

    private static void fill(MemorySegment a, MemorySegment b, long count) {
        for (long i = 0; i < count; i++) {
            a.setAtIndex(ValueLayout.JAVA_FLOAT, i, (i % 7) * 0.25f);
            b.setAtIndex(ValueLayout.JAVA_FLOAT, i, (i % 5) * 0.5f);
        }
    }

    /** Both orders on shapes with edge tiles, several row and depth blocks, C += and C =. */
    private static void checkSameBits(PackedGemm gemm) {
        int[][] shapes = {{1, 1, 1}, {3, 65, 17}, {97, 130, 1025}, {190, 2100, 2050}, {256, 256, 256}};
        java.util.Random random = new java.util.Random(8);
        try (Arena arena = Arena.ofConfined()) {
            for (int[] s : shapes) {
                int m = s[0], n = s[1], k = s[2];
                MemorySegment a = arena.allocate((long) m * k * 4, 64);
                MemorySegment b = arena.allocate((long) k * n * 4, 64);
                MemorySegment c0 = arena.allocate((long) m * n * 4, 64);
                MemorySegment c1 = arena.allocate((long) m * n * 4, 64);
                for (long i = 0; i < (long) m * k; i++) {
                    a.setAtIndex(ValueLayout.JAVA_FLOAT, i, random.nextFloat() - 0.5f);
                }
                for (long i = 0; i < (long) k * n; i++) {
                    b.setAtIndex(ValueLayout.JAVA_FLOAT, i, random.nextFloat() - 0.5f);
                }
                for (long i = 0; i < (long) m * n; i++) {
                    float v = random.nextFloat();
                    c0.setAtIndex(ValueLayout.JAVA_FLOAT, i, v);
                    c1.setAtIndex(ValueLayout.JAVA_FLOAT, i, v);
                }
                MemorySegment c2 = arena.allocate((long) m * n * 4, 64);
                for (boolean accumulate : new boolean[] {true, false}) {
                    c2.copyFrom(c0);
                    gemm.multiply(gemm.workspace(m, n, k), m, n, k, a, 0, k, false, b, 0, n, false, c0, 0, n, accumulate);
                    gemm.multiplyPanelMajor(gemm.panelMajorWorkspace(m, n, k), m, n, k, a, 0, k, b, 0, n, c1, 0, n,
                            accumulate);
                    gemm.multiplyPanelMajorReadingA(gemm.workspace(m, n, k), m, n, k, a, 0, k, b, 0, n, c2, 0, n,
                            accumulate);
                    if (c0.mismatch(c1) != -1 || c0.mismatch(c2) != -1) {
                        throw new AssertionError("bits differ at " + m + "x" + n + "x" + k + " accumulate=" + accumulate);
                    }
                }
            }
        }
        System.out.println("same bits: main and both panel-major orders on " + shapes.length + " shapes, C= and C+=");
    }
}
