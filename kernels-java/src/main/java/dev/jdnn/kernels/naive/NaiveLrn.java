package dev.jdnn.kernels.naive;

import dev.jdnn.Layout;
import dev.jdnn.Lrn;
import dev.jdnn.LrnPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

/**
 * Local response normalisation across channels (PyTorch's {@code LocalResponseNorm}), over
 * {@code [n, c, h, w]} activations in any layout, in {@code double}. At each pixel, channel
 * {@code c} is divided by {@code s[c]^beta} with
 * {@code s[c] = k + alpha/size · Σ x[c']²} over the window
 * {@code c' ∈ [c - ⌊size/2⌋, c + ⌊(size-1)/2⌋]}; channels outside the tensor count as 0, and the
 * divisor stays {@code size} even where the window is clipped (PyTorch pads with zeros and averages).
 *
 * <p>Backward: {@code y[c''] = x[c'']·s[c'']^-beta} depends on {@code x[c]} directly (at
 * {@code c'' = c}) and through {@code s[c'']} for every window {@code c''} that holds {@code c},
 * that is {@code c'' ∈ [c - ⌊(size-1)/2⌋, c + ⌊size/2⌋]}; so
 * {@code dx[c] = dy[c]·s[c]^-beta - 2·alpha·beta/size · x[c] · Σ_{c''} dy[c'']·x[c'']·s[c'']^(-beta-1)}.
 * The per-pixel {@code s} and the per-pixel {@code dy·x·s^(-beta-1)} live in two {@code double}
 * rows of {@code c} entries, made once with the plan.
 */
final class NaiveLrn implements LrnPlan {
    private final Lrn op;
    private final Layout layout;
    private final int size;
    private final double alpha;
    private final double beta;
    private final double k;
    private final Shape inputShape;
    private final ElementIndex index;
    private final int batch;
    private final int channels;
    private final int height;
    private final int width;
    private final double[] scale;
    private final double[] weighted;
    /** Plans run on one thread at a time, so one suffices. */
    private final CompensatedSum sum = new CompensatedSum();

    NaiveLrn(Lrn op, Shape inputShape, Layout layout) {
        this.op = op;
        this.layout = layout;
        this.size = op.size();
        this.alpha = op.alpha();
        this.beta = op.beta();
        this.k = op.k();
        this.inputShape = inputShape;
        this.index = ElementIndex.of(layout, inputShape);
        this.batch = inputShape.dim(0);
        this.channels = inputShape.dim(1);
        this.height = inputShape.dim(2);
        this.width = inputShape.dim(3);
        this.scale = new double[channels];
        this.weighted = new double[channels];
    }

    @Override
    public Lrn op() {
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
        // The two scratch rows are ordinary heap memory; nothing native to release.
    }

    @Override
    public void forward(Tensor x, Tensor y) {
        MemorySegment xs = x.segment();
        MemorySegment ys = y.segment();
        for (int n = 0; n < batch; n++) {
            for (int h = 0; h < height; h++) {
                for (int w = 0; w < width; w++) {
                    scales(xs, n, h, w);
                    for (int c = 0; c < channels; c++) {
                        long i = index.of(n, c, h, w);
                        ys.setAtIndex(JAVA_FLOAT, i, (float) (xs.getAtIndex(JAVA_FLOAT, i) * Math.pow(scale[c], -beta)));
                    }
                }
            }
        }
    }

    @Override
    public void backward(Tensor x, Tensor dy, Tensor dx) {
        MemorySegment xs = x.segment();
        MemorySegment g = dy.segment();
        MemorySegment dxs = dx.segment();
        double factor = 2.0 * alpha * beta / size;
        for (int n = 0; n < batch; n++) {
            for (int h = 0; h < height; h++) {
                for (int w = 0; w < width; w++) {
                    scales(xs, n, h, w);
                    for (int c = 0; c < channels; c++) {
                        long i = index.of(n, c, h, w);
                        weighted[c] = (double) g.getAtIndex(JAVA_FLOAT, i) * xs.getAtIndex(JAVA_FLOAT, i)
                                * Math.pow(scale[c], -beta - 1);
                    }
                    for (int c = 0; c < channels; c++) {
                        sum.reset(0.0);
                        int first = Math.max(0, c - (size - 1) / 2);
                        int last = Math.min(channels - 1, c + size / 2);
                        for (int window = first; window <= last; window++) {
                            sum.add(weighted[window]);
                        }
                        long i = index.of(n, c, h, w);
                        double direct = g.getAtIndex(JAVA_FLOAT, i) * Math.pow(scale[c], -beta);
                        dxs.setAtIndex(JAVA_FLOAT, i, (float) (direct - factor * xs.getAtIndex(JAVA_FLOAT, i) * sum.value()));
                    }
                }
            }
        }
    }

    /** Fills {@code scale[c] = k + alpha/size · Σ_window x²} for pixel {@code (n, h, w)}. */
    private void scales(MemorySegment xs, int n, int h, int w) {
        for (int c = 0; c < channels; c++) {
            sum.reset(0.0);
            int first = Math.max(0, c - size / 2);
            int last = Math.min(channels - 1, c + (size - 1) / 2);
            for (int window = first; window <= last; window++) {
                double v = xs.getAtIndex(JAVA_FLOAT, index.of(n, window, h, w));
                sum.add(v * v);
            }
            scale[c] = k + alpha / size * sum.value();
        }
    }
}
