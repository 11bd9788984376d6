package dev.jdnn.onednn;

import dev.jdnn.Layout;
import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Shape;

/**
 * The max-pooling windows {@link VectorNhwcMaxPool} has written-out code for, told apart without
 * loading any Vector API class (the plan asks before it knows the module is present): 2x2 stride 2
 * without padding, and 3x3 stride 2 padded by one on every side, both over NHWC inputs of even
 * height and width (so every window but the first row's and column's lies inside the input) and a
 * power of two of whole vectors of channels (so a row's output vectors are one flat loop).
 */
enum UnrolledMaxPoolWindow {
    /** 2x2, stride 2, no padding. */
    TWO_BY_TWO,
    /** 3x3, stride 2, padding 1 on each side. */
    THREE_BY_THREE;

    /**
     * The window {@code op} over {@code input} in {@code layout} has code for, given {@code lanes}
     * floats per vector and {@code threads}, else {@code null}. The 2x2 window is taken on two or
     * more threads only. On one thread this code is faster once compiled (pool_cifar, AVX-512,
     * pinned pairs: 1.03 of oneDNN from C against 1.51 for {@link ScannedPoolingForward}'s NaN scan
     * and primitive), but its first calls, before C2 has compiled it, cost about 1.4 s, which
     * pool_cifar's 0.19 ms per call gains back only after some 7,500 calls, and a cut by input size
     * cannot see how long a run is: with one at 2 MiB, LeNet-5's evaluation batches of 500 (3.2 MB
     * into its second pooling layer) took 0.9-1.0 s longer, and the CIFAR-style example model's
     * second pooling layer (3.2 MB at batch 64) 0.35-0.51 s longer in 100 steps, about what the
     * scanned path spends on it in a whole epoch. Warming it up instead on a small slice of each
     * call, beside the scanned path, does not shorten its warm-up enough: the JIT's thresholds count
     * the method's calls, so C2's code came only after 1,200-1,450 calls (more than an epoch at batch
     * 64), and the first 1,000 took 0.5 s longer in all than the scanned path's (pool_cifar, median
     * of 3 pairs of fresh JVMs, -0.3 to +1.1 s; {@code measurements/npool10-2026-12-07}). Warming it
     * up on a daemon thread of its own (a private image, nice 19, the plan switching once C2's code
     * ran) is bound by the JIT's queues, not by calls: the switch came 2-3.3 s after the first call,
     * after 2,650-3,770 calls back to back (the first 1,000 then 0.06 s slower than the scanned
     * path's, median of 6 pairs) and after about 200 with 10 ms of other work per call (0.25 s
     * faster, 3 pairs); at normal priority it took the caller's processor (+0.5 to +0.9 s), at nice 19
     * a busy host may never let it run ({@code measurements/nwarm-2026-12-07}, route in {@code 066bd8a}).
     */
    static UnrolledMaxPoolWindow of(Pool2d op, Shape input, Layout layout, int lanes, int threads) {
        int channels = input.dim(1);
        if (op.kind() != Pool2d.Kind.MAX || layout != Layout.NHWC || channels % lanes != 0
                || Integer.bitCount(channels / lanes) != 1 || input.dim(2) % 2 != 0 || input.dim(3) % 2 != 0
                || op.strideH() != 2 || op.strideW() != 2 || op.outputShape(input).dim(2) != input.dim(2) / 2
                || op.outputShape(input).dim(3) != input.dim(3) / 2) {
            return null;
        }
        if (op.kernelH() == 2 && op.kernelW() == 2 && op.padding().equals(new Padding(0, 0, 0, 0)) && threads > 1) {
            return TWO_BY_TWO;
        }
        if (op.kernelH() == 3 && op.kernelW() == 3 && op.padding().equals(new Padding(1, 1, 1, 1))) {
            return THREE_BY_THREE;
        }
        return null;
    }
}
