package dev.jdnn;

/**
 * A {@link Pool2d} prepared for one input shape and layout: {@code x} and {@code dx} have
 * {@link #inputShape()}, {@code y} and {@code dy} {@link #outputShape()}, all four the plan's
 * {@link #layout()}. Outputs are overwritten. Running a plan allocates nothing; one thread at a time.
 *
 * <p>NaN and infinities, the same in every backend: padded cells never take part. Max pooling
 * gives NaN for a window that holds a NaN, else the window's maximum (so {@code -Inf} for a
 * window of only {@code -Inf}); its backward routes the gradient to the first NaN of the window
 * (row-major order) if there is one, else to the first cell holding the maximum. Average pooling
 * is plain IEEE arithmetic over the real cells.
 */
public interface Pool2dPlan extends AutoCloseable {
    /** The op this plan computes. */
    Pool2d op();

    /** {@code [n, c, h, w]}. */
    Shape inputShape();

    /** {@code [n, c, oh, ow]}. */
    Shape outputShape();

    /** The layout of {@code x}, {@code y}, {@code dx} and {@code dy}. */
    Layout layout();

    /** {@code y = pool(x)}. */
    void forward(Tensor x, Tensor y);

    /**
     * A workspace for {@link #forward(Tensor, Tensor, Workspace)} and
     * {@link #backward(Workspace, Tensor, Tensor)}, made once and reused for every batch; the
     * caller closes it.
     */
    Workspace newWorkspace();

    /**
     * {@code y = pool(x)}, recording in {@code ws} what {@link #backward(Workspace, Tensor, Tensor)}
     * needs (for max pooling, the cell each window's output came from).
     *
     * @param ws a workspace of this plan's {@link #newWorkspace()}
     */
    void forward(Tensor x, Tensor y, Workspace ws);

    /**
     * {@code dx} from {@code dy} and what the last {@link #forward(Tensor, Tensor, Workspace)} with
     * {@code ws} recorded, without recomputing the forward; the same gradient as
     * {@link #backward(Tensor, Tensor, Tensor)} with that forward's {@code x}.
     *
     * @throws IllegalArgumentException when {@code ws} comes from another plan
     * @throws IllegalStateException when no forward has filled {@code ws}, or it is closed
     */
    void backward(Workspace ws, Tensor dy, Tensor dx);

    /**
     * {@code dx} from {@code dy} given the forward input {@code x}. Max pooling sends each
     * window's gradient to the first maximum of that window (row-major order); average pooling
     * spreads it evenly over the cells the divisor counted.
     */
    void backward(Tensor x, Tensor dy, Tensor dx);

    /** Releases the plan's scratch memory and native primitives. */
    @Override
    void close();
}
