package dev.jdnn.kernels.vector;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Command-line timing of the micro-kernel alone (not a test): {@code GemmKernelThroughput KC MC
 * PANELS [REPS]} runs {@link GemmMicroKernel#multiply} over {@code MC} rows of a packed A block
 * (MR-interleaved, {@code MC x KC}) against each of {@code PANELS} packed B panels ({@code KC x NR})
 * in turn, into an {@code MC x NR·PANELS} C, and prints the median, min and max GFLOP/s of REPS
 * batches ({@code GemmKernelThroughput KC MC PANELS REPS rows}: {@link GemmMicroKernel#multiplyRows}
 * on plain rows of A instead). The footprint decides where the operands are read from: KC 64 with
 * one panel keeps B in L1, KC 1024 streams each B panel (256 KiB at NR 64) from L2, 16 panels of it
 * (4 MiB) from L3 at each panel's first tile.
 */
public final class GemmKernelThroughput {
    private GemmKernelThroughput() {
    }

    public static void main(String[] args) {
        int kc = Integer.parseInt(args[0]);
        int mc = Integer.parseInt(args[1]);
        int panels = Integer.parseInt(args[2]);
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 9;
        boolean rows = args.length > 4 && args[4].equals("rows");
        GemmMicroKernel kernel = VectorWidth.microKernel();
        int mr = kernel.rows();
        int nr = kernel.columns();
        float[] a = new float[mc * (rows ? GemmMicroKernel.ROW_STRIDE : kc)];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i % 7) * 0.25f;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment b = arena.allocate((long) kc * nr * panels * Float.BYTES, 64);
            for (long i = 0; i < (long) kc * nr * panels; i++) {
                b.setAtIndex(ValueLayout.JAVA_FLOAT, i, (i % 5) * 0.5f);
            }
            int n = nr * panels;
            MemorySegment c = arena.allocate((long) mc * n * Float.BYTES, 64);
            long rowBytes = (long) n * Float.BYTES;
            double flopPerPass = 2.0 * mc * n * kc;
            int passes = (int) Math.max(1, 4e8 / flopPerPass);
            // Many short calls first, so that the kernel is compiled whole rather than entered
            // through an on-stack replacement of its loop (whose vectors C2 could not type and boxed).
            for (int i = 0; i < 20_000; i++) {
                kernel.multiply(8, a, 0, b, 0, c, 0, rowBytes);
                kernel.multiplyRows(8, a, 0, b, 0, c, 0, rowBytes);
            }
            double[] gflops = new double[reps];
            for (int r = -reps; r < reps; r++) {
                long t0 = System.nanoTime();
                for (int pass = 0; pass < passes; pass++) {
                    for (int jr = 0; jr < panels; jr++) {
                        long bPanel = (long) jr * kc * nr * Float.BYTES;
                        for (int ir = 0; ir < mc; ir += mr) {
                            long cTile = (long) ir * rowBytes + (long) jr * nr * Float.BYTES;
                            if (rows) {
                                kernel.multiplyRows(kc, a, ir * GemmMicroKernel.ROW_STRIDE, b, bPanel, c, cTile,
                                        rowBytes);
                            } else {
                                kernel.multiply(kc, a, ir * kc, b, bPanel, c, cTile, rowBytes);
                            }
                        }
                    }
                }
                double g = flopPerPass * passes / (System.nanoTime() - t0);
                if (r >= 0) {
                    gflops[r] = g;
                }
            }
            Arrays.sort(gflops);
            System.out.printf(
                    "kernel %dx%d%s KC %d MC %d panels %d: median %.1f GFLOP/s (min %.1f, max %.1f, %d batches)%n", mr,
                    nr, rows ? " rows" : "", kc, mc, panels, gflops[reps / 2], gflops[0], gflops[reps - 1], reps);
        }
    }
}
