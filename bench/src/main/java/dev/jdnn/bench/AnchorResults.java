package dev.jdnn.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * oneDNN called from C on the same shapes: the {@code raw_nt*.csv} files that
 * {@code ../shared/bench/onednn-from-c/run.sh} writes into its results directory ({@code RES,...}
 * lines, see its {@code bench_onednn.c}).
 *
 * <p>Of the harness's variants, the one comparable with jdnn, whose tensors are plain NCHW, is
 * used: for convolution {@value #CONV_VARIANT} (oneDNN's blocked primitive fed from and written
 * back to plain tensors: what a library with NCHW tensors pays), for pooling and dense
 * {@value #PLAIN_VARIANT}. Where a measurement was repeated, the least disturbed run counts (the
 * harness's own rule).
 */
public final class AnchorResults {
    static final String CONV_VARIANT = "reord";
    static final String PLAIN_VARIANT = "plain";

    private final Path directory;
    private final Map<String, double[]> medianAndForeign;

    private AnchorResults(Path directory, Map<String, double[]> medianAndForeign) {
        this.directory = directory;
        this.medianAndForeign = Map.copyOf(medianAndForeign);
    }

    /** Reads every {@code raw_nt*.csv} in {@code directory}. */
    public static AnchorResults load(Path directory) {
        Map<String, double[]> rows = new HashMap<>();
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
    private static void addLine(Map<String, double[]> rows, String line) {
        String[] f = line.split(",");
        if (f.length < 20 || !f[0].equals("RES") || f[1].equals("op")) {
            return;
        }
        String wanted = f[1].equals("conv") ? CONV_VARIANT : PLAIN_VARIANT;
        if (!f[4].equals(wanted)) {
            return;
        }
        double median = Double.parseDouble(f[8]);
        double foreign = Double.parseDouble(f[19]);
        if (median <= 0) {
            return;
        }
        String key = key(f[1], f[2], f[3], Integer.parseInt(f[5]));
        double[] seen = rows.get(key);
        if (seen == null || foreign <= seen[1]) {
            rows.put(key, new double[] {median, foreign});
        }
    }

    private static String key(String op, String shape, String pass, int threads) {
        return op + "/" + shape + "/" + pass + "/" + threads;
    }

    /** oneDNN-from-C's median milliseconds for {@code pass} on {@code shape} at {@code threads}, if measured. */
    public Optional<Double> millis(Pass pass, String shape, int threads) {
        double[] row = medianAndForeign.get(key(pass.op(), shape, pass.shortName(), threads));
        return row == null ? Optional.empty() : Optional.of(row[0]);
    }

    /** Where the results were read from. */
    public Path directory() {
        return directory;
    }
}
