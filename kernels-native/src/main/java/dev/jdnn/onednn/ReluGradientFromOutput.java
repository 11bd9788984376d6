package dev.jdnn.onednn;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * ReLU's gradient from its output, {@code dx = y > 0 ? dy : 0} with the contract's rules (exactly 0
 * wherever {@code y} is not above zero, NaN {@code y} included, whatever {@code dy} holds), in one
 * branch-free pass over the float bits. oneDNN's {@code relu_use_dst_for_bwd} forms {@code 0 * dy},
 * NaN for a NaN or infinite {@code dy}, so before this class a scan of {@code y} and {@code dy}
 * ran ahead of the primitive on every call: on LeNet-5's first layer ([64,6,28,28], AVX-512,
 * 2 threads) the scan and the primitive cost more than twice this pass, which reads the same two
 * tensors once and writes {@code dx} without any check.
 *
 * <p>{@code y > 0} exactly when its bits, as a signed int, lie in {@code [1, 0x7f800000]}
 * (positive finite floats and {@code +Inf}; {@code -0.0} and negatives have the sign bit, NaN lies
 * above); {@link #keepMask} turns that into a mask with integer operations only, so C2 vectorises
 * the loop.
 */
final class ReluGradientFromOutput {
    private static final ValueLayout.OfInt I = ValueLayout.JAVA_INT;
    private static final int INFINITY_BITS = 0x7f800000;

    private ReluGradientFromOutput() {
    }

    /**
     * {@code dx[i] = y[i] > 0 ? dy[i] : 0} for {@code i} in {@code [from, to)}; {@code dx} may be
     * {@code dy} (each element is read before it is written).
     */
    static void apply(MemorySegment y, MemorySegment dy, MemorySegment dx, long from, long to) {
        for (long i = from; i < to; i++) {
            dx.setAtIndex(I, i, dy.getAtIndex(I, i) & keepMask(y.getAtIndex(I, i)));
        }
    }

    /**
     * All ones when the float with bits {@code bits} is above zero, else 0: {@code t = bits - 1}
     * is non-negative and below {@code 0x7f800000} exactly then, so the sign bits of
     * {@code t - 0x7f800000} (set when {@code t} is below it, and also for negative {@code t}
     * near {@code Integer.MIN_VALUE}'s wrap) and of {@code ~t} (set when {@code t} is
     * non-negative) are both set exactly then.
     */
    static int keepMask(int bits) {
        int t = bits - 1;
        return ((t - INFINITY_BITS) & ~t) >> 31;
    }
}
