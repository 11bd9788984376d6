package dev.jdnn.kernels.vector;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Hypothesis 1 of h-gemm10 (not a test): is a slow 1-thread 1024³ product a property of where its
 * buffers lie in physical memory, or of the host? {@code GemmPlacement SETS ROUNDS} allocates SETS
 * separate sets of A, B, C and a workspace, and in each round runs, for every set (the order
 * rotating per round), one product in the shipped 1-thread order
 * ({@link PackedGemm#multiplyPanelMajorReadingA}'s loops, written out here so that each of the 16 B
 * panels is timed on its own), then the FMA peak loop for as long. It prints each set's median
 * GFLOP/s and product/peak, each panel's median time, and, from /proc/self/pagemap (root), how the
 * packed B panel's 64 pages fall on the 16 page colours of a 1 MiB 16-way L2 (the most pages of one
 * colour: 4 is even, a colour's 64 sets hold 16 pages).
 */
public final class GemmPlacement {
    static final int N = 1024;

    private GemmPlacement() {
    }

    static final class Set {
        final MemorySegment a;
        final MemorySegment b;
        final MemorySegment c;
        final GemmWorkspace ws;
        final double[][] panelNanos;
        final double[] gflops;
        final double[] ratio;

        Set(Arena arena, PackedGemm gemm, int rounds, boolean huge) {
            long bytes = (long) N * N * Float.BYTES;
            a = allocate(arena, bytes, huge);
            b = allocate(arena, bytes, huge);
            c = allocate(arena, bytes, huge);
            for (long i = 0; i < (long) N * N; i++) {
                a.setAtIndex(ValueLayout.JAVA_FLOAT, i, (i % 7) * 0.25f);
                b.setAtIndex(ValueLayout.JAVA_FLOAT, i, (i % 5) * 0.5f);
            }
            ws = gemm.workspace(N, N, N);
            panelNanos = new double[N / 64][rounds];
            gflops = new double[rounds];
            ratio = new double[rounds];
        }
    }

    private static final long HUGE = 2 << 20;

    /** {@code bytes} page-aligned, or 2 MiB-aligned and madvise'd MADV_HUGEPAGE (14) when {@code huge}. */
    static MemorySegment allocate(Arena arena, long bytes, boolean huge) {
        if (!huge) {
            return arena.allocate(bytes, 4096);
        }
        try {
            // mmap, not the arena: the arena zeroes (touches) its memory before madvise could act.
            MemorySegment raw = ((MemorySegment) MMAP.invokeExact(MemorySegment.NULL, bytes + HUGE, 3, 0x22, -1, 0L))
                    .reinterpret(bytes + HUGE);
            long skip = (HUGE - raw.address() % HUGE) % HUGE;
            MemorySegment aligned = raw.asSlice(skip, bytes);
            int rc = (int) MADVISE.invokeExact(aligned, bytes, 14);
            if (rc != 0) {
                throw new IllegalStateException("madvise failed");
            }
            aligned.fill((byte) 0);
            return aligned;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static final java.lang.invoke.MethodHandle MMAP = java.lang.foreign.Linker.nativeLinker().downcallHandle(
            java.lang.foreign.Linker.nativeLinker().defaultLookup().find("mmap").orElseThrow(),
            java.lang.foreign.FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                    ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG));

    private static final java.lang.invoke.MethodHandle MADVISE = java.lang.foreign.Linker.nativeLinker().downcallHandle(
            java.lang.foreign.Linker.nativeLinker().defaultLookup().find("madvise").orElseThrow(),
            java.lang.foreign.FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                    ValueLayout.JAVA_INT));

    /** One product C = A·B in the shipped order, each panel's time into {@code into[panel][round]} when round >= 0. */
    private static void product(PackedGemm gemm, Set s, int round) {
        GemmMicroKernel kernel = gemm.kernel();
        gemm.packBColumns(s.ws, s.ws.packedB, s.b, 0, N, false, 0, N, 0, N, 0, N);
        long rowBytes = (long) N * Float.BYTES;
        for (int jr = 0; jr < N; jr += 64) {
            long t0 = System.nanoTime();
            long bPanel = (long) jr * N * Float.BYTES;
            for (int ir = 0; ir < N; ir += 4) {
                kernel.multiplyRowsFrom(N, s.a, ir * rowBytes, rowBytes, s.ws.packedB, bPanel, s.c,
                        (ir * (long) N + jr) * Float.BYTES, rowBytes);
            }
            if (round >= 0) {
                s.panelNanos[jr / 64][round] = System.nanoTime() - t0;
            }
        }
    }

    public static void main(String[] args) throws IOException {
        int sets = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        int perBatch = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        boolean hugeOdd = args.length > 3 && args[3].equals("huge");
        PackedGemm gemm = new PackedGemm(VectorWidth.microKernel());
        try (Arena arena = Arena.ofShared(); WorkerPool pool = new WorkerPool(1)) {
            Set[] all = new Set[sets];
            for (int i = 0; i < sets; i++) {
                all[i] = new Set(arena, gemm, rounds, hugeOdd && i % 2 == 1);
            }
            for (int w = 0; w < 15; w++) {
                for (Set s : all) {
                    product(gemm, s, -1);
                }
            }
            for (int i = 0; i < 40; i++) {
                FmaPeak.ofTeam(pool, 200);
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < perBatch; i++) {
                product(gemm, all[0], -1);
            }
            double batchNanos = System.nanoTime() - t0;
            double callNanos = FmaPeak.FLOP_PER_CALL / FmaPeak.ofTeam(pool, 2000);
            int peakCalls = (int) Math.max(100, batchNanos / callNanos);
            double flop = 2.0 * N * N * N * perBatch;
            double[] l1 = new double[rounds];
            double[] l2 = new double[rounds];
            kernelAlone(gemm, all[0], 128, 4, batchNanos / 4);
            kernelAlone(gemm, all[0], N, 24, batchNanos / 4);
            for (int r = 0; r < rounds; r++) {
                for (int j = 0; j < sets; j++) {
                    Set s = all[(r + j) % sets];
                    long b0 = System.nanoTime();
                    for (int i = 0; i < perBatch; i++) {
                        product(gemm, s, i == perBatch - 1 ? r : -1);
                    }
                    s.gflops[r] = flop / (System.nanoTime() - b0);
                    s.ratio[r] = s.gflops[r] / FmaPeak.ofTeam(pool, peakCalls);
                }
                l1[r] = kernelAlone(gemm, all[0], 128, 4, batchNanos) / FmaPeak.ofTeam(pool, peakCalls);
                l2[r] = kernelAlone(gemm, all[0], N, 24, batchNanos) / FmaPeak.ofTeam(pool, peakCalls);
            }
            System.out.printf("l1 kernel (depth 128, B 32 KiB, 4 tiles): %.1f%% of peak (%.1f-%.1f%%)%n",
                    100 * median(l1), 100 * min(l1), 100 * max(l1));
            System.out.printf("l2 kernel (depth 1024, B 256 KiB, 24 tiles): %.1f%% of peak (%.1f-%.1f%%)%n",
                    100 * median(l2), 100 * min(l2), 100 * max(l2));
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/smaps_rollup"))) {
                if (line.startsWith("AnonHugePages")) {
                    System.out.println(line);
                }
            }
            for (int i = 0; i < sets; i++) {
                Set s = all[i];
                double[] panelMedians = new double[N / 64];
                for (int p = 0; p < N / 64; p++) {
                    panelMedians[p] = median(s.panelNanos[p]) / 1e3;
                }
                System.out.printf("set %d: %.1f GFLOP/s (%.1f-%.1f), product/peak %.1f%% (%.1f-%.1f%%); B colours max per panel %s%n",
                        i, median(s.gflops), min(s.gflops), max(s.gflops), 100 * median(s.ratio), 100 * min(s.ratio),
                        100 * max(s.ratio), Arrays.toString(colourMaxPerPanel(s.ws.packedB)));
                System.out.printf("  huge: %b%n", hugeOdd && i % 2 == 1);
                System.out.printf("  panel us: %s%n", Arrays.toString(Arrays.stream(panelMedians)
                        .mapToLong(Math::round).toArray()));
                System.out.printf("  per round GFLOP/s: %s%n", Arrays.toString(Arrays.stream(s.gflops)
                        .mapToLong(Math::round).toArray()));
            }
        }
    }

    /**
     * GFLOP/s of the kernel alone, repeated for about {@code nanos}: {@code tiles} tiles of A's first
     * rows (read in place) against the first {@code depth} x 64 of B's packed panel 0, into C's first tiles.
     */
    private static double kernelAlone(PackedGemm gemm, Set s, int depth, int tiles, double nanos) {
        GemmMicroKernel kernel = gemm.kernel();
        long rowBytes = (long) N * Float.BYTES;
        long calls = 0;
        long t0 = System.nanoTime();
        long end = t0 + (long) nanos;
        long now;
        do {
            for (int rep = 0; rep < 64; rep++) {
                for (int t = 0; t < tiles; t++) {
                    kernel.multiplyRowsFrom(depth, s.a, 4 * t * rowBytes, rowBytes, s.ws.packedB, 0, s.c,
                            4 * t * rowBytes, rowBytes);
                }
            }
            calls += 64L * tiles;
            now = System.nanoTime();
        } while (now < end);
        return 2.0 * 4 * 64 * depth * calls / (now - t0);
    }

    /** For each 256 KiB panel of the packed B block, the most of its pages on one L2 colour (PFN mod 16). */
    private static int[] colourMaxPerPanel(MemorySegment packed) throws IOException {
        int panels = (int) (packed.byteSize() / (N * 64 * Float.BYTES));
        int[] result = new int[panels];
        try (RandomAccessFile pagemap = new RandomAccessFile("/proc/self/pagemap", "r")) {
            long base = packed.address();
            for (int p = 0; p < panels; p++) {
                int[] count = new int[16];
                long start = base + (long) p * N * 64 * Float.BYTES;
                for (long page = start / 4096; page < (start + N * 64 * Float.BYTES) / 4096; page++) {
                    pagemap.seek(page * 8);
                    long entry = Long.reverseBytes(pagemap.readLong());
                    long pfn = entry & ((1L << 55) - 1);
                    count[(int) (pfn & 15)]++;
                }
                result[p] = Arrays.stream(count).max().orElse(0);
            }
        }
        return result;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }
}
