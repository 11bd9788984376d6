package dev.jdnn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs one cell (or the peak probe) through JMH's {@link Runner}, with JMH's own output going to
 * a log file, and returns JMH's JSON result entries. A cell whose set-up throws (an unavailable
 * backend, a result that differs from naive) fails with {@link CellFailedException} carrying the
 * exception's message as JMH logged it.
 */
final class CellRunner {
    /** Flags the forked benchmark JVMs need; the annotations carry them too. */
    static final String[] JVM_FLAGS = {"--add-modules=jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED"};

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JmhSettings settings;
    private final Path workDir;

    /** A runner measuring with {@code settings}, keeping JMH's logs and per-cell JSON in {@code workDir}. */
    CellRunner(JmhSettings settings, Path workDir) {
        this.settings = settings;
        this.workDir = workDir;
    }

    /**
     * Measures {@code cell}; {@code name} names its log and JSON files. A network step gets
     * {@link JmhSettings#forNetworkStep()}'s longer warm-up.
     */
    JsonNode run(Cell cell, String name) throws CellFailedException {
        JmhSettings used = cell.pass() == Pass.NETWORK_STEP ? settings.forNetworkStep() : settings;
        return execute(used.applyTo(optionsFor(cell)), name);
    }

    /**
     * Runs {@code cell} briefly with {@link JmhSettings#forTour()} and returns JMH's result, which
     * is not a measurement: the tour only brings the cell's code to the JIT's attention.
     */
    JsonNode tour(Cell cell, String name) throws CellFailedException {
        return execute(settings.forTour().applyTo(optionsFor(cell)), name);
    }

    private static ChainedOptionsBuilder optionsFor(Cell cell) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(cell.pass().benchmark()) + "$")
                .param("backend", cell.backend())
                .param("shape", cell.shape())
                .param("threads", String.valueOf(cell.threads()))
                .threads(1);
        if (cell.pass().hasLayout()) {
            options.param("layout", Cell.layoutName(cell.layout()));
        }
        return options;
    }

    /** Measures {@link PeakBenchmark} on {@code threads} benchmark threads, with {@link JmhSettings#forPeak()}. */
    JsonNode runPeak(int threads, String name) throws CellFailedException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(PeakBenchmark.class.getName() + ".fma") + "$")
                .threads(threads);
        return execute(settings.forPeak().applyTo(options), name);
    }

    /** Measures {@link CopyBenchmark} at {@code shape} on {@code threads} copying threads. */
    JsonNode runCopy(String shape, int threads, String name) throws CellFailedException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(CopyBenchmark.class.getName() + ".copy") + "$")
                .param("shape", shape)
                .param("threads", String.valueOf(threads))
                .threads(1);
        return execute(settings.applyTo(options), name);
    }

    private JsonNode execute(ChainedOptionsBuilder options, String name) throws CellFailedException {
        Path json = workDir.resolve(name + ".json");
        Path log = workDir.resolve(name + ".log");
        options
                .jvmArgsAppend(JVM_FLAGS)
                .shouldFailOnError(true)
                .verbosity(VerboseMode.NORMAL)
                .output(log.toString())
                .result(json.toString())
                .resultFormat(ResultFormatType.JSON);
        try {
            new Runner(options.build()).run();
            JsonNode entries = JSON.readTree(json.toFile());
            if (entries == null || entries.isEmpty()) {
                throw new CellFailedException("JMH produced no result; see " + log);
            }
            return entries;
        } catch (RunnerException | RuntimeException e) {
            throw new CellFailedException(reason(log, e));
        } catch (IOException e) {
            throw new CellFailedException("could not read JMH's result " + json + ": " + e.getMessage());
        }
    }

    /** The first exception line JMH logged (the set-up's own message), else the runner's. */
    private static String reason(Path log, Exception e) {
        try {
            List<String> lines = Files.readAllLines(log);
            for (String line : lines) {
                String trimmed = line.trim();
                if (trimmed.matches("^[\\w.$]+(Exception|Error)(: .*)?$")) {
                    return trimmed;
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            // fall back to the runner's own message below
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.toString();
    }
}
