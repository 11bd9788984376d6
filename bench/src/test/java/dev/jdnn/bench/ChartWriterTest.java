package dev.jdnn.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ChartWriterTest {
    private static final List<String> BACKENDS = List.of("naive", "vector", "onednn");

    @Test
    void drawsOneChartPerPassWithABarSeriesPerBackendAndThreadCountThatHasData() {
        List<CategoryChart> charts = new ChartWriter(CannedResults.jmh(), BACKENDS, Optional.empty()).charts();
        assertThat(charts).hasSize(2);
        assertThat(charts.get(0).getTitle()).startsWith("Convolution forward");
        assertThat(charts.get(0).getSeriesMap()).containsOnlyKeys("naive 1t", "vector 1t", "onednn 1t");
        assertThat(charts.get(1).getSeriesMap()).containsOnlyKeys("vector 2t");
    }

    @Test
    void usesALogarithmicAxisWhenNaiveIsOrdersOfMagnitudeSlower() {
        List<CategoryChart> charts = new ChartWriter(CannedResults.jmh(), BACKENDS, Optional.empty()).charts();
        assertThat(charts.get(0).getStyler().isYAxisLogarithmic()).isTrue();
        assertThat(charts.get(1).getStyler().isYAxisLogarithmic()).isFalse();
    }

    @Test
    void addsOneDnnFromCAsABarWhenAnchored() {
        List<CategoryChart> charts = new ChartWriter(CannedResults.jmh(), BACKENDS, Optional.of(CannedResults.anchor()))
                .charts();
        assertThat(charts.get(0).getSeriesMap()).containsKey("oneDNN from C 1t");
    }

    @Test
    void writesAPngImage(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("report.png");
        new ChartWriter(CannedResults.jmh(), BACKENDS, Optional.empty()).writePng(png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isGreaterThan(800);
    }

    @Test
    void writesAnOddNumberOfChartsOnePerRow(@TempDir Path dir) throws Exception {
        RunResults threePasses = CannedResults.jmhWithCopiedPass("ConvBenchmark.forward", "ConvBenchmark.backwardData");
        ChartWriter writer = new ChartWriter(threePasses, BACKENDS, Optional.empty());
        assertThat(writer.charts()).hasSize(3);
        Path png = dir.resolve("report.png");
        writer.writePng(png);
        assertThat(ImageIO.read(png.toFile())).isNotNull();
    }
}
