package dev.jdnn.bench;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Draws {@code report.png} with XChart: one bar chart per pass at the run's highest thread count,
 * GFLOP/s (GB/s for pooling) per shape, one bar per backend (and oneDNN from C when anchored).
 * The axis turns logarithmic when the bars span more than {@value #LOG_SPREAD}x, which naive next
 * to the fast backends always does.
 */
public final class ChartWriter {
    static final double LOG_SPREAD = 30;
    private static final String ANCHOR_SERIES = "oneDNN from C";

    private final RunResults results;
    private final List<String> backends;
    private final Optional<AnchorResults> anchor;

    /** A chart of {@code results} with a bar per backend in {@code backends} order. */
    public ChartWriter(RunResults results, List<String> backends, Optional<AnchorResults> anchor) {
        this.results = results;
        this.backends = List.copyOf(backends);
        this.anchor = anchor;
    }

    /** The charts, one per pass with data. */
    public List<CategoryChart> charts() {
        List<CategoryChart> charts = new ArrayList<>();
        for (Pass pass : Pass.values()) {
            chart(pass).ifPresent(charts::add);
        }
        return charts;
    }

    /** Writes every chart into one PNG, two per row; writes nothing when there is no data. */
    public void writePng(Path file) throws IOException {
        List<CategoryChart> charts = charts();
        if (charts.isEmpty()) {
            return;
        }
        System.setProperty("java.awt.headless", "true");
        int columns = Math.min(2, charts.size());
        int rows = (charts.size() + columns - 1) / columns;
        String name = file.toString();
        String base = name.endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        BitmapEncoder.saveBitmap(charts, rows, columns, base, BitmapEncoder.BitmapFormat.PNG);
    }

    private Optional<CategoryChart> chart(Pass pass) {
        List<Measurement> ofPass = results.measurements().stream().filter(m -> m.cell().pass() == pass).toList();
        if (ofPass.isEmpty()) {
            return Optional.empty();
        }
        int threads = ofPass.stream().mapToInt(m -> m.cell().threads()).max().orElseThrow();
        List<String> shapes = pass.shapeIds().stream()
                .filter(s -> ofPass.stream().anyMatch(m -> m.cell().shape().equals(s) && m.cell().threads() == threads))
                .toList();
        String unit = pass.memoryBound() ? "GB/s" : "GFLOP/s";
        CategoryChart chart = new CategoryChartBuilder().width(900).height(420)
                .title(pass.title() + ", " + threads + " thread" + (threads == 1 ? "" : "s"))
                .xAxisTitle("shape").yAxisTitle(unit).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setXAxisLabelRotation(30);
        double min = Double.MAX_VALUE;
        double max = 0;
        for (String backend : backends) {
            List<Double> values = new ArrayList<>();
            for (String shape : shapes) {
                values.add(results.find(new Cell(pass, shape, backend, threads)).map(Measurement::rate).orElse(null));
            }
            if (values.stream().allMatch(v -> v == null)) {
                continue;
            }
            for (Double v : values) {
                if (v != null && v > 0) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            chart.addSeries(backend, shapes, values);
        }
        if (anchor.isPresent()) {
            List<Double> values = new ArrayList<>();
            for (String shape : shapes) {
                values.add(anchor.get().millis(pass, shape, threads).map(ms -> pass.work(shape) / (ms / 1e3))
                        .orElse(null));
            }
            if (values.stream().anyMatch(v -> v != null)) {
                chart.addSeries(ANCHOR_SERIES, shapes, values);
            }
        }
        if (max / min > LOG_SPREAD) {
            chart.getStyler().setYAxisLogarithmic(true);
            // bars grow from the axis minimum, which must be positive on a log axis
            chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min))));
            chart.setYAxisTitle(unit + " (log scale)");
        }
        return Optional.of(chart);
    }
}
