package dev.jdnn.kernels.vector;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** Calls every method of the named kernels often enough to be compiled (C1 check). */
public final class TileProbe {
    public static void main(String[] args) throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            for (String name : args) {
                GemmMicroKernel k = (GemmMicroKernel) Class.forName("dev.jdnn.kernels.vector." + name)
                        .getDeclaredConstructor().newInstance();
                int mr = k.rows(), nr = k.columns(), kc = 16;
                float[] a = new float[8 * GemmMicroKernel.ROW_STRIDE];
                MemorySegment as = arena.allocate(8L * kc * 4, 64);
                MemorySegment b = arena.allocate((long) kc * nr * 4, 64);
                MemorySegment c = arena.allocate(8L * nr * 4, 64);
                long rb = (long) nr * 4;
                for (int i = 0; i < 20_000; i++) {
                    k.multiply(kc, a, 0, b, 0, c, 0, rb);
                    k.multiplyAdd(kc, a, 0, b, 0, c, 0, rb);
                    k.multiplyRows(kc, a, 0, b, 0, c, 0, rb);
                    k.multiplyAddRows(kc, a, 0, b, 0, c, 0, rb);
                    k.multiplyRowsFrom(kc, as, 0, kc * 4L, b, 0, c, 0, rb);
                    k.packPanel(kc, c, 0, 0, b, 0);
                }
                System.out.println("done " + name);
            }
        }
    }
}
