package dev.jdnn.bench;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * Whether this JVM unloads compiled code it judges cold, and what that does to a run without forks.
 *
 * <p>Since JDK 20 HotSpot unloads a compiled method that has not run for a while; the while comes
 * from how fast the code cache grows, and in a quick run it was 70-370 s (AVX-512, 2026-12-07,
 * {@code -Xlog:codecache}). A run without forks tours every cell first and then times them one
 * after another for minutes, so a cell timed long after its tour had its code unloaded and ran
 * the interpreter and C1 again inside its 300 ms warm-up. The compile log of that run has vector's
 * NCHW batch-norm backward compiled by C2 at 201 s (the tour) and again at 497-499 s (its timing),
 * with no deoptimisation between: 11.7 ms timed against 0.14-0.18 ms in other runs, and naive
 * faster than vector on two cells. A network's training step calls every kernel every step, so
 * none of them is ever cold there: {@code ./jdnn bench} turns flushing off
 * ({@code -XX:-UseCodeCacheFlushing}) to time what a user's loop gets. The code cache of a whole
 * quick run stays near 16 MB of its 240.
 */
final class CodeCacheFlushing {
    private CodeCacheFlushing() {
    }

    /** True when this JVM unloads cold compiled code ({@code UseCodeCacheFlushing}, on by default). */
    static boolean enabled() {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotSpot == null) {
            return false;
        }
        try {
            return Boolean.parseBoolean(hotSpot.getVMOption("UseCodeCacheFlushing").getValue());
        } catch (IllegalArgumentException notThisVmsFlag) {
            return false;
        }
    }

    /**
     * The warning for a run with {@code settings} when {@code flushing} is on: only a run without
     * forks is affected (a forked cell runs its code all the time it is timed).
     */
    static Optional<String> warning(JmhSettings settings, boolean flushing) {
        if (!flushing || settings.forks() > 0) {
            return Optional.empty();
        }
        return Optional.of("this JVM unloads compiled code left unused for minutes (UseCodeCacheFlushing), so cells "
                + "timed long after their tour may be timed while compiled again; ./jdnn bench runs with "
                + "-XX:-UseCodeCacheFlushing");
    }
}
