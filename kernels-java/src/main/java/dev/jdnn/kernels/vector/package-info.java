/**
 * Backend {@code vector}: pure Java on the incubating Vector API. Convolution is im2col plus a
 * packed, register-blocked GEMM ({@link dev.jdnn.kernels.vector.PackedGemm}) whose micro-kernels
 * are generated per vector width; depthwise convolution, pooling, activations and softmax have
 * direct vectorised kernels. Work is shared over a backend-owned pool of
 * {@link dev.jdnn.BackendConfig#threads()} workers, and every plan allocates its scratch once.
 *
 * <p>Bounds and rules the plans keep: a convolution's im2col scratch is at most two column blocks
 * of 4M floats (16 MiB each, heap and native) plus the band of input rows a block reads, per
 * worker, whatever the image size; every micro-kernel compiles at every JIT tier (a kernel C1
 * refuses leaves the Vector API in its slow fallback on small machines); sums over lanes go in a
 * fixed order, so results do not depend on the JIT tier; long sums are blockwise; padded cells
 * take part in no operation, also when a weight or gradient is infinite or NaN.
 */
package dev.jdnn.kernels.vector;
