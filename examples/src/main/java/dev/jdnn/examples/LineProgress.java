package dev.jdnn.examples;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Training progress for output that is not a terminal (a file, a pipe, a CI log): one plain line
 * each time another tenth of the epoch is done, instead of a bar redrawn with carriage returns,
 * which a file keeps as one ever-growing line.
 */
final class LineProgress implements Trainer.Progress {
    private final PrintStream out;
    private final String task;
    private final int total;
    private final long start = System.nanoTime();
    private int nextTenth = 1;

    /** Progress of {@code total} images, each line starting with {@code task}. */
    LineProgress(PrintStream out, String task, int total) {
        if (total <= 0) {
            throw new IllegalArgumentException("LineProgress: total: expected a positive image count, got " + total);
        }
        this.out = out;
        this.task = task;
        this.total = total;
    }

    @Override
    public void batchDone(int images, double meanLoss, double accuracy) {
        if (nextTenth > 10 || (long) images * 10 < (long) nextTenth * total) {
            return;
        }
        while (nextTenth <= 10 && (long) images * 10 >= (long) nextTenth * total) {
            nextTenth++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "%s: %3d%% (%,d/%,d images), loss %.3f, accuracy %.1f%%, %s images/s%n", task,
                (int) (100L * images / total), images, total, meanLoss, 100 * accuracy,
                TrainCommand.imagesPerSecond(seconds > 0 ? images / seconds : 0));
    }

    /** Whether standard output is an interactive terminal (false when redirected to a file or pipe). */
    static boolean stdoutIsTerminal() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }
}
