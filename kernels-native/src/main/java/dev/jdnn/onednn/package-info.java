/**
 * Backend {@code onednn}: oneDNN 3.x through the FFM API. {@link dev.jdnn.onednn.NativeLibraryLoader}
 * loads the libraries shipped in the {@code org.bytedeco:dnnl} jar; {@link dev.jdnn.onednn.Engine},
 * {@link dev.jdnn.onednn.Stream}, {@link dev.jdnn.onednn.MemoryDesc}, {@link dev.jdnn.onednn.Memory},
 * {@link dev.jdnn.onednn.PrimitiveDesc} and {@link dev.jdnn.onednn.Primitive} each own one native
 * handle; the plans ({@code DnnlConvolution}, {@code DnnlPooling}, {@code DnnlInnerProduct},
 * {@code DnnlBatchNormalization}, {@code DnnlLrn}; NCHW or NHWC, fused activations as post-ops) build
 * their primitives, reorders and scratch buffers once and only re-point memory handles at the
 * caller's tensors when run. Where oneDNN's result or cost departs from the contract, Java takes
 * over: {@code LongRowSoftmax} and {@code LogSoftmaxEpilogue} (accuracy), {@code MaxPoolWindows}
 * for NaN and infinities (found by {@code NonFinite}, which also guards ReLU),
 * {@code AveragePoolDivisor} (divisors), {@code DirectConvolution} (sparse strides), {@code JavaLrn}
 * (even LRN sizes), {@code JavaActivation}. A plan runs
 * on one thread at a time ({@code PlanUse}), and every primitive run keeps the caller's arenas
 * open ({@code Primitive}).
 */
package dev.jdnn.onednn;
