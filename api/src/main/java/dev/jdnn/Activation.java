package dev.jdnn;

/** Element-wise activation functions. */
public enum Activation {
    /** {@code max(0, x)}; its gradient at 0 is taken as 0. */
    RELU,
    /** {@code 1 / (1 + exp(-x))}. */
    SIGMOID,
    /** {@code tanh(x)}. */
    TANH
}
