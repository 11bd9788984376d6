package dev.jdnn.bench;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The machine's FP32 fused-multiply-add peak as the JVM reaches it: {@value #CHAINS} independent
 * accumulator chains {@code acc = a·b + acc} in the widest float vector the JIT prefers, the
 * Vector API counterpart of {@code ../shared/bench/onednn-from-c/peak.c}. Twelve chains hide an
 * FMA latency of four cycles at two FMAs per cycle with room to spare (peak.c finds 12 to 24
 * chains equally fast). Run with JMH threads = 1 and = all processors; every benchmark thread
 * owns its accumulators. The secondary result {@code flop} (FLOP per second, summed over
 * threads) is the figure the report divides by.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class PeakBenchmark {
    static final int CHAINS = 12;
    static final int ROUNDS = 4096;
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    // Fields, not constants, so the JIT cannot fold the products away; small enough that the
    // accumulators stay far from overflow and from subnormals.
    private float a = 1e-3f;
    private float b = 1e-3f;

    /** FLOP counted per benchmark call, reported as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class FlopCounter {
        /** FLOP done in the current iteration (2 per lane per FMA). */
        public long flop;

        /** Starts each iteration from zero. */
        @Setup(Level.Iteration)
        public void reset() {
            flop = 0;
        }
    }

    /** {@value #ROUNDS} rounds of {@value #CHAINS} independent vector FMAs. */
    @Benchmark
    public float fma(FlopCounter counter) {
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
        counter.flop += 2L * CHAINS * ROUNDS * SPECIES.length();
        FloatVector sum = c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10)
                .add(c11);
        return sum.reduceLanes(VectorOperators.ADD);
    }
}
