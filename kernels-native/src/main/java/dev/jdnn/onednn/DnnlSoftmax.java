package dev.jdnn.onednn;

import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.onednn.ffi.dnnl_h;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Softmax and log-softmax over the last axis on the tensor seen as {@code [rows, last]}: the forward
 * as oneDNN's {@code softmax_accurate}, log-softmax with {@link LogSoftmaxEpilogue} after it
 * (oneDNN's {@code softmax_log} is 1e-6 off near 0), the backward passes as oneDNN's; rows longer
 * than {@link LongRowSoftmax#MIN_COLUMNS} (oneDNN sums in float) run in {@link LongRowSoftmax}. Cross-entropy is log-softmax plus a short Java
 * epilogue (the loss needs one element per row, the gradient one pass).
 * Like {@link DnnlEltwise}, passes are kept in a {@link PassCache}, keyed by algorithm, direction,
 * rows and columns.
 */
final class DnnlSoftmax implements AutoCloseable {
    private final OneDnnRuntime runtime;
    private final PassCache passes = new PassCache();
    private final PassCache.Factory factory = this::build;

    DnnlSoftmax(OneDnnRuntime runtime) {
        this.runtime = runtime;
    }

    /** {@code out = softmax(in)} ({@code log} false) or {@code log(softmax(in))} per row. */
    void forward(boolean log, Tensor in, Tensor out) {
        forward(log, in.shape(), in.segment(), out.segment());
    }

    private void forward(boolean log, Shape shape, MemorySegment in, MemorySegment out) {
        long columns = columns(shape);
        long rows = shape.elementCount() / columns;
        if (LongRowSoftmax.handles(columns)) {
            LongRowSoftmax.forward(log, in, out, rows, columns);
            return;
        }
        runtime.enterCurrentThread();
        passes.run(kind(false, false), rows, columns, factory, in, out, null);
        if (log) {
            LogSoftmaxEpilogue.apply(in, out, rows, columns);
        }
    }

    /** Gradient with respect to the logits, from the forward output {@code dst} and {@code dy}. */
    void backward(boolean log, Tensor dst, Tensor dy, Tensor dLogits) {
        Shape shape = dst.shape();
        long columns = columns(shape);
        long rows = shape.elementCount() / columns;
        if (LongRowSoftmax.handles(columns)) {
            LongRowSoftmax.backward(log, dst.segment(), dy.segment(), dLogits.segment(), rows, columns);
            return;
        }
        runtime.enterCurrentThread();
        passes.run(kind(log, true), rows, columns, factory, dst.segment(), dy.segment(), dLogits.segment());
    }

    /**
     * Mean of {@code -log softmax(logits)[label]} over the rows; {@code dLogits}, if not null,
     * receives {@code (softmax(logits) - onehot(label)) / rows}.
     */
    float crossEntropy(Tensor logits, int[] labels, Tensor dLogits) {
        int classes = (int) columns(logits.shape());
        int rows = (int) (logits.shape().elementCount() / classes);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment logp = arena.allocate((long) rows * classes * Float.BYTES, 64);
            forward(true, logits.shape(), logits.segment(), logp);
            double loss = 0;
            for (int r = 0; r < rows; r++) {
                loss -= logp.getAtIndex(ValueLayout.JAVA_FLOAT, (long) r * classes + labels[r]);
            }
            if (dLogits != null) {
                MemorySegment grad = dLogits.segment();
                float scale = 1f / rows;
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < classes; c++) {
                        long i = (long) r * classes + c;
                        float p = (float) Math.exp(logp.getAtIndex(ValueLayout.JAVA_FLOAT, i));
                        grad.setAtIndex(ValueLayout.JAVA_FLOAT, i, (p - (c == labels[r] ? 1f : 0f)) * scale);
                    }
                }
            }
            return (float) (loss / rows);
        }
    }

    /** The passes cached now, over all threads. */
    int cachedPasses() {
        return passes.size();
    }

    @Override
    public void close() {
        passes.close();
    }

    private static int kind(boolean log, boolean backward) {
        return (log ? 2 : 0) + (backward ? 1 : 0);
    }

    private PassCache.Entry build(int kind, long rows, long columns) {
        boolean log = kind >= 2;
        long[] dims = {rows, columns};
        if (kind % 2 == 0) {
            return PassCache.Entry.of(forwardBuilder(log, dims).build(PassLayout.PLAIN));
        }
        return PassCache.Entry.backward(backwardBuilder(log, dims), forwardBuilder(log, dims).describe(PassLayout.PLAIN));
    }

    private PassBuilder backwardBuilder(boolean log, long[] dims) {
        Engine engine = runtime.engine();
        int algorithm = algorithm(log);
        PassBuilder builder = new PassBuilder(runtime, "dnnl_softmax_backward_primitive_desc_create",
                (out, md, hint, attr) -> dnnl_h.dnnl_softmax_backward_primitive_desc_create(out, engine.handle(),
                        algorithm, md.apply(dnnl_h.DNNL_ARG_DIFF_SRC()), md.apply(dnnl_h.DNNL_ARG_DIFF_DST()),
                        md.apply(dnnl_h.DNNL_ARG_DST()), 1, hint, attr));
        builder.input(dnnl_h.DNNL_ARG_DST(), dnnl_h.dnnl_ab(), dims);
        builder.input(dnnl_h.DNNL_ARG_DIFF_DST(), dnnl_h.dnnl_ab(), dims);
        builder.output(dnnl_h.DNNL_ARG_DIFF_SRC(), dnnl_h.dnnl_ab(), dims);
        return builder;
    }

    private PassBuilder forwardBuilder(boolean log, long[] dims) {
        Engine engine = runtime.engine();
        int algorithm = algorithm(log);
        PassBuilder builder = new PassBuilder(runtime, "dnnl_softmax_forward_primitive_desc_create",
                (out, md, hint, attr) -> dnnl_h.dnnl_softmax_forward_primitive_desc_create(out, engine.handle(),
                        dnnl_h.dnnl_forward_training(), algorithm, md.apply(dnnl_h.DNNL_ARG_SRC()),
                        md.apply(dnnl_h.DNNL_ARG_DST()), 1, attr));
        builder.input(dnnl_h.DNNL_ARG_SRC(), dnnl_h.dnnl_ab(), dims);
        builder.output(dnnl_h.DNNL_ARG_DST(), dnnl_h.dnnl_ab(), dims);
        return builder;
    }

    private static int algorithm(boolean log) {
        return log ? dnnl_h.dnnl_softmax_log() : dnnl_h.dnnl_softmax_accurate();
    }

    private static long columns(Shape shape) {
        return shape.dim(shape.rank() - 1);
    }
}
