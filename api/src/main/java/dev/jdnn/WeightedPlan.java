package dev.jdnn;

/**
 * What a {@link Conv2dPlan} and a {@link DensePlan} have in common: a layer with weights and an
 * optional bias, prepared for one input shape, with the same three passes. Code that trains a
 * stack of layers (one loop over forward, backwardData, backwardWeights) can hold either as a
 * {@code WeightedPlan}.
 *
 * <p>Tensors: {@code x} and {@code dx} have {@link #inputShape()}, {@code y} and {@code dy}
 * {@link #outputShape()}, {@code w} and {@code dw} {@link #weightShape()}, {@code b} and
 * {@code db} {@link #biasShape()} (both {@code null} when {@link #hasBias()} is false). Outputs
 * are overwritten. Running a plan allocates nothing; one thread at a time.
 */
public interface WeightedPlan extends AutoCloseable {
    /** The input shape the plan was prepared for. */
    Shape inputShape();

    /** The output shape. */
    Shape outputShape();

    /** The shape of {@code w} and {@code dw}. */
    Shape weightShape();

    /** Whether the op adds a bias: then {@code b} and {@code db} are required, else they must be {@code null}. */
    boolean hasBias();

    /** The shape of {@code b} and {@code db} (only used when {@link #hasBias()}). */
    Shape biasShape();

    /** {@code y = op(x, w) + b}. */
    void forward(Tensor x, Tensor w, Tensor b, Tensor y);

    /** {@code dx = ∂L/∂x} from {@code dy = ∂L/∂y}. */
    void backwardData(Tensor dy, Tensor w, Tensor dx);

    /** {@code dw = ∂L/∂w} and {@code db = ∂L/∂b} from the forward input and {@code dy}. */
    void backwardWeights(Tensor x, Tensor dy, Tensor dw, Tensor db);

    /** Releases the plan's scratch memory and native primitives. */
    @Override
    void close();
}
