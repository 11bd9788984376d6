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
     * Input bytes above which one thread takes the 2x2 window: 2 MiB, the largest L2 per core of the
     * AVX-512 x86 cores in use (1 MiB on AMD Zen 4 and 5, 1.25 MiB on Intel Ice Lake, 2 MiB on
     * Sapphire and Granite Rapids), so above it the input streams from L3 or memory on any of them.
     * Below it the scanned path ({@link ScannedPoolingForward}: a NaN scan, then oneDNN's primitive)
     * saves the calls this code runs before C2 has compiled it, which cost more than the little it
     * would gain per call (LeNet-5's second pooling layer, 0.26 MB: 0.7 s of its first 100 steps);
     * above it this code gains more per call (pool_cifar, 16.8 MB, AVX-512, pinned pairs: 1.06 of
     * oneDNN from C against 1.40 for the scanned path).
     */
    static final long ONE_THREAD_MIN_BYTES = 2L << 20;

    /**
     * The window {@code op} over {@code input} in {@code layout} has code for, given {@code lanes}
     * floats per vector and {@code threads}, else {@code null}. The 2x2 window is taken on two or
     * more threads, and on one thread only for inputs of more than {@link #ONE_THREAD_MIN_BYTES}.
     */
    static UnrolledMaxPoolWindow of(Pool2d op, Shape input, Layout layout, int lanes, int threads) {
        int channels = input.dim(1);
        if (op.kind() != Pool2d.Kind.MAX || layout != Layout.NHWC || channels % lanes != 0
                || Integer.bitCount(channels / lanes) != 1 || input.dim(2) % 2 != 0 || input.dim(3) % 2 != 0
                || op.strideH() != 2 || op.strideW() != 2 || op.outputShape(input).dim(2) != input.dim(2) / 2
                || op.outputShape(input).dim(3) != input.dim(3) / 2) {
            return null;
        }
        if (op.kernelH() == 2 && op.kernelW() == 2 && op.padding().equals(new Padding(0, 0, 0, 0))
                && (threads > 1 || input.elementCount() * Float.BYTES > ONE_THREAD_MIN_BYTES)) {
            return TWO_BY_TWO;
        }
        if (op.kernelH() == 3 && op.kernelW() == 3 && op.padding().equals(new Padding(1, 1, 1, 1))) {
            return THREE_BY_THREE;
        }
        return null;
    }
}
