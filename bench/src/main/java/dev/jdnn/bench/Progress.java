package dev.jdnn.bench;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress of a run's cells: on a terminal one line per cell; into a file or a pipe one line each
 * time another tenth of the cells is done (and for the last), so logs stay short and readable.
 */
final class Progress {
    private final PrintStream out;
    private final int total;
    private final boolean everyCell;
    private int tenthsShown;

    /** Progress over {@code total} cells; {@code everyCell} when writing to a terminal. */
    Progress(PrintStream out, int total, boolean everyCell) {
        this.out = out;
        this.total = total;
        this.everyCell = everyCell;
    }

    /** Cell {@code done} (1-based) has finished; {@code line} says what it measured. */
    void cellDone(int done, String line) {
        int tenths = (int) ((long) done * 10 / Math.max(1, total));
        if (everyCell) {
            out.printf(Locale.ROOT, "[%d/%d] %s%n", done, total, line);
        } else if (tenths > tenthsShown || done == total) {
            tenthsShown = tenths;
            out.printf(Locale.ROOT, "[%d/%d, %d%%] %s%n", done, total, (int) ((long) done * 100 / Math.max(1, total)),
                    line);
        }
        out.flush();
    }
}
