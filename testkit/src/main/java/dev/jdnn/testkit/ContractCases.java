package dev.jdnn.testkit;

import dev.jdnn.Activation;
import dev.jdnn.Conv2d;
import dev.jdnn.Dense;
import dev.jdnn.Lrn;
import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Shape;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The configurations the contract suite runs: hand-picked edge cases (depthwise, batch 1,
 * 1x1 outputs, a kernel as large as the padded input, strides that skip input cells, ties in
 * max pooling) followed by configurations drawn from a {@link TestSeed}-seeded generator over
 * strides 1-3, asymmetric padding, dilations 1-3, groups and sizes around vector widths
 * (1, 15, 17, 31, 33).
 *
 * <p>Sizes are capped so that the naive reference, which computes everything twice (values and
 * error magnitudes), stays cheap: the whole suite runs in seconds on a fast backend.
 */
final class ContractCases {
    private static final int[] SIZES = {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 33};
    private static final int[] CHANNELS = {1, 2, 3, 4, 8, 15, 16, 17, 31, 33};
    /** Multiply-adds allowed in one convolution case's forward pass. */
    static final long CONV_MULTIPLY_ADDS = 300_000;
    private static final int RANDOM_CONV = 64;
    private static final int RANDOM_POOL = 56;
    private static final int RANDOM_DENSE = 20;

    private ContractCases() {
    }

    /** Convolutions: edge cases, then random ones. */
    static List<ConvCase> conv() {
        SplittableRandom random = new SplittableRandom(TestSeed.value());
        List<ConvCase> cases = new ArrayList<>();
        cases.add(conv("pointwise, GEMM tails", Conv2d.of(33, 31, 1), Shape.nchw(1, 33, 17, 15), random));
        cases.add(conv("kernel as large as the padded input",
                Conv2d.of(3, 5, 6).padding(new Padding(1, 0, 0, 1)).bias(false), Shape.nchw(2, 3, 5, 5), random));
        cases.add(conv("dilated kernel spans the input", Conv2d.of(2, 3, 3).dilation(3), Shape.nchw(1, 2, 7, 7),
                random));
        cases.add(conv("depthwise, batch 1", Conv2d.of(17, 17, 3).stride(2).padding(1).groups(17),
                Shape.nchw(1, 17, 15, 17), random));
        cases.add(conv("depthwise with multiplier 2", Conv2d.of(3, 6, 3).padding(new Padding(0, 1, 2, 1)).groups(3),
                Shape.nchw(2, 3, 9, 8), random));
        cases.add(conv("stride skips input cells", Conv2d.of(4, 4, 1).stride(3, 2).bias(false), Shape.nchw(2, 4, 8, 7),
                random));
        cases.add(conv("single pixel", Conv2d.of(1, 1, 1), Shape.nchw(1, 1, 1, 1), random));
        cases.add(conv("three groups, asymmetric everything",
                new Conv2d(6, 9, 3, 2, 2, 3, new Padding(2, 0, 1, 1), 2, 1, 3, true), Shape.nchw(3, 6, 16, 17),
                random));
        for (int i = 0; i < RANDOM_CONV; i++) {
            cases.add(randomConv(random));
        }
        return cases;
    }

    private static ConvCase conv(String label, Conv2d op, Shape input, SplittableRandom random) {
        return new ConvCase(label, op, input, random.nextLong());
    }

    private static ConvCase randomConv(SplittableRandom random) {
        while (true) {
            int groups;
            int in;
            int out;
            switch (random.nextInt(5)) {
                case 0, 1 -> {
                    groups = 1;
                    in = pick(random, CHANNELS);
                    out = pick(random, CHANNELS);
                }
                case 2 -> {
                    groups = 2 + random.nextInt(2);
                    in = groups * (1 + random.nextInt(4));
                    out = groups * (1 + random.nextInt(4));
                }
                case 3 -> {
                    groups = pick(random, CHANNELS);
                    in = groups;
                    out = groups;
                }
                default -> {
                    groups = 2 + random.nextInt(4);
                    in = groups;
                    out = 2 * groups;
                }
            }
            int kh = 1 + random.nextInt(5);
            int kw = 1 + random.nextInt(5);
            int dh = 1 + random.nextInt(3);
            int dw = 1 + random.nextInt(3);
            int spanH = dh * (kh - 1) + 1;
            int spanW = dw * (kw - 1) + 1;
            Padding padding = new Padding(random.nextInt(spanH), random.nextInt(spanW), random.nextInt(spanH),
                    random.nextInt(spanW));
            int h = pick(random, SIZES);
            int w = pick(random, SIZES);
            if (h + padding.height() < spanH || w + padding.width() < spanW) {
                continue;
            }
            Conv2d op = new Conv2d(in, out, kh, kw, 1 + random.nextInt(3), 1 + random.nextInt(3), padding, dh, dw,
                    groups, random.nextBoolean());
            ConvCase c = new ConvCase("random", op, Shape.nchw(1 + random.nextInt(3), in, h, w), random.nextLong());
            if (c.multiplyAdds() <= CONV_MULTIPLY_ADDS) {
                return c;
            }
        }
    }

    /** Poolings: edge cases, then random ones. */
    static List<PoolCase> pool() {
        SplittableRandom random = new SplittableRandom(TestSeed.value() + 1);
        List<PoolCase> cases = new ArrayList<>();
        cases.add(pool("global max", Pool2d.max(7, 1), Shape.nchw(2, 3, 7, 7), false, random));
        cases.add(pool("global average", Pool2d.avg(5, 1).kernel(5, 7), Shape.nchw(1, 17, 5, 7), false, random));
        cases.add(pool("1x1 window skips cells", Pool2d.max(1, 2), Shape.nchw(1, 2, 5, 6), false, random));
        cases.add(pool("max ties go to the first maximum", Pool2d.max(3, 1), Shape.nchw(2, 3, 9, 8), true, random));
        cases.add(pool("overlapping max ties", Pool2d.max(4, 2).padding(new Padding(1, 2, 2, 0)),
                Shape.nchw(1, 2, 9, 9), true, random));
        cases.add(pool("ceil mode adds a window reaching past the padding",
                Pool2d.avg(3, 2).stride(2, 2).padding(1).ceilMode(true), Shape.nchw(1, 2, 6, 6), false, random));
        cases.add(pool("ceil mode drops the window starting in the padding",
                Pool2d.avg(2, 2).stride(2, 2).padding(1).ceilMode(true).countIncludePad(false),
                Shape.nchw(2, 3, 5, 5), false, random));
        // Padding wider than half the kernel (issue #12 item 8): the held-out golden case first.
        cases.add(pool("avg padding over half the kernel, padding counted",
                Pool2d.avg(3, 1).padding(new Padding(1, 0, 2, 1)), Shape.nchw(1, 2, 4, 5), false, random));
        cases.add(pool("avg padding over half the kernel, padding excluded",
                Pool2d.avg(3, 1).padding(new Padding(1, 0, 2, 1)).countIncludePad(false), Shape.nchw(2, 3, 5, 4),
                false, random));
        cases.add(pool("avg padding kernel-1 on every side, ceil mode, padding counted",
                Pool2d.avg(3, 2).padding(2).ceilMode(true), Shape.nchw(1, 2, 5, 6), false, random));
        cases.add(pool("avg padding over half the kernel, ceil mode, padding excluded",
                Pool2d.avg(4, 3).kernel(4, 3).padding(new Padding(3, 2, 1, 2)).ceilMode(true).countIncludePad(false),
                Shape.nchw(1, 3, 7, 6), false, random));
        cases.add(pool("max padding over half the kernel", Pool2d.max(3, 1).padding(new Padding(1, 0, 2, 1)),
                Shape.nchw(1, 2, 4, 5), false, random));
        cases.add(pool("max padding kernel-1, ceil mode, ties", Pool2d.max(3, 2).padding(new Padding(2, 1, 2, 2))
                .ceilMode(true), Shape.nchw(2, 2, 6, 5), true, random));
        for (int i = 0; i < RANDOM_POOL; i++) {
            cases.add(randomPool(random));
        }
        return cases;
    }

    private static PoolCase pool(String label, Pool2d op, Shape input, boolean ties, SplittableRandom random) {
        return new PoolCase(label, op, input, ties, random.nextLong());
    }

    private static PoolCase randomPool(SplittableRandom random) {
        while (true) {
            Pool2d.Kind kind = random.nextBoolean() ? Pool2d.Kind.MAX : Pool2d.Kind.AVG;
            int kh = 1 + random.nextInt(4);
            int kw = 1 + random.nextInt(4);
            // Any padding below the kernel on its side, as the contract allows.
            Padding padding = new Padding(random.nextInt(kh), random.nextInt(kw), random.nextInt(kh),
                    random.nextInt(kw));
            int h = pick(random, SIZES);
            int w = pick(random, SIZES);
            if (h + padding.height() < kh || w + padding.width() < kw) {
                continue;
            }
            Pool2d op = new Pool2d(kind, kh, kw, 1 + random.nextInt(3), 1 + random.nextInt(3), padding,
                    random.nextBoolean(), random.nextBoolean());
            boolean ties = kind == Pool2d.Kind.MAX && random.nextInt(4) == 0;
            Shape input = Shape.nchw(1 + random.nextInt(2), pick(random, new int[] {1, 3, 15, 17}), h, w);
            return new PoolCase("random", op, input, ties, random.nextLong());
        }
    }

    /** Dense layers: batch 1 and odd sizes first, then random ones. */
    static List<DenseCase> dense() {
        SplittableRandom random = new SplittableRandom(TestSeed.value() + 2);
        List<DenseCase> cases = new ArrayList<>();
        cases.add(new DenseCase(Dense.of(1, 1), 1, random.nextLong()));
        cases.add(new DenseCase(Dense.of(100, 33), 1, random.nextLong()));
        cases.add(new DenseCase(new Dense(31, 17, false), 15, random.nextLong()));
        for (int i = 0; i < RANDOM_DENSE; i++) {
            Dense op = new Dense(pick(random, new int[] {1, 15, 17, 31, 33, 64, 100, 257}),
                    pick(random, new int[] {1, 10, 15, 17, 33, 64}), random.nextBoolean());
            cases.add(new DenseCase(op, pick(random, new int[] {1, 2, 3, 7, 16, 33}), random.nextLong()));
        }
        return cases;
    }

    /** Every activation over tensors of rank 1 to 4, including a single element. */
    static List<ElementwiseCase> elementwise() {
        SplittableRandom random = new SplittableRandom(TestSeed.value() + 3);
        Shape[] shapes = {Shape.of(1), Shape.of(17), Shape.of(2, 33), Shape.of(3, 5, 7), Shape.of(2, 3, 5, 7),
                Shape.of(1031)};
        List<ElementwiseCase> cases = new ArrayList<>();
        for (Activation a : Activation.values()) {
            for (Shape shape : shapes) {
                cases.add(new ElementwiseCase(a, shape, random.nextLong()));
            }
        }
        return cases;
    }

    /**
     * Softmax and log-softmax inputs of rank 1 to 4, one class to a thousand, and logits far from
     * zero.
     */
    static List<SoftmaxCase> softmax() {
        SplittableRandom random = new SplittableRandom(TestSeed.value() + 4);
        List<SoftmaxCase> cases = new ArrayList<>();
        for (SoftmaxOp op : SoftmaxOp.values()) {
            for (Shape shape : new Shape[] {Shape.of(7), Shape.of(3, 1), Shape.of(3, 10), Shape.of(1, 17),
                    Shape.of(2, 3, 33), Shape.of(2, 2, 3, 31), Shape.of(4, 1000)}) {
                cases.add(new SoftmaxCase(op, shape, 3f, 0f, random.nextLong()));
            }
            cases.add(new SoftmaxCase(op, Shape.of(3, 10), 30f, 500f, random.nextLong()));
            cases.add(new SoftmaxCase(op, Shape.of(2, 33), 80f, -300f, random.nextLong()));
        }
        return cases;
    }

    /** Cross-entropy logits {@code [batch, classes]}, one class to a thousand, batch 1 included. */
    static List<SoftmaxCase> crossEntropy() {
        SplittableRandom random = new SplittableRandom(TestSeed.value() + 5);
        List<SoftmaxCase> cases = new ArrayList<>();
        for (Shape shape : new Shape[] {Shape.of(2, 1), Shape.of(1, 10), Shape.of(4, 10), Shape.of(3, 17),
                Shape.of(16, 33), Shape.of(5, 1000)}) {
            cases.add(new SoftmaxCase(null, shape, 3f, 0f, random.nextLong()));
        }
        cases.add(new SoftmaxCase(null, Shape.of(8, 10), 40f, 200f, random.nextLong()));
        return cases;
    }

    /**
     * Batch normalisations: one element per channel (batch 1, h = w = 1), h = w = 1, batch 1 with odd
     * sizes, one channel, channel counts around vector widths, large means (1000 +- 2, the case a
     * one-pass variance loses; -500 +- 0.5), and channels of more than {@link ErrorBound#BLOCK} elements.
     */
    static List<BatchNormCase> batchNorm() {
        SplittableRandom random = new SplittableRandom(TestSeed.value() + 6);
        double eps = 1e-5;
        List<BatchNormCase> cases = new ArrayList<>();
        cases.add(new BatchNormCase("one element per channel", Shape.nchw(1, 3, 1, 1), eps, 0, 1, random.nextLong()));
        cases.add(new BatchNormCase("h = w = 1", Shape.nchw(5, 17, 1, 1), eps, 0, 1, random.nextLong()));
        cases.add(new BatchNormCase("batch 1, odd sizes", Shape.nchw(1, 7, 3, 5), eps, 0, 1, random.nextLong()));
        cases.add(new BatchNormCase("one channel", Shape.nchw(2, 1, 9, 7), eps, 0.5f, 2, random.nextLong()));
        cases.add(new BatchNormCase("33 channels", Shape.nchw(2, 33, 5, 3), eps, 0, 3, random.nextLong()));
        cases.add(new BatchNormCase("16 channels", Shape.nchw(3, 16, 4, 4), eps, -1, 1, random.nextLong()));
        cases.add(new BatchNormCase("15 channels, epsilon 1e-3", Shape.nchw(1, 15, 6, 5), 1e-3, 0, 0.1f,
                random.nextLong()));
        cases.add(new BatchNormCase("mean 1000, spread 2", Shape.nchw(4, 3, 6, 7), eps, 1000, 2, random.nextLong()));
        cases.add(new BatchNormCase("mean -500, spread 0.5", Shape.nchw(2, 5, 8, 8), 1e-3, -500, 0.5f,
                random.nextLong()));
        cases.add(new BatchNormCase("4624 elements per channel", Shape.nchw(16, 2, 17, 17), eps, 3, 1,
                random.nextLong()));
        return cases;
    }

    /**
     * LRN across channels: PyTorch's parametrisation with odd and even sizes, a window wider than
     * the channels, size 1, one channel, h = w = 1, and TensorFlow's (the seed's CIFAR model's
     * {@code tf.nn.lrn(x, 4, bias=1, alpha=0.001/9, beta=0.75)} among them).
     */
    static List<LrnCase> lrn() {
        SplittableRandom random = new SplittableRandom(TestSeed.value() + 7);
        List<LrnCase> cases = new ArrayList<>();
        cases.add(new LrnCase("size 5 (AlexNet)", new Lrn(5, 1e-4, 0.75, 2), Shape.nchw(2, 7, 3, 4), random.nextLong()));
        cases.add(new LrnCase("even size 4", new Lrn(4, 0.5, 0.75, 2), Shape.nchw(1, 6, 5, 5), random.nextLong()));
        cases.add(new LrnCase("even size 2, h = w = 1", new Lrn(2, 3, 0.3, 1), Shape.nchw(2, 3, 1, 1),
                random.nextLong()));
        cases.add(new LrnCase("size 9 wider than 4 channels", new Lrn(9, 1.5, 0.75, 1), Shape.nchw(1, 4, 3, 2),
                random.nextLong()));
        cases.add(new LrnCase("size 1", new Lrn(1, 2, 1, 0.5), Shape.nchw(1, 3, 2, 2), random.nextLong()));
        cases.add(new LrnCase("one channel", new Lrn(3, 1, 0.75, 1), Shape.nchw(2, 1, 5, 5), random.nextLong()));
        cases.add(new LrnCase("even size 6 over 17 channels", new Lrn(6, 1, 0.6, 1), Shape.nchw(2, 17, 3, 3),
                random.nextLong()));
        cases.add(new LrnCase("size 5 over 64 channels", new Lrn(5, 1e-3, 0.75, 1), Shape.nchw(1, 64, 2, 3),
                random.nextLong()));
        cases.add(new LrnCase("tf.nn.lrn as the seed's CIFAR model", Lrn.tensorflow(4, 1, 0.001 / 9, 0.75),
                Shape.nchw(1, 16, 4, 4), random.nextLong()));
        cases.add(new LrnCase("tf.nn.lrn radius 2 over 33 channels", Lrn.tensorflow(2, 2, 0.5, 0.5),
                Shape.nchw(1, 33, 3, 3), random.nextLong()));
        return cases;
    }

    private static int pick(SplittableRandom random, int[] values) {
        return values[random.nextInt(values.length)];
    }
}
