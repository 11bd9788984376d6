package dev.jdnn.onednn;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Batch normalisation over an NHWC tensor with a channel count oneDNN serves with its generic
 * {@code nspc_bnorm:any} kernel, in Java vectors on the calling thread. An NHWC tensor of
 * {@code c} channels is a sequence of periods of {@code lcm(c, lanes)} floats in which lane
 * {@code l} of the period's vector {@code j} always holds channel {@code (j·lanes + l) mod c}, so
 * every vector is full and a per-lane pattern of the per-channel coefficients serves every period.
 * Each pass takes {@link #BLOCK} periods at a time (12 KB at 6 channels, in L1) and walks them once
 * per vector position, so the memory is read once; reductions sum in float within a block and in
 * double across blocks, and fold the lanes into channels at the end; the leftover of fewer than a period of
 * floats runs one element at a time. The variance takes two passes (mean, then squared
 * deviations), never {@code E[x²] - E[x]²}. The arithmetic is the vector backend's.
 *
 * <p>Why not oneDNN: at [64, 6, 28, 28] (lenet-bn's bn1, 2 threads, AVX-512, 2026-12-06) oneDNN
 * 3.13 ran the NHWC training forward in 0.95 ms, the backward in 1.58 ms and inference in 0.38 ms
 * ({@code nspc_bnorm:any}); the same op over NCHW ({@code ncsp_bnorm:any}) took 0.26 / 0.38 /
 * 0.14 ms before any reorder; 8, 16 and 32 channels run its JIT kernel (0.04-0.08 ms at
 * [64, c, 14, 14]). Measured numbers for this class are in {@link DnnlBatchNormalization}.
 *
 * <p>All buffers belong to the instance, which its plan uses on one thread at a time.
 */
final class VectorNhwcBatchNorm {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT;
    /** Periods summed in float before the lane sums move into doubles. */
    static final int BLOCK = 64;

    private final int c;
    private final double epsilon;
    /** Values per channel: {@code n·h·w}. */
    private final long pixels;
    /** Floats per period, {@code lcm(c, lanes)}, and vectors per period. */
    private final int period;
    private final int vectors;
    private final long periods;
    /** First float after the last whole period. */
    private final long leftoverStart;
    private final long total;
    private final double[] laneSumsA;
    private final double[] laneSumsB;
    private final float[] blockLanes;
    /** Per-lane patterns of the per-channel mean and coefficients, one period long. */
    private final float[] meanPattern;
    private final float[] scalePattern;
    private final float[] shiftPattern;
    private final float[] extraPattern;
    private final double[] channelA;
    private final double[] channelB;

    /** Whether this class serves {@code c} channels: oneDNN's JIT kernel takes multiples of 8 (measured 8, 16, 32). */
    static boolean serves(int c) {
        return c % 8 != 0;
    }

    VectorNhwcBatchNorm(int n, int c, int h, int w, double epsilon) {
        this.c = c;
        this.epsilon = epsilon;
        this.pixels = (long) n * h * w;
        this.period = lcm(c, LANES);
        this.vectors = period / LANES;
        this.total = pixels * c;
        this.periods = total / period;
        this.leftoverStart = periods * period;
        this.laneSumsA = new double[period];
        this.laneSumsB = new double[period];
        this.blockLanes = new float[LANES];
        this.meanPattern = new float[period];
        this.scalePattern = new float[period];
        this.shiftPattern = new float[period];
        this.extraPattern = new float[period];
        this.channelA = new double[c];
        this.channelB = new double[c];
    }

    private static int lcm(int a, int b) {
        int x = a;
        int y = b;
        while (y != 0) {
            int t = x % y;
            x = y;
            y = t;
        }
        return a / x * b;
    }

    /** Batch statistics into {@code mean} and {@code variance} (biased), then {@code y = γ (x - μ)/√(σ²+ε) + β}. */
    void forwardTraining(MemorySegment x, MemorySegment gamma, MemorySegment beta, MemorySegment y,
                         MemorySegment mean, MemorySegment variance) {
        reduce(x, null, false);
        for (int ch = 0; ch < c; ch++) {
            mean.setAtIndex(F, ch, (float) (channelA[ch] / pixels));
        }
        fillPattern(meanPattern, mean);
        reduce(x, null, true);
        for (int ch = 0; ch < c; ch++) {
            variance.setAtIndex(F, ch, (float) (channelA[ch] / pixels));
        }
        forwardInference(x, gamma, beta, mean, variance, y);
    }

    /** {@code y = γ (x - μ)/√(σ²+ε) + β} with the given statistics, as {@code y = x·scale + shift}. */
    void forwardInference(MemorySegment x, MemorySegment gamma, MemorySegment beta, MemorySegment mean,
                          MemorySegment variance, MemorySegment y) {
        for (int k = 0; k < period; k++) {
            int ch = k % c;
            double s = gamma.getAtIndex(F, ch) / Math.sqrt((double) variance.getAtIndex(F, ch) + epsilon);
            scalePattern[k] = (float) s;
            shiftPattern[k] = (float) (beta.getAtIndex(F, ch) - mean.getAtIndex(F, ch) * s);
        }
        for (long p0 = 0; p0 < periods; p0 += BLOCK) {
            long p1 = Math.min(periods, p0 + BLOCK);
            for (int j = 0; j < vectors; j++) {
                int lane0 = j * LANES;
                FloatVector s = FloatVector.fromArray(SPECIES, scalePattern, lane0);
                FloatVector t = FloatVector.fromArray(SPECIES, shiftPattern, lane0);
                for (long p = p0; p < p1; p++) {
                    long at = (p * period + lane0) * Float.BYTES;
                    FloatVector.fromMemorySegment(SPECIES, x, at, ORDER).fma(s, t).intoMemorySegment(y, at, ORDER);
                }
            }
        }
        for (long i = leftoverStart; i < total; i++) {
            int k = (int) (i - leftoverStart);
            y.setAtIndex(F, i, x.getAtIndex(F, i) * scalePattern[k] + shiftPattern[k]);
        }
    }

    /**
     * With {@code k = γ/√(σ²+ε)}: {@code dβ = Σ dy}, {@code dγ = Σ dy·(x-μ)/√(σ²+ε)} and
     * {@code dx = k·dy - k·dβ/M - k²·(x-μ)·Σ dy·(x-μ)/(γ M)}, held as
     * {@code dx = scale·dy + shift + extra·(x - μ)}.
     */
    void backward(MemorySegment x, MemorySegment dy, MemorySegment gamma, MemorySegment mean,
                  MemorySegment variance, MemorySegment dx, MemorySegment dGamma, MemorySegment dBeta) {
        fillPattern(meanPattern, mean);
        reduce(x, dy, false);
        for (int ch = 0; ch < c; ch++) {
            double invStd = 1 / Math.sqrt((double) variance.getAtIndex(F, ch) + epsilon);
            double k = gamma.getAtIndex(F, ch) * invStd;
            dBeta.setAtIndex(F, ch, (float) channelA[ch]);
            dGamma.setAtIndex(F, ch, (float) (channelB[ch] * invStd));
            scalePattern[ch] = (float) k;
            shiftPattern[ch] = (float) (-k * channelA[ch] / pixels);
            extraPattern[ch] = (float) (-k * invStd * invStd * channelB[ch] / pixels);
        }
        for (int k = c; k < period; k++) {
            scalePattern[k] = scalePattern[k % c];
            shiftPattern[k] = shiftPattern[k % c];
            extraPattern[k] = extraPattern[k % c];
        }
        for (long p0 = 0; p0 < periods; p0 += BLOCK) {
            long p1 = Math.min(periods, p0 + BLOCK);
            for (int j = 0; j < vectors; j++) {
                int lane0 = j * LANES;
                FloatVector s = FloatVector.fromArray(SPECIES, scalePattern, lane0);
                FloatVector t = FloatVector.fromArray(SPECIES, shiftPattern, lane0);
                FloatVector e = FloatVector.fromArray(SPECIES, extraPattern, lane0);
                FloatVector m = FloatVector.fromArray(SPECIES, meanPattern, lane0);
                for (long p = p0; p < p1; p++) {
                    long at = (p * period + lane0) * Float.BYTES;
                    FloatVector v = FloatVector.fromMemorySegment(SPECIES, x, at, ORDER);
                    FloatVector.fromMemorySegment(SPECIES, dy, at, ORDER).fma(s, t).add(v.sub(m).mul(e))
                            .intoMemorySegment(dx, at, ORDER);
                }
            }
        }
        for (long i = leftoverStart; i < total; i++) {
            int k = (int) (i - leftoverStart);
            float centred = x.getAtIndex(F, i) - meanPattern[k];
            dx.setAtIndex(F, i, dy.getAtIndex(F, i) * scalePattern[k] + shiftPattern[k] + centred * extraPattern[k]);
        }
    }

    private void fillPattern(float[] pattern, MemorySegment perChannel) {
        for (int k = 0; k < period; k++) {
            pattern[k] = perChannel.getAtIndex(F, k % c);
        }
    }

    /**
     * Per channel into {@link #channelA} (and {@link #channelB}): without {@code dy}, {@code Σ x}
     * or, {@code squares} set, {@code Σ (x - μ)²}; with {@code dy}, {@code Σ dy} and
     * {@code Σ dy·(x - μ)}. {@link #meanPattern} holds {@code μ} where it is used.
     */
    private void reduce(MemorySegment x, MemorySegment dy, boolean squares) {
        java.util.Arrays.fill(laneSumsA, 0);
        java.util.Arrays.fill(laneSumsB, 0);
        for (long p0 = 0; p0 < periods; p0 += BLOCK) {
            long p1 = Math.min(periods, p0 + BLOCK);
            for (int j = 0; j < vectors; j++) {
                int lane0 = j * LANES;
                FloatVector m = FloatVector.fromArray(SPECIES, meanPattern, lane0);
                FloatVector accA = FloatVector.zero(SPECIES);
                FloatVector accB = FloatVector.zero(SPECIES);
                for (long p = p0; p < p1; p++) {
                    long at = (p * period + lane0) * Float.BYTES;
                    FloatVector v = FloatVector.fromMemorySegment(SPECIES, x, at, ORDER);
                    if (dy != null) {
                        FloatVector g = FloatVector.fromMemorySegment(SPECIES, dy, at, ORDER);
                        accA = accA.add(g);
                        accB = v.sub(m).fma(g, accB);
                    } else if (squares) {
                        FloatVector d = v.sub(m);
                        accA = d.fma(d, accA);
                    } else {
                        accA = accA.add(v);
                    }
                }
                accA.intoArray(blockLanes, 0);
                for (int l = 0; l < LANES; l++) {
                    laneSumsA[lane0 + l] += blockLanes[l];
                }
                if (dy != null) {
                    accB.intoArray(blockLanes, 0);
                    for (int l = 0; l < LANES; l++) {
                        laneSumsB[lane0 + l] += blockLanes[l];
                    }
                }
            }
        }
        java.util.Arrays.fill(channelA, 0);
        java.util.Arrays.fill(channelB, 0);
        for (int k = 0; k < period; k++) {
            channelA[k % c] += laneSumsA[k];
            channelB[k % c] += laneSumsB[k];
        }
        for (long i = leftoverStart; i < total; i++) {
            int k = (int) (i - leftoverStart);
            int ch = k % c;
            double v = x.getAtIndex(F, i);
            if (dy != null) {
                double g = dy.getAtIndex(F, i);
                channelA[ch] += g;
                channelB[ch] += g * (v - meanPattern[k]);
            } else if (squares) {
                double d = v - meanPattern[k];
                channelA[ch] += d * d;
            } else {
                channelA[ch] += v;
            }
        }
    }
}
