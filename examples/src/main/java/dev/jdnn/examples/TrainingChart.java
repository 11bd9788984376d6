package dev.jdnn.examples;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes {@code training.png}: the loss (running mean during each epoch, and each epoch's mean)
 * beside train and test accuracy per epoch.
 */
final class TrainingChart {
    private TrainingChart() {
    }

    static Path write(TrainingHistory history, String title, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<TrainingHistory.Epoch> epochs = history.epochs();
        double[] x = new double[epochs.size()];
        double[] loss = new double[x.length];
        double[] trainAccuracy = new double[x.length];
        double[] testAccuracy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
            loss[i] = epochs.get(i).training().meanLoss();
            trainAccuracy[i] = 100 * epochs.get(i).training().accuracy();
            testAccuracy[i] = 100 * epochs.get(i).testAccuracy();
        }
        XYChart lossChart = new XYChartBuilder().width(640).height(420).title("Loss: " + title).xAxisTitle("epoch")
                .yAxisTitle("cross-entropy").build();
        lossChart.addSeries("running mean within the epoch", history.sampleEpochs(), history.sampleLosses())
                .setMarker(SeriesMarkers.NONE);
        lossChart.addSeries("epoch mean", x, loss);
        XYChart accuracyChart = new XYChartBuilder().width(640).height(420).title("Accuracy: " + title)
                .xAxisTitle("epoch").yAxisTitle("%").build();
        accuracyChart.addSeries("train", x, trainAccuracy);
        accuracyChart.addSeries("test", x, testAccuracy);
        Path file = directory.resolve("training.png");
        String base = file.toString().substring(0, file.toString().length() - ".png".length());
        BitmapEncoder.saveBitmap(List.of(lossChart, accuracyChart), 1, 2, base, BitmapEncoder.BitmapFormat.PNG);
        return file;
    }
}
