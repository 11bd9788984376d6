package dev.jdnn;

/**
 * A {@link Conv2d} prepared for one input shape. Tensors: {@code x} and {@code dx} have
 * {@link #inputShape()}, {@code y} and {@code dy} {@link #outputShape()}, {@code w} and
 * {@code dw} {@link Conv2d#weightShape()}, {@code b} and {@code db} {@link Conv2d#biasShape()}
 * (both {@code null} when the op has no bias). Outputs are overwritten. Running a plan allocates
 * nothing; one thread at a time.
 */
public interface Conv2dPlan extends WeightedPlan {
    /** The op this plan computes. */
    Conv2d op();

    /** {@code [n, c, h, w]}. */
    Shape inputShape();

    /** {@code [n, k, oh, ow]}. */
    Shape outputShape();

    /** {@code [k, c / groups, kH, kW]}: the op's {@link Conv2d#weightShape()}. */
    @Override
    default Shape weightShape() {
        return op().weightShape();
    }

    /** The op's {@link Conv2d#bias()}. */
    @Override
    default boolean hasBias() {
        return op().bias();
    }

    /** {@code [k]}: the op's {@link Conv2d#biasShape()}. */
    @Override
    default Shape biasShape() {
        return op().biasShape();
    }

    /** {@code y = conv(x, w) + b}. */
    void forward(Tensor x, Tensor w, Tensor b, Tensor y);

    /** {@code dx = ∂L/∂x} from {@code dy = ∂L/∂y}. */
    void backwardData(Tensor dy, Tensor w, Tensor dx);

    /** {@code dw = ∂L/∂w} and {@code db = ∂L/∂b} from the forward input and {@code dy}. */
    void backwardWeights(Tensor x, Tensor dy, Tensor dw, Tensor db);

    /** Releases the plan's scratch memory and native primitives. */
    @Override
    void close();
}
