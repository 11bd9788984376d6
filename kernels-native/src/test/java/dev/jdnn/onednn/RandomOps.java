package dev.jdnn.onednn;

import dev.jdnn.Conv2d;
import dev.jdnn.Dense;
import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Shape;

import java.util.Random;

/**
 * Random valid ops, biased towards the boundaries where native kernels go wrong: 1x1 outputs,
 * kernels as large as the padded input, asymmetric padding, dilation, groups and depthwise,
 * batch 1, ceil mode. Every case it returns passes the api's validation.
 */
final class RandomOps {
    /** A convolution and the input shape it is planned for. */
    record ConvCase(Conv2d op, Shape input) {
    }

    /** A pooling op and its input shape. */
    record PoolCase(Pool2d op, Shape input) {
    }

    /** A dense layer and its batch. */
    record DenseCase(Dense op, int batch) {
    }

    private final Random random;

    RandomOps(long seed) {
        this.random = new Random(seed);
    }

    ConvCase conv() {
        int groups = pick(1, 1, 1, 2, 3);
        int n = 1 + random.nextInt(3);
        boolean depthwise = random.nextInt(5) == 0;
        int c;
        int k;
        if (depthwise) {
            c = 1 + random.nextInt(9);
            groups = c;
            k = c;
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
        int h = kernelFillsInput ? Math.max(1, extentH - p.top() - p.bottom())
                : Math.max(1, extentH - p.top() - p.bottom()) + random.nextInt(9);
        int w = kernelFillsInput ? Math.max(1, extentW - p.left() - p.right())
                : Math.max(1, extentW - p.left() - p.right()) + random.nextInt(9);
        Conv2d op = new Conv2d(c, k, r, s, 1 + random.nextInt(3), 1 + random.nextInt(3), p, dh, dw, groups,
                random.nextBoolean());
        return new ConvCase(op, Shape.nchw(n, c, h, w));
    }

    PoolCase pool() {
        int kh = 1 + random.nextInt(4);
        int kw = 1 + random.nextInt(4);
        Padding p = new Padding(random.nextInt(kh / 2 + 1), random.nextInt(kw / 2 + 1), random.nextInt(kh / 2 + 1),
                random.nextInt(kw / 2 + 1));
        Pool2d.Kind kind = random.nextBoolean() ? Pool2d.Kind.MAX : Pool2d.Kind.AVG;
        Pool2d op = new Pool2d(kind, kh, kw, 1 + random.nextInt(3), 1 + random.nextInt(3), p, random.nextBoolean(),
                random.nextBoolean());
        int h = Math.max(1, kh - p.top() - p.bottom()) + random.nextInt(8);
        int w = Math.max(1, kw - p.left() - p.right()) + random.nextInt(8);
        return new PoolCase(op, Shape.nchw(1 + random.nextInt(3), 1 + random.nextInt(5), h, w));
    }

    DenseCase dense() {
        return new DenseCase(new Dense(1 + random.nextInt(40), 1 + random.nextInt(40), random.nextBoolean()),
                1 + random.nextInt(5));
    }

    private int pick(int... values) {
        return values[random.nextInt(values.length)];
    }
}
