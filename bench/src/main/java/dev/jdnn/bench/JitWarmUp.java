package dev.jdnn.bench;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;

import java.io.PrintStream;
import java.util.Collection;
import java.util.Locale;

/**
 * Brings every backend's kernels to the JIT's last tier before a run without forks times them.
 * A {@code --quick} run measures each cell for a few hundred milliseconds in the launching JVM;
 * on 2 cores the vector backend's micro-kernel reaches C2 only after about 2 s, so the first
 * cells of a backend were timed in tier 3 (vector's lenet_c1 forward at 67 ms, slower than naive,
 * where a warm JVM takes about 1 ms). Training steps of every network shape run every op and pass
 * the cells run, in the same JVM, until the time given has passed.
 */
final class JitWarmUp {
    private static final long SEED = 7;

    private JitWarmUp() {
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
