package dev.jdnn.onednn;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Dense;
import dev.jdnn.DensePlan;
import dev.jdnn.Layout;
import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.Workspace;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Times the hot path of onednn plans on the hot-core shapes the way
 * {@code shared/bench/onednn-from-c/bench_onednn.c} times oneDNN from C, so the two sit side by
 * side: the first run (which builds the pass) is excluded, then runs for at least 1 s to warm up
 * (C warms for 150 ms; the JVM also needs its JIT compilers done, which share the two cores), then
 * 7 batches of about 50 ms each; the median, min and max per-call time of the batches
 * are reported. The warm-up goes on (up to 3 s more) until no JIT compilation has finished during
 * its last 300 ms: calls of several ms reach the compile thresholds only late in it, and a
 * compiler thread running beside a 2-thread OpenMP team on 2 cores stalls the team. With {@code -Djdnn.timing.layout=NHWC} the plans and their activation tensors are
 * NHWC and pooling runs through a workspace ({@code forward(x, y, ws)}, {@code backward(ws, dy,
 * dx)}), as {@code src/build/nhwc_from_c.c} times oneDNN from C; {@code -Djdnn.timing.fused=true}
 * fuses a ReLU into the convolution's forward. Each call goes through the public API (validation included).
 *
 * <p>The plans come straight from the onednn engine, so that the line can name the layout and
 * implementation each pass chose; with the optional last argument {@code api} they come from
 * {@code Backends.open("onednn")} instead and every call also pays the api's validation.
 *
 * <p>Arguments: {@code conv|pool|dense CSV ID THREADS [N|-] [api]}; N overrides the batch (e.g. 1
 * for the per-call overhead of {@code lenet_c1}). System properties {@code jdnn.timing.warmMs},
 * {@code jdnn.timing.batchMs}, {@code jdnn.timing.batches} and {@code jdnn.timing.passes} shorten a
 * run, e.g. one under {@code ONEDNN_VERBOSE=1} to read per-primitive times. Prints one line per pass:
 * {@code JAVA op id pass threads median_ms min_ms max_ms iters passes alloc=B/call foreign=F jit=Jms}: the
 * Java heap allocated per call on the timed thread over all batches, the share of the machine's CPU
 * others used during the batches (the C harness's {@code foreign} column) and the milliseconds the
 * JIT compilers reported spending during the batches.
 */
public final class PlanTiming {
    private static final double WARM_MS = Integer.getInteger("jdnn.timing.warmMs", 1000);
    private static final double BATCH_MS = Integer.getInteger("jdnn.timing.batchMs", 50);
    private static final int BATCHES = Integer.getInteger("jdnn.timing.batches", 7);
    /** How long of the warm-up's last calls no JIT compilation may have finished in ... */
    private static final int JIT_QUIET_MS = Integer.getInteger("jdnn.timing.jitQuietMs", 300);
    /** ... warming at most this much longer (a compilation still running is not seen, {@link JitActivity}). */
    private static final int JIT_QUIET_MAX_MS = Integer.getInteger("jdnn.timing.jitQuietMaxMs", 3000);
    /** Passes to time (comma-separated, e.g. {@code bwd_w}); default all. */
    private static final List<String> PASSES = Arrays.asList(
            System.getProperty("jdnn.timing.passes", "fwd,bwd_d,bwd_w,bwd").split(","));

    /** The layout of the plans' activations. */
    private static final Layout LAYOUT = Layout.valueOf(System.getProperty("jdnn.timing.layout", "NCHW"));
    /** Whether the convolution's forward has a fused ReLU. */
    private static final boolean FUSED = Boolean.getBoolean("jdnn.timing.fused");

    private PlanTiming() {
    }

    public static void main(String[] args) throws IOException {
        String op = args[0];
        List<String> header = Arrays.asList(Files.readAllLines(Path.of(args[1])).get(0).split(","));
        String[] row = Files.readAllLines(Path.of(args[1])).stream().skip(1).map(l -> l.split(","))
                .filter(r -> r[0].equals(args[2])).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row " + args[2] + " in " + args[1]));
        int threads = Integer.parseInt(args[3]);
        Integer batch = args.length > 4 && !args[4].equals("-") ? Integer.valueOf(args[4]) : null;
        boolean api = args.length > 5 && args[5].equals("api");
        BackendConfig config = new BackendConfig(threads);
        try (Backend backend = api ? Backends.open("onednn", config) : new OneDnnBackendProvider().create(config);
             Arena arena = Arena.ofShared()) {
            switch (op) {
                case "conv" -> conv(backend, arena, header, row, threads, batch);
                case "pool" -> pool(backend, arena, header, row, threads);
                case "dense" -> dense(backend, arena, header, row, threads);
                default -> throw new IllegalArgumentException("op: expected conv, pool or dense, got " + op);
            }
        }
    }

    private static int column(List<String> header, String[] row, String name) {
        return Integer.parseInt(row[header.indexOf(name)]);
    }

    private static void conv(Backend backend, Arena arena, List<String> h, String[] row, int threads, Integer batch) {
        int n = batch != null ? batch : column(h, row, "N");
        int c = column(h, row, "C");
        int k = column(h, row, "K");
        int pad = column(h, row, "pad");
        Conv2d op = new Conv2d(c, k, column(h, row, "R"), column(h, row, "S"), column(h, row, "stride"),
                column(h, row, "stride"), Padding.of(pad), column(h, row, "dilation"), column(h, row, "dilation"),
                column(h, row, "groups"), true);
        if (FUSED) {
            op = op.activation(Activation.RELU);
        }
        Shape input = Shape.nchw(n, c, column(h, row, "H"), column(h, row, "W"));
        String id = row[0] + (batch != null ? "_n" + batch : "");
        try (Conv2dPlan plan = backend.plan(op, input, LAYOUT)) {
            Tensor x = filled(input, arena, LAYOUT);
            Tensor w = filled(op.weightShape(), arena);
            Tensor b = filled(op.biasShape(), arena);
            Tensor y = filled(plan.outputShape(), arena, LAYOUT);
            Tensor dy = filled(plan.outputShape(), arena, LAYOUT);
            Tensor dx = filled(input, arena, LAYOUT);
            Tensor dw = filled(op.weightShape(), arena);
            Tensor db = filled(op.biasShape(), arena);
            report("conv", id, "fwd", threads, () -> plan.forward(x, w, b, y), plan);
            report("conv", id, "bwd_d", threads, () -> plan.backwardData(dy, w, dx), plan);
            report("conv", id, "bwd_w", threads, () -> plan.backwardWeights(x, dy, dw, db), plan);
        }
    }

    private static void pool(Backend backend, Arena arena, List<String> h, String[] row, int threads) {
        int kernel = column(h, row, "kernel");
        int stride = column(h, row, "stride");
        Pool2d op = (row[h.indexOf("kind")].equals("max") ? Pool2d.max(kernel, stride) : Pool2d.avg(kernel, stride))
                .padding(column(h, row, "pad")).countIncludePad(false);
        Shape input = Shape.nchw(column(h, row, "N"), column(h, row, "C"), column(h, row, "H"), column(h, row, "W"));
        try (Pool2dPlan plan = backend.plan(op, input, LAYOUT)) {
            Tensor x = filled(input, arena, LAYOUT);
            Tensor y = filled(plan.outputShape(), arena, LAYOUT);
            Tensor dy = filled(plan.outputShape(), arena, LAYOUT);
            Tensor dx = filled(input, arena, LAYOUT);
            if (LAYOUT == Layout.NHWC) {
                try (Workspace ws = plan.newWorkspace()) {
                    report("pool", row[0], "fwd", threads, () -> plan.forward(x, y, ws), plan);
                    report("pool", row[0], "bwd", threads, () -> plan.backward(ws, dy, dx), plan);
                }
                return;
            }
            report("pool", row[0], "fwd", threads, () -> plan.forward(x, y), plan);
            report("pool", row[0], "bwd", threads, () -> plan.backward(x, dy, dx), plan);
        }
    }

    private static void dense(Backend backend, Arena arena, List<String> h, String[] row, int threads) {
        Dense op = new Dense(column(h, row, "in"), column(h, row, "out"), true);
        try (DensePlan plan = backend.plan(op, column(h, row, "N"))) {
            Shape weights = Shape.of(op.outFeatures(), op.inFeatures());
            Tensor x = filled(plan.inputShape(), arena);
            Tensor w = filled(weights, arena);
            Tensor b = filled(Shape.of(op.outFeatures()), arena);
            Tensor y = filled(plan.outputShape(), arena);
            Tensor dy = filled(plan.outputShape(), arena);
            Tensor dx = filled(plan.inputShape(), arena);
            Tensor dw = filled(weights, arena);
            Tensor db = filled(Shape.of(op.outFeatures()), arena);
            report("dense", row[0], "fwd", threads, () -> plan.forward(x, w, b, y), plan);
            report("dense", row[0], "bwd_d", threads, () -> plan.backwardData(dy, w, dx), plan);
            report("dense", row[0], "bwd_w", threads, () -> plan.backwardWeights(x, dy, dw, db), plan);
        }
    }

    private static Tensor filled(Shape shape, Arena arena) {
        return filled(shape, arena, Layout.NCHW);
    }

    private static Tensor filled(Shape shape, Arena arena, Layout layout) {
        Tensor t = shape.rank() == 4 ? Tensor.allocate(shape, layout, arena) : Tensor.allocate(shape, arena);
        long count = shape.elementCount();
        for (long i = 0; i < count; i++) {
            t.segment().setAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, i, (float) ((i * 7919 % 2001) - 1000) / 1000f);
        }
        return t;
    }

    private static String describe(Object plan) {
        return switch (plan) {
            case DnnlConvolution p -> p.describePasses();
            case DnnlPooling p -> p.describePasses();
            case DnnlInnerProduct p -> p.describePasses();
            default -> "-";
        };
    }

    /**
     * Bytes the JVM has allocated on the calling thread, from {@code com.sun.management.ThreadMXBean}
     * (looked up reflectively: the test classes are compiled inside a module that reads neither
     * {@code java.management} nor {@code jdk.management}).
     */
    private static long allocatedBytes() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            return (long) Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes")
                    .invoke(bean);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("thread allocation counter unavailable", e);
        }
    }

    private static void report(String op, String id, String pass, int threads, Runnable call, Object plan) {
        if (!PASSES.contains(pass)) {
            return;
        }
        call.run();
        // The samplers' first runs load classes and queue JIT compilations; run them here, not
        // at the window's start, where the compiler threads would take a core from OpenMP's team.
        ForeignCpuShare.sample().since(ForeignCpuShare.sample());
        allocatedBytes();
        long start = System.nanoTime();
        long calls = 0;
        double elapsed;
        // Calls of several ms reach the JIT's compile thresholds only late in the warm-up, so it
        // goes on (up to WARM_MS + JIT_QUIET_MAX_MS) until no compilation has finished for
        // JIT_QUIET_MS of calls; the window's jit= figure shows any that still lands in it.
        long jit = JitActivity.millis();
        double jitChanged = 0;
        do {
            call.run();
            calls++;
            elapsed = (System.nanoTime() - start) / 1e6;
            long now = JitActivity.millis();
            if (now != jit) {
                jit = now;
                jitChanged = elapsed;
            }
        } while (elapsed < WARM_MS || calls < 3
                || (elapsed - jitChanged < JIT_QUIET_MS && elapsed < WARM_MS + JIT_QUIET_MAX_MS));
        long iters = Math.max(1, (long) Math.ceil(BATCH_MS / (elapsed / calls)));
        double[] perCall = new double[BATCHES];
        ForeignCpuShare cpuBefore = ForeignCpuShare.sample();
        long allocatedBefore = allocatedBytes();
        long jitBefore = JitActivity.millis();
        for (int b = 0; b < BATCHES; b++) {
            long t0 = System.nanoTime();
            for (long i = 0; i < iters; i++) {
                call.run();
            }
            perCall[b] = (System.nanoTime() - t0) / 1e6 / iters;
        }
        long jitMs = JitActivity.millis() - jitBefore;
        double allocatedPerCall = (allocatedBytes() - allocatedBefore) / (double) (BATCHES * iters);
        double foreign = ForeignCpuShare.sample().since(cpuBefore);
        Arrays.sort(perCall);
        System.out.printf("JAVA %s %s %s %d %.4f %.4f %.4f %d %s alloc=%.1fB/call foreign=%.3f jit=%dms%n", op, id,
                pass, threads, perCall[BATCHES / 2], perCall[0], perCall[BATCHES - 1], iters, describe(plan),
                allocatedPerCall, foreign, jitMs);
    }
}
