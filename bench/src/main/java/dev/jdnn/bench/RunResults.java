package dev.jdnn.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a run measured, read from JMH's JSON result array: one {@link Measurement} per plan
 * benchmark entry and the FMA peak in GFLOP/s per thread count ({@link PeakBenchmark}'s
 * {@code flop} secondary result) and the copy bandwidth per element-wise shape and thread count
 * ({@link CopyBenchmark}). Entries of other benchmarks are ignored.
 */
public final class RunResults {
    private final List<Measurement> measurements;
    private final Map<Integer, Double> peakGflops;
    private final List<String> jvmArgs;
    private final Map<String, Double> copyGbPerSecond;

    private RunResults(List<Measurement> measurements, Map<Integer, Double> peakGflops, List<String> jvmArgs,
                       Map<String, Double> copyGbPerSecond) {
        this.measurements = List.copyOf(measurements);
        this.peakGflops = Collections.unmodifiableMap(new TreeMap<>(peakGflops));
        this.jvmArgs = List.copyOf(jvmArgs);
        this.copyGbPerSecond = Map.copyOf(copyGbPerSecond);
    }

    /** Parses a JMH result array ({@code -rf json}). */
    public static RunResults parse(JsonNode jmhResults) {
        List<Measurement> measurements = new ArrayList<>();
        Map<Integer, Double> peak = new TreeMap<>();
        List<String> jvmArgs = new ArrayList<>();
        Map<String, Double> copy = new TreeMap<>();
        for (JsonNode entry : jmhResults) {
            String benchmark = entry.path("benchmark").asText();
            entry.path("jvmArgs").forEach(a -> {
                // without forks JMH lists the launching JVM's arguments and its own additions,
                // which repeat them; the launcher's -Djdnn.root says nothing about performance
                if (!jvmArgs.contains(a.asText()) && !a.asText().startsWith("-D" + BenchCommand.ROOT_PROPERTY + "=")) {
                    jvmArgs.add(a.asText());
                }
            });
            if (benchmark.equals(PeakBenchmark.class.getName() + ".fma")) {
                double flops = entry.path("secondaryMetrics").path("flop").path("score").asDouble(Double.NaN);
                peak.merge(entry.path("threads").asInt(1), flops / 1e9, Math::max);
                continue;
            }
            if (benchmark.equals(CopyBenchmark.class.getName() + ".copy")) {
                JsonNode params = entry.path("params");
                String shape = params.path("shape").asText();
                JsonNode metric = entry.path("primaryMetric");
                double ms = toMillis(metric.path("score").asDouble(), metric.path("scoreUnit").asText("ms/op"));
                copy.merge(copyKey(shape, PlanBenchmark.threadCount(params.path("threads").asText("1"))),
                        CopyBenchmark.gigabytes(shape) / (ms / 1e3), Math::max);
                continue;
            }
            Pass pass;
            try {
                pass = Pass.ofBenchmark(benchmark);
            } catch (IllegalArgumentException notOurs) {
                continue;
            }
            JsonNode params = entry.path("params");
            Cell cell = new Cell(pass, params.path("shape").asText(), params.path("backend").asText(),
                    PlanBenchmark.threadCount(params.path("threads").asText("1")),
                    Cell.layoutOf(params.path("layout").asText("nchw")));
            JsonNode metric = entry.path("primaryMetric");
            double ms = toMillis(metric.path("score").asDouble(), metric.path("scoreUnit").asText("ms/op"));
            double error = toMillis(metric.path("scoreError").asDouble(Double.NaN), metric.path("scoreUnit").asText());
            measurements.add(new Measurement(cell, ms, error));
        }
        return new RunResults(measurements, peak, jvmArgs, copy);
    }

    private static String copyKey(String shape, int threads) {
        return shape + "/" + threads;
    }

    /**
     * The copy bandwidth ({@link CopyBenchmark}) at {@code shape} with at most {@code threads}
     * copying threads, in GB/s: the best of the thread counts measured up to it (handing a small
     * array to a second thread can cost more than it saves, and a kernel could copy alone too).
     */
    public Optional<Double> copyGbPerSecond(String shape, int threads) {
        Optional<Double> best = Optional.empty();
        for (int t = 1; t <= threads; t++) {
            Double g = copyGbPerSecond.get(copyKey(shape, t));
            if (g != null && (best.isEmpty() || g > best.get())) {
                best = Optional.of(g);
            }
        }
        return best;
    }

    private static double toMillis(double value, String unit) {
        return switch (unit) {
            case "s/op" -> value * 1e3;
            case "us/op" -> value / 1e3;
            case "ns/op" -> value / 1e6;
            default -> value;
        };
    }

    /** Every plan measurement, in the order JMH wrote them. */
    public List<Measurement> measurements() {
        return measurements;
    }

    /** The measurement of {@code cell}, if the run has one. */
    public Optional<Measurement> find(Cell cell) {
        return measurements.stream().filter(m -> m.cell().equals(cell)).findFirst();
    }

    /** Measured FMA peak in GFLOP/s at {@code threads}, if the run measured it. */
    public Optional<Double> peakGflops(int threads) {
        return Optional.ofNullable(peakGflops.get(threads));
    }

    /** Peak GFLOP/s per thread count, fewest threads first. */
    public Map<Integer, Double> peaks() {
        return peakGflops;
    }

    /** The distinct JVM arguments of the benchmark JVMs, as JMH recorded them. */
    public List<String> jvmArgs() {
        return jvmArgs;
    }
}
