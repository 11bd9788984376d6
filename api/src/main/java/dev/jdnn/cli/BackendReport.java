package dev.jdnn.cli;

import dev.jdnn.Backend;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Command-line report behind {@code ./jdnn backends}: prints {@link Backends#diagnostics()}, then
 * runs one small convolution forward and backward on every available backend and prints its time
 * and its largest difference from {@code naive}. Each backend is warmed up before it is timed: a
 * cold JVM runs the first calls interpreted, which made {@code vector} look ten times slower than
 * {@code naive} on this demo.
 */
public final class BackendReport {
    private static final Conv2d DEMO_OP = Conv2d.of(6, 16, 5).padding(2);
    private static final Shape DEMO_INPUT = Shape.nchw(8, 6, 14, 14);
    /**
     * Warm-up runs at least, however long they take: a backend whose first runs are interpreted
     * (hundreds of milliseconds each) would otherwise get only a few warm-up runs and be timed
     * before the JIT compiled it.
     */
    private static final int MIN_WARMUP_RUNS = 10;
    /** ... unless the warm-up has already taken this many times the --warmup seconds. */
    private static final int MAX_WARMUP_FACTOR = 10;
    /** Runs compared at a time to decide that the warm-up has reached a steady state. */
    private static final int STEADY_WINDOW = 5;
    private static final String USAGE = """
            usage: ./jdnn backends [--warmup SECONDS] [--runs N] [--no-demo] [--help]
              Lists every jdnn backend found (available or not, and why), prints the diagnostics
              report, then times a conv2d forward + backwardData + backwardWeights on every available
              backend and compares its results with naive.
              --warmup SECONDS  run the demo on each backend before timing it, at least this long
                                and 10 times, and until its run time is steady (at most 10x
                                SECONDS), so that the JIT has compiled it (default 3: on 2 cores
                                vector's micro-kernel reaches C2 after about 2 s, and its tier-3
                                runs look steady before that; 0 times the cold first runs)
              --runs N          timed runs per backend; the median is printed (default 10)
              --no-demo         print the diagnostics only
              --help, -h        show this help
            """;

    /** Parsed command line. */
    record Options(double warmupSeconds, int runs, boolean demo) {
    }

    /** Thrown for a command line that cannot be run; the message says what was wrong. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    private BackendReport() {
    }

    /** Prints the report to standard output; exit code 2 for a bad command line. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns its exit code (0, or 2 for a bad command line). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
                out.print(USAGE);
                return 0;
            }
            options = parse(args);
        } catch (UsageException e) {
            err.println("jdnn backends: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        out.print(Backends.diagnostics());
        if (options.demo()) {
            out.println();
            demo(options, out);
        }
        return 0;
    }

    static Options parse(String[] args) throws UsageException {
        double warmup = 3;
        int runs = 10;
        boolean demo = true;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--warmup" -> {
                    String value = value(args, ++i, arg);
                    try {
                        warmup = Double.parseDouble(value);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--warmup: expected a number of seconds, got '" + value + "'");
                    }
                    if (!(warmup >= 0 && warmup <= 600)) {
                        throw new UsageException("--warmup: expected 0 to 600 seconds, got " + value);
                    }
                }
                case "--runs" -> {
                    String value = value(args, ++i, arg);
                    try {
                        runs = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--runs: expected a positive whole number, got '" + value + "'");
                    }
                    if (runs < 1 || runs > 10_000) {
                        throw new UsageException("--runs: expected 1 to 10000, got " + value);
                    }
                }
                case "--no-demo" -> demo = false;
                default -> throw new UsageException("unknown argument '" + arg + "'");
            }
        }
        return new Options(warmup, runs, demo);
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length) {
            throw new UsageException(option + ": expected a value after it");
        }
        return args[i];
    }

    private static void demo(Options options, PrintStream out) {
        out.printf(Locale.ROOT, "demo: conv2d %s on input %s, forward + backwardData + backwardWeights; "
                + "each backend warmed up (JIT-compiled) for at least %.1f s and %d runs until steady, then the median of %d runs%n",
                DEMO_OP, DEMO_INPUT, options.warmupSeconds(), options.warmupSeconds() > 0 ? MIN_WARMUP_RUNS : 0,
                options.runs());
        List<String> names = new ArrayList<>();
        for (Backends.Entry e : Backends.list()) {
            if (e.available()) {
                names.add(e.name());
            }
        }
        float[][] reference = null;
        if (names.contains("naive")) {
            reference = runDemo("naive", options, out);
        }
        for (String name : names) {
            float[][] result = name.equals("naive") && reference != null ? reference : runDemo(name, options, out);
            if (reference != null) {
                out.printf(Locale.ROOT, "  %-8s max |difference| from naive: y %.3g, dx %.3g, dw %.3g, db %.3g%n", name,
                        maxDiff(result[0], reference[0]), maxDiff(result[1], reference[1]),
                        maxDiff(result[2], reference[2]), maxDiff(result[3], reference[3]));
            }
        }
    }

    private static float[][] runDemo(String name, Options options, PrintStream out) {
        SplittableRandom random = new SplittableRandom(42);
        try (Backend backend = Backends.open(name);
             Conv2dPlan plan = backend.plan(DEMO_OP, DEMO_INPUT);
             Tensor x = random(DEMO_INPUT, random);
             Tensor w = random(DEMO_OP.weightShape(), random);
             Tensor b = random(DEMO_OP.biasShape(), random);
             Tensor dy = random(plan.outputShape(), random);
             Tensor y = Tensor.allocate(plan.outputShape());
             Tensor dx = Tensor.allocate(DEMO_INPUT);
             Tensor dw = Tensor.allocate(DEMO_OP.weightShape());
             Tensor db = Tensor.allocate(DEMO_OP.biasShape())) {
            long warmupStart = System.nanoTime();
            long warmupNanos = (long) (options.warmupSeconds() * 1e9);
            List<Long> warmupTimes = new ArrayList<>();
            while (warmupNanos > 0) {
                long elapsed = System.nanoTime() - warmupStart;
                boolean enough = elapsed >= warmupNanos && warmupTimes.size() >= MIN_WARMUP_RUNS && steady(warmupTimes);
                if (enough || elapsed >= MAX_WARMUP_FACTOR * warmupNanos) {
                    break;
                }
                long t0 = System.nanoTime();
                plan.forward(x, w, b, y);
                plan.backwardData(dy, w, dx);
                plan.backwardWeights(x, dy, dw, db);
                warmupTimes.add(System.nanoTime() - t0);
            }
            int warmupRuns = warmupTimes.size();
            long[] times = new long[options.runs()];
            for (int i = 0; i < times.length; i++) {
                long t0 = System.nanoTime();
                plan.forward(x, w, b, y);
                plan.backwardData(dy, w, dx);
                plan.backwardWeights(x, dy, dw, db);
                times[i] = System.nanoTime() - t0;
            }
            Arrays.sort(times);
            out.printf(Locale.ROOT, "  %-8s %.3f ms (median of %d, after %d warm-up runs)%n", name,
                    times[times.length / 2] / 1e6, times.length, warmupRuns);
            return new float[][] {y.toArray(), dx.toArray(), dw.toArray(), db.toArray()};
        }
    }

    /**
     * Whether the last {@value #STEADY_WINDOW} warm-up runs took about as long (within 15%, by
     * median) as the {@value #STEADY_WINDOW} before them: the JIT has stopped changing the code.
     */
    static boolean steady(List<Long> times) {
        int n = times.size();
        if (n < 2 * STEADY_WINDOW) {
            return false;
        }
        double recent = median(times.subList(n - STEADY_WINDOW, n));
        double before = median(times.subList(n - 2 * STEADY_WINDOW, n - STEADY_WINDOW));
        return recent <= 1.15 * before && before <= 1.15 * recent;
    }

    private static double median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static Tensor random(Shape shape, SplittableRandom random) {
        float[] values = new float[Math.toIntExact(shape.elementCount())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return Tensor.of(shape, values);
    }

    private static double maxDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }
}
