package dev.jdnn.kernels.naive;

import dev.jdnn.BatchNorm2d;
import dev.jdnn.BatchNorm2dPlan;
import dev.jdnn.Layout;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

/**
 * Batch normalisation over {@code [n, c, h, w]} activations in any layout, per channel over the
 * {@code M = n·h·w} elements of that channel, every quantity in {@code double}:
 * <ul>
 *   <li>training forward: {@code mean = Σx / M}, then {@code variance = Σ(x - mean)² / M} (the
 *       biased variance) in a second pass, and {@code y = gamma·(x - mean)/sqrt(variance + eps) + beta}.
 *       Two passes, because a one-pass {@code Σx²/M - mean²} cancels catastrophically: with a mean of
 *       1000 and a spread of 2, {@code Σx²/M ≈ 10^6} and the variance ≈ 1 is what is left of its last
 *       few bits in float, and not much more in double once M grows;</li>
 *   <li>inference forward: the same normalisation with the given statistics;</li>
 *   <li>backward (training mode, with the statistics the training forward wrote):
 *       {@code xhat = (x - mean)/sqrt(variance + eps)}, {@code dBeta = Σdy}, {@code dGamma = Σdy·xhat},
 *       {@code dx = gamma/sqrt(variance + eps) · (dy - dBeta/M - xhat·dGamma/M)}.</li>
 * </ul>
 * Every channel sum is one {@link CompensatedSum}, so its error does not grow with M: each sum is
 * rounded about once, on top of the double rounding of its terms (the {@code x - mean}, the
 * products with {@code xhat}).
 */
final class NaiveBatchNorm implements BatchNorm2dPlan {
    private final BatchNorm2d op;
    private final Layout layout;
    private final double epsilon;
    private final Shape inputShape;
    private final ElementIndex index;
    private final int batch;
    private final int channels;
    private final int height;
    private final int width;
    /**
     * The plain channel sums: {@code Σx}, {@code Σ(x - mean)²}, {@code Σdy}. Plans run on one thread
     * at a time, so one instance of each sum suffices.
     */
    private final CompensatedSum sum = new CompensatedSum();
    /** The backward's {@code Σdy·xhat} (dGamma), summed in the same pass as {@code Σdy}. */
    private final CompensatedSum weightedSum = new CompensatedSum();

    NaiveBatchNorm(BatchNorm2d op, Shape inputShape, Layout layout) {
        this.op = op;
        this.layout = layout;
        this.epsilon = op.epsilon();
        this.inputShape = inputShape;
        this.index = ElementIndex.of(layout, inputShape);
        this.batch = inputShape.dim(0);
        this.channels = inputShape.dim(1);
        this.height = inputShape.dim(2);
        this.width = inputShape.dim(3);
    }

    @Override
    public BatchNorm2d op() {
        return op;
    }

    @Override
    public Shape inputShape() {
        return inputShape;
    }

    @Override
    public Layout layout() {
        return layout;
    }

    @Override
    public void close() {
        // Nothing to release: the plan holds no scratch memory.
    }

    /** Elements per channel, {@code n·h·w}, as a double divisor. */
    private double perChannel() {
        return (double) batch * height * width;
    }

    @Override
    public void forwardTraining(Tensor x, Tensor gamma, Tensor beta, Tensor y, Tensor mean, Tensor variance) {
        MemorySegment xs = x.segment();
        for (int c = 0; c < channels; c++) {
            double m = channelMean(xs, c);
            sum.reset(0.0);
            for (int n = 0; n < batch; n++) {
                for (int h = 0; h < height; h++) {
                    for (int w = 0; w < width; w++) {
                        double d = xs.getAtIndex(JAVA_FLOAT, index.of(n, c, h, w)) - m;
                        sum.add(d * d);
                    }
                }
            }
            double v = sum.value() / perChannel();
            normalise(xs, c, m, v, gamma.segment().getAtIndex(JAVA_FLOAT, c), beta.segment().getAtIndex(JAVA_FLOAT, c),
                    y.segment());
            mean.segment().setAtIndex(JAVA_FLOAT, c, (float) m);
            variance.segment().setAtIndex(JAVA_FLOAT, c, (float) v);
        }
    }

    @Override
    public void forwardInference(Tensor x, Tensor gamma, Tensor beta, Tensor mean, Tensor variance, Tensor y) {
        MemorySegment xs = x.segment();
        for (int c = 0; c < channels; c++) {
            normalise(xs, c, mean.segment().getAtIndex(JAVA_FLOAT, c), variance.segment().getAtIndex(JAVA_FLOAT, c),
                    gamma.segment().getAtIndex(JAVA_FLOAT, c), beta.segment().getAtIndex(JAVA_FLOAT, c), y.segment());
        }
    }

    @Override
    public void backward(Tensor x, Tensor dy, Tensor gamma, Tensor mean, Tensor variance, Tensor dx, Tensor dGamma,
                  Tensor dBeta) {
        MemorySegment xs = x.segment();
        MemorySegment g = dy.segment();
        MemorySegment dxs = dx.segment();
        for (int c = 0; c < channels; c++) {
            double m = mean.segment().getAtIndex(JAVA_FLOAT, c);
            double inverseStd = 1.0 / Math.sqrt(variance.segment().getAtIndex(JAVA_FLOAT, c) + epsilon);
            sum.reset(0.0);
            weightedSum.reset(0.0);
            for (int n = 0; n < batch; n++) {
                for (int h = 0; h < height; h++) {
                    for (int w = 0; w < width; w++) {
                        long i = index.of(n, c, h, w);
                        double upstream = g.getAtIndex(JAVA_FLOAT, i);
                        sum.add(upstream);
                        weightedSum.add(upstream * ((xs.getAtIndex(JAVA_FLOAT, i) - m) * inverseStd));
                    }
                }
            }
            double betaGradient = sum.value();
            double gammaGradient = weightedSum.value();
            double scale = gamma.segment().getAtIndex(JAVA_FLOAT, c) * inverseStd;
            double meanBeta = betaGradient / perChannel();
            double meanGamma = gammaGradient / perChannel();
            for (int n = 0; n < batch; n++) {
                for (int h = 0; h < height; h++) {
                    for (int w = 0; w < width; w++) {
                        long i = index.of(n, c, h, w);
                        double xhat = (xs.getAtIndex(JAVA_FLOAT, i) - m) * inverseStd;
                        double value = scale * (g.getAtIndex(JAVA_FLOAT, i) - meanBeta - xhat * meanGamma);
                        dxs.setAtIndex(JAVA_FLOAT, i, (float) value);
                    }
                }
            }
            dGamma.segment().setAtIndex(JAVA_FLOAT, c, (float) gammaGradient);
            dBeta.segment().setAtIndex(JAVA_FLOAT, c, (float) betaGradient);
        }
    }

    private double channelMean(MemorySegment xs, int c) {
        sum.reset(0.0);
        for (int n = 0; n < batch; n++) {
            for (int h = 0; h < height; h++) {
                for (int w = 0; w < width; w++) {
                    sum.add(xs.getAtIndex(JAVA_FLOAT, index.of(n, c, h, w)));
                }
            }
        }
        return sum.value() / perChannel();
    }

    /** {@code y = gamma·(x - mean)/sqrt(variance + eps) + beta} over channel {@code c}. */
    private void normalise(MemorySegment xs, int c, double mean, double variance, double gamma, double beta,
                           MemorySegment ys) {
        double scale = gamma / Math.sqrt(variance + epsilon);
        for (int n = 0; n < batch; n++) {
            for (int h = 0; h < height; h++) {
                for (int w = 0; w < width; w++) {
                    long i = index.of(n, c, h, w);
                    ys.setAtIndex(JAVA_FLOAT, i, (float) (scale * (xs.getAtIndex(JAVA_FLOAT, i) - mean) + beta));
                }
            }
        }
    }
}
