package dev.jdnn.kernels.vector;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * Command-line timing of the micro-kernel alone on cache-resident panels (not a test):
 * {@code MicroKernelThroughput KC PANELS [REPS]} runs {@code multiplyAdd} over {@code PANELS} A
 * panels of depth KC against one B panel, as {@link PackedGemm}'s inner loop does, and prints the
 * median, min and max GFLOP/s of REPS timed batches. It separates the kernel's own ceiling from
 * what packing and blocking cost in {@link GemmThroughput}.
 */
public final class MicroKernelThroughput {
    private MicroKernelThroughput() {
    }

    public static void main(String[] args) {
        int kc = Integer.parseInt(args[0]);
        int panels = Integer.parseInt(args[1]);
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        GemmMicroKernel kernel = VectorWidth.microKernel();
        int mr = kernel.rows();
        int nr = kernel.columns();
        float[] a = new float[mr * kc * panels];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i % 7) * 0.25f;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment b = arena.allocate((long) kc * nr * Float.BYTES, 64);
            for (long i = 0; i < (long) kc * nr; i++) {
                b.setAtIndex(ValueLayout.JAVA_FLOAT, i, (i % 5) * 0.5f);
            }
            MemorySegment c = arena.allocate((long) mr * panels * nr * Float.BYTES, 64);
            long rowBytes = (long) nr * Float.BYTES;
            int calls = Math.max(1, (int) (200_000_000L / (2L * mr * nr * kc * panels)));
            for (int w = 0; w < 30; w++) {
                sweep(kernel, kc, panels, a, b, c, rowBytes, calls);
            }
            double[] gflops = new double[reps];
            for (int r = 0; r < reps; r++) {
                long t0 = System.nanoTime();
                sweep(kernel, kc, panels, a, b, c, rowBytes, calls);
                gflops[r] = 2.0 * mr * nr * kc * panels * calls / (System.nanoTime() - t0);
            }
            Arrays.sort(gflops);
            System.out.printf("kernel %dx%d kc=%d panels=%d bits=%d: median %.1f GFLOP/s (min %.1f, max %.1f)%n", mr,
                    nr, kc, panels, kernel.bits(), gflops[reps / 2], gflops[0], gflops[reps - 1]);
        }
    }

    private static void sweep(GemmMicroKernel kernel, int kc, int panels, float[] a, MemorySegment b, MemorySegment c,
            long rowBytes, int calls) {
        int mr = kernel.rows();
        for (int call = 0; call < calls; call++) {
            for (int i = 0; i < panels; i++) {
                kernel.multiplyAdd(kc, a, i * mr * kc, b, 0, c, i * mr * rowBytes, rowBytes);
            }
        }
    }
}
