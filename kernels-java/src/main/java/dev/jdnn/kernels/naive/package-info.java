/**
 * The {@code naive} backend: every jdnn op, forward and backward, written as the plain loops a
 * textbook uses, accumulating in {@code double}. It is slow on purpose and exists to be read and
 * trusted: every other backend is tested against it.
 *
 * <p>Convolution slides its window over the implicitly zero-padded input; max-pool backward
 * routes each window's gradient through the argmax; average-pool backward spreads it over the
 * cells the divisor counted. Layout-aware ops (convolution, pooling, batch norm, LRN, reorder) loop
 * over logical indices {@code (n, c, h, w)} and take each address from the layout, so NCHW and NHWC
 * share every line of arithmetic. Every output element is computed in full and then written once, so
 * outputs are overwritten, never accumulated into. Like every engine, these classes trust their
 * arguments: the api module has validated them before any code here runs.
 */
package dev.jdnn.kernels.naive;
