package dev.jdnn.onednn;

import dev.jdnn.Dense;
import dev.jdnn.DensePlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.onednn.ffi.dnnl_h;

import java.util.List;

/**
 * A {@link Dense} layer as oneDNN inner product on row-major tensors ({@code nc} activations,
 * {@code oi} weights). Plain layouts are what oneDNN's matmul-based inner product prefers (asked
 * for {@code any}, it chooses them itself), so no reorders are needed; blocked is the fallback. The
 * op's fused activation runs as an eltwise post-op of the forward.
 *
 * <p>{@link PlanUse} enforces one thread at a time: a second thread, or a close during a run,
 * gets {@link IllegalStateException}.
 */
final class DnnlInnerProduct implements DensePlan {
    private static final List<PassLayout> LAYOUTS = List.of(PassLayout.PLAIN, PassLayout.BLOCKED);

    private final Dense op;
    private final PlanUse use;
    private final Shape input;
    private final Shape output;
    private final OneDnnRuntime runtime;
    private final long[] srcDims;
    private final long[] dstDims;
    private final long[] weightDims;
    private PrimitiveDesc forwardHint;
    private Pass forward;
    private Pass backwardData;
    private Pass backwardWeights;

    DnnlInnerProduct(Dense op, int batch, OneDnnRuntime runtime) {
        this.op = op;
        this.use = new PlanUse(op);
        this.input = Shape.of(batch, op.inFeatures());
        this.output = Shape.of(batch, op.outFeatures());
        this.runtime = runtime;
        srcDims = PlanGeometry.dims(input);
        dstDims = PlanGeometry.dims(output);
        weightDims = new long[] {op.outFeatures(), op.inFeatures()};
    }

    @Override
    public Dense op() {
        return op;
    }

    @Override
    public Shape inputShape() {
        return input;
    }

    @Override
    public Shape outputShape() {
        return output;
    }

    @Override
    public void forward(Tensor x, Tensor w, Tensor b, Tensor y) {
        use.enter("DensePlan.forward");
        try {
            runtime.enterCurrentThread();
            if (forward == null) {
                forward = forwardBuilder().buildFastest(LAYOUTS, false);
            }
            forward.attach(0, x.segment());
            forward.attach(1, w.segment());
            int next = 2;
            if (op.bias()) {
                forward.attach(next++, b.segment());
            }
            forward.attach(next, y.segment());
            forward.run();
        } finally {
            use.exit();
        }
    }

    @Override
    public void backwardData(Tensor dy, Tensor w, Tensor dx) {
        use.enter("DensePlan.backwardData");
        try {
            runtime.enterCurrentThread();
            if (backwardData == null) {
                Engine engine = runtime.engine();
                PassBuilder builder = new PassBuilder(runtime, "dnnl_inner_product_backward_data_primitive_desc_create",
                        (out, md, hint, attr) -> dnnl_h.dnnl_inner_product_backward_data_primitive_desc_create(out,
                                engine.handle(), md.apply(dnnl_h.DNNL_ARG_DIFF_SRC()), md.apply(dnnl_h.DNNL_ARG_WEIGHTS()),
                                md.apply(dnnl_h.DNNL_ARG_DIFF_DST()), hint, attr));
                builder.input(dnnl_h.DNNL_ARG_DIFF_DST(), dnnl_h.dnnl_nc(), dstDims);
                builder.input(dnnl_h.DNNL_ARG_WEIGHTS(), dnnl_h.dnnl_oi(), weightDims);
                builder.output(dnnl_h.DNNL_ARG_DIFF_SRC(), dnnl_h.dnnl_nc(), srcDims);
                backwardData = builder.hints(this::hint).buildFastest(LAYOUTS, false);
            }
            backwardData.attach(0, dy.segment());
            backwardData.attach(1, w.segment());
            backwardData.attach(2, dx.segment());
            backwardData.run();
        } finally {
            use.exit();
        }
    }

    @Override
    public void backwardWeights(Tensor x, Tensor dy, Tensor dw, Tensor db) {
        use.enter("DensePlan.backwardWeights");
        try {
            runtime.enterCurrentThread();
            if (backwardWeights == null) {
                Engine engine = runtime.engine();
                PassBuilder builder = new PassBuilder(runtime,
                        "dnnl_inner_product_backward_weights_primitive_desc_create",
                        (out, md, hint, attr) -> dnnl_h.dnnl_inner_product_backward_weights_primitive_desc_create(out,
                                engine.handle(), md.apply(dnnl_h.DNNL_ARG_SRC()), md.apply(dnnl_h.DNNL_ARG_DIFF_WEIGHTS()),
                                md.apply(dnnl_h.DNNL_ARG_DIFF_BIAS()), md.apply(dnnl_h.DNNL_ARG_DIFF_DST()), hint, attr));
                builder.input(dnnl_h.DNNL_ARG_SRC(), dnnl_h.dnnl_nc(), srcDims);
                builder.input(dnnl_h.DNNL_ARG_DIFF_DST(), dnnl_h.dnnl_nc(), dstDims);
                builder.output(dnnl_h.DNNL_ARG_DIFF_WEIGHTS(), dnnl_h.dnnl_oi(), weightDims);
                if (op.bias()) {
                    builder.output(dnnl_h.DNNL_ARG_DIFF_BIAS(), dnnl_h.dnnl_x(), op.outFeatures());
                }
                backwardWeights = builder.hints(this::hint).buildFastest(LAYOUTS, false);
            }
            backwardWeights.attach(0, x.segment());
            backwardWeights.attach(1, dy.segment());
            backwardWeights.attach(2, dw.segment());
            if (op.bias()) {
                backwardWeights.attach(3, db.segment());
            }
            backwardWeights.run();
        } finally {
            use.exit();
        }
    }

    /** The layout and implementation of each pass built so far, for diagnostics and benchmarks. */
    String describePasses() {
        return "forward=" + Pass.describe(forward) + " backwardData=" + Pass.describe(backwardData)
                + " backwardWeights=" + Pass.describe(backwardWeights);
    }

    private PassBuilder forwardBuilder() {
        Engine engine = runtime.engine();
        PassBuilder builder = new PassBuilder(runtime, "dnnl_inner_product_forward_primitive_desc_create",
                (out, md, hint, attr) -> dnnl_h.dnnl_inner_product_forward_primitive_desc_create(out, engine.handle(),
                        dnnl_h.dnnl_forward_training(), md.apply(dnnl_h.DNNL_ARG_SRC()),
                        md.apply(dnnl_h.DNNL_ARG_WEIGHTS()), md.apply(dnnl_h.DNNL_ARG_BIAS()),
                        md.apply(dnnl_h.DNNL_ARG_DST()), attr));
        builder.input(dnnl_h.DNNL_ARG_SRC(), dnnl_h.dnnl_nc(), srcDims);
        builder.input(dnnl_h.DNNL_ARG_WEIGHTS(), dnnl_h.dnnl_oi(), weightDims);
        if (op.bias()) {
            builder.input(dnnl_h.DNNL_ARG_BIAS(), dnnl_h.dnnl_x(), op.outFeatures());
        }
        builder.output(dnnl_h.DNNL_ARG_DST(), dnnl_h.dnnl_nc(), dstDims);
        return builder.postOp(op.activation());
    }

    private PrimitiveDesc hint(PassLayout layout) {
        if (forwardHint == null) {
            forwardHint = forwardBuilder().describe(PassLayout.PLAIN);
        }
        return forwardHint;
    }

    @Override
    public void close() {
        if (!use.close()) {
            return;
        }
        Closer.closeAll(backwardWeights, backwardData, forward, forwardHint);
        backwardWeights = null;
        backwardData = null;
        forward = null;
        forwardHint = null;
    }
}
