package dev.jdnn.bench;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Locale;

/**
 * How long JMH measures each cell.
 *
 * <p>{@link #full()} forks a fresh JVM per cell, so one backend's JIT profile cannot slow
 * another's. {@link #quick()} runs every cell in the launching JVM with one short warm-up and
 * one short measurement: the whole default selection fits in a few minutes on two cores, and
 * the numbers are indicative only (and carry no confidence interval).
 */
public record JmhSettings(int forks, int warmupIterations, long warmupMillis, int measurementIterations,
                          long measurementMillis) {

    /** One fork, 3 x 1 s warm-up, 5 x 1 s measurement. */
    public static JmhSettings full() {
        return new JmhSettings(1, 3, 1000, 5, 1000);
    }

    /**
     * No fork, 1 x 300 ms warm-up, 1 x 200 ms measurement. A warm-up much shorter than that
     * leaves the first cell of each backend's pass running interpreted code.
     */
    public static JmhSettings quick() {
        return new JmhSettings(0, 1, 300, 1, 200);
    }

    /**
     * Settings for {@link PeakBenchmark} in a run with these settings: the same forks, at least
     * 2 x 500 ms of warm-up and 3 x 200 ms of measurement. Vector API code runs boxed, hundreds
     * of times slower, until the JIT compiles it, so the peak needs a longer warm-up than a
     * quick cell gets; the probe is cheap, so it always has one.
     */
    public JmhSettings forPeak() {
        return new JmhSettings(forks, Math.max(2, warmupIterations), Math.max(500, warmupMillis),
                Math.max(3, measurementIterations), Math.max(200, measurementMillis));
    }

    /**
     * Settings for a {@code network.step} cell in a run with these settings: with forks, at least
     * 20 x 1 s of warm-up. A fresh JVM's step runs every kernel of the network, which the one C2
     * thread of a 2-core machine compiles one after the other: forked LeNet-5 steps on AVX-512
     * (2026-12-06) took 1.5 s for the first warm-up iteration, 5-14 ms after 2.5 s, and settled at
     * 2.4-4.4 ms only after 10-20 s, while each of their parts alone ({@code network.layer})
     * settles within its 3 s default. Without forks the run's {@link JitWarmUp} has warmed every
     * network already, so these settings stay as they are.
     */
    public JmhSettings forNetworkStep() {
        if (forks == 0) {
            return this;
        }
        return new JmhSettings(forks, Math.max(NETWORK_WARMUP_ITERATIONS, warmupIterations), Math.max(1000, warmupMillis),
                measurementIterations, measurementMillis);
    }

    /** Warm-up iterations of at least 1 s a forked network step gets (see {@link #forNetworkStep()}). */
    static final int NETWORK_WARMUP_ITERATIONS = 20;

    /**
     * Settings for a run through a cell before any cell of a run without forks is timed (see
     * {@link JitWarmUp#tour}): 1 x 150 ms warm-up and 1 x 50 ms measurement, whose results are
     * discarded. Its only job is to have called the cell's code, so that the JIT compiles it while
     * the other cells are toured rather than while the cell itself is being timed.
     */
    public JmhSettings forTour() {
        return new JmhSettings(forks, 1, 150, 1, 50);
    }

    /** Applies these settings to {@code options}. */
    ChainedOptionsBuilder applyTo(ChainedOptionsBuilder options) {
        return options.forks(forks)
                .warmupIterations(warmupIterations).warmupTime(TimeValue.milliseconds(warmupMillis))
                .measurementIterations(measurementIterations).measurementTime(TimeValue.milliseconds(measurementMillis));
    }

    /** In words, for the report header. */
    public String describe() {
        String fork = forks == 0 ? "no fork (in the launching JVM)" : forks + " fork" + (forks == 1 ? "" : "s");
        return String.format(Locale.ROOT, "%s, %d x %s warm-up, %d x %s measurement per cell", fork, warmupIterations,
                time(warmupMillis), measurementIterations, time(measurementMillis));
    }

    private static String time(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
