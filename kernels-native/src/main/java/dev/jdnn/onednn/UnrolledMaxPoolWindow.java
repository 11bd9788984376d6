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
     * Bytes of one image of {@code x} from which the 2x2 window takes the kernel on one thread (after
     * {@link UnrolledMaxPoolWarmUp}): pool_cifar's 256 KB gains 0.10-0.22 ms per call, CifarNet's
     * second pooling layer (50 KB) only 0.005-0.011 ms, and LeNet-5's (6.4 KB) was slower in the kernel
     * ({@code measurements/npool10-2026-12-07}).
     */
    static final long ONE_THREAD_IMAGE_BYTES = 128L << 10;

    /**
     * The window {@code op} over {@code input} in {@code layout} has code for, given {@code lanes}
     * floats per vector and {@code threads}, else {@code null}. The 2x2 window is taken on one thread
     * only for images of at least {@link #ONE_THREAD_IMAGE_BYTES}, and there only after a warm-up off
     * the caller's thread ({@link #warmsUpFirst}). On one thread this code is faster once compiled
     * (pool_cifar, AVX-512, pinned pairs: 1.03 of oneDNN from C against 1.51 for
     * {@link ScannedPoolingForward}'s NaN scan and primitive), but its first calls, before C2 has
     * compiled it, cost the caller about 1.4 s when it runs them itself, which pool_cifar's 0.19 ms
     * per call gains back only after some 7,500 calls; warming it up on a small slice of each call
     * beside the scanned path did not shorten that enough: the JIT's thresholds count the method's
     * calls, so C2's code came only after 1,200-1,450 calls (more than an epoch at batch 64), and
     * the first 1,000 took 0.5 s longer in all than the scanned path's (pool_cifar, median of 3
     * pairs of fresh JVMs, -0.3 to +1.1 s; {@code measurements/npool10-2026-12-07}).
     */
    static UnrolledMaxPoolWindow of(Pool2d op, Shape input, Layout layout, int lanes, int threads) {
        int channels = input.dim(1);
        if (op.kind() != Pool2d.Kind.MAX || layout != Layout.NHWC || channels % lanes != 0
                || Integer.bitCount(channels / lanes) != 1 || input.dim(2) % 2 != 0 || input.dim(3) % 2 != 0
                || op.strideH() != 2 || op.strideW() != 2 || op.outputShape(input).dim(2) != input.dim(2) / 2
                || op.outputShape(input).dim(3) != input.dim(3) / 2) {
            return null;
        }
        if (op.kernelH() == 2 && op.kernelW() == 2 && op.padding().equals(new Padding(0, 0, 0, 0))) {
            return threads > 1 || input.elementCount() / input.dim(0) * Float.BYTES >= ONE_THREAD_IMAGE_BYTES
                    ? TWO_BY_TWO : null;
        }
        if (op.kernelH() == 3 && op.kernelW() == 3 && op.padding().equals(new Padding(1, 1, 1, 1))) {
            return THREE_BY_THREE;
        }
        return null;
    }

    /**
     * Whether a plan on {@code threads} threads runs its scanned path until {@link UnrolledMaxPoolWarmUp}
     * has seen this window's code compiled by C2: the 2x2 window on one thread.
     */
    boolean warmsUpFirst(int threads) {
        return this == TWO_BY_TWO && threads == 1;
    }
}
