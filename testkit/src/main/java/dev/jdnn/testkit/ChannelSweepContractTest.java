package dev.jdnn.testkit;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.BatchNorm2d;
import dev.jdnn.BatchNorm2dPlan;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Layout;
import dev.jdnn.Lrn;
import dev.jdnn.LrnPlan;
import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.Workspace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Every pass of pooling, batch norm, convolution, the activations and LRN over 1 to 70 channels in
 * both layouts, on one and on two threads (pooling, convolution, activations and LRN on two threads
 * over {@link #TWO_THREAD_CHANNELS} only), against {@code naive}. Kernels work in vectors of 4, 8 or
 * 16 channels or pixels and treat the tail apart, and backends pick their paths by channel count
 * and layout, so the contract suite's few channel counts miss tail bugs: this sweep found oneDNN's
 * NHWC LRN backward wrong above 16 channels that are not a multiple of 16. Naive runs once per
 * configuration, in NCHW, and the tested plans of both layouts are compared with it. Outputs start
 * stale (filled with {@value #STALE}), so an element a kernel fails to write shows. Every mismatch
 * of a run is collected and reported together ({@link Mismatch}), each naming the op, the pass, the
 * layout, the channel count, the thread count, the largest error and where it is, and the channels
 * that are off. The inputs are small enough that no backend times candidate kernels, so each
 * configuration always runs the same kernel.
 *
 * <p>A backend's test module extends it:
 * <pre>{@code
 * class VectorChannelSweepTest extends ChannelSweepContractTest {
 *     protected String backendName() { return "vector"; }
 * }
 * }</pre>
 */
public abstract class ChannelSweepContractTest {
    /** The backend under test, as {@link dev.jdnn.Backends#open} knows it. */
    protected abstract String backendName();

    /** What the one summary line per run says about the run beside the thread count (e.g. the vector width). */
    protected String runLabel() {
        return "";
    }

    private static final int MAX_CHANNELS = 70;
    /** What every output holds before the pass that must overwrite it. */
    private static final float STALE = 7777f;
    /**
     * The channel counts of the two-thread runs of the costlier ops: every count to 9, each side of
     * the 4-, 8- and 16-lane vector edges, and 70.
     */
    private static final int[] TWO_THREAD_CHANNELS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 15, 16, 17, 23, 24, 25,
        31, 32, 33, 40, 47, 48, 49, 63, 64, 65, 70};
    /**
     * Pooling inputs {n, h, w}: an even one several images deep, an odd single image, and one wide
     * enough for the NCHW kernels' vectors along an output row.
     */
    private static final int[][] POOL_SPATIAL = {{4, 6, 6}, {1, 7, 5}, {2, 5, 37}};
    /** Batch-norm inputs: as pooling's first two, and one whose planes exceed a float block of 1024. */
    private static final int[][] NORM_SPATIAL = {{4, 6, 6}, {1, 7, 5}, {2, 33, 33}};
    /** LRN inputs: 12 pixels (all one NCHW tail), and 289 (a block of 256 and one of 33); at most one image per thread. */
    private static final int[][] LRN_SPATIAL = {{2, 3, 4}, {2, 17, 17}};

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    public void poolingOverOneToSeventyChannelsMatchesNaiveInBothLayouts(int threads) {
        Pool2d[] ops = {
            Pool2d.max(2, 2), Pool2d.max(3, 2).padding(1), Pool2d.max(3, 1), Pool2d.max(3, 3),
            Pool2d.max(2, 2).ceilMode(true), Pool2d.max(2, 2).kernel(2, 3).stride(1, 3),
            Pool2d.avg(2, 2), Pool2d.avg(3, 2).padding(1), Pool2d.avg(3, 1), Pool2d.avg(3, 3),
            Pool2d.avg(3, 2).padding(1).countIncludePad(false), Pool2d.avg(2, 2).ceilMode(true),
            Pool2d.avg(2, 2).kernel(3, 2).stride(2, 1),
        };
        try (Sweep sweep = new Sweep(backendName(), runLabel(), threads)) {
            for (int c : channelCounts(threads)) {
                for (int[] s : POOL_SPATIAL) {
                    for (Pool2d op : ops) {
                        Shape input = Shape.nchw(s[0], c, s[1], s[2]);
                        String kind = op.kind() == Pool2d.Kind.MAX ? "maxpool" : "avgpool";
                        String what = kind + " " + describe(op) + " " + input;
                        sweep.run(kind, what, c, (arena, random) -> sweep.pool(op, input, what, arena, random));
                    }
                }
            }
            sweep.finish("pooling");
        }
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    public void batchNormOverOneToSeventyChannelsMatchesNaiveInBothLayouts(int threads) {
        try (Sweep sweep = new Sweep(backendName(), runLabel(), threads)) {
            for (int c = 1; c <= MAX_CHANNELS; c++) {
                for (int[] s : NORM_SPATIAL) {
                    Shape input = Shape.nchw(s[0], c, s[1], s[2]);
                    BatchNorm2d op = BatchNorm2d.of(c);
                    String what = "batchnorm " + input;
                    sweep.run("batchnorm", what, c, (arena, random) -> sweep.batchNorm(op, input, what, arena, random));
                }
            }
            sweep.finish("batch norm");
        }
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    public void convolutionOverOneToSeventyChannelsMatchesNaiveInBothLayouts(int threads) {
        try (Sweep sweep = new Sweep(backendName(), runLabel(), threads)) {
            for (int c : channelCounts(threads)) {
                List<Object[]> cases = new ArrayList<>(List.of(new Object[][] {
                    {Conv2d.of(c, c, 3).padding(1), new int[] {2, 5, 4}},
                    {Conv2d.of(3, c, 3).padding(1), new int[] {2, 5, 4}},
                    {Conv2d.of(c, 3, 3).padding(1), new int[] {2, 5, 4}},
                    {Conv2d.of(c, c, 3).padding(1).groups(c), new int[] {2, 5, 4}},
                    {Conv2d.of(c, c, 3).padding(1).stride(2).groups(c).activation(Activation.RELU),
                        new int[] {2, 5, 4}},
                    {Conv2d.of(c, c, 1).bias(false), new int[] {2, 5, 4}},
                    {Conv2d.of(c, c, 1).activation(Activation.TANH), new int[] {2, 5, 4}},
                    {Conv2d.of(c, c, 3).padding(1).stride(2).activation(Activation.RELU), new int[] {2, 5, 4}},
                    {Conv2d.of(c, c, 3).padding(2).dilation(2), new int[] {1, 5, 4}},
                    // the costliest for naive: one image per thread
                    {Conv2d.of(c, c, 5), new int[] {threads, 5, 14}},
                }));
                if (threads > 1) {
                    // a batch smaller than the team: GemmConv2dPlan's pixel slabs per worker
                    cases.add(new Object[] {Conv2d.of(c, c, 3).padding(1), new int[] {1, 5, 4}});
                }
                for (Object[] k : cases) {
                    Conv2d op = (Conv2d) k[0];
                    int[] s = (int[]) k[1];
                    Shape input = Shape.nchw(s[0], op.inChannels(), s[1], s[2]);
                    String what = "conv " + describe(op) + " " + input;
                    sweep.run("conv", what, c, (arena, random) -> sweep.conv(op, input, what, arena, random));
                }
            }
            sweep.finish("convolution");
        }
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    public void activationsOverOneToSeventyChannelsMatchNaiveInBothLayouts(int threads) {
        try (Sweep sweep = new Sweep(backendName(), runLabel(), threads)) {
            for (int c : channelCounts(threads)) {
                for (Activation a : Activation.values()) {
                    Shape input = Shape.nchw(2, c, 5, 3);
                    String what = "activation " + a + " " + input;
                    sweep.run("activation", what, c, (arena, random) -> sweep.activation(a, input, what, arena, random));
                }
            }
            sweep.finish("activations");
        }
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    public void lrnOfEveryWindowFromOneToNineOverOneToSeventyChannelsMatchesNaiveInBothLayouts(int threads) {
        try (Sweep sweep = new Sweep(backendName(), runLabel(), threads)) {
            for (int size = 1; size <= 9; size++) {
                // alpha/size = 2/3: every channel of a window moves s, and y, far beyond the tolerance
                Lrn op = new Lrn(size, 2.0 * size / 3, 0.75, 1.0);
                for (int c : channelCounts(threads)) {
                    for (int[] s : LRN_SPATIAL) {
                        Shape input = Shape.nchw(Math.min(s[0], threads), c, s[1], s[2]);
                        String what = "lrn size " + size + " " + input;
                        sweep.run("lrn", what, c, (arena, random) -> sweep.lrn(op, input, what, arena, random));
                    }
                }
            }
            sweep.finish("lrn");
        }
    }

    /** 1 to {@value #MAX_CHANNELS} on one thread, {@link #TWO_THREAD_CHANNELS} on more. */
    private static int[] channelCounts(int threads) {
        return threads == 1 ? IntStream.rangeClosed(1, MAX_CHANNELS).toArray() : TWO_THREAD_CHANNELS;
    }

    private static String describe(Pool2d op) {
        Padding p = op.padding();
        return op.kernelH() + "x" + op.kernelW() + " s" + op.strideH() + (op.strideW() != op.strideH()
                ? "," + op.strideW() : "") + " p" + p.top() + (op.ceilMode() ? " ceil" : "")
                + (op.kind() == Pool2d.Kind.AVG ? (op.countIncludePad() ? " incl" : " excl") : "");
    }

    private static String describe(Conv2d op) {
        return op.inChannels() + "->" + op.outChannels() + " " + op.kernelH() + "x" + op.kernelW() + " s" + op.strideH()
                + " p" + op.padding().top() + (op.dilationH() > 1 ? " d" + op.dilationH() : "")
                + (op.groups() > 1 ? " g" + op.groups() : "") + (op.bias() ? " bias" : "")
                + (op.activation() != null ? " " + op.activation() : "");
    }

    /** One configuration: runs naive once, then the tested backend in each layout, reporting mismatches. */
    @FunctionalInterface
    private interface Config {
        void run(Arena arena, Random random);
    }

    /** The tested backend's passes of one configuration in one layout. */
    @FunctionalInterface
    private interface InLayout {
        void run(Layout layout);
    }

    /** Both backends of one run, the counts and the failures collected so far. */
    private static final class Sweep implements AutoCloseable {
        private final String name;
        private final String label;
        private final int threads;
        private final Backend tested;
        private final Backend naive;
        private final List<String> failures = new ArrayList<>();
        private final Map<String, Integer> configs = new TreeMap<>();
        private final long start = System.nanoTime();
        private int checks;
        private int channelsNow;
        private String kindNow;

        Sweep(String name, String label, int threads) {
            this.name = name;
            this.label = label;
            this.threads = threads;
            this.tested = Backends.open(name, new BackendConfig(threads));
            this.naive = Backends.open("naive");
        }

        /** One configuration: the expected values from naive, the same random inputs for both layouts. */
        void run(String kind, String what, int channels, Config config) {
            kindNow = kind;
            channelsNow = channels;
            long seed = 0x5EED_0000L + 7919L * channels + what.hashCode();
            try (Arena arena = Arena.ofShared()) {
                config.run(arena, new Random(seed));
            } catch (RuntimeException | AssertionError e) {
                failures.add(what + " channels=" + channels + " threads=" + threads + ": threw " + e);
            }
        }

        /** The tested backend's plan in each layout, a throw recorded against its layout alone. */
        void eachLayout(String what, InLayout passes) {
            for (Layout layout : Layout.values()) {
                configs.merge(kindNow, 1, Integer::sum);
                try {
                    passes.run(layout);
                } catch (RuntimeException | AssertionError e) {
                    failures.add(what + " layout=" + layout + " channels=" + channelsNow + " threads=" + threads
                            + ": threw " + e);
                }
            }
        }

        void finish(String ops) {
            double seconds = (System.nanoTime() - start) / 1e9;
            String run = name + " " + ops + (label.isEmpty() ? "" : " " + label) + " threads=" + threads;
            System.out.printf("ChannelSweep %s: configurations %s, %d checks, %d failures, %.2f s%n", run, configs,
                    checks, failures.size(), seconds);
            if (!failures.isEmpty()) {
                int shown = Math.min(failures.size(), 200);
                throw new AssertionError(failures.size() + " mismatches in " + run + ":\n"
                        + String.join("\n", failures.subList(0, shown))
                        + (shown < failures.size() ? "\n... and " + (failures.size() - shown) + " more" : ""));
            }
        }

        @Override
        public void close() {
            tested.close();
            naive.close();
        }

        void pool(Pool2d op, Shape input, String what, Arena arena, Random random) {
            boolean max = op.kind() == Pool2d.Kind.MAX;
            Shape out = op.outputShape(input);
            int reduction = op.kernelH() * op.kernelW();
            int forwardReduction = max ? -1 : reduction;
            Tensor x = random(input, arena, random);
            Tensor dy = random(out, arena, random);
            Tensor x4 = random(input, arena, random);
            Tensor y2 = Tensor.allocate(out, arena);
            Tensor dx2 = Tensor.allocate(input, arena);
            Tensor y4 = Tensor.allocate(out, arena);
            Tensor dx4 = Tensor.allocate(input, arena);
            try (Pool2dPlan b = naive.plan(op, input)) {
                b.forward(x, y2);
                b.backward(x, dy, dx2);
                b.forward(x4, y4);
                b.backward(x4, dy, dx4);
            }
            eachLayout(what, layout -> {
                try (Pool2dPlan a = tested.plan(op, input, layout)) {
                    Tensor xl = inLayout(x, layout, arena);
                    Tensor dyl = inLayout(dy, layout, arena);
                    Tensor y1 = stale(out, layout, arena);
                    a.forward(xl, y1);
                    check(what, "forward", layout, y1, y2, forwardReduction, arena);
                    Tensor dx1 = stale(input, layout, arena);
                    a.backward(xl, dyl, dx1);
                    check(what, "backward(x)", layout, dx1, dx2, reduction, arena);
                    try (Workspace ws = a.newWorkspace()) {
                        Tensor y3 = stale(out, layout, arena);
                        a.forward(xl, y3, ws);
                        check(what, "forward(ws)", layout, y3, y2, forwardReduction, arena);
                        Tensor dx3 = stale(input, layout, arena);
                        a.backward(ws, dyl, dx3);
                        check(what, "backward(ws)", layout, dx3, dx2, reduction, arena);
                        // the workspace backward once more, after another forward into the same workspace
                        Tensor y5 = stale(out, layout, arena);
                        a.forward(inLayout(x4, layout, arena), y5, ws);
                        check(what, "forward(ws) #2", layout, y5, y4, forwardReduction, arena);
                        Tensor dx5 = stale(input, layout, arena);
                        a.backward(ws, dyl, dx5);
                        check(what, "backward(ws) #2", layout, dx5, dx4, reduction, arena);
                    }
                }
            });
        }

        void batchNorm(BatchNorm2d op, Shape input, String what, Arena arena, Random random) {
            Shape p = op.parameterShape();
            int m = input.dim(0) * input.dim(2) * input.dim(3);
            Tensor x = random(input, arena, random);
            Tensor dy = random(input, arena, random);
            Tensor gamma = random(p, arena, random);
            Tensor beta = random(p, arena, random);
            Tensor givenMean = random(p, arena, random);
            Tensor givenVariance = random(p, arena, random);
            float[] v = givenVariance.toArray();
            for (int i = 0; i < v.length; i++) {
                v[i] = Math.abs(v[i]) + 0.1f;
            }
            givenVariance.copyFrom(v);
            Tensor y2 = Tensor.allocate(input, arena);
            Tensor mean2 = Tensor.allocate(p, arena);
            Tensor var2 = Tensor.allocate(p, arena);
            Tensor yi2 = Tensor.allocate(input, arena);
            Tensor dx2 = Tensor.allocate(input, arena);
            Tensor dg2 = Tensor.allocate(p, arena);
            Tensor db2 = Tensor.allocate(p, arena);
            try (BatchNorm2dPlan b = naive.plan(op, input)) {
                b.forwardTraining(x, gamma, beta, y2, mean2, var2);
                b.forwardInference(x, gamma, beta, givenMean, givenVariance, yi2);
                b.backward(x, dy, gamma, mean2, var2, dx2, dg2, db2);
            }
            eachLayout(what, layout -> {
                try (BatchNorm2dPlan a = tested.plan(op, input, layout)) {
                    Tensor xl = inLayout(x, layout, arena);
                    Tensor y1 = stale(input, layout, arena);
                    Tensor mean1 = stale(p, Layout.NCHW, arena);
                    Tensor var1 = stale(p, Layout.NCHW, arena);
                    a.forwardTraining(xl, gamma, beta, y1, mean1, var1);
                    check(what, "forwardTraining y", layout, y1, y2, m, arena);
                    check(what, "forwardTraining mean", layout, mean1, mean2, m, arena);
                    check(what, "forwardTraining variance", layout, var1, var2, m, arena);

                    Tensor yi1 = stale(input, layout, arena);
                    a.forwardInference(xl, gamma, beta, givenMean, givenVariance, yi1);
                    check(what, "forwardInference", layout, yi1, yi2, 1, arena);

                    Tensor dx1 = stale(input, layout, arena);
                    Tensor dg1 = stale(p, Layout.NCHW, arena);
                    Tensor db1 = stale(p, Layout.NCHW, arena);
                    // from naive's statistics, so that only the backward is compared
                    a.backward(xl, inLayout(dy, layout, arena), gamma, mean2, var2, dx1, dg1, db1);
                    check(what, "backward dx", layout, dx1, dx2, m, arena);
                    check(what, "backward dGamma", layout, dg1, dg2, m, arena);
                    check(what, "backward dBeta", layout, db1, db2, m, arena);
                }
            });
        }

        void conv(Conv2d op, Shape input, String what, Arena arena, Random random) {
            Shape out = op.outputShape(input);
            Tensor x = random(input, arena, random);
            Tensor w = random(op.weightShape(), arena, random);
            Tensor bias = op.bias() ? random(op.biasShape(), arena, random) : null;
            Tensor dy = random(out, arena, random);
            Tensor y2 = Tensor.allocate(out, arena);
            Tensor dx2 = Tensor.allocate(input, arena);
            Tensor dw2 = Tensor.allocate(op.weightShape(), arena);
            Tensor db2 = op.bias() ? Tensor.allocate(op.biasShape(), arena) : null;
            try (Conv2dPlan b = naive.plan(op, input)) {
                b.forward(x, w, bias, y2);
                b.backwardData(dy, w, dx2);
                b.backwardWeights(x, dy, dw2, db2);
            }
            int reduction = op.inChannels() / op.groups() * op.kernelH() * op.kernelW();
            int dataReduction = op.outChannels() / op.groups() * op.kernelH() * op.kernelW();
            int spatial = out.dim(0) * out.dim(2) * out.dim(3);
            eachLayout(what, layout -> {
                try (Conv2dPlan a = tested.plan(op, input, layout)) {
                    Tensor xl = inLayout(x, layout, arena);
                    Tensor dyl = inLayout(dy, layout, arena);
                    Tensor y1 = stale(out, layout, arena);
                    a.forward(xl, w, bias, y1);
                    check(what, "forward", layout, y1, y2, reduction, arena);
                    Tensor dx1 = stale(input, layout, arena);
                    a.backwardData(dyl, w, dx1);
                    check(what, "backwardData", layout, dx1, dx2, dataReduction, arena);
                    Tensor dw1 = stale(op.weightShape(), Layout.NCHW, arena);
                    Tensor db1 = op.bias() ? stale(op.biasShape(), Layout.NCHW, arena) : null;
                    a.backwardWeights(xl, dyl, dw1, db1);
                    check(what, "backwardWeights dw", layout, dw1, dw2, spatial, arena);
                    if (op.bias()) {
                        check(what, "backwardWeights db", layout, db1, db2, spatial, arena);
                    }
                }
            });
        }

        void activation(Activation act, Shape input, String what, Arena arena, Random random) {
            Tensor x = random(input, arena, random);
            Tensor dy = random(input, arena, random);
            Tensor y2 = Tensor.allocate(input, arena);
            Tensor dx2 = Tensor.allocate(input, arena);
            Tensor dx4 = Tensor.allocate(input, arena);
            naive.activation(act, x, y2);
            naive.activationBackward(act, x, dy, dx2);
            naive.activationBackwardFromOutput(act, y2, dy, dx4);
            eachLayout(what, layout -> {
                Tensor xl = inLayout(x, layout, arena);
                Tensor dyl = inLayout(dy, layout, arena);
                Tensor y1 = stale(input, layout, arena);
                tested.activation(act, xl, y1);
                check(what, "forward", layout, y1, y2, 1, arena);
                Tensor dx1 = stale(input, layout, arena);
                tested.activationBackward(act, xl, dyl, dx1);
                check(what, "backward", layout, dx1, dx2, 1, arena);
                Tensor dx3 = stale(input, layout, arena);
                tested.activationBackwardFromOutput(act, inLayout(y2, layout, arena), dyl, dx3);
                check(what, "backwardFromOutput", layout, dx3, dx4, 1, arena);
                Tensor y5 = Tensor.allocate(input, layout, arena);
                y5.copyFrom(xl.toArray());
                tested.activation(act, y5, y5);
                check(what, "forward in place", layout, y5, y2, 1, arena);
            });
        }

        void lrn(Lrn op, Shape input, String what, Arena arena, Random random) {
            Tensor x = random(input, arena, random);
            Tensor dy = random(input, arena, random);
            Tensor y2 = Tensor.allocate(input, arena);
            Tensor dx2 = Tensor.allocate(input, arena);
            try (LrnPlan b = naive.plan(op, input)) {
                b.forward(x, y2);
                b.backward(x, dy, dx2);
            }
            eachLayout(what, layout -> {
                try (LrnPlan a = tested.plan(op, input, layout)) {
                    Tensor xl = inLayout(x, layout, arena);
                    Tensor y1 = stale(input, layout, arena);
                    a.forward(xl, y1);
                    check(what, "forward", layout, y1, y2, 2 * op.size(), arena);
                    Tensor dx1 = stale(input, layout, arena);
                    a.backward(xl, inLayout(dy, layout, arena), dx1);
                    check(what, "backward", layout, dx1, dx2, 2 * op.size(), arena);
                }
            });
        }

        private Tensor inLayout(Tensor t, Layout layout, Arena arena) {
            if (t.layout() == layout) {
                return t;
            }
            Tensor copy = Tensor.allocate(t.shape(), layout, arena);
            naive.reorder(t, copy);
            return copy;
        }

        /** An output tensor that holds {@link #STALE} everywhere. */
        private static Tensor stale(Shape shape, Layout layout, Arena arena) {
            Tensor t = Tensor.allocate(shape, layout, arena);
            t.fill(STALE);
            return t;
        }

        /** Uniform values in [-1, 1), NCHW. */
        private static Tensor random(Shape shape, Arena arena, Random random) {
            float[] values = new float[Math.toIntExact(shape.elementCount())];
            for (int i = 0; i < values.length; i++) {
                values[i] = 2 * random.nextFloat() - 1;
            }
            Tensor t = Tensor.allocate(shape, arena);
            t.copyFrom(values);
            return t;
        }

        /**
         * Records a failure unless {@code max|actual - expected| <= (1e-5 + 2e-6 * reduction) * max(1, max|expected|)}
         * (the tolerance of kernels-native's {@code NaiveComparison.check}), or unless the two are equal when
         * {@code reduction < 0}; {@code actual} is compared in NCHW order, reordered by naive.
         */
        private void check(String what, String pass, Layout layout, Tensor actualInLayout, Tensor expected,
                           int reduction, Arena arena) {
            checks++;
            float[] a = inLayout(actualInLayout, Layout.NCHW, arena).toArray();
            float[] e = expected.toArray();
            double scale = 1;
            for (float v : e) {
                scale = Math.max(scale, Math.abs(v));
            }
            double tolerance = reduction < 0 ? 0 : (1e-5 + 2e-6 * reduction) * scale;
            String mismatch = Mismatch.describe(name, a, e, expected.shape(), tolerance);
            if (mismatch != null) {
                failures.add(what + " pass=" + pass + " layout=" + layout + " channels=" + channelsNow + " threads="
                        + threads + ": " + mismatch);
            }
        }
    }
}
