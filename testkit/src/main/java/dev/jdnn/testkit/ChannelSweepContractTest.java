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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Every pass of pooling, batch norm, convolution, the activations and LRN over 1 to 70 channels in
 * both layouts, on one and on two threads (pooling, convolution, activations and LRN on two threads
 * over {@link #TWO_THREAD_CHANNELS} only), against {@code naive}. Kernels work in vectors of 4, 8 or
 * 16 channels or pixels and treat the tail apart, and backends pick their paths by channel count
 * and layout, so the contract suite's few channel counts miss tail bugs: this sweep found oneDNN's
 * NHWC LRN backward wrong above 16 channels that are not a multiple of 16. Naive runs once per
 * configuration, in NCHW, and the tested plans of both layouts are compared with it. Inputs and
 * outputs are {@link CaseTensors}': outputs start as NaN, so an element a kernel fails to write shows. Every mismatch
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
                        sweep.run(kind, what, c, tensors -> sweep.pool(op, input, what, tensors));
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
                    sweep.run("batchnorm", what, c, tensors -> sweep.batchNorm(op, input, what, tensors));
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
                    sweep.run("conv", what, c, tensors -> sweep.conv(op, input, what, tensors));
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
                    sweep.run("activation", what, c, tensors -> sweep.activation(a, input, what, tensors));
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
                        sweep.run("lrn", what, c, tensors -> sweep.lrn(op, input, what, tensors));
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
        void run(CaseTensors tensors);
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
            try (CaseTensors tensors = new CaseTensors(seed)) {
                config.run(tensors);
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

        void pool(Pool2d op, Shape input, String what, CaseTensors tensors) {
            boolean max = op.kind() == Pool2d.Kind.MAX;
            Shape out = op.outputShape(input);
            int reduction = op.kernelH() * op.kernelW();
            int forwardReduction = max ? -1 : reduction;
            Tensor x = tensors.uniform(input);
            Tensor dy = tensors.uniform(out);
            Tensor x4 = tensors.uniform(input);
            Tensor y2 = tensors.output(out);
            Tensor dx2 = tensors.output(input);
            Tensor y4 = tensors.output(out);
            Tensor dx4 = tensors.output(input);
            try (Pool2dPlan b = naive.plan(op, input)) {
                b.forward(x, y2);
                b.backward(x, dy, dx2);
                b.forward(x4, y4);
                b.backward(x4, dy, dx4);
            }
            eachLayout(what, layout -> {
                try (Pool2dPlan a = tested.plan(op, input, layout)) {
                    Tensor xl = tensors.inLayout(x, layout);
                    Tensor dyl = tensors.inLayout(dy, layout);
                    Tensor y1 = tensors.output(out, layout);
                    a.forward(xl, y1);
                    check(what, "forward", layout, y1, y2, forwardReduction, tensors);
                    Tensor dx1 = tensors.output(input, layout);
                    a.backward(xl, dyl, dx1);
                    check(what, "backward(x)", layout, dx1, dx2, reduction, tensors);
                    try (Workspace ws = a.newWorkspace()) {
                        Tensor y3 = tensors.output(out, layout);
                        a.forward(xl, y3, ws);
                        check(what, "forward(ws)", layout, y3, y2, forwardReduction, tensors);
                        Tensor dx3 = tensors.output(input, layout);
                        a.backward(ws, dyl, dx3);
                        check(what, "backward(ws)", layout, dx3, dx2, reduction, tensors);
                        // the workspace backward once more, after another forward into the same workspace
                        Tensor y5 = tensors.output(out, layout);
                        a.forward(tensors.inLayout(x4, layout), y5, ws);
                        check(what, "forward(ws) #2", layout, y5, y4, forwardReduction, tensors);
                        Tensor dx5 = tensors.output(input, layout);
                        a.backward(ws, dyl, dx5);
                        check(what, "backward(ws) #2", layout, dx5, dx4, reduction, tensors);
                    }
                }
            });
        }

        void batchNorm(BatchNorm2d op, Shape input, String what, CaseTensors tensors) {
            Shape p = op.parameterShape();
            int m = input.dim(0) * input.dim(2) * input.dim(3);
            Tensor x = tensors.uniform(input);
            Tensor dy = tensors.uniform(input);
            Tensor gamma = tensors.uniform(p);
            Tensor beta = tensors.uniform(p);
            Tensor givenMean = tensors.uniform(p);
            Tensor givenVariance = tensors.uniform(p);
            float[] v = givenVariance.toArray();
            for (int i = 0; i < v.length; i++) {
                v[i] = Math.abs(v[i]) + 0.1f;
            }
            givenVariance.copyFrom(v);
            Tensor y2 = tensors.output(input);
            Tensor mean2 = tensors.output(p);
            Tensor var2 = tensors.output(p);
            Tensor yi2 = tensors.output(input);
            Tensor dx2 = tensors.output(input);
            Tensor dg2 = tensors.output(p);
            Tensor db2 = tensors.output(p);
            try (BatchNorm2dPlan b = naive.plan(op, input)) {
                b.forwardTraining(x, gamma, beta, y2, mean2, var2);
                b.forwardInference(x, gamma, beta, givenMean, givenVariance, yi2);
                b.backward(x, dy, gamma, mean2, var2, dx2, dg2, db2);
            }
            eachLayout(what, layout -> {
                try (BatchNorm2dPlan a = tested.plan(op, input, layout)) {
                    Tensor xl = tensors.inLayout(x, layout);
                    Tensor y1 = tensors.output(input, layout);
                    Tensor mean1 = tensors.output(p, Layout.NCHW);
                    Tensor var1 = tensors.output(p, Layout.NCHW);
                    a.forwardTraining(xl, gamma, beta, y1, mean1, var1);
                    check(what, "forwardTraining y", layout, y1, y2, m, tensors);
                    check(what, "forwardTraining mean", layout, mean1, mean2, m, tensors);
                    check(what, "forwardTraining variance", layout, var1, var2, m, tensors);

                    Tensor yi1 = tensors.output(input, layout);
                    a.forwardInference(xl, gamma, beta, givenMean, givenVariance, yi1);
                    check(what, "forwardInference", layout, yi1, yi2, 1, tensors);

                    Tensor dx1 = tensors.output(input, layout);
                    Tensor dg1 = tensors.output(p, Layout.NCHW);
                    Tensor db1 = tensors.output(p, Layout.NCHW);
                    // from naive's statistics, so that only the backward is compared
                    a.backward(xl, tensors.inLayout(dy, layout), gamma, mean2, var2, dx1, dg1, db1);
                    check(what, "backward dx", layout, dx1, dx2, m, tensors);
                    check(what, "backward dGamma", layout, dg1, dg2, m, tensors);
                    check(what, "backward dBeta", layout, db1, db2, m, tensors);
                }
            });
        }

        void conv(Conv2d op, Shape input, String what, CaseTensors tensors) {
            Shape out = op.outputShape(input);
            Tensor x = tensors.uniform(input);
            Tensor w = tensors.uniform(op.weightShape());
            Tensor bias = op.bias() ? tensors.uniform(op.biasShape()) : null;
            Tensor dy = tensors.uniform(out);
            Tensor y2 = tensors.output(out);
            Tensor dx2 = tensors.output(input);
            Tensor dw2 = tensors.output(op.weightShape());
            Tensor db2 = op.bias() ? tensors.output(op.biasShape()) : null;
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
                    Tensor xl = tensors.inLayout(x, layout);
                    Tensor dyl = tensors.inLayout(dy, layout);
                    Tensor y1 = tensors.output(out, layout);
                    a.forward(xl, w, bias, y1);
                    check(what, "forward", layout, y1, y2, reduction, tensors);
                    Tensor dx1 = tensors.output(input, layout);
                    a.backwardData(dyl, w, dx1);
                    check(what, "backwardData", layout, dx1, dx2, dataReduction, tensors);
                    Tensor dw1 = tensors.output(op.weightShape(), Layout.NCHW);
                    Tensor db1 = op.bias() ? tensors.output(op.biasShape(), Layout.NCHW) : null;
                    a.backwardWeights(xl, dyl, dw1, db1);
                    check(what, "backwardWeights dw", layout, dw1, dw2, spatial, tensors);
                    if (op.bias()) {
                        check(what, "backwardWeights db", layout, db1, db2, spatial, tensors);
                    }
                }
            });
        }

        void activation(Activation act, Shape input, String what, CaseTensors tensors) {
            Tensor x = tensors.uniform(input);
            Tensor dy = tensors.uniform(input);
            Tensor y2 = tensors.output(input);
            Tensor dx2 = tensors.output(input);
            Tensor dx4 = tensors.output(input);
            naive.activation(act, x, y2);
            naive.activationBackward(act, x, dy, dx2);
            naive.activationBackwardFromOutput(act, y2, dy, dx4);
            eachLayout(what, layout -> {
                Tensor xl = tensors.inLayout(x, layout);
                Tensor dyl = tensors.inLayout(dy, layout);
                Tensor y1 = tensors.output(input, layout);
                tested.activation(act, xl, y1);
                check(what, "forward", layout, y1, y2, 1, tensors);
                Tensor dx1 = tensors.output(input, layout);
                tested.activationBackward(act, xl, dyl, dx1);
                check(what, "backward", layout, dx1, dx2, 1, tensors);
                Tensor dx3 = tensors.output(input, layout);
                tested.activationBackwardFromOutput(act, tensors.inLayout(y2, layout), dyl, dx3);
                check(what, "backwardFromOutput", layout, dx3, dx4, 1, tensors);
                Tensor y5 = tensors.output(input, layout);
                y5.copyFrom(xl.toArray());
                tested.activation(act, y5, y5);
                check(what, "forward in place", layout, y5, y2, 1, tensors);
            });
        }

        void lrn(Lrn op, Shape input, String what, CaseTensors tensors) {
            Tensor x = tensors.uniform(input);
            Tensor dy = tensors.uniform(input);
            Tensor y2 = tensors.output(input);
            Tensor dx2 = tensors.output(input);
            try (LrnPlan b = naive.plan(op, input)) {
                b.forward(x, y2);
                b.backward(x, dy, dx2);
            }
            eachLayout(what, layout -> {
                try (LrnPlan a = tested.plan(op, input, layout)) {
                    Tensor xl = tensors.inLayout(x, layout);
                    Tensor y1 = tensors.output(input, layout);
                    a.forward(xl, y1);
                    check(what, "forward", layout, y1, y2, 2 * op.size(), tensors);
                    Tensor dx1 = tensors.output(input, layout);
                    a.backward(xl, tensors.inLayout(dy, layout), dx1);
                    check(what, "backward", layout, dx1, dx2, 2 * op.size(), tensors);
                }
            });
        }

        /**
         * Records a failure unless {@code max|actual - expected| <= (1e-5 + 2e-6 * reduction) * max(1, max|expected|)}
         * (the tolerance of kernels-native's {@code NaiveComparison.check}), or unless the two are equal when
         * {@code reduction < 0}; {@code actual} is compared in NCHW order, rearranged by {@link CaseTensors#inLayout}.
         */
        private void check(String what, String pass, Layout layout, Tensor actualInLayout, Tensor expected,
                           int reduction, CaseTensors tensors) {
            checks++;
            float[] a = tensors.inLayout(actualInLayout, Layout.NCHW).toArray();
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
