package dev.jdnn.onednn;

import dev.jdnn.Activation;
import dev.jdnn.onednn.ffi.dnnl_h;

import java.lang.foreign.MemorySegment;

/**
 * A post-op chain ({@code dnnl_post_ops_t}) holding one eltwise activation, which a convolution or
 * inner product applies to its result while it is still in registers: {@code y = a(op(x, w) + b)}
 * in one pass over memory. Attributes copy the chain, so it is closed right after use.
 */
final class PostOps extends NativeHandle {
    private PostOps(MemorySegment handle) {
        super(handle, "dnnl_post_ops_destroy");
    }

    /** A chain of one eltwise post-op computing {@code a}. */
    static PostOps of(Activation a) {
        PostOps ops = new PostOps(OutPointer.create("dnnl_post_ops_create", dnnl_h::dnnl_post_ops_create));
        try {
            DnnlException.check(dnnl_h.dnnl_post_ops_append_eltwise(ops.handle(), forwardAlgorithm(a), 0f, 0f),
                    "dnnl_post_ops_append_eltwise");
            return ops;
        } catch (RuntimeException e) {
            ops.close();
            throw e;
        }
    }

    /** oneDNN's forward eltwise algorithm for {@code a} (ReLU with {@code alpha = 0}). */
    static int forwardAlgorithm(Activation a) {
        return switch (a) {
            case RELU -> dnnl_h.dnnl_eltwise_relu();
            case SIGMOID -> dnnl_h.dnnl_eltwise_logistic();
            case TANH -> dnnl_h.dnnl_eltwise_tanh();
        };
    }

    /** oneDNN's backward algorithm for {@code a} that takes the forward output ({@code *_use_dst_for_bwd}). */
    static int fromOutputAlgorithm(Activation a) {
        return switch (a) {
            case RELU -> dnnl_h.dnnl_eltwise_relu_use_dst_for_bwd();
            case SIGMOID -> dnnl_h.dnnl_eltwise_logistic_use_dst_for_bwd();
            case TANH -> dnnl_h.dnnl_eltwise_tanh_use_dst_for_bwd();
        };
    }

    @Override
    int destroy(MemorySegment handle) {
        return dnnl_h.dnnl_post_ops_destroy(handle);
    }
}
