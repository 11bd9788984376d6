package dev.jdnn.kernels.vector;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Dense;
import dev.jdnn.DensePlan;
import dev.jdnn.Tensor;
import java.util.Arrays;
import java.util.Random;

/**
 * fc_lenet's forward (64x400x120, bias) on the vector backend at 2 threads, call by call in one JVM,
 * against the probes of the instrumented DenseForwardGemm (probe.diff): per call the total, the
 * parts' hand-off, who ran which part, the pack / multiply time of each, and the store phase.
 * Args: warm-up calls, timed calls, label. Not a test.
 */
public final class FcLenetCalls {
    public static void main(String[] args) throws Exception {
        int warm = Integer.parseInt(args[0]);
        int calls = Integer.parseInt(args[1]);
        String label = args.length > 2 ? args[2] : "";
        Dense op = new Dense(400, 120, true);
        Random r = new Random(7);
        try (Backend b = Backends.open("vector", new BackendConfig(2)); DensePlan p = b.plan(op, 64)) {
            Tensor x = Tensor.allocate(op.inputShape(64));
            Tensor w = Tensor.allocate(op.weightShape());
            Tensor bias = Tensor.allocate(op.biasShape());
            Tensor y = Tensor.allocate(op.outputShape(64));
            fill(x, r);
            fill(w, r);
            fill(bias, r);
            for (int i = 0; i < warm; i++) {
                p.forward(x, w, bias, y);
            }
            long[] P = DenseForwardGemm.PROBE;
            Arrays.fill(P, 0);
            int first = DenseForwardGemm.probeCall;
            long[] total = new long[calls];
            for (int i = 0; i < calls; i++) {
                long t = System.nanoTime();
                p.forward(x, w, bias, y);
                total[i] = System.nanoTime() - t;
            }
            int n = Math.min(calls, DenseForwardGemm.PROBE_CALLS);
            double[] tot = new double[n], partsPhase = new double[n], storePhase = new double[n];
            double[] late = new double[n], pack0 = new double[n], mul0 = new double[n], pack1 = new double[n],
                    mul1 = new double[n], st0 = new double[n], st1 = new double[n];
            int oneMember = 0, swapped = 0, storeBy0Only = 0;
            for (int i = 0; i < n; i++) {
                int base = ((first + i) & (DenseForwardGemm.PROBE_CALLS - 1)) * 16;
                tot[i] = total[i] / 1e3;
                partsPhase[i] = (P[base + 1] - P[base]) / 1e3;
                storePhase[i] = (P[base + 2] - P[base + 1]) / 1e3;
                late[i] = (P[base + 7] - P[base]) / 1e3; // part 1's start after the call's start
                pack0[i] = (P[base + 4] - P[base + 3]) / 1e3;
                mul0[i] = (P[base + 5] - P[base + 4]) / 1e3;
                pack1[i] = (P[base + 8] - P[base + 7]) / 1e3;
                mul1[i] = (P[base + 9] - P[base + 8]) / 1e3;
                st0[i] = P[base + 11] / 1e3;
                st1[i] = P[base + 12] / 1e3;
                if (P[base + 6] == P[base + 10]) {
                    oneMember++;
                } else if (P[base + 6] != 0) {
                    swapped++;
                }
                if (P[base + 14] == 0) {
                    storeBy0Only++;
                }
            }
            double sum = 0, slow = 0;
            int slowCalls = 0;
            for (double t : tot) {
                sum += t;
                if (t > 100) {
                    slow += t;
                    slowCalls++;
                }
            }
            System.out.printf("%s calls %d: total %s mean %.1f; calls over 100 us: %d, %.1f%% of the time%n", label, n,
                    q(tot), sum / n, slowCalls, 100 * slow / sum);
            System.out.printf("%s   parts phase %s | store phase %s%n", label, q(partsPhase), q(storePhase));
            System.out.printf("%s   part0 pack %s mul %s | part1 pack %s mul %s | part1 start after call %s%n", label,
                    q(pack0), q(mul0), q(pack1), q(mul1), q(late));
            System.out.printf("%s   store time member0 %s member1 %s%n", label, q(st0), q(st1));
            System.out.printf("%s   cpus: caller %s, worker %s%n", label, cpuOf("thread-self"), workerCpu());
            System.out.printf("%s   both parts on one member: %d (%.1f%%), parts swapped: %d, store all by caller: %d%n",
                    label, oneMember, 100.0 * oneMember / n, swapped, storeBy0Only);
            // both-on-one vs split: totals
            double[] a = new double[n], bb = new double[n];
            int na = 0, nb = 0;
            for (int i = 0; i < n; i++) {
                int base = ((first + i) & (DenseForwardGemm.PROBE_CALLS - 1)) * 16;
                if (P[base + 6] == P[base + 10]) {
                    a[na++] = tot[i];
                } else {
                    bb[nb++] = tot[i];
                }
            }
            System.out.printf("%s   total when split %s | when on one member %s%n", label,
                    q(Arrays.copyOf(bb, nb)), q(Arrays.copyOf(a, na)));
        }
    }

    /** The CPU a thread last ran on: field 39 of /proc/TASK/stat. */
    private static String cpuOf(String task) throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + task + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return f[39 - 3];
    }

    private static String workerCpu() throws java.io.IOException {
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (var t : (Iterable<java.nio.file.Path>) tasks::iterator) {
                if (java.nio.file.Files.readString(t.resolve("comm")).trim().equals("jdnn-vector-1")) {
                    return cpuOf("self/task/" + t.getFileName());
                }
            }
        }
        return "?";
    }

    private static void fill(Tensor t, Random r) {
        float[] v = new float[(int) t.shape().elementCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextFloat() - 0.5f;
        }
        t.copyFrom(v);
    }

    /** p10 / median / p90 / max. */
    private static String q(double[] v) {
        if (v.length == 0) {
            return "-";
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return String.format("p10 %.1f med %.1f p90 %.1f max %.1f", s[s.length / 10], s[s.length / 2],
                s[s.length * 9 / 10], s[s.length - 1]);
    }
}
