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
 * Draws {@code report.png} with XChart: one bar chart per pass, GFLOP/s (GB/s for pooling) per
 * shape, one bar per backend and thread count (and oneDNN from C when anchored).
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
            if (pass == Pass.NETWORK_LAYER) {
                continue; // parts of a step: in the report's step-against-parts section, not rates to chart
            }
            chart(pass).ifPresent(charts::add);
        }
        return charts;
    }

    /**
     * Writes every chart into one PNG, two per row when they pair up evenly, else one per row
     * (XChart's grid must be filled exactly); writes nothing when there is no data.
     */
    public void writePng(Path file) throws IOException {
        List<CategoryChart> charts = charts();
        if (charts.isEmpty()) {
            return;
        }
        System.setProperty("java.awt.headless", "true");
        int columns = charts.size() % 2 == 0 ? 2 : 1;
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
        List<Integer> threadCounts = ofPass.stream().map(m -> m.cell().threads()).distinct().sorted().toList();
        List<String> shapes = pass.shapeIds().stream()
                .filter(s -> ofPass.stream().anyMatch(m -> m.cell().shape().equals(s)))
                .toList();
        String unit = pass.memoryBound() ? "GB/s" : "GFLOP/s";
        CategoryChart chart = new CategoryChartBuilder().width(900).height(420).title(pass.title())
                .xAxisTitle("shape").yAxisTitle(unit).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisLabelRotation(30);
        List<Double> all = new ArrayList<>();
        for (String backend : backends) {
            for (dev.jdnn.Layout layout : dev.jdnn.Layout.values()) {
                for (int threads : threadCounts) {
                    List<Double> values = new ArrayList<>();
                    for (String shape : shapes) {
                        values.add(results.find(new Cell(pass, shape, backend, threads, layout)).map(Measurement::rate)
                                .orElse(null));
                    }
                    String name = backend + (layout == dev.jdnn.Layout.NCHW ? "" : " " + Cell.layoutName(layout));
                    addSeries(chart, name + " " + threads + "t", shapes, values, all);
                }
            }
        }
        if (anchor.isPresent()) {
            for (int threads : threadCounts) {
                List<Double> values = new ArrayList<>();
                for (String shape : shapes) {
                    values.add(anchor.get().millis(pass, shape, threads).map(ms -> pass.work(shape) / (ms / 1e3))
                            .orElse(null));
                }
                addSeries(chart, ANCHOR_SERIES + " " + threads + "t", shapes, values, all);
            }
        }
        double min = all.stream().mapToDouble(Double::doubleValue).min().orElse(1);
        double max = all.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        if (max / min > LOG_SPREAD) {
            chart.getStyler().setYAxisLogarithmic(true);
            // bars grow from the axis minimum, which must be positive on a log axis
            chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(min))));
            chart.setYAxisTitle(unit + " (log scale)");
        }
        return Optional.of(chart);
    }

    /** Adds a series unless it has no value at all; collects its values into {@code all}. */
    private static void addSeries(CategoryChart chart, String name, List<String> shapes, List<Double> values,
                                  List<Double> all) {
        List<Double> present = values.stream().filter(v -> v != null && v > 0).toList();
        if (!present.isEmpty()) {
            chart.addSeries(name, shapes, values);
            all.addAll(present);
        }
    }
}
