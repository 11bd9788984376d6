package dev.jdnn.bench;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;

import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Brings every backend's kernels to the JIT's last tier before a run without forks times them.
 * A {@code --quick} run measures each cell for a few hundred milliseconds in the launching JVM;
 * on 2 cores the vector backend's micro-kernel reaches C2 only after about 2 s, so the first
 * cells of a backend were timed in tier 3 (vector's lenet_c1 forward at 67 ms, slower than naive,
 * where a warm JVM takes about 1 ms). Training steps of every network shape run every op and pass
 * the cells run, in the same JVM, until the time given has passed.
 *
 * <p>Training steps do not reach every cell's code: batch norm, LRN, average pooling, the
 * element-wise and optimiser cells and the NHWC plans are in no network. A quick run that went
 * straight to its cells timed the first cell of such an op while C2 was still busy with others:
 * vector's average-pool backward at 11 ms (0.16 ms warm, naive 1.2 ms), its batch-norm backward
 * at 7-17 ms (0.19 ms warm). {@link #tour} therefore calls every cell once, briefly, before any
 * is timed, so that the JIT compiles each while the rest are toured. The tour only holds if the
 * JVM keeps that code until the cell is timed minutes later: see {@link CodeCacheFlushing}.
 */
final class JitWarmUp {
    private static final long SEED = 7;

    private JitWarmUp() {
    }

    /**
     * Runs every cell of {@code cells} but naive's once with {@link JmhSettings#forTour()} through
     * {@code runner}, discarding the results (naive's plain loops reach C2 within its first long
     * calls). A cell that fails here is left to fail again, and be reported, when it is timed.
     */
    static void tour(CellRunner runner, List<Cell> cells, PrintStream console) {
        long started = System.nanoTime();
        int toured = 0;
        for (Cell cell : cells) {
            if (cell.backend().equals(Selection.NAIVE)) {
                continue;
            }
            toured++;
            try {
                runner.tour(cell, String.format(Locale.ROOT, "tour-%03d-%s-%s-%s-%s-%dt", toured, cell.pass().label(),
                        cell.shape(), Cell.layoutName(cell.layout()), cell.backend(), cell.threads()));
            } catch (CellFailedException e) {
                // timed again below, where the failure is reported with the cell
            }
        }
        console.printf(Locale.ROOT, "JIT warm-up: toured %d cells in %.1f s%n", toured, (System.nanoTime() - started) / 1e9);
    }

    /** Runs training steps on each backend in {@code backends} for about {@code seconds} each. */
    static void run(Collection<String> backends, double seconds, PrintStream console) {
        for (String name : backends) {
            long started = System.nanoTime();
            long budget = (long) (seconds * 1e9);
            int steps = 0;
            try (Backend backend = Backends.open(name, BackendConfig.defaults())) {
                for (NetworkShape network : NetworkShape.all()) {
                    try (TrainingStep step = new TrainingStep(backend, network, SEED)) {
                        long share = budget / NetworkShape.all().size();
                        long networkStarted = System.nanoTime();
                        do {
                            step.run();
                            steps++;
                        } while (System.nanoTime() - networkStarted < share);
                    }
                }
            }
            console.printf(Locale.ROOT, "JIT warm-up of %s: %d training steps in %.1f s%n", name, steps,
                    (System.nanoTime() - started) / 1e9);
        }
    }
}
