package dev.jdnn.onednn;

/**
 * How a pass serves the caller's plain (NCHW / OIHW / row-major) tensors to a primitive.
 * oneDNN 3.13 runs its fast blocked JIT kernels only when asked for {@code format_tag_any}; with
 * plain descriptors on every argument the convolution falls back to a reference kernel.
 */
enum PassLayout {
    /**
     * Every argument {@code any}; reorder primitives kept in the pass convert the caller's
     * tensors into blocked scratch buffers and results back ('reord' in the C benchmark).
     */
    BLOCKED,
    /**
     * Activations plain, weights (and their gradients) {@code any}: oneDNN wraps a blocked kernel
     * around the plain activations itself ('mixed' in the C benchmark).
     */
    PLAIN_ACTIVATIONS,
    /** Every argument in the caller's layout: right for inner product, pooling, eltwise and softmax. */
    PLAIN
}
