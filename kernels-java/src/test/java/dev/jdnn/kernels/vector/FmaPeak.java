package dev.jdnn.kernels.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The FP32 fused-multiply-add peak on the calling thread, with the loop of bench's
 * {@code PeakBenchmark} (twelve independent accumulator chains in the JIT's preferred species),
 * for timings that put the peak beside a product in the same JVM and on the same threads
 * ({@link GemmThroughput}): on this shared host a core's clock changed between holds, so a peak
 * read in another process a minute earlier is not the peak the product ran against. The loop is a
 * copy, on purpose: bench depends on this module, so neither can call the other's, and the two must
 * stay the same loop for their figures to be one peak.
 */
final class FmaPeak {
    static final int CHAINS = 12;
    static final int ROUNDS = 4096;
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    /** FLOP of one {@link #rounds} call. */
    static final long FLOP_PER_CALL = 2L * CHAINS * ROUNDS * SPECIES.length();

    private FmaPeak() {
    }

    /** {@value #ROUNDS} rounds of {@value #CHAINS} independent vector FMAs; the sum keeps them live. */
    static float rounds(float a, float b) {
        FloatVector va = FloatVector.broadcast(SPECIES, a);
        FloatVector vb = FloatVector.broadcast(SPECIES, b);
        FloatVector c0 = FloatVector.zero(SPECIES);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        FloatVector c4 = c0;
        FloatVector c5 = c0;
        FloatVector c6 = c0;
        FloatVector c7 = c0;
        FloatVector c8 = c0;
        FloatVector c9 = c0;
        FloatVector c10 = c0;
        FloatVector c11 = c0;
        for (int i = 0; i < ROUNDS; i++) {
            c0 = va.fma(vb, c0);
            c1 = va.fma(vb, c1);
            c2 = va.fma(vb, c2);
            c3 = va.fma(vb, c3);
            c4 = va.fma(vb, c4);
            c5 = va.fma(vb, c5);
            c6 = va.fma(vb, c6);
            c7 = va.fma(vb, c7);
            c8 = va.fma(vb, c8);
            c9 = va.fma(vb, c9);
            c10 = va.fma(vb, c10);
            c11 = va.fma(vb, c11);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11)
                .reduceLanes(VectorOperators.ADD);
    }

    /**
     * The peak of the whole team in FLOP per nanosecond (GFLOP/s): every member runs {@code calls}
     * calls of {@link #rounds} at once; the time is the team's wall time.
     */
    static double ofTeam(WorkerPool pool, int calls) {
        float[] sink = new float[pool.size()];
        long t0 = System.nanoTime();
        pool.run((worker, workers) -> {
            float s = 0;
            for (int i = 0; i < calls; i++) {
                s += rounds(1e-3f, 1e-3f);
            }
            sink[worker] = s;
        });
        long nanos = System.nanoTime() - t0;
        if (Float.isNaN(sink[0])) {
            throw new AssertionError("unreachable: the accumulators stay finite");
        }
        return (double) FLOP_PER_CALL * calls * pool.size() / nanos;
    }
}
