package dev.jdnn.onednn;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Layout;
import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.Workspace;

import java.util.Arrays;
import java.util.Locale;

/**
 * Times, in one JVM and on the same tensors, the NHWC max-pooling training forward three ways:
 * {@link VectorNhwcMaxPool} through the plan ("unrolled"), the plan's scanned oneDNN path
 * ({@link ScannedPoolingForward}, "scanned") and oneDNN's primitive alone without the NaN scan
 * ("primitive", what oneDNN from C runs). Interleaving them per round takes out what differs from
 * process to process on a shared host (where a process's pages land made oneDNN from C run
 * pool_cifar at 0.4 or at 1.1 ms). Arguments: {@code cifar|stem|cifarnet THREADS [ROUNDS]} (cifarnet: the
 * second pooling layer of the CIFAR-style example model at batch 64, 64x64x14x14); prints one
 * line per round, median (min-max) ms per call of 5 batches of about 40 ms each.
 */
final class UnrolledMaxPoolProbe {
    /** The order the three ways run in each round ({@code -Dorder=2,0,1}: the primitive first). */
    private static final int[] ORDER = Arrays.stream(System.getProperty("order", "0,1,2").split(","))
            .mapToInt(Integer::parseInt).toArray();
    private static final long WARM_NS = Long.getLong("warmMs", 100) * 1_000_000L;

    private UnrolledMaxPoolProbe() {
    }

    /**
     * Times each call of {@code way} from the first until one takes under 1 ms ({@code -Dwarmup=true}, in a
     * fresh JVM: how long the way runs before its compiled code).
     */
    private static void warmUp(Runnable way, String name) {
        long start = System.nanoTime();
        StringBuilder calls = new StringBuilder();
        int count = 0;
        long call;
        do {
            long t = System.nanoTime();
            way.run();
            call = System.nanoTime() - t;
            count++;
            calls.append(String.format(Locale.ROOT, " %.1f", call / 1e6));
        } while (call > 1_000_000L);
        System.out.printf(Locale.ROOT, "WARMUP %s: first call under 1 ms after %.0f ms, %d calls; ms per call:%s%n",
                name, (System.nanoTime() - start) / 1e6, count, calls);
    }

    /**
     * Times each of the first {@code calls} calls of {@code way} ({@code -Dcalls=N}, in a fresh JVM) and prints
     * their sums over the first 10, 30, 100, ... calls, the largest call, and the call after which
     * {@code plan} ran whole calls in {@link VectorNhwcMaxPool} (0: never).
     */
    private static void firstCalls(Runnable way, String name, int calls, DnnlPooling plan) {
        double[] ms = new double[calls];
        int switched = 0;
        for (int i = 0; i < calls; i++) {
            long t = System.nanoTime();
            way.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
            if (switched == 0 && plan.unrolledForward()) {
                switched = i + 1;
            }
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "CALLS %s: java after call %d;", name,
                switched));
        double sum = 0;
        double max = 0;
        for (int i = 0; i < calls; i++) {
            sum += ms[i];
            max = Math.max(max, ms[i]);
            if (Arrays.asList(10, 30, 100, 300, 1000, 3000).contains(i + 1) || i + 1 == calls) {
                line.append(String.format(Locale.ROOT, " first %d: %.1f ms (max %.1f);", i + 1, sum, max));
            }
        }
        System.out.println(line);
        StringBuilder first = new StringBuilder("CALLS first 40 ms:");
        for (int i = 0; i < Math.min(40, calls); i++) {
            first.append(String.format(Locale.ROOT, " %.2f", ms[i]));
        }
        System.out.println(first);
    }

    /**
     * Runs {@code way} for {@code warmNs}, then times 5 batches of about 40 ms: ms per call of each
     * batch, sorted (the median is element 2).
     */
    static double[] batches(Runnable way, long warmNs) {
        long warm = System.nanoTime() + warmNs;
        while (System.nanoTime() < warm) {
            way.run();
        }
        double[] per = new double[5];
        for (int b = 0; b < per.length; b++) {
            per[b] = msPerCall(way, 40_000_000L);
        }
        Arrays.sort(per);
        return per;
    }

    /** Ms per call of {@code way} over one batch of at least {@code nanos}. */
    static double msPerCall(Runnable way, long nanos) {
        long start = System.nanoTime();
        long now;
        int calls = 0;
        do {
            way.run();
            calls++;
            now = System.nanoTime();
        } while (now - start < nanos);
        return (now - start) / 1e6 / calls;
    }

    public static void main(String[] args) {
        boolean stem = args[0].equals("stem");
        boolean cifarnet = args[0].equals("cifarnet");
        int threads = Integer.parseInt(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Shape input = stem ? Shape.nchw(16, 64, 112, 112)
                : cifarnet ? Shape.nchw(64, 64, 14, 14) : Shape.nchw(64, 64, 32, 32);
        Pool2d op = stem ? Pool2d.max(3, 2).padding(new Padding(1, 1, 1, 1)) : Pool2d.max(2, 2);
        try (Backend onednn = new OneDnnBackendProvider().create(new BackendConfig(threads));
             Pool2dPlan unrolled = onednn.plan(op, input, Layout.NHWC);
             Pool2dPlan scanned = onednn.plan(op, input, Layout.NHWC);
             Workspace ws = unrolled.newWorkspace();
             Workspace scannedWs = scanned.newWorkspace()) {
            ((DnnlPooling) scanned).avoidUnrolledForward();
            Tensor x = Tensor.allocate(input, Layout.NHWC);
            Tensor y = Tensor.allocate(unrolled.outputShape(), Layout.NHWC);
            float[] values = new float[(int) input.elementCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((long) i * 7919 % 2001 - 1000) / 1000f;
            }
            x.copyFrom(values);
            Runnable[] ways = {() -> unrolled.forward(x, y, ws), () -> scanned.forward(x, y, scannedWs),
                () -> ((DnnlPooling) unrolled).primitiveForward(x, y, ws)};
            String[] names = {"unrolled", "scanned", "primitive"};
            if (Integer.getInteger("calls", 0) > 0) {
                firstCalls(ways[ORDER[0]], names[ORDER[0]], Integer.getInteger("calls"), (DnnlPooling) unrolled);
            }
            if (Boolean.getBoolean("warmup")) {
                warmUp(ways[ORDER[0]], names[ORDER[0]]);
            }
            for (int round = 0; round < rounds; round++) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "PROBE %s t=%d round %d:",
                        args[0], threads, round));
                double[] medians = new double[ways.length];
                for (int w : ORDER) {
                    double[] per = batches(ways[w], round == 0 ? 1_500_000_000L : WARM_NS);
                    medians[w] = per[2];
                    line.append(String.format(Locale.ROOT, " %s %.4f (%.4f-%.4f)", names[w], per[2], per[0], per[4]));
                }
                line.append(String.format(Locale.ROOT, " unrolled/primitive %.2f scanned/primitive %.2f",
                        medians[0] / medians[2], medians[1] / medians[2]));
                System.out.println(line);
            }
            System.out.println("unrolled=" + ((DnnlPooling) unrolled).unrolledForward() + " scanned="
                    + ((DnnlPooling) scanned).unrolledForward());
        }
    }
}
