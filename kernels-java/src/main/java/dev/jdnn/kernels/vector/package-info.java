/**
 * Backend {@code vector}: pure Java on the incubating Vector API. Convolution is im2col plus a
 * packed, register-blocked GEMM ({@link dev.jdnn.kernels.vector.PackedGemm}) whose micro-kernels
 * are generated per vector width; depthwise convolution, pooling, activations and softmax have
 * direct vectorised kernels. Work is shared over a backend-owned pool of
 * {@link dev.jdnn.BackendConfig#threads()} workers, and every plan allocates its scratch once.
 */
package dev.jdnn.kernels.vector;
