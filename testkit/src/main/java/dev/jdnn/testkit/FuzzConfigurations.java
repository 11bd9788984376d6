package dev.jdnn.testkit;

import dev.jdnn.Activation;
import dev.jdnn.Conv2d;
import dev.jdnn.Dense;
import dev.jdnn.Lrn;
import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Shape;

import java.util.SplittableRandom;

/**
 * Random valid configurations for the fuzz harness, tiny so that thousands run in seconds, and
 * biased towards the boundaries where kernels go wrong: 1x1 outputs, kernels as large as the
 * padded input, asymmetric padding (for pooling up to one cell below the kernel), dilation,
 * groups and depthwise, strides larger than the kernel, batch 1, ceil mode, odd sizes around
 * vector widths, one class, logits far from zero. Every configuration passes the api's
 * validation. Generalised from the onednn module's own fuzz test (its {@code RandomOps}).
 */
final class FuzzConfigurations {
    private static final int[] ODD = {1, 2, 3, 5, 7, 9, 15, 16, 17, 31, 33};

    private final SplittableRandom random;

    FuzzConfigurations(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A convolution and its input, every pass of which the harness runs. */
    ConvCase conv() {
        int groups = pick(1, 1, 1, 2, 3);
        int c;
        int k;
        if (random.nextInt(5) == 0) {
            c = 1 + random.nextInt(9);
            groups = c;
            k = c * pick(1, 1, 2);
        } else {
            c = groups * (1 + random.nextInt(4));
            k = groups * (1 + random.nextInt(4));
        }
        int r = 1 + random.nextInt(5);
        int s = 1 + random.nextInt(5);
        int dh = random.nextInt(4) == 0 ? 2 + random.nextInt(2) : 1;
        int dw = random.nextInt(4) == 0 ? 2 + random.nextInt(2) : 1;
        Padding p = new Padding(random.nextInt(3), random.nextInt(3), random.nextInt(3), random.nextInt(3));
        int extentH = dh * (r - 1) + 1;
        int extentW = dw * (s - 1) + 1;
        boolean kernelFillsInput = random.nextInt(6) == 0;
        int h = Math.max(1, extentH - p.top() - p.bottom()) + (kernelFillsInput ? 0 : random.nextInt(9));
        int w = Math.max(1, extentW - p.left() - p.right()) + (kernelFillsInput ? 0 : random.nextInt(9));
        Conv2d op = new Conv2d(c, k, r, s, 1 + random.nextInt(3), 1 + random.nextInt(3), p, dh, dw, groups,
                random.nextBoolean());
        return new ConvCase("fuzz", op, Shape.nchw(1 + random.nextInt(3), c, h, w), random.nextLong());
    }

    /** A pooling and its input: any padding below the kernel on each side. */
    PoolCase pool() {
        int kh = 1 + random.nextInt(4);
        int kw = 1 + random.nextInt(4);
        Padding p = new Padding(random.nextInt(kh), random.nextInt(kw), random.nextInt(kh), random.nextInt(kw));
        Pool2d.Kind kind = random.nextBoolean() ? Pool2d.Kind.MAX : Pool2d.Kind.AVG;
        Pool2d op = new Pool2d(kind, kh, kw, 1 + random.nextInt(3), 1 + random.nextInt(3), p, random.nextBoolean(),
                random.nextBoolean());
        int h = Math.max(1, kh - p.top() - p.bottom()) + random.nextInt(8);
        int w = Math.max(1, kw - p.left() - p.right()) + random.nextInt(8);
        boolean ties = kind == Pool2d.Kind.MAX && random.nextInt(4) == 0;
        return new PoolCase("fuzz", op, Shape.nchw(1 + random.nextInt(3), 1 + random.nextInt(5), h, w), ties,
                random.nextLong());
    }

    /** A dense layer and its batch. */
    DenseCase dense() {
        int in = random.nextBoolean() ? pick(ODD) : 1 + random.nextInt(40);
        int out = random.nextBoolean() ? pick(ODD) : 1 + random.nextInt(40);
        return new DenseCase(new Dense(in, out, random.nextBoolean()), pick(1, 1, 2, 3, 5), random.nextLong());
    }

    /** An activation over a tensor of rank 1 to 4. */
    ElementwiseCase activation() {
        Activation a = Activation.values()[random.nextInt(Activation.values().length)];
        return new ElementwiseCase(a, shape(1 + random.nextInt(4)), random.nextLong());
    }

    /** Softmax or log-softmax over the last axis of a tensor of rank 1 to 3. */
    SoftmaxCase softmax() {
        SoftmaxOp op = SoftmaxOp.values()[random.nextInt(SoftmaxOp.values().length)];
        return new SoftmaxCase(op, shape(1 + random.nextInt(3)), random.nextInt(4) == 0 ? 30f : 3f,
                random.nextInt(5) == 0 ? 500f : 0f, random.nextLong());
    }

    /** Cross-entropy logits {@code [batch, classes]}. */
    SoftmaxCase crossEntropy() {
        Shape shape = Shape.of(pick(1, 1, 2, 3, 5), pick(ODD));
        return new SoftmaxCase(null, shape, random.nextInt(4) == 0 ? 30f : 3f, random.nextInt(5) == 0 ? -500f : 0f,
                random.nextLong());
    }

    /** A batch normalisation: tiny shapes (one element per channel included), means up to 1000. */
    BatchNormCase batchNorm() {
        Shape input = Shape.nchw(pick(1, 1, 2, 3), pick(1, 2, 3, 5, 8, 17), 1 + random.nextInt(5),
                1 + random.nextInt(5));
        return new BatchNormCase("fuzz", input, pick(1, 1, 2) == 1 ? 1e-5 : 1e-3, pick(0, 0, 5, -100, 1000),
                pick(1, 1, 3) == 1 ? 1f : 0.25f, random.nextLong());
    }

    /** An LRN: sizes 1 to 9 over 1 to 17 channels (windows wider than the channels included), either parametrisation. */
    LrnCase lrn() {
        Shape input = Shape.nchw(pick(1, 1, 2), pick(1, 2, 3, 4, 5, 8, 16, 17), 1 + random.nextInt(3),
                1 + random.nextInt(3));
        Lrn op = random.nextInt(4) == 0
                ? Lrn.tensorflow(random.nextInt(5), random.nextDouble(0.5, 2), random.nextDouble(1e-4, 0.5),
                        random.nextDouble(0.25, 1))
                : new Lrn(1 + random.nextInt(9), random.nextDouble(1e-4, 2), random.nextDouble(0.25, 1),
                        random.nextDouble(0.5, 2));
        return new LrnCase("fuzz", op, input, random.nextLong());
    }

    private Shape shape(int rank) {
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) {
            dims[i] = i == rank - 1 ? pick(ODD) : 1 + random.nextInt(3);
        }
        return Shape.of(dims);
    }

    private int pick(int... values) {
        return values[random.nextInt(values.length)];
    }
}
