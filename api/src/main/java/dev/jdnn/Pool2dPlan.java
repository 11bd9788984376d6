package dev.jdnn;

/**
 * A {@link Pool2d} prepared for one input shape: {@code x} and {@code dx} have
 * {@link #inputShape()}, {@code y} and {@code dy} {@link #outputShape()}. Outputs are
 * overwritten. Running a plan allocates nothing; one thread at a time.
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

    /** {@code y = pool(x)}. */
    void forward(Tensor x, Tensor y);

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
