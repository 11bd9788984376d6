package dev.jdnn.bench;

import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Locale;

/**
 * How long JMH measures each cell.
 *
 * <p>{@link #full()} forks a fresh JVM per cell, so one backend's JIT profile cannot slow
 * another's. {@link #quick()} runs every cell in the launching JVM with one short warm-up and
 * two short measurements: the whole default selection fits in a few minutes on two cores, and
 * the numbers are indicative only.
 */
public record JmhSettings(int forks, int warmupIterations, long warmupMillis, int measurementIterations,
                          long measurementMillis) {

    /** One fork, 3 x 1 s warm-up, 5 x 1 s measurement. */
    public static JmhSettings full() {
        return new JmhSettings(1, 3, 1000, 5, 1000);
    }

    /** No fork, 1 x 100 ms warm-up, 2 x 150 ms measurement. */
    public static JmhSettings quick() {
        return new JmhSettings(0, 1, 100, 2, 150);
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
