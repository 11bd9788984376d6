package dev.jdnn;

/**
 * An {@link Lrn} prepared for one input shape {@code [n, c, h, w]} and layout: {@code x},
 * {@code y}, {@code dy} and {@code dx} all have {@link #inputShape()} and {@link #layout()}.
 * Outputs are overwritten and share no memory with inputs. Running a plan allocates nothing; one
 * thread at a time.
 */
public interface LrnPlan extends AutoCloseable {
    /** The op this plan computes. */
    Lrn op();

    /** {@code [n, c, h, w]}, also the output's shape. */
    Shape inputShape();

    /** The layout of every activation tensor of this plan. */
    Layout layout();

    /** {@code y = lrn(x)}. */
    void forward(Tensor x, Tensor y);

    /**
     * {@code dx} from {@code dy} given the forward input {@code x}: with
     * {@code s[c] = k + alpha/size * Σ_window(c) x²},
     * {@code dx[c] = dy[c] * s[c]^-beta - 2 alpha beta / size * x[c] * Σ_{c'' : c ∈ window(c'')}
     * dy[c''] x[c''] s[c'']^(-beta-1)}.
     */
    void backward(Tensor x, Tensor dy, Tensor dx);

    /** Releases the plan's scratch memory and native primitives. */
    @Override
    void close();
}
