package dev.jdnn;

/**
 * A {@link Dense} layer prepared for one batch size: {@code x} and {@code dx} are
 * {@code [batch, in]}, {@code y} and {@code dy} {@code [batch, out]}, {@code w} and {@code dw}
 * {@code [out, in]}, {@code b} and {@code db} {@code [out]} (both {@code null} without bias).
 * All row-major. Outputs are overwritten. With a fused {@link Dense#activation()} the forward
 * writes {@code a(x · wᵀ + b)} and both backward passes take {@code dy} with respect to
 * {@code x · wᵀ + b}, the pre-activation output (from {@link Backend#activationBackwardFromOutput}).
 * Running a plan allocates nothing; one thread at a time.
 */
public interface DensePlan extends WeightedPlan {
    /** The op this plan computes. */
    Dense op();

    /** {@code [batch, in]}. */
    Shape inputShape();

    /** {@code [batch, out]}. */
    Shape outputShape();

    /** {@code [out, in]}: the op's {@link Dense#weightShape()}. */
    @Override
    default Shape weightShape() {
        return op().weightShape();
    }

    /** The op's {@link Dense#bias()}. */
    @Override
    default boolean hasBias() {
        return op().bias();
    }

    /** {@code [out]}: the op's {@link Dense#biasShape()}. */
    @Override
    default Shape biasShape() {
        return op().biasShape();
    }

    /** {@code y = x · wᵀ + b}, or {@code a(x · wᵀ + b)} with a fused activation {@code a}. */
    void forward(Tensor x, Tensor w, Tensor b, Tensor y);

    /** {@code dx = dy · w}. */
    void backwardData(Tensor dy, Tensor w, Tensor dx);

    /** {@code dw = dyᵀ · x} and {@code db = Σ_batch dy}. */
    void backwardWeights(Tensor x, Tensor dy, Tensor dw, Tensor db);

    /** Releases the plan's scratch memory and native primitives. */
    @Override
    void close();
}
