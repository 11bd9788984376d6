package dev.jdnn.onednn;

import dev.jdnn.Activation;
import dev.jdnn.Tensor;
import dev.jdnn.onednn.ffi.dnnl_h;

/**
 * Activations as oneDNN eltwise primitives over the tensor seen as one flat vector. These calls
 * have no plan, so each builds its primitive, runs it and releases it; oneDNN's primitive cache
 * makes rebuilding the same primitive cheap. The backward passes take the forward input
 * ({@code x}), so ReLU's gradient at 0 is 0 ({@code alpha = 0}).
 */
final class DnnlEltwise {
    private final OneDnnRuntime runtime;

    DnnlEltwise(OneDnnRuntime runtime) {
        this.runtime = runtime;
    }

    /** {@code y = a(x)}. */
    void forward(Activation a, Tensor x, Tensor y) {
        runtime.enterCurrentThread();
        try (Pass pass = forwardBuilder(a, x.shape().elementCount()).build(Layout.PLAIN)) {
            pass.attach(0, x.segment());
            pass.attach(1, y.segment());
            pass.run();
        }
    }

    /** {@code dx = a'(x) * dy}. */
    void backward(Activation a, Tensor x, Tensor dy, Tensor dx) {
        runtime.enterCurrentThread();
        long count = x.shape().elementCount();
        Engine engine = runtime.engine();
        int algorithm = algorithm(a);
        try (PrimitiveDesc hint = forwardBuilder(a, count).describe(Layout.PLAIN)) {
            PassBuilder builder = new PassBuilder(runtime, "dnnl_eltwise_backward_primitive_desc_create",
                    (out, md, h, attr) -> dnnl_h.dnnl_eltwise_backward_primitive_desc_create(out, engine.handle(),
                            algorithm, md.apply(dnnl_h.DNNL_ARG_DIFF_SRC()), md.apply(dnnl_h.DNNL_ARG_DIFF_DST()),
                            md.apply(dnnl_h.DNNL_ARG_SRC()), 0f, 0f, h, attr));
            builder.input(dnnl_h.DNNL_ARG_SRC(), dnnl_h.dnnl_a(), count);
            builder.input(dnnl_h.DNNL_ARG_DIFF_DST(), dnnl_h.dnnl_a(), count);
            builder.output(dnnl_h.DNNL_ARG_DIFF_SRC(), dnnl_h.dnnl_a(), count);
            try (Pass pass = builder.hints(layout -> hint).build(Layout.PLAIN)) {
                pass.attach(0, x.segment());
                pass.attach(1, dy.segment());
                pass.attach(2, dx.segment());
                pass.run();
            }
        }
    }

    private PassBuilder forwardBuilder(Activation a, long count) {
        Engine engine = runtime.engine();
        int algorithm = algorithm(a);
        PassBuilder builder = new PassBuilder(runtime, "dnnl_eltwise_forward_primitive_desc_create",
                (out, md, hint, attr) -> dnnl_h.dnnl_eltwise_forward_primitive_desc_create(out, engine.handle(),
                        dnnl_h.dnnl_forward_training(), algorithm, md.apply(dnnl_h.DNNL_ARG_SRC()),
                        md.apply(dnnl_h.DNNL_ARG_DST()), 0f, 0f, attr));
        builder.input(dnnl_h.DNNL_ARG_SRC(), dnnl_h.dnnl_a(), count);
        builder.output(dnnl_h.DNNL_ARG_DST(), dnnl_h.dnnl_a(), count);
        return builder;
    }

    private static int algorithm(Activation a) {
        return switch (a) {
            case RELU -> dnnl_h.dnnl_eltwise_relu();
            case SIGMOID -> dnnl_h.dnnl_eltwise_logistic();
            case TANH -> dnnl_h.dnnl_eltwise_tanh();
        };
    }
}
