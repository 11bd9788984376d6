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
     * floats per vector, else {@code null}.
     */
    static UnrolledMaxPoolWindow of(Pool2d op, Shape input, Layout layout, int lanes) {
        int channels = input.dim(1);
        if (op.kind() != Pool2d.Kind.MAX || layout != Layout.NHWC || channels % lanes != 0
                || Integer.bitCount(channels / lanes) != 1 || input.dim(2) % 2 != 0 || input.dim(3) % 2 != 0
                || op.strideH() != 2 || op.strideW() != 2 || op.outputShape(input).dim(2) != input.dim(2) / 2
                || op.outputShape(input).dim(3) != input.dim(3) / 2) {
            return null;
        }
        if (op.kernelH() == 2 && op.kernelW() == 2 && op.padding().equals(new Padding(0, 0, 0, 0))) {
            return TWO_BY_TWO;
        }
        if (op.kernelH() == 3 && op.kernelW() == 3 && op.padding().equals(new Padding(1, 1, 1, 1))) {
            return THREE_BY_THREE;
        }
        return null;
    }

    /**
     * Whether {@link VectorNhwcMaxPool} takes this window's whole calls from the first on
     * {@code threads} threads; else (the 2x2 window on one thread) {@link WarmingMaxPool} gives it
     * a slice of each call until it is faster than {@link ScannedPoolingForward}. Once compiled it is
     * (pool_cifar, AVX-512, pinned pairs: 1.03 of oneDNN from C against 1.51), but its first calls,
     * before C2 has compiled it, cost about 1.4 s over whole batches, which pool_cifar's 0.19 ms per
     * call gains back only after some 7,500 calls; a cut by input size cannot see how long a run is
     * (with one at 2 MiB, LeNet-5's evaluation batches of 500 took 0.9-1.0 s longer,
     * {@code measurements/npool9-2026-12-07}).
     */
    boolean wholeCallsFromStart(int threads) {
        return this == THREE_BY_THREE || threads > 1;
    }
}
