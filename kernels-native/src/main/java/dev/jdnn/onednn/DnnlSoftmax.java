package dev.jdnn.onednn;

import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.onednn.ffi.dnnl_h;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Softmax and log-softmax over the last axis as oneDNN softmax primitives ({@code softmax_accurate},
 * {@code softmax_log}) on the tensor seen as {@code [rows, last]}; cross-entropy is log-softmax
 * plus a short Java epilogue (the loss needs one element per row, the gradient one pass).
 * Like {@link DnnlEltwise}, each call builds and releases its primitive.
 */
final class DnnlSoftmax {
    private final OneDnnRuntime runtime;

    DnnlSoftmax(OneDnnRuntime runtime) {
        this.runtime = runtime;
    }

    /** {@code out = softmax(in)} ({@code log} false) or {@code log(softmax(in))} per row. */
    void forward(boolean log, Tensor in, Tensor out) {
        forward(log, in.shape(), in.segment(), out.segment());
    }

    private void forward(boolean log, Shape shape, MemorySegment in, MemorySegment out) {
        runtime.enterCurrentThread();
        try (Pass pass = forwardBuilder(log, rowsAndColumns(shape)).build(Layout.PLAIN)) {
            pass.attach(0, in);
            pass.attach(1, out);
            pass.run();
        }
    }

    /** Gradient with respect to the logits, from the forward output {@code dst} and {@code dy}. */
    void backward(boolean log, Tensor dst, Tensor dy, Tensor dLogits) {
        runtime.enterCurrentThread();
        long[] dims = rowsAndColumns(dst.shape());
        Engine engine = runtime.engine();
        int algorithm = algorithm(log);
        try (PrimitiveDesc hint = forwardBuilder(log, dims).describe(Layout.PLAIN)) {
            PassBuilder builder = new PassBuilder(runtime, "dnnl_softmax_backward_primitive_desc_create",
                    (out, md, h, attr) -> dnnl_h.dnnl_softmax_backward_primitive_desc_create(out, engine.handle(),
                            algorithm, md.apply(dnnl_h.DNNL_ARG_DIFF_SRC()), md.apply(dnnl_h.DNNL_ARG_DIFF_DST()),
                            md.apply(dnnl_h.DNNL_ARG_DST()), 1, h, attr));
            builder.input(dnnl_h.DNNL_ARG_DST(), dnnl_h.dnnl_ab(), dims);
            builder.input(dnnl_h.DNNL_ARG_DIFF_DST(), dnnl_h.dnnl_ab(), dims);
            builder.output(dnnl_h.DNNL_ARG_DIFF_SRC(), dnnl_h.dnnl_ab(), dims);
            try (Pass pass = builder.hints(layout -> hint).build(Layout.PLAIN)) {
                pass.attach(0, dst.segment());
                pass.attach(1, dy.segment());
                pass.attach(2, dLogits.segment());
                pass.run();
            }
        }
    }

    /**
     * Mean of {@code -log softmax(logits)[label]} over the rows; {@code dLogits}, if not null,
     * receives {@code (softmax(logits) - onehot(label)) / rows}.
     */
    float crossEntropy(Tensor logits, int[] labels, Tensor dLogits) {
        long[] dims = rowsAndColumns(logits.shape());
        int rows = (int) dims[0];
        int classes = (int) dims[1];
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

    private static long[] rowsAndColumns(Shape shape) {
        long columns = shape.dim(shape.rank() - 1);
        return new long[] {shape.elementCount() / columns, columns};
    }
}
