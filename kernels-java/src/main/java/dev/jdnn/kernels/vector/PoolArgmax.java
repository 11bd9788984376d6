package dev.jdnn.kernels.vector;

import dev.jdnn.Workspace;

/**
 * A pooling plan's workspace: for max pooling, per output element the input cell its window
 * routes to (first NaN, else first maximum), as an index inside the output's own image plane
 * ({@code ih·w + iw} in NCHW, {@code (ih·w + iw)·c + ch} in NHWC), recorded by the forward so that
 * the backward only scatters. Average pooling needs nothing and holds an empty array. Heap memory:
 * closing releases nothing.
 */
final class PoolArgmax implements Workspace {
    final int[] cells;

    PoolArgmax(int outputs) {
        this.cells = new int[outputs];
    }

    @Override
    public void close() {
        // Heap only.
    }
}
