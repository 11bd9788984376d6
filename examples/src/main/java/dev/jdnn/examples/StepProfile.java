package dev.jdnn.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Wall time spent in each part of a training step (every layer's forward and backward, the
 * loss, the optimizer, copying the batch in), summed over all steps. Recording costs two
 * {@code System.nanoTime()} calls and allocates nothing; slots are registered when networks are
 * built.
 */
public final class StepProfile {
    private final List<String> names = new ArrayList<>();
    private long[] nanos = new long[16];

    /** The slot for {@code name}, registering it the first time. */
    int slot(String name) {
        int i = names.indexOf(name);
        if (i >= 0) {
            return i;
        }
        names.add(name);
        if (names.size() > nanos.length) {
            nanos = java.util.Arrays.copyOf(nanos, 2 * nanos.length);
        }
        return names.size() - 1;
    }

    /** Adds the time since {@code startNanos} to {@code slot}; returns now, the start of the next part. */
    long record(int slot, long startNanos) {
        long now = System.nanoTime();
        nanos[slot] += now - startNanos;
        return now;
    }

    /** Forgets every recorded time (after warm-up). */
    public void reset() {
        java.util.Arrays.fill(nanos, 0);
    }

    /** Total recorded seconds. */
    public double totalSeconds() {
        long sum = 0;
        for (int i = 0; i < names.size(); i++) {
            sum += nanos[i];
        }
        return sum / 1e9;
    }

    /** One line per part, largest first: seconds, share of the total, milliseconds per step. */
    public String table(long steps) {
        double total = totalSeconds();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> Long.compare(nanos[b], nanos[a]));
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-16s %9s %7s %10s%n", "part", "seconds",
                "share", "ms/step"));
        for (int i : order) {
            out.append(String.format(Locale.ROOT, "%-16s %9.3f %6.1f%% %10.4f%n", names.get(i), nanos[i] / 1e9,
                    total == 0 ? 0 : 100 * nanos[i] / 1e9 / total, nanos[i] / 1e6 / Math.max(1, steps)));
        }
        return out.toString();
    }
}
