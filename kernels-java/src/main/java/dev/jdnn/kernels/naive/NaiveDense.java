package dev.jdnn.kernels.naive;

import dev.jdnn.Activation;
import dev.jdnn.Dense;
import dev.jdnn.DensePlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;

import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_FLOAT;

/**
 * A fully connected layer as three textbook matrix products, each output element one dot
 * product in {@code double}: {@code y = x · wᵀ + b}, {@code dx = dy · w},
 * {@code dw = dyᵀ · x} and {@code db = Σ_batch dy}. Layouts: {@code x [batch, in]},
 * {@code w [out, in]}, {@code b [out]}, {@code y [batch, out]}. A fused activation is applied to
 * the exact forward sum before its one rounding to float; the backward passes take the gradient
 * with respect to the pre-activation output, so they do not depend on it.
 */
final class NaiveDense implements DensePlan {
    private final Dense op;
    private final Activation activation;
    private final int batch;
    private final int in;
    private final int out;
    /** Every output element is one exact sum; plans run on one thread at a time, so one suffices. */
    private final CompensatedSum sum = new CompensatedSum();

    NaiveDense(Dense op, int batch) {
        this.op = op;
        this.activation = op.activation();
        this.batch = batch;
        this.in = op.inFeatures();
        this.out = op.outFeatures();
    }

    @Override
    public Dense op() {
        return op;
    }

    @Override
    public Shape inputShape() {
        return op.inputShape(batch);
    }

    @Override
    public Shape outputShape() {
        return op.outputShape(batch);
    }

    @Override
    public void forward(Tensor x, Tensor w, Tensor b, Tensor y) {
        MemorySegment xs = x.segment();
        MemorySegment ws = w.segment();
        MemorySegment bs = b == null ? null : b.segment();
        MemorySegment ys = y.segment();
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < out; o++) {
                sum.reset(bs == null ? 0.0 : bs.getAtIndex(JAVA_FLOAT, o));
                for (int i = 0; i < in; i++) {
                    sum.add((double) xs.getAtIndex(JAVA_FLOAT, (long) n * in + i) * ws.getAtIndex(JAVA_FLOAT, (long) o * in + i));
                }
                double value = activation == null ? sum.value() : NaiveActivations.value(activation, sum.value());
                ys.setAtIndex(JAVA_FLOAT, (long) n * out + o, (float) value);
            }
        }
    }

    @Override
    public void backwardData(Tensor dy, Tensor w, Tensor dx) {
        MemorySegment g = dy.segment();
        MemorySegment ws = w.segment();
        MemorySegment dxs = dx.segment();
        for (int n = 0; n < batch; n++) {
            for (int i = 0; i < in; i++) {
                sum.reset(0.0);
                for (int o = 0; o < out; o++) {
                    sum.add((double) g.getAtIndex(JAVA_FLOAT, (long) n * out + o) * ws.getAtIndex(JAVA_FLOAT, (long) o * in + i));
                }
                dxs.setAtIndex(JAVA_FLOAT, (long) n * in + i, (float) sum.value());
            }
        }
    }

    @Override
    public void backwardWeights(Tensor x, Tensor dy, Tensor dw, Tensor db) {
        MemorySegment xs = x.segment();
        MemorySegment g = dy.segment();
        MemorySegment dws = dw.segment();
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                sum.reset(0.0);
                for (int n = 0; n < batch; n++) {
                    sum.add((double) g.getAtIndex(JAVA_FLOAT, (long) n * out + o) * xs.getAtIndex(JAVA_FLOAT, (long) n * in + i));
                }
                dws.setAtIndex(JAVA_FLOAT, (long) o * in + i, (float) sum.value());
            }
        }
        if (db != null) {
            MemorySegment dbs = db.segment();
            for (int o = 0; o < out; o++) {
                sum.reset(0.0);
                for (int n = 0; n < batch; n++) {
                    sum.add(g.getAtIndex(JAVA_FLOAT, (long) n * out + o));
                }
                dbs.setAtIndex(JAVA_FLOAT, o, (float) sum.value());
            }
        }
    }

    @Override
    public void close() {
        // Nothing to release: the plan holds no scratch memory.
    }
}
