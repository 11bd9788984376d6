package dev.jdnn.onednn;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.BatchNorm2d;
import dev.jdnn.BatchNorm2dPlan;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Layout;
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
import java.util.TreeSet;

/**
 * oneDNN's JIT kernels work in blocks of 16 channels (AVX-512) and treat the tail block apart, and
 * the Java paths beside them ({@link VectorNhwcBatchNorm}, {@link VectorNhwcMaxPool},
 * {@link TiledMaxPoolBackward}, {@link ScannedPoolingForward}) pick themselves by channel count: so
 * every pass of pooling, batch norm, convolution and the activations is run over 1 to 70 channels in
 * both layouts, on one and on two threads (pooling, convolution and activations on two threads
 * over {@link #TWO_THREAD_CHANNELS} only), against {@code naive} (the sweep {@link DnnlLrnTest}
 * made for LRN). The inputs are small enough that no pass is timed, so each configuration always
 * runs the same kernel. Every mismatch of a run is collected and reported together, each naming the op,
 * the pass, the layout, the channel count, the thread count, the largest error and where it is.
 */
class NhwcChannelSweepTest {
    private static final int MAX_CHANNELS = 70;
    /**
     * The channel counts of the two-thread runs of the costlier ops (to keep the class near 20 s):
     * every count to 9, each side of the 16-channel block edges, the 8-channel ones batch norm
     * switches on, and 70.
     */
    private static final int[] TWO_THREAD_CHANNELS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 15, 16, 17, 23, 24, 31, 32, 33, 40,
        47, 48, 49, 63, 64, 65, 70};
    /** Two pooling / batch-norm inputs: an even one several images deep and an odd single image. */
    private static final int[][] SPATIAL = {{4, 6, 6}, {1, 7, 5}};

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    void poolingOverOneToSeventyChannelsMatchesNaiveInBothLayouts(int threads) {
        Pool2d[] ops = {
            Pool2d.max(2, 2), Pool2d.max(3, 2).padding(1), Pool2d.max(3, 1),
            Pool2d.avg(2, 2), Pool2d.avg(3, 2).padding(1), Pool2d.avg(3, 1),
            Pool2d.avg(3, 2).padding(1).countIncludePad(false),
        };
        try (Sweep sweep = new Sweep(threads)) {
            for (int c : channelCounts(threads)) {
                for (Layout layout : Layout.values()) {
                    for (int[] s : SPATIAL) {
                        for (Pool2d op : ops) {
                            Shape input = Shape.nchw(s[0], c, s[1], s[2]);
                            int channels = c;
                            String what = (op.kind() == Pool2d.Kind.MAX ? "maxpool " : "avgpool ") + describe(op)
                                    + " " + input;
                            sweep.run(op.kind() == Pool2d.Kind.MAX ? "maxpool" : "avgpool", what, layout, c,
                                    (arena, random) -> sweep.pool(op, input, layout, channels, what, arena, random));
                        }
                    }
                }
            }
            sweep.finish("pooling");
        }
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    void batchNormOverOneToSeventyChannelsMatchesNaiveInBothLayouts(int threads) {
        try (Sweep sweep = new Sweep(threads)) {
            for (int c = 1; c <= MAX_CHANNELS; c++) {
                for (Layout layout : Layout.values()) {
                    for (int[] s : SPATIAL) {
                        Shape input = Shape.nchw(s[0], c, s[1], s[2]);
                        int channels = c;
                        String what = "batchnorm " + input;
                        sweep.run("batchnorm", what, layout, c,
                                (arena, random) -> sweep.batchNorm(BatchNorm2d.of(channels), input, layout, channels,
                                        what, arena, random));
                    }
                }
            }
            sweep.finish("batch norm");
        }
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    void convolutionOverOneToSeventyChannelsMatchesNaiveInBothLayouts(int threads) {
        try (Sweep sweep = new Sweep(threads)) {
            for (int c : channelCounts(threads)) {
                Conv2d[] ops = {
                    Conv2d.of(c, c, 3).padding(1),
                    Conv2d.of(3, c, 3).padding(1),
                    Conv2d.of(c, 3, 3).padding(1),
                    Conv2d.of(c, c, 3).padding(1).groups(c),
                    Conv2d.of(c, c, 1).bias(false),
                    Conv2d.of(c, c, 3).padding(1).stride(2).activation(Activation.RELU),
                };
                for (Layout layout : Layout.values()) {
                    for (Conv2d op : ops) {
                        Shape input = Shape.nchw(2, op.inChannels(), 5, 4);
                        String what = "conv " + describe(op) + " " + input;
                        int channels = c;
                        sweep.run("conv", what, layout, c,
                                (arena, random) -> sweep.conv(op, input, layout, channels, what, arena, random));
                    }
                }
            }
            sweep.finish("convolution");
        }
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    void activationsOverOneToSeventyChannelsMatchNaiveInBothLayouts(int threads) {
        try (Sweep sweep = new Sweep(threads)) {
            for (int c : channelCounts(threads)) {
                for (Layout layout : Layout.values()) {
                    for (Activation a : Activation.values()) {
                        Shape input = Shape.nchw(2, c, 5, 3);
                        String what = "activation " + a + " " + input;
                        int channels = c;
                        sweep.run("activation", what, layout, c,
                                (arena, random) -> sweep.activation(a, input, layout, channels, what, arena, random));
                    }
                }
            }
            sweep.finish("activations");
        }
    }

    /** 1 to {@value #MAX_CHANNELS} on one thread, {@link #TWO_THREAD_CHANNELS} on more. */
    private static int[] channelCounts(int threads) {
        return threads == 1 ? java.util.stream.IntStream.rangeClosed(1, MAX_CHANNELS).toArray() : TWO_THREAD_CHANNELS;
    }

    private static String describe(Pool2d op) {
        Padding p = op.padding();
        return op.kernelH() + "x" + op.kernelW() + " s" + op.strideH() + " p" + p.top()
                + (op.kind() == Pool2d.Kind.AVG ? (op.countIncludePad() ? " incl" : " excl") : "");
    }

    private static String describe(Conv2d op) {
        return op.inChannels() + "->" + op.outChannels() + " " + op.kernelH() + "x" + op.kernelW() + " s" + op.strideH()
                + " p" + op.padding().top() + (op.groups() > 1 ? " g" + op.groups() : "")
                + (op.bias() ? " bias" : "") + (op.activation() != null ? " " + op.activation() : "");
    }

    /** One configuration: builds and runs both plans, reporting mismatches to its sweep. */
    @FunctionalInterface
    private interface Config {
        void run(Arena arena, Random random);
    }

    /** Both backends of one run, the counts and the failures collected so far. */
    private static final class Sweep implements AutoCloseable {
        private final int threads;
        private final Backend onednn;
        private final Backend naive;
        private final List<String> failures = new ArrayList<>();
        private final Map<String, Integer> configs = new TreeMap<>();
        private final long start = System.nanoTime();
        private int checks;
        private String layoutNow;
        private int channelsNow;

        Sweep(int threads) {
            this.threads = threads;
            this.onednn = Backends.open("onednn", new BackendConfig(threads));
            this.naive = Backends.open("naive");
        }

        void run(String kind, String what, Layout layout, int channels, Config config) {
            configs.merge(kind, 1, Integer::sum);
            layoutNow = layout.toString();
            channelsNow = channels;
            long seed = 0x5EED_0000L + 7919L * channels + 31L * layout.ordinal() + what.hashCode();
            try (Arena arena = Arena.ofShared()) {
                config.run(arena, new Random(seed));
            } catch (RuntimeException | AssertionError e) {
                failures.add(what + " layout=" + layout + " channels=" + channels + " threads=" + threads
                        + ": threw " + e);
            }
        }

        void finish(String name) {
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("NhwcChannelSweep %s threads=%d: configurations %s, %d checks, %d failures, %.2f s%n",
                    name, threads, configs, checks, failures.size(), seconds);
            failures.forEach(f -> System.out.println("  FAIL " + f));
            if (!failures.isEmpty()) {
                int shown = Math.min(failures.size(), 60);
                throw new AssertionError(failures.size() + " mismatches in " + name + " on " + threads
                        + " thread(s):\n" + String.join("\n", failures.subList(0, shown))
                        + (shown < failures.size() ? "\n... and " + (failures.size() - shown) + " more" : ""));
            }
        }

        @Override
        public void close() {
            onednn.close();
            naive.close();
        }

        void pool(Pool2d op, Shape input, Layout layout, int c, String what, Arena arena, Random random) {
            boolean max = op.kind() == Pool2d.Kind.MAX;
            try (Pool2dPlan a = onednn.plan(op, input, layout); Pool2dPlan b = naive.plan(op, input)) {
                Shape out = op.outputShape(input);
                int reduction = op.kernelH() * op.kernelW();
                Tensor x = random(input, arena, random);
                Tensor dy = random(out, arena, random);
                Tensor y2 = Tensor.allocate(out, arena);
                Tensor dx2 = Tensor.allocate(input, arena);
                b.forward(x, y2);
                b.backward(x, dy, dx2);
                Tensor xl = inLayout(x, layout, arena);
                Tensor dyl = inLayout(dy, layout, arena);

                Tensor y1 = Tensor.allocate(out, layout, arena);
                a.forward(xl, y1);
                check(what, "forward", y1, y2, max ? -1 : reduction, arena);
                Tensor dx1 = Tensor.allocate(input, layout, arena);
                a.backward(xl, dyl, dx1);
                check(what, "backward(x)", dx1, dx2, reduction, arena);

                try (Workspace ws = a.newWorkspace()) {
                    Tensor y3 = Tensor.allocate(out, layout, arena);
                    a.forward(xl, y3, ws);
                    check(what, "forward(ws)", y3, y2, max ? -1 : reduction, arena);
                    Tensor dx3 = Tensor.allocate(input, layout, arena);
                    a.backward(ws, dyl, dx3);
                    check(what, "backward(ws)", dx3, dx2, reduction, arena);
                    // the workspace backward once more, after another forward into the same workspace
                    Tensor x4 = random(input, arena, random);
                    Tensor y4 = Tensor.allocate(out, arena);
                    Tensor dx4 = Tensor.allocate(input, arena);
                    b.forward(x4, y4);
                    b.backward(x4, dy, dx4);
                    Tensor y5 = Tensor.allocate(out, layout, arena);
                    a.forward(inLayout(x4, layout, arena), y5, ws);
                    check(what, "forward(ws) #2", y5, y4, max ? -1 : reduction, arena);
                    Tensor dx5 = Tensor.allocate(input, layout, arena);
                    a.backward(ws, dyl, dx5);
                    check(what, "backward(ws) #2", dx5, dx4, reduction, arena);
                }
            }
        }

        void batchNorm(BatchNorm2d op, Shape input, Layout layout, int c, String what, Arena arena, Random random) {
            try (BatchNorm2dPlan a = onednn.plan(op, input, layout); BatchNorm2dPlan b = naive.plan(op, input)) {
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
                Tensor xl = inLayout(x, layout, arena);

                Tensor y1 = Tensor.allocate(input, layout, arena);
                Tensor y2 = Tensor.allocate(input, arena);
                Tensor mean1 = Tensor.allocate(p, arena);
                Tensor mean2 = Tensor.allocate(p, arena);
                Tensor var1 = Tensor.allocate(p, arena);
                Tensor var2 = Tensor.allocate(p, arena);
                a.forwardTraining(xl, gamma, beta, y1, mean1, var1);
                b.forwardTraining(x, gamma, beta, y2, mean2, var2);
                check(what, "forwardTraining y", y1, y2, m, arena);
                check(what, "forwardTraining mean", mean1, mean2, m, arena);
                check(what, "forwardTraining variance", var1, var2, m, arena);

                Tensor yi1 = Tensor.allocate(input, layout, arena);
                Tensor yi2 = Tensor.allocate(input, arena);
                a.forwardInference(xl, gamma, beta, givenMean, givenVariance, yi1);
                b.forwardInference(x, gamma, beta, givenMean, givenVariance, yi2);
                check(what, "forwardInference", yi1, yi2, 1, arena);

                Tensor dx1 = Tensor.allocate(input, layout, arena);
                Tensor dx2 = Tensor.allocate(input, arena);
                Tensor dg1 = Tensor.allocate(p, arena);
                Tensor dg2 = Tensor.allocate(p, arena);
                Tensor db1 = Tensor.allocate(p, arena);
                Tensor db2 = Tensor.allocate(p, arena);
                // both from naive's statistics, so that only the backward is compared
                a.backward(xl, inLayout(dy, layout, arena), gamma, mean2, var2, dx1, dg1, db1);
                b.backward(x, dy, gamma, mean2, var2, dx2, dg2, db2);
                check(what, "backward dx", dx1, dx2, m, arena);
                check(what, "backward dGamma", dg1, dg2, m, arena);
                check(what, "backward dBeta", db1, db2, m, arena);
            }
        }

        void conv(Conv2d op, Shape input, Layout layout, int c, String what, Arena arena, Random random) {
            try (Conv2dPlan a = onednn.plan(op, input, layout); Conv2dPlan b = naive.plan(op, input)) {
                Shape out = op.outputShape(input);
                Tensor x = random(input, arena, random);
                Tensor w = random(op.weightShape(), arena, random);
                Tensor bias = op.bias() ? random(op.biasShape(), arena, random) : null;
                Tensor dy = random(out, arena, random);
                Tensor xl = inLayout(x, layout, arena);
                Tensor dyl = inLayout(dy, layout, arena);
                int reduction = op.inChannels() / op.groups() * op.kernelH() * op.kernelW();

                Tensor y1 = Tensor.allocate(out, layout, arena);
                Tensor y2 = Tensor.allocate(out, arena);
                a.forward(xl, w, bias, y1);
                b.forward(x, w, bias, y2);
                check(what, "forward", y1, y2, reduction, arena);

                Tensor dx1 = Tensor.allocate(input, layout, arena);
                Tensor dx2 = Tensor.allocate(input, arena);
                a.backwardData(dyl, w, dx1);
                b.backwardData(dy, w, dx2);
                check(what, "backwardData", dx1, dx2, op.outChannels() / op.groups() * op.kernelH() * op.kernelW(),
                        arena);

                Tensor dw1 = Tensor.allocate(op.weightShape(), arena);
                Tensor dw2 = Tensor.allocate(op.weightShape(), arena);
                Tensor db1 = op.bias() ? Tensor.allocate(op.biasShape(), arena) : null;
                Tensor db2 = op.bias() ? Tensor.allocate(op.biasShape(), arena) : null;
                a.backwardWeights(xl, dyl, dw1, db1);
                b.backwardWeights(x, dy, dw2, db2);
                int spatial = out.dim(0) * out.dim(2) * out.dim(3);
                check(what, "backwardWeights dw", dw1, dw2, spatial, arena);
                if (op.bias()) {
                    check(what, "backwardWeights db", db1, db2, spatial, arena);
                }
            }
        }

        void activation(Activation act, Shape input, Layout layout, int c, String what, Arena arena, Random random) {
            Tensor x = random(input, arena, random);
            Tensor dy = random(input, arena, random);
            Tensor xl = inLayout(x, layout, arena);
            Tensor dyl = inLayout(dy, layout, arena);
            Tensor y1 = Tensor.allocate(input, layout, arena);
            Tensor y2 = Tensor.allocate(input, arena);
            onednn.activation(act, xl, y1);
            naive.activation(act, x, y2);
            check(what, "forward", y1, y2, 1, arena);
            Tensor dx1 = Tensor.allocate(input, layout, arena);
            Tensor dx2 = Tensor.allocate(input, arena);
            onednn.activationBackward(act, xl, dyl, dx1);
            naive.activationBackward(act, x, dy, dx2);
            check(what, "backward", dx1, dx2, 1, arena);
            Tensor dx3 = Tensor.allocate(input, layout, arena);
            Tensor dx4 = Tensor.allocate(input, arena);
            onednn.activationBackwardFromOutput(act, inLayout(y2, layout, arena), dyl, dx3);
            naive.activationBackwardFromOutput(act, y2, dy, dx4);
            check(what, "backwardFromOutput", dx3, dx4, 1, arena);
            Tensor y5 = Tensor.allocate(input, layout, arena);
            y5.copyFrom(xl.toArray());
            onednn.activation(act, y5, y5);
            check(what, "forward in place", y5, y2, 1, arena);
        }


        private Tensor inLayout(Tensor t, Layout layout, Arena arena) {
            if (t.layout() == layout) {
                return t;
            }
            Tensor copy = Tensor.allocate(t.shape(), layout, arena);
            naive.reorder(t, copy);
            return copy;
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
         * ({@link NaiveComparison#check}'s tolerance), or unless the two are equal when {@code reduction < 0};
         * {@code actual} is compared in NCHW order, reordered by naive.
         */
        private void check(String what, String pass, Tensor actualInLayout, Tensor expected, int reduction,
                           Arena arena) {
            checks++;
            float[] a = inLayout(actualInLayout, Layout.NCHW, arena).toArray();
            float[] e = expected.toArray();
            double scale = 1;
            for (float v : e) {
                scale = Math.max(scale, Math.abs(v));
            }
            double tolerance = reduction < 0 ? 0 : (1e-5 + 2e-6 * reduction) * scale;
            double worst = 0;
            int where = -1;
            int bad = 0;
            TreeSet<Integer> badChannels = new TreeSet<>();
            int[] dims = expected.shape().dims();
            for (int i = 0; i < e.length; i++) {
                double d = Math.abs((double) a[i] - e[i]);
                if (!(d <= worst)) {
                    worst = d;
                    where = i;
                }
                if (!(d <= tolerance)) {
                    bad++;
                    badChannels.add(coordinates(i, dims)[dims.length >= 2 ? 1 : 0]);
                }
            }
            if (bad > 0) {
                failures.add(what + " pass=" + pass + " layout=" + layoutNow + " channels=" + channelsNow
                        + " threads=" + threads + ": max |onednn - naive| = " + worst + " at "
                        + java.util.Arrays.toString(coordinates(where, dims)) + " of " + expected.shape()
                        + " (onednn " + a[where] + ", naive " + e[where] + "), tolerance " + tolerance + "; " + bad
                        + "/" + e.length + " elements off, " + (dims.length >= 2 ? "dim-1" : "dim-0")
                        + " indices " + ranges(badChannels));
            }
        }

        private static int[] coordinates(int flat, int[] dims) {
            int[] at = new int[dims.length];
            for (int d = dims.length - 1; d >= 0; d--) {
                at[d] = flat % dims[d];
                flat /= dims[d];
            }
            return at;
        }

        private static String ranges(TreeSet<Integer> values) {
            StringBuilder s = new StringBuilder("{");
            Integer first = null;
            Integer last = null;
            for (int v : values) {
                if (last != null && v == last + 1) {
                    last = v;
                    continue;
                }
                if (first != null) {
                    s.append(s.length() > 1 ? "," : "").append(first.equals(last) ? first : first + "-" + last);
                }
                first = v;
                last = v;
            }
            if (first != null) {
                s.append(s.length() > 1 ? "," : "").append(first.equals(last) ? first : first + "-" + last);
            }
            return s.append('}').toString();
        }
    }
}
