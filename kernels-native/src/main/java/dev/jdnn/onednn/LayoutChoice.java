package dev.jdnn.onednn;

import java.util.List;
import java.util.Locale;

/**
 * Which {@link PassLayout}s a convolution pass tries. Measured with oneDNN 3.13 from C on the hot-core
 * shapes (shared/bench/onednn-from-c/RESULTS-2026-11-24.md), neither way of serving NCHW tensors
 * wins everywhere: blocked-with-reorders is up to 2x faster for small-channel forward passes
 * (vgg_c1, mb_dw), plain activations up to 2x faster for e.g. lenet_c1 backward-data, lenet_c2
 * backward-weights and every 1x1 convolution. So by default a pass big enough for the choice to
 * matter ({@link #TIMED_MIN_FLOP} or more) builds both and keeps the faster on this machine; a
 * smaller one takes {@link PassLayout#BLOCKED}, the better one on the smallest measured shapes.
 * The system property {@code jdnn.onednn.layout} ({@code timed}, {@code blocked}, {@code mixed},
 * {@code plain}) forces one, for measurements.
 *
 * <p>Pooling has no weights, and its plain-layout kernel is a real one, not a reference fallback,
 * so its candidates are {@link PassLayout#BLOCKED} (channel-blocked, see {@link ChannelBlocking}) and
 * {@link PassLayout#PLAIN}, both timed by default when the input has {@link #POOL_TIMED_MIN_ELEMENTS}
 * or more: measured here, max pooling on {@code nChw8c} with the reorders was 3-7x faster than the
 * plain kernel on pool_cifar and pool_stem, but a pool over few channels pays for the channel
 * padding. A smaller pool stays plain, where two extra reorders would cost more than they save.
 */
final class LayoutChoice {
    /** Property that forces a layout strategy. */
    static final String PROPERTY = "jdnn.onednn.layout";
    /** Passes below this many floating-point operations are not worth timing at plan creation. */
    static final double TIMED_MIN_FLOP = 4e6;
    /** Pooling inputs below this many elements are not worth timing (nor blocking). */
    static final long POOL_TIMED_MIN_ELEMENTS = 1 << 16;

    private final String forced;

    private LayoutChoice(String forced) {
        this.forced = forced;
    }

    /** The strategy the system property asks for (default {@code timed}). */
    static LayoutChoice fromSystemProperty() {
        return forced(System.getProperty(PROPERTY, "timed"));
    }

    /** The strategy named {@code name} ({@code timed}, {@code blocked}, {@code mixed}, {@code plain}). */
    static LayoutChoice forced(String name) {
        return new LayoutChoice(name.toLowerCase(Locale.ROOT));
    }

    /** Layouts to try, in order of preference; {@link PassLayout#PLAIN}, if listed, is only a last resort. */
    List<PassLayout> candidates(double flop) {
        return switch (forced) {
            case "blocked" -> List.of(PassLayout.BLOCKED, PassLayout.PLAIN);
            case "mixed" -> List.of(PassLayout.PLAIN_ACTIVATIONS, PassLayout.PLAIN);
            case "plain" -> List.of(PassLayout.PLAIN);
            default -> List.of(PassLayout.BLOCKED, PassLayout.PLAIN_ACTIVATIONS, PassLayout.PLAIN);
        };
    }

    /**
     * Layouts an NHWC convolution's backward data over fewer input channels than one channel block
     * tries, in order, untimed: the first that builds is kept, so the kernel (and with it the order
     * oneDNN sums over {@code (c, r, s)}, hence dx's bits) never depends on a timing. By default
     * (and {@code blocked}) channel-blocked first: on LeNet-5's second layer (6 input channels,
     * batch 64, AVX-512, 2 threads) oneDNN's blocked {@code jit:avx512_core} kernel took 0.253 ms
     * plus 0.09 ms of reorders, its NHWC {@code brg_conv_bwd} one 0.587 ms. {@code mixed} and
     * {@code plain} force those layouts as for the other passes.
     */
    List<PassLayout> smallChannelNhwcBackwardData() {
        return switch (forced) {
            case "mixed" -> List.of(PassLayout.PLAIN_ACTIVATIONS, PassLayout.PLAIN);
            case "plain" -> List.of(PassLayout.PLAIN);
            default -> List.of(PassLayout.BLOCKED, PassLayout.PLAIN_ACTIVATIONS, PassLayout.PLAIN);
        };
    }

    /**
     * Whether an NHWC convolution's backward data over fewer input channels than one channel block
     * first tries oneDNN's {@code jit:avx512_core} kernel on the NHWC tensors (by default: it needs
     * no reorder of dy and dx, which cost the channel-blocked pass 0.09-0.11 ms on LeNet-5's conv2);
     * not when a layout is forced.
     */
    boolean nhwcJitBackwardDataFirst() {
        return !List.of("blocked", "mixed", "plain").contains(forced);
    }

    /** Layouts a pooling pass over {@code inputElements} tries, in order of preference. */
    List<PassLayout> poolingCandidates(long inputElements) {
        return switch (forced) {
            case "blocked" -> List.of(PassLayout.BLOCKED, PassLayout.PLAIN);
            case "mixed", "plain" -> List.of(PassLayout.PLAIN);
            default -> inputElements >= POOL_TIMED_MIN_ELEMENTS ? List.of(PassLayout.BLOCKED, PassLayout.PLAIN)
                    : List.of(PassLayout.PLAIN);
        };
    }

    /** Whether pooling's candidates are timed rather than taken in order. */
    boolean poolingTimed(long inputElements) {
        return forced.equals("timed") && inputElements >= POOL_TIMED_MIN_ELEMENTS;
    }

    /** Whether the candidates are timed rather than taken in order. */
    boolean timed(double flop) {
        return forced.equals("timed") && flop >= TIMED_MIN_FLOP;
    }
}
