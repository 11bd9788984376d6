package dev.jdnn.onednn;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Whether the JVM's JIT compilers are busy, from the accumulated compilation time the JVM reports.
 * Plans are usually created while the JVM is starting, when the compiler threads take the core
 * that a second OpenMP thread needs; a layout timed then can win for that reason alone. Measured
 * on lenet_c1 backward-weights at 2 threads: the layout that runs 1.9x slower was chosen in 3 of 32
 * fresh JVMs, and in 0 of 16 with {@code -Xbatch} (compilation in the foreground).
 *
 * <p>The figure grows only when a compilation finishes, so a long one still running is not seen:
 * {@link #awaitQuiet} lowers the odds, a caller re-checks {@link #millis} after its measurement.
 */
final class JitActivity {
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    private static final boolean MONITORED = JIT != null && JIT.isCompilationTimeMonitoringSupported();

    private JitActivity() {
    }

    /** Milliseconds the JIT has spent compiling so far, or 0 where the JVM does not report it. */
    static long millis() {
        return MONITORED ? JIT.getTotalCompilationTime() : 0;
    }

    /**
     * Waits until no compilation has finished for {@code quietNanos}, or {@code maxNanos} have
     * passed; returns at once where the JVM does not report compilation time.
     */
    static void awaitQuiet(long quietNanos, long maxNanos) {
        if (!MONITORED) {
            return;
        }
        long start = System.nanoTime();
        long last = millis();
        long quietSince = start;
        while (System.nanoTime() - quietSince < quietNanos && System.nanoTime() - start < maxNanos) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = millis();
            if (now != last) {
                last = now;
                quietSince = System.nanoTime();
            }
        }
    }
}
