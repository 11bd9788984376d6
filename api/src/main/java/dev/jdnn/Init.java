package dev.jdnn;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.SplittableRandom;

/**
 * Seeded weight initialisers, the ones the seed's chapter on learning compares. They need no
 * backend and give the same values for the same seed and shape on every machine (draws come from
 * {@link SplittableRandom}, element by element in memory order).
 *
 * <p>Fan-in and fan-out are computed from the weight shape as PyTorch's
 * {@code _calculate_fan_in_and_fan_out} does: for a convolution's {@code [k, c/groups, r, s]}
 * fan-in is {@code c/groups * r * s} and fan-out {@code k * r * s}; for a dense layer's
 * {@code [out, in]} fan-in is {@code in} and fan-out {@code out}; in general dimension 1 times the
 * receptive field (the product of dimensions 2 and up) and dimension 0 times it.
 */
public final class Init {
    private Init() {
    }

    /**
     * He (Kaiming) normal initialisation for ReLU layers, PyTorch's {@code kaiming_normal_} with
     * its defaults: normal with mean 0 and standard deviation {@code sqrt(2 / fanIn)}.
     *
     * @param w weights of rank 2 ({@code [out, in]}) or more ({@code [k, c/groups, r, s]}); overwritten
     * @param seed the draws' seed
     * @throws IllegalArgumentException when {@code w} is null or of rank below 2
     * @throws IllegalStateException when {@code w} is closed
     */
    public static void heNormal(Tensor w, long seed) {
        String op = "Init.heNormal";
        long[] fans = fans(op, w);
        double stddev = Math.sqrt(2.0 / fans[0]);
        SplittableRandom random = new SplittableRandom(seed);
        fill(op, w, () -> (float) (stddev * random.nextGaussian()));
    }

    /**
     * Xavier (Glorot) uniform initialisation for sigmoid and tanh layers, PyTorch's
     * {@code xavier_uniform_} with gain 1: uniform on {@code [-a, a)} with
     * {@code a = sqrt(6 / (fanIn + fanOut))}.
     *
     * @param w weights of rank 2 or more; overwritten
     * @param seed the draws' seed
     * @throws IllegalArgumentException when {@code w} is null or of rank below 2
     * @throws IllegalStateException when {@code w} is closed
     */
    public static void xavierUniform(Tensor w, long seed) {
        String op = "Init.xavierUniform";
        long[] fans = fans(op, w);
        double bound = Math.sqrt(6.0 / (fans[0] + fans[1]));
        SplittableRandom random = new SplittableRandom(seed);
        fill(op, w, () -> (float) (bound * (2 * random.nextDouble() - 1)));
    }

    /**
     * TensorFlow's truncated normal: normal with mean 0 and standard deviation {@code stddev}, a
     * draw beyond two standard deviations redrawn (so the result has a standard deviation of about
     * {@code 0.88 * stddev}, as TensorFlow's has).
     *
     * @param w a tensor of any shape; overwritten
     * @param stddev the standard deviation before truncation, finite and {@code > 0}
     * @param seed the draws' seed
     * @throws IllegalArgumentException when {@code w} is null or {@code stddev} is not finite and positive
     * @throws IllegalStateException when {@code w} is closed
     */
    public static void truncatedNormal(Tensor w, double stddev, long seed) {
        String op = "Init.truncatedNormal";
        Arguments.present(op, "w", w, null);
        if (!(stddev > 0) || Double.isInfinite(stddev)) {
            throw new IllegalArgumentException(op + ": stddev: expected a finite value > 0, got " + stddev);
        }
        SplittableRandom random = new SplittableRandom(seed);
        fill(op, w, () -> {
            double z;
            do {
                z = random.nextGaussian();
            } while (Math.abs(z) > 2);
            return (float) (stddev * z);
        });
    }

    /** {@code {fanIn, fanOut}} of a weight tensor of rank 2 or more, as PyTorch computes them. */
    static long[] fans(String op, Tensor w) {
        Arguments.present(op, "w", w, null);
        Shape shape = w.shape();
        if (shape.rank() < 2) {
            throw new IllegalArgumentException(op + ": w: expected rank >= 2 ([out, in] or [k, c/groups, r, s]) to"
                    + " derive fan-in and fan-out, got " + shape + " (rank " + shape.rank() + ")");
        }
        long receptive = 1;
        for (int d = 2; d < shape.rank(); d++) {
            receptive *= shape.dim(d);
        }
        return new long[] {shape.dim(1) * receptive, shape.dim(0) * receptive};
    }

    /** Where the next value comes from. */
    private interface Draw {
        float next();
    }

    private static void fill(String op, Tensor w, Draw draw) {
        w.pin(op);
        try {
            MemorySegment target = w.segment();
            long count = w.shape().elementCount();
            for (long i = 0; i < count; i++) {
                target.setAtIndex(ValueLayout.JAVA_FLOAT, i, draw.next());
            }
        } finally {
            w.unpin();
        }
    }
}
