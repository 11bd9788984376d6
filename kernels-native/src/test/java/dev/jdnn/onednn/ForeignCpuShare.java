package dev.jdnn.onednn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The share of the machine's CPU time that went to anything other than this process (other
 * processes, or time the hypervisor stole) between two samples, from {@code /proc/stat} and
 * {@code /proc/self/stat} — the {@code foreign} column of the C harness
 * ({@code shared/bench/onednn-from-c}), so that a disturbed Java measurement is as visible as a
 * disturbed C one. The JVM's own compiler and GC threads count as this process.
 */
final class ForeignCpuShare {
    private final long busy;
    private final long total;
    private final long self;

    private ForeignCpuShare(long busy, long total, long self) {
        this.busy = busy;
        this.total = total;
        this.self = self;
    }

    /** The counters now; all zero where {@code /proc} cannot be read (the share is then 0). */
    static ForeignCpuShare sample() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long[] v = new long[8];
            for (int i = 0; i < v.length; i++) {
                v[i] = Long.parseLong(cpu[i + 1]);
            }
            // user nice system [idle iowait] irq softirq steal
            long busy = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // fields after the command name "(...)": state is field 3, utime 14, stime 15
            String[] own = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
            long self = Long.parseLong(own[11]) + Long.parseLong(own[12]);
            return new ForeignCpuShare(busy, busy + v[3] + v[4], self);
        } catch (IOException | RuntimeException e) {
            return new ForeignCpuShare(0, 0, 0);
        }
    }

    /** Share of all CPUs used by others from {@code earlier} to this sample, in [0, 1]. */
    double since(ForeignCpuShare earlier) {
        long elapsed = total - earlier.total;
        if (elapsed <= 0) {
            return 0;
        }
        double foreign = (double) ((busy - earlier.busy) - (self - earlier.self)) / elapsed;
        return Math.max(0, foreign);
    }
}
