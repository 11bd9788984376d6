/**
 * jdnn's public API: {@link dev.jdnn.Tensor}s in native memory, op descriptions
 * ({@link dev.jdnn.Conv2d}, {@link dev.jdnn.Pool2d}, {@link dev.jdnn.Dense},
 * {@link dev.jdnn.Activation}), the {@link dev.jdnn.Backend} interface with its plans, and
 * {@link dev.jdnn.Backends} to pick a backend at run time. Every argument is validated here, once,
 * before a backend sees it.
 */
package dev.jdnn;
