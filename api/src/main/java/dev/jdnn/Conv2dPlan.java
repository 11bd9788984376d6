package dev.jdnn;

/**
 * A {@link Conv2d} prepared for one input shape and layout. Tensors: {@code x} and {@code dx} have
 * {@link #inputShape()}, {@code y} and {@code dy} {@link #outputShape()}, all four the plan's
 * {@link #layout()}; {@code w} and
 * {@code dw} {@link Conv2d#weightShape()}, {@code b} and {@code db} {@link Conv2d#biasShape()}
 * (both {@code null} when the op has no bias), weights row-major ({@code NCHW}) in either layout.
 * Outputs are overwritten. With a fused {@link Conv2d#activation()} the forward writes
 * {@code a(conv(x, w) + b)} and both backward passes take {@code dy} with respect to
 * {@code conv(x, w) + b}, the pre-activation output (from
 * {@link Backend#activationBackwardFromOutput}). Running a plan allocates
 * nothing; one thread at a time.
 */
public interface Conv2dPlan extends WeightedPlan {
    /** The op this plan computes. */
    Conv2d op();

    /** {@code [n, c, h, w]}. */
    Shape inputShape();

    /** {@code [n, k, oh, ow]}. */
    Shape outputShape();

    /** The layout of {@code x}, {@code y}, {@code dx} and {@code dy}. */
    Layout layout();

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

    /** {@code y = conv(x, w) + b}, or {@code a(conv(x, w) + b)} with a fused activation {@code a}. */
    void forward(Tensor x, Tensor w, Tensor b, Tensor y);

    /** {@code dx = ∂L/∂x} from {@code dy = ∂L/∂y} (pre-activation {@code y} when one is fused). */
    void backwardData(Tensor dy, Tensor w, Tensor dx);

    /** {@code dw = ∂L/∂w} and {@code db = ∂L/∂b} from the forward input and {@code dy}. */
    void backwardWeights(Tensor x, Tensor dy, Tensor dw, Tensor db);

    /** Releases the plan's scratch memory and native primitives. */
    @Override
    void close();
}
