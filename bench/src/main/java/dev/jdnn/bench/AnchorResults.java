package dev.jdnn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * oneDNN called from C on the same shapes: the {@code raw_nt*.csv} files that
 * {@code ../shared/bench/onednn-from-c/run.sh} writes into its results directory ({@code RES,...}
 * lines, see its {@code bench_onednn.c}).
 *
 * <p>The harness runs each pass in several variants. jdnn's tensors are plain NCHW, so the
 * comparable time is the fastest variant that takes and returns plain tensors: every variant but
 * {@value #BLOCKED_VARIANT} (whose tensors are already in oneDNN's blocked layout). For convolution
 * that is the better of {@code reord} (blocked primitive with reorders) and {@code mixed} (plain
 * activations, blocked weights), the same yardstick the onednn backend's plans are held to;
 * {@code plain} convolution is oneDNN's reference kernel and never the fastest. Where a variant
 * was measured more than once, its least disturbed run counts (the harness's own rule).
 */
public final class AnchorResults {
    static final String BLOCKED_VARIANT = "blk";

    /** oneDNN-from-C's time for one cell and the variant it came from. */
    public record AnchorTime(double millis, String variant) {
    }

    private final Path directory;
    private final Map<String, Map<String, double[]>> medianAndForeignByVariant;

    private AnchorResults(Path directory, Map<String, Map<String, double[]>> medianAndForeignByVariant) {
        this.directory = directory;
        this.medianAndForeignByVariant = Map.copyOf(medianAndForeignByVariant);
    }

    /** Reads every {@code raw_nt*.csv} in {@code directory}. */
    public static AnchorResults load(Path directory) {
        Map<String, Map<String, double[]>> rows = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "raw_nt*.csv")) {
            for (Path file : files) {
                for (String line : Files.readAllLines(file)) {
                    addLine(rows, line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading oneDNN-from-C results in " + directory, e);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("--anchor " + directory + ": no RES lines in raw_nt*.csv; expected the "
                    + "results directory of ../shared/bench/onednn-from-c/run.sh");
        }
        return new AnchorResults(directory, rows);
    }

    // RES,op,shape,pass,variant,threads,impl,layouts,median_ms,min_ms,max_ms,iters,nbatch,gflop,gflops,
    // gb,gbs,nreorder,diff,foreign
    private static void addLine(Map<String, Map<String, double[]>> rows, String line) {
        String[] f = line.split(",");
        if (f.length < 20 || !f[0].equals("RES") || f[1].equals("op") || f[4].equals(BLOCKED_VARIANT)) {
            return;
        }
        double median = Double.parseDouble(f[8]);
        double foreign = Double.parseDouble(f[19]);
        if (median <= 0) {
            return;
        }
        Map<String, double[]> variants = rows.computeIfAbsent(key(f[1], f[2], f[3], Integer.parseInt(f[5])),
                k -> new HashMap<>());
        double[] seen = variants.get(f[4]);
        if (seen == null || foreign <= seen[1]) {
            variants.put(f[4], new double[] {median, foreign});
        }
    }

    private static String key(String op, String shape, String pass, int threads) {
        return op + "/" + shape + "/" + pass + "/" + threads;
    }

    /** oneDNN-from-C's fastest plain-tensor time for {@code pass} on {@code shape} at {@code threads}, if measured. */
    public Optional<AnchorTime> fastest(Pass pass, String shape, int threads) {
        Map<String, double[]> variants = medianAndForeignByVariant.get(key(pass.op(), shape, pass.shortName(), threads));
        if (variants == null) {
            return Optional.empty();
        }
        return variants.entrySet().stream().min(Comparator.comparingDouble(e -> e.getValue()[0]))
                .map(e -> new AnchorTime(e.getValue()[0], e.getKey()));
    }

    /** The milliseconds of {@link #fastest}. */
    public Optional<Double> millis(Pass pass, String shape, int threads) {
        return fastest(pass, shape, threads).map(AnchorTime::millis);
    }

    /** Where the results were read from. */
    public Path directory() {
        return directory;
    }
}
