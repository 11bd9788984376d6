package dev.jdnn.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.jdnn.Backends;
import dev.jdnn.Layout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code ./jdnn bench}: measures every selected cell (pass x shape x backend x threads) with
 * JMH, printing progress, and writes a report directory: {@code jmh-result.json} (JMH's raw
 * results, merged), {@code report.md}, {@code report.png}, and JMH's per-cell logs under
 * {@code jmh/}. The tables are printed again at the end.
 */
@Command(name = "jdnn bench", sortOptions = false,
        description = {"Benchmarks every backend on the hot-core shapes and writes a report (report.md, report.png, "
                + "jmh-result.json).", "Without filters: every pass, shape and available backend at 1 thread and at all "
                + "processors; naive only where one call takes under the naive limit."})
public final class BenchCommand implements Callable<Integer> {
    /** System property the launcher sets to the repository root, where {@code bench-results/} lives. */
    static final String ROOT_PROPERTY = "jdnn.root";
    /** Default seconds per naive call above which naive is not timed. */
    static final double FULL_NAIVE_LIMIT = 2;
    /** Training steps per backend before the cells of a run without forks (see {@link JitWarmUp}). */
    private static final double QUICK_JIT_WARMUP_SECONDS = 2;

    /** The same for {@code --quick}, where a slow naive cell would cost a large share of the few minutes. */
    static final double QUICK_NAIVE_LIMIT = 0.5;

    @Option(names = "--out", paramLabel = "DIR",
            description = "report directory (default: bench-results/<timestamp> in the repository)")
    Path out;

    @Option(names = "--quick", description = "few short iterations in one JVM, after a brief tour of every cell "
            + "for the JIT: the default selection in about 9 minutes on 2 cores; indicative numbers, and the report "
            + "says so")
    boolean quick;

    @Option(names = "--backend", split = ",", paramLabel = "NAME", description = "backends to run (default: all found)")
    List<String> backends = new ArrayList<>();

    @Option(names = "--shape", split = ",", paramLabel = "ID", description = "shape ids of the hot-core csv files")
    List<String> shapes = new ArrayList<>();

    @Option(names = "--op", split = ",", paramLabel = "OP",
            description = "conv, pool, dense, network, update, eltwise, bnorm, lrn, or one pass: conv.fwd, conv.bwd_d, "
                    + "conv.bwd_w, pool.fwd, pool.bwd, dense.fwd, dense.bwd_d, dense.bwd_w, network.step, network.layer, update.sgd, "
                    + "update.adagrad, update.adam, eltwise.dropout, eltwise.add, bnorm.fwd, bnorm.bwd, lrn.fwd, lrn.bwd")
    List<String> ops = new ArrayList<>();

    @Option(names = "--threads", split = ",", paramLabel = "N", description = "thread counts, 'all' = every processor "
            + "(default: 1,all; with --quick: all, and naive at 1)")
    List<String> threads = new ArrayList<>();

    @Option(names = "--layout", split = ",", paramLabel = "L", description = "layouts of the conv, pooling, "
            + "normalisation and network cells: nchw, nhwc (default: both)")
    List<String> layouts = new ArrayList<>();

    @Option(names = "--anchor", paramLabel = "DIR", description = "results directory of "
            + "../shared/bench/onednn-from-c/run.sh: adds oneDNN-from-C's time and the ratio to it")
    Path anchor;

    @Option(names = "--naive-limit", paramLabel = "SECONDS", description = "skip naive where one call would take "
            + "longer (default: " + FULL_NAIVE_LIMIT + " s, with --quick " + QUICK_NAIVE_LIMIT + " s)")
    Double naiveLimit;

    @Option(names = "--list", description = "print the selection and why cells are skipped, then stop")
    boolean listOnly;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    private final PrintStream console = System.out;

    /** Runs the command; exits with its status. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        MachineInfo machine = MachineInfo.probe();
        Optional<AnchorResults> anchorResults = Optional.ofNullable(anchor).map(AnchorResults::load);
        List<Pass> passes = passes();
        List<Integer> threadCounts = threadCounts();
        List<String> backendNames = backends.isEmpty() ? Selection.allBackends() : knownBackends();
        Set<String> shapeFilter = shapeFilter(passes);
        JmhSettings settings = quick ? JmhSettings.quick() : JmhSettings.full();
        double naiveSeconds = naiveLimit != null ? naiveLimit : quick ? QUICK_NAIVE_LIMIT : FULL_NAIVE_LIMIT;

        console.printf("jdnn bench: %s, %d processors, %s%n", machine.cpuModel(), machine.processors(), machine.jdk());
        List<String> status = backendStatus();
        status.forEach(line -> console.println("  backend " + line));
        boolean timeNaive = backendNames.contains(Selection.NAIVE) && threadCounts.contains(1);
        if (timeNaive && listOnly) {
            console.println("naive cells listed without timing naive first; a run skips those where one call would "
                    + "take over " + naiveSeconds + " s");
        } else if (timeNaive) {
            console.println("timing naive on one image per pass and shape, to see where a whole batch stays under "
                    + naiveSeconds + " s ...");
        }
        Selection selection = Selection.of(passes, shapeFilter, backendNames, threadCounts, layouts(),
                (pass, shape) -> listOnly ? 0 : NaiveReferences.secondsPerImage(pass, shape) * pass.batch(shape),
                naiveSeconds);
        if (quick && !threadsGiven()) {
            selection = quickSelection(selection);
        }
        console.printf("%d cells to run, %d skipped (%s)%n", selection.cells().size(), selection.skipped().size(),
                settings.describe());
        if (listOnly) {
            selection.cells().forEach(c -> console.println("  run  " + c));
            selection.skipped().forEach(s -> console.println("  skip " + s.cell() + ": " + s.reason()));
            return 0;
        }

        Path dir = out != null ? out : defaultOut();
        Path work = dir.resolve("jmh");
        Files.createDirectories(work);
        CellRunner runner = new CellRunner(settings, work);
        ObjectMapper json = new ObjectMapper();
        ArrayNode all = json.createArrayNode();
        Path rawJson = dir.resolve("jmh-result.json");
        List<SkippedCell> notMeasured = new ArrayList<>(selection.skipped());

        for (int t : threadCounts) {
            try {
                JsonNode entries = runner.runPeak(t, String.format(Locale.ROOT, "peak-%dt", t));
                all.addAll((ArrayNode) entries);
                RunResults.parse(entries).peakGflops(t).ifPresent(g ->
                        console.printf("peak FMA, %d thread%s: %.1f GFLOP/s%n", t, t == 1 ? "" : "s", g));
            } catch (CellFailedException e) {
                console.printf("peak FMA, %d threads: failed: %s%n", t, e.getMessage());
            }
        }
        for (Cell copy : copyProbes(selection)) {
            try {
                JsonNode entries = runner.runCopy(copy.shape(), copy.threads(),
                        String.format(Locale.ROOT, "copy-%s-%dt", copy.shape(), copy.threads()));
                all.addAll((ArrayNode) entries);
                RunResults.parse(entries).copyGbPerSecond(copy.shape(), copy.threads()).ifPresent(g ->
                        console.printf("copy bandwidth, %s, %d thread%s: %.1f GB/s%n", copy.shape(), copy.threads(),
                                copy.threads() == 1 ? "" : "s", g));
            } catch (CellFailedException e) {
                console.printf("copy bandwidth, %s, %d threads: failed: %s%n", copy.shape(), copy.threads(),
                        e.getMessage());
            }
        }
        json.writerWithDefaultPrettyPrinter().writeValue(rawJson.toFile(), all);

        Optional<String> flushing = CodeCacheFlushing.warning(settings, CodeCacheFlushing.enabled());
        flushing.ifPresent(w -> console.println("warning: " + w));
        if (settings.forks() == 0) {
            // naive is left out: one of its CIFAR steps alone takes seconds, and its plain loops
            // reach C2 within the first of its long calls anyway.
            JitWarmUp.run(selection.cells().stream().map(Cell::backend).filter(b -> !b.equals(Selection.NAIVE))
                    .distinct().toList(), QUICK_JIT_WARMUP_SECONDS, console);
            JitWarmUp.tour(runner, selection.cells(), console);
        }
        int total = selection.cells().size();
        long cellsStarted = System.nanoTime();
        Progress progress = new Progress(console, total, isTerminal());
        for (int i = 0; i < total; i++) {
            Cell cell = selection.cells().get(i);
            String name = String.format(Locale.ROOT, "%03d-%s-%s-%s-%s-%dt", i + 1, cell.pass().label(), cell.shape(),
                    Cell.layoutName(cell.layout()), cell.backend(), cell.threads());
            long cellStarted = System.nanoTime();
            String outcome;
            try {
                JsonNode entries = runner.run(cell, name);
                all.addAll((ArrayNode) entries);
                json.writerWithDefaultPrettyPrinter().writeValue(rawJson.toFile(), all);
                StringBuilder measured = new StringBuilder();
                for (Measurement m : RunResults.parse(entries).measurements()) {
                    measured.append(String.format(Locale.ROOT, "%s ms, %s %s", ReportWriter.millis(m.ms(), m.msError()),
                            ReportWriter.rate(m.rate()), cell.pass().memoryBound() ? "GB/s" : "GFLOP/s"));
                }
                outcome = measured.toString();
            } catch (CellFailedException e) {
                notMeasured.add(new SkippedCell(cell, "failed: " + e.getMessage()));
                outcome = "FAILED: " + e.getMessage();
            }
            double perCell = (System.nanoTime() - cellsStarted) / 1e9 / (i + 1);
            progress.cellDone(i + 1, String.format(Locale.ROOT, "%-40s %s   (%.1f s; about %s left)", cell, outcome,
                    (System.nanoTime() - cellStarted) / 1e9, duration(perCell * (total - i - 1))));
        }

        RunResults results = RunResults.parse(all);
        ReportContext context = new ReportContext(machine, quick,
                settings.describe() + "; peak probe: " + settings.forPeak().describe()
                        + (settings.forks() > 0 ? "; network steps: " + settings.forNetworkStep().describe() : "")
                        + flushing.map(w -> "; " + w).orElse(""),
                backendNames, status,
                notMeasured, anchorResults);
        ReportWriter report = new ReportWriter(results, context);
        Files.writeString(dir.resolve("report.md"), report.markdown());
        new ChartWriter(results, backendNames, anchorResults).writePng(dir.resolve("report.png"));

        console.println();
        console.print(report.tables());
        long failed = notMeasured.stream().filter(s -> s.reason().startsWith("failed")).count();
        if (failed > 0) {
            console.printf("%d cell%s FAILED (listed at the end of report.md)%n", failed, failed == 1 ? "" : "s");
        }
        console.printf("report: %s (also report.png, jmh-result.json); wall time %s%n", dir.resolve("report.md"),
                duration((System.nanoTime() - started) / 1e9));
        return 0;
    }

    /**
     * The copy measurements the element-wise and normalisation cells of {@code selection} are set
     * beside: per shape among them, one on one thread and one per larger thread count among them
     * (the report takes the best copy with at most a cell's threads; the backend field is unused).
     */
    static List<Cell> copyProbes(Selection selection) {
        Set<String> seen = new LinkedHashSet<>();
        List<Cell> probes = new ArrayList<>();
        for (Cell c : selection.cells()) {
            if (!c.pass().besideCopy()) {
                continue;
            }
            for (int t : c.threads() == 1 ? List.of(1) : List.of(1, c.threads())) {
                if (seen.add(c.shape() + "/" + t)) {
                    probes.add(new Cell(c.pass(), c.shape(), "copy", t));
                }
            }
        }
        return probes;
    }

    /** Whether {@code --threads} was given on the command line. */
    private boolean threadsGiven() {
        return !threads.isEmpty();
    }

    /**
     * The {@code --quick} cut that keeps a run to about 9 minutes on 2 cores (6 min 38 s measured
     * on AVX-512 on 2026-12-06, two of them the JIT tour, before the 104 {@code network.layer}
     * cells at about 1 s each, tour included, were added; estimated, not re-measured): the
     * backends at every processor only, naive (single-threaded) at 1 thread as the reference.
     */
    private static Selection quickSelection(Selection full) {
        int all = Runtime.getRuntime().availableProcessors();
        if (all == 1) {
            return full;
        }
        List<Cell> kept = new ArrayList<>();
        List<SkippedCell> skipped = new ArrayList<>(full.skipped());
        for (Cell c : full.cells()) {
            if (c.threads() == 1 && !c.backend().equals(Selection.NAIVE)) {
                skipped.add(new SkippedCell(c, "--quick times the backends at all " + all + " processors only "
                        + "(add --threads 1,all for both)"));
            } else {
                kept.add(c);
            }
        }
        return new Selection(List.copyOf(kept), List.copyOf(skipped));
    }

    /** Whether standard output is an interactive terminal (else progress is one line per 10%). */
    private static boolean isTerminal() {
        java.io.Console c = System.console();
        return c != null && c.isTerminal();
    }

    /** The {@code --backend} names, each checked against the backends on the class path. */
    private List<String> knownBackends() {
        List<String> found = Selection.allBackends();
        for (String b : backends) {
            if (!found.contains(b.trim())) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--backend: unknown backend '" + b
                        + "'; expected one of " + found);
            }
        }
        return backends.stream().map(String::trim).distinct().toList();
    }

    private List<Pass> passes() {
        if (ops.isEmpty()) {
            return List.of(Pass.values());
        }
        Set<Pass> chosen = new LinkedHashSet<>();
        for (String op : ops) {
            String wanted = op.trim().toLowerCase(Locale.ROOT);
            List<Pass> matching = new ArrayList<>();
            for (Pass p : Pass.values()) {
                if (p.op().equals(wanted) || p.label().equals(wanted)) {
                    matching.add(p);
                }
            }
            if (matching.isEmpty()) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--op: unknown op or pass '" + op
                        + "'; expected conv, pool, dense, network, update, eltwise, bnorm, lrn or one of " + List.of(Pass.values()).stream().map(Pass::label)
                        .toList());
            }
            chosen.addAll(matching);
        }
        return List.copyOf(chosen);
    }

    private List<Layout> layouts() {
        if (layouts.isEmpty()) {
            return List.of(Layout.NCHW, Layout.NHWC);
        }
        List<Layout> chosen = new ArrayList<>();
        for (String l : layouts) {
            try {
                Layout layout = Cell.layoutOf(l);
                if (!chosen.contains(layout)) {
                    chosen.add(layout);
                }
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--layout: expected nchw or nhwc, got '"
                        + l + "'");
            }
        }
        return chosen;
    }

    private List<Integer> threadCounts() {
        TreeSet<Integer> counts = new TreeSet<>();
        for (String t : threadsGiven() ? threads : List.of("1", "all")) {
            try {
                counts.add(PlanBenchmark.threadCount(t.trim()));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--threads: expected a positive count "
                        + "or 'all', got '" + t + "'");
            }
        }
        return List.copyOf(counts);
    }

    private Set<String> shapeFilter(List<Pass> passes) {
        Set<String> known = new TreeSet<>();
        passes.forEach(p -> known.addAll(p.shapeIds()));
        for (String s : shapes) {
            if (!known.contains(s)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--shape: unknown shape '" + s
                        + "' for the selected ops; expected one of " + known);
            }
        }
        return Set.copyOf(shapes);
    }

    private static List<String> backendStatus() {
        List<String> lines = new ArrayList<>();
        for (Backends.Entry e : Backends.list()) {
            lines.add(e.name() + ": " + (e.available() ? "available" : "unavailable: " + e.reason()));
        }
        return lines;
    }

    private static Path defaultOut() {
        Path root = Path.of(System.getProperty(ROOT_PROPERTY, "."));
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return root.resolve("bench-results").resolve(stamp);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
}
