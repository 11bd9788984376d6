package dev.jdnn.bench;

import dev.jdnn.Layout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Writes {@code report.md}: a header (machine, JDK, flags, settings, backends, measured peak),
 * then one table per pass with a row per shape and thread count and, per backend, the time per
 * call, GFLOP/s (GB/s for pooling), the share of the measured FMA peak at that thread count and
 * the ratio to the fastest backend of the row (a column group per backend and layout where NHWC
 * cells were measured); with an anchor, oneDNN-from-C's time and each
 * backend's ratio to it. Cells that were skipped or failed are listed with the reason.
 */
public final class ReportWriter {
    private final RunResults results;
    private final ReportContext context;

    /** A writer for {@code results} described by {@code context}. */
    public ReportWriter(RunResults results, ReportContext context) {
        this.results = results;
        this.context = context;
    }

    /** The whole report as markdown. */
    public String markdown() {
        StringBuilder out = new StringBuilder();
        header(out);
        for (Pass pass : Pass.values()) {
            out.append(table(pass));
        }
        out.append(networkAgainstCells());
        skipped(out);
        return out.toString();
    }

    /** The tables only, one per pass with data, for the terminal. */
    public String tables() {
        StringBuilder out = new StringBuilder();
        for (Pass pass : Pass.values()) {
            out.append(table(pass));
        }
        out.append(networkAgainstCells());
        return out.toString();
    }

    /**
     * Each measured network step beside the sum of its parts ({@code network.layer}: each layer's
     * forward and backward and the loss, on the step's own plans and tensors, same backend,
     * threads and layout) and beside the sum of the hot-core cells its layers are, where every
     * summed cell was measured. The parts add up to exactly the step's work, so a step much slower
     * than their sum means the kernels slow down when many shapes share one JVM; the hot-core
     * cells leave out work that has no cell (named per network) and may differ from the layer
     * (named too), so that ratio is only indicative. Naive's step is the reference: its parts are
     * not timed, and its row says so rather than counting them as not measured.
     */
    String networkAgainstCells() {
        List<Measurement> steps = results.measurements().stream()
                .filter(m -> m.cell().pass() == Pass.NETWORK_STEP).toList();
        if (steps.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("## Network step against the sum of its cells\n\n");
        out.append("| network | layout | backend | thr | step ms | Σ parts ms | step / Σ parts | Σ cells ms "
                + "| step / Σ cells | cells summed |\n");
        out.append("|---|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        List<String> notes = new ArrayList<>();
        for (NetworkShape network : NetworkShape.all()) {
            for (Measurement step : steps) {
                Cell cell = step.cell();
                if (!cell.shape().equals(network.id())) {
                    continue;
                }
                out.append("| ").append(network.id()).append(" | ").append(Cell.layoutName(cell.layout())).append(" | ")
                        .append(cell.backend()).append(" | ")
                        .append(cell.threads()).append(" | ").append(millis(step.ms(), step.msError())).append(" | ");
                List<Cell> parts = network.layerParts().stream().map(p -> new Cell(Pass.NETWORK_LAYER,
                        network.partId(p), cell.backend(), cell.threads(), cell.layout())).toList();
                if (cell.backend().equals(Selection.NAIVE)) {
                    // Selection times naive's step only: naive is the reference, not a backend whose
                    // step is set beside its parts.
                    out.append("– (reference, parts not timed) | – | ");
                } else {
                    sumAndRatio(out, step, parts, "parts");
                }
                // the step's conv and pooling cells in its layout; dense cells are row-major anyway
                List<Cell> cells = network.cells().stream().map(part -> new Cell(part.pass(), part.shape(),
                        cell.backend(), cell.threads(), part.pass().hasLayout() ? cell.layout() : Layout.NCHW)).toList();
                sumAndRatio(out, step, cells, "cells");
                out.append(network.cells().size()).append(" |\n");
            }
            notes.add("- " + network.id() + ": " + network.description() + "; parts " + network.layerParts()
                    + "; cells " + network.cells().stream().map(p -> p.pass().label() + " " + p.shape()).toList()
                    + "; not in the cells' sum: " + network.notCells() + ".");
        }
        out.append('\n').append(partsTimed()).append('\n').append(String.join("\n", notes)).append("\n\n");
        return out.toString();
    }

    /** Where the parts were timed, which decides what step / Σ parts can show. */
    private String partsTimed() {
        return context.quick()
                ? "Parts timed with `--quick`: one after the other in this run's one JVM, after the JIT tour of "
                        + "every cell, not each in its own JVM; the step and its parts then share JIT profiles, so "
                        + "step / Σ parts does not isolate one-JVM effects. Run without `--quick` to time each part "
                        + "in its own forked JVM.\n"
                : "Parts timed each in its own forked JVM: a step much slower than Σ parts is a one-JVM effect.\n";
    }

    /** {@code Σ ms | step / Σ |} of {@code summed}, or how many of them were not measured. */
    private void sumAndRatio(StringBuilder out, Measurement step, List<Cell> summed, String what) {
        double sum = 0;
        int missing = 0;
        for (Cell c : summed) {
            Optional<Measurement> m = results.find(c);
            if (m.isPresent()) {
                sum += m.get().ms();
            } else {
                missing++;
            }
        }
        if (missing == 0) {
            out.append(millis(sum, Double.NaN)).append(" | ").append(ratio(step.ms() / sum)).append(" | ");
        } else {
            out.append("– | ").append(missing).append(" of ").append(summed.size()).append(' ').append(what)
                    .append(" not measured | ");
        }
    }

    private void header(StringBuilder out) {
        MachineInfo m = context.machine();
        out.append("# jdnn benchmark report\n\n");
        if (context.quick()) {
            out.append("> **Quick run (`--quick`)**: few and short iterations without forked JVMs, so the figures are "
                    + "indicative only. Run `./jdnn bench` without `--quick` for numbers to quote.\n\n");
        }
        out.append("- date: ").append(m.date()).append('\n');
        out.append("- CPU: ").append(m.cpuModel()).append(", ").append(m.processors()).append(" processors\n");
        out.append("- JDK: ").append(m.jdk()).append("; OS: ").append(m.os()).append('\n');
        List<String> flags = results.jvmArgs();
        out.append("- JVM flags: ").append(flags.isEmpty() ? "(none recorded)" : "`" + String.join(" ", flags) + "`")
                .append('\n');
        out.append("- JMH: ").append(context.settings()).append("; mean time per call, ± is JMH's 99.9% "
                + "confidence half-width\n");
        out.append("- threads: ").append(threadCounts()).append(" (the backend's own threads; one JMH thread)\n");
        out.append("- backends:\n");
        for (String line : context.backendStatus()) {
            out.append("  - ").append(line).append('\n');
        }
        out.append("- FP32 FMA peak measured by the suite (Vector API, ").append(PeakBenchmark.CHAINS)
                .append(" independent chains): ");
        if (results.peaks().isEmpty()) {
            out.append("not measured, so no % of peak");
        } else {
            List<String> parts = new ArrayList<>();
            results.peaks().forEach((t, g) -> parts.add(String.format(Locale.ROOT, "%.1f GFLOP/s at %d thread%s", g, t,
                    t == 1 ? "" : "s")));
            out.append(String.join(", ", parts));
        }
        out.append('\n');
        context.anchor().ifPresent(a -> out.append("- oneDNN from C: `").append(a.directory()).append("` (per cell the "
                + "fastest of the harness's variants that take and return plain NCHW tensors, named beside its time: "
                + "for convolution `reord` or `mixed`)\n"));
        out.append("\nGFLOP/s use the csv's `gflop_fwd` for every pass (as the oneDNN-from-C harness does); pooling "
                + "shows GB/s of input plus output instead, and the element-wise and normalisation passes (optimiser updates, "
                + "dropout, add, batch norm, LRN) GB/s of every tensor read plus every tensor written, beside `copy GB/s`, the machine's copy bandwidth at the "
                + "same size with at most as many threads (`MemorySegment.copy`, read plus write; the best of 1 thread and "
                + "the cell's count). Columns headed `backend nhwc` are "
                + "the backend with NHWC activations (the others NCHW; weights are row-major in both). %pk = share of the measured peak at the same thread "
                + "count. ×best = time over the row's fastest backend. A network part with no FLOP count (pooling, "
                + "the loss) shows – for GFLOP, rate and %pk.");
        if (context.anchor().isPresent()) {
            out.append(" ×C = time over oneDNN-from-C's.");
        }
        out.append("\n\n");
    }

    private String threadCounts() {
        TreeSet<Integer> threads = new TreeSet<>();
        results.measurements().forEach(m -> threads.add(m.cell().threads()));
        return threads.isEmpty() ? "-" : threads.toString().replaceAll("[\\[\\]]", "");
    }

    private String table(Pass pass) {
        List<Measurement> ofPass = results.measurements().stream().filter(m -> m.cell().pass() == pass).toList();
        if (ofPass.isEmpty()) {
            return "";
        }
        boolean anchored = context.anchor().isPresent();
        String unit = pass.memoryBound() ? "GB/s" : "GF/s";
        StringBuilder out = new StringBuilder();
        out.append("## ").append(pass.title()).append(" (`").append(pass.label()).append("`)\n\n");
        StringBuilder head = new StringBuilder("| shape | ").append(pass.memoryBound() ? "GB" : "GFLOP").append(" | thr |");
        StringBuilder rule = new StringBuilder("|---|---:|---:|");
        List<Column> columns = columns(ofPass);
        for (Column column : columns) {
            String b = column.label();
            head.append(' ').append(b).append(" ms | ").append(b).append(' ').append(unit).append(" |");
            rule.append("---:|---:|");
            if (!pass.memoryBound()) {
                head.append(" %pk |");
                rule.append("---:|");
            }
            head.append(" ×best |");
            rule.append("---:|");
            if (anchored) {
                head.append(" ×C |");
                rule.append("---:|");
            }
        }
        if (anchored) {
            head.append(" oneDNN-C ms | oneDNN-C ").append(unit).append(" |");
            rule.append("---:|---:|");
        }
        if (pass.besideCopy()) {
            head.append(" copy GB/s |");
            rule.append("---:|");
        }
        out.append(head).append('\n').append(rule).append('\n');
        TreeSet<Integer> threads = new TreeSet<>();
        ofPass.forEach(m -> threads.add(m.cell().threads()));
        for (String shape : pass.shapeIds()) {
            for (int t : threads) {
                row(out, pass, shape, t, columns);
            }
        }
        out.append('\n');
        return out.toString();
    }

    /**
     * One column group per backend and layout measured for the pass: NCHW under the backend's
     * name, NHWC as {@code backend nhwc} right after it where that backend has NHWC cells.
     */
    private record Column(String backend, Layout layout) {
        String label() {
            return layout == Layout.NCHW ? backend : backend + " " + Cell.layoutName(layout);
        }
    }

    private List<Column> columns(List<Measurement> ofPass) {
        List<Column> columns = new ArrayList<>();
        for (String b : context.backends()) {
            for (Layout layout : Layout.values()) {
                if (layout == Layout.NCHW || ofPass.stream().anyMatch(m -> m.cell().layout() == layout
                        && m.cell().backend().equals(b))) {
                    columns.add(new Column(b, layout));
                }
            }
        }
        return columns;
    }

    private void row(StringBuilder out, Pass pass, String shape, int threads, List<Column> columns) {
        List<Optional<Measurement>> cells = columns.stream()
                .map(c -> results.find(new Cell(pass, shape, c.backend(), threads, c.layout()))).toList();
        if (cells.stream().noneMatch(Optional::isPresent)) {
            return;
        }
        OptionalDouble best = cells.stream().flatMap(Optional::stream).mapToDouble(Measurement::ms).min();
        Optional<AnchorResults.AnchorTime> anchorTime = context.anchor().flatMap(a -> a.fastest(pass, shape, threads));
        Optional<Double> anchorMs = anchorTime.map(AnchorResults.AnchorTime::millis);
        Optional<Double> peak = results.peakGflops(threads);
        double work = pass.work(shape);
        // A network part without a FLOP count (pooling, the loss) has no rate and no share of peak.
        boolean counted = pass.memoryBound() || work > 0;
        out.append("| ").append(shape).append(" | ").append(counted ? String.format(Locale.ROOT, "%.4f", work) : "–")
                .append(" | ").append(threads).append(" |");
        for (Optional<Measurement> cell : cells) {
            if (cell.isEmpty()) {
                int blanks = 2 + (pass.memoryBound() ? 0 : 1) + 1 + (context.anchor().isPresent() ? 1 : 0);
                out.append(" – |".repeat(blanks));
                continue;
            }
            Measurement m = cell.get();
            out.append(' ').append(millis(m.ms(), m.msError())).append(" | ").append(counted ? rate(m.rate()) : "–")
                    .append(" |");
            if (!pass.memoryBound()) {
                out.append(' ').append(peak.filter(p -> counted).map(p -> percent(m.rate() / p)).orElse("–"))
                        .append(" |");
            }
            out.append(' ').append(ratio(m.ms() / best.getAsDouble())).append(" |");
            if (context.anchor().isPresent()) {
                // the harness times NCHW user tensors only
                out.append(' ').append(anchorMs.filter(c -> m.cell().layout() == Layout.NCHW).map(c -> ratio(m.ms() / c))
                        .orElse("–")).append(" |");
            }
        }
        if (context.anchor().isPresent()) {
            out.append(' ').append(anchorTime.map(c -> millis(c.millis(), Double.NaN) + " " + c.variant()).orElse("–"))
                    .append(" | ")
                    .append(anchorMs.filter(c -> counted).map(c -> rate(work / (c / 1e3))).orElse("–")).append(" |");
        }
        if (pass.besideCopy()) {
            out.append(' ').append(results.copyGbPerSecond(shape, threads).map(ReportWriter::rate).orElse("–"))
                    .append(" |");
        }
        out.append('\n');
    }

    private void skipped(StringBuilder out) {
        if (context.skipped().isEmpty()) {
            return;
        }
        out.append("## Cells not measured\n\n| cell | reason |\n|---|---|\n");
        for (SkippedCell s : context.skipped()) {
            out.append("| ").append(s.cell()).append(" | ").append(s.reason().replace("|", "\\|").replace("\n", " "))
                    .append(" |\n");
        }
        out.append('\n');
    }

    static String millis(double ms, double error) {
        String value = ms < 1 ? String.format(Locale.ROOT, "%.3f", ms)
                : ms < 100 ? String.format(Locale.ROOT, "%.2f", ms) : String.format(Locale.ROOT, "%.0f", ms);
        if (Double.isNaN(error) || error <= 0) {
            return value;
        }
        String err = error < 1 ? String.format(Locale.ROOT, "%.3f", error)
                : error < 100 ? String.format(Locale.ROOT, "%.2f", error) : String.format(Locale.ROOT, "%.0f", error);
        return value + " ±" + err;
    }

    static String rate(double value) {
        return value < 10 ? String.format(Locale.ROOT, "%.2f", value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f×", r);
    }
}
