package dev.jdnn.onednn;

import dev.jdnn.Activation;
import dev.jdnn.Tensor;
import dev.jdnn.onednn.ffi.dnnl_h;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Activations as oneDNN eltwise primitives over the tensor seen as one flat vector. These calls
 * have no plan, so their passes are kept in a {@link PassCache} keyed by activation, direction
 * and element count: building one costs more than running it. The backward passes take the
 * forward input ({@code x}), so ReLU's gradient at 0 is 0 ({@code alpha = 0}). oneDNN's ReLU maps
 * NaN to 0, passes the gradient at NaN and forms {@code 0 * Inf}; the contract keeps NaN and gives
 * the gradient only where {@code x > 0}. So ReLU runs in oneDNN after one {@link NonFinite} scan
 * finds no NaN or infinity, else in a scalar Java loop. A Vector API pass was as fast in a JVM that
 * ran nothing else, but Vector API code is fast only in C2's compilation of it, which shares
 * profiles and compiled code with every other user of the API: in a JVM that had run the
 * {@code vector} backend it took 1.75x as long (43 against 25 us forward on LeNet-5's
 * [64,6,28,28], AVX-512, 2 cores), and before C2 compiles it (a deoptimisation included) the API's
 * Java fallbacks take 340x as long (8.9 ms in C1) where the scan's plain loop takes 20x. Sigmoid
 * and tanh already follow the contract in
 * oneDNN (NaN to NaN, infinities to their limits).
 */
final class DnnlEltwise implements AutoCloseable {
    private static final Activation[] ACTIVATIONS = Activation.values();

    private final OneDnnRuntime runtime;
    private final PassCache passes = new PassCache();
    private final PassCache.Factory factory = this::build;

    /** Floats per chunk of the from-output ReLU gradient (128 KB of each tensor). */
    static final long RELU_CHUNK = 32_768;

    private final Arena teamArena = Arena.ofShared();
    private final TeamChunks team;
    private final TeamChunks.Body reluChunk = this::reluChunk;
    /** The current from-output ReLU gradient's length (guarded by {@link #team}). */
    private long reluCount;
    private boolean closed;

    DnnlEltwise(OneDnnRuntime runtime) {
        this.runtime = runtime;
        this.team = new TeamChunks(runtime, teamArena);
    }

    /** {@code y = a(x)}. */
    void forward(Activation a, Tensor x, Tensor y) {
        long count = x.shape().elementCount();
        if (a == Activation.RELU && NonFinite.any(x.segment(), count)) {
            reluOfNonFinite(x.segment(), y.segment(), count);
            return;
        }
        runtime.enterCurrentThread();
        passes.run(kind(a, false), count, 1, factory, x.segment(), y.segment(), null);
    }

    /** {@code dx = a'(x) * dy}. */
    void backward(Activation a, Tensor x, Tensor dy, Tensor dx) {
        long count = x.shape().elementCount();
        if (a == Activation.RELU && NonFinite.any(x.segment(), dy.segment(), count)) {
            reluGradientOfNonFinite(x.segment(), dy.segment(), dx.segment(), count);
            return;
        }
        runtime.enterCurrentThread();
        passes.run(kind(a, true), count, 1, factory, x.segment(), dy.segment(), dx.segment());
    }

    /**
     * {@code dx = a'(from y) * dy}, oneDNN's {@code *_use_dst_for_bwd} algorithms. ReLU's
     * ({@code y > 0 ? dy : 0}) forms {@code 0 * dy} where {@code y <= 0}, NaN for a NaN or infinite
     * {@code dy} where the contract gives 0, so ReLU's always runs in Java
     * ({@link ReluGradientFromOutput}: one pass costs less than the scan that oneDNN's needed). In place
     * ({@code dx} = {@code dy}) is safe in both: oneDNN's eltwise reads each element before it
     * writes it.
     */
    void backwardFromOutput(Activation a, Tensor y, Tensor dy, Tensor dx) {
        long count = y.shape().elementCount();
        if (a == Activation.RELU) {
            reluGradientFromOutput(y.segment(), dy.segment(), dx.segment(), count);
            return;
        }
        runtime.enterCurrentThread();
        passes.run(FROM_OUTPUT + a.ordinal(), count, 1, factory, y.segment(), dy.segment(), dx.segment());
    }

    /**
     * ReLU's from-output gradient in Java ({@link ReluGradientFromOutput}), in chunks of
     * {@value #RELU_CHUNK} floats over oneDNN's OpenMP team when there are at least two chunks.
     * Calls from several Java threads take turns (one team runner, one chunk geometry at a time).
     */
    private void reluGradientFromOutput(MemorySegment y, MemorySegment dy, MemorySegment dx, long count) {
        if (count < 2 * RELU_CHUNK) {
            ReluGradientFromOutput.apply(y, dy, dx, 0, count);
            return;
        }
        runtime.enterCurrentThread();
        synchronized (team) {
            if (closed) {
                throw new IllegalStateException("activationBackwardFromOutput: the backend is closed");
            }
            // The api validated the shapes; a tensor's segment holds exactly its elements.
            assert y.byteSize() >= count * Float.BYTES && dy.byteSize() >= count * Float.BYTES
                    && dx.byteSize() >= count * Float.BYTES : "activationBackwardFromOutput: tensors shorter than " + count;
            reluCount = count;
            team.run((int) ((count + RELU_CHUNK - 1) / RELU_CHUNK), reluChunk, y, dy, dx);
        }
    }

    private void reluChunk(int chunk, MemorySegment y, MemorySegment dy, MemorySegment dx) {
        long from = (long) chunk * RELU_CHUNK;
        ReluGradientFromOutput.apply(y, dy, dx, from, Math.min(reluCount, from + RELU_CHUNK));
    }

    /** ReLU with NaN kept (oneDNN's maps NaN to 0). */
    private static void reluOfNonFinite(MemorySegment x, MemorySegment y, long count) {
        for (long i = 0; i < count; i++) {
            float v = x.getAtIndex(ValueLayout.JAVA_FLOAT, i);
            y.setAtIndex(ValueLayout.JAVA_FLOAT, i, v > 0 || v != v ? v : 0f);
        }
    }

    /**
     * ReLU's gradient {@code dy} where {@code x > 0}, else exactly 0, also at NaN {@code x} and for
     * a NaN or infinite {@code dy} (oneDNN passes {@code dy} at NaN and forms {@code 0 * dy}).
     */
    private static void reluGradientOfNonFinite(MemorySegment x, MemorySegment dy, MemorySegment dx, long count) {
        for (long i = 0; i < count; i++) {
            float g = dy.getAtIndex(ValueLayout.JAVA_FLOAT, i);
            dx.setAtIndex(ValueLayout.JAVA_FLOAT, i, x.getAtIndex(ValueLayout.JAVA_FLOAT, i) > 0 ? g : 0f);
        }
    }

    /** The passes cached now, over all threads. */
    int cachedPasses() {
        return passes.size();
    }

    @Override
    public void close() {
        try {
            passes.close();
        } finally {
            synchronized (team) {
                if (!closed) {
                    closed = true;
                    teamArena.close();
                }
            }
        }
    }

    /** Kinds from here on are the from-output backward passes, one per activation. */
    private static final int FROM_OUTPUT = 2 * ACTIVATIONS.length;

    private static int kind(Activation a, boolean backward) {
        return a.ordinal() * 2 + (backward ? 1 : 0);
    }

    private PassCache.Entry build(int kind, long count, long unused) {
        if (kind >= FROM_OUTPUT) {
            int algorithm = PostOps.fromOutputAlgorithm(ACTIVATIONS[kind - FROM_OUTPUT]);
            return PassCache.Entry.backward(backwardBuilder(algorithm, dnnl_h.DNNL_ARG_DST(), count),
                    forwardBuilder(algorithm, count).describe(PassLayout.PLAIN));
        }
        Activation a = ACTIVATIONS[kind / 2];
        if (kind % 2 == 0) {
            return PassCache.Entry.of(forwardBuilder(algorithm(a), count).build(PassLayout.PLAIN));
        }
        return PassCache.Entry.backward(backwardBuilder(algorithm(a), dnnl_h.DNNL_ARG_SRC(), count),
                forwardBuilder(algorithm(a), count).describe(PassLayout.PLAIN));
    }

    /** The backward pass of {@code algorithm}, whose data argument is {@code dataArg} (the forward's src or dst). */
    private PassBuilder backwardBuilder(int algorithm, int dataArg, long count) {
        Engine engine = runtime.engine();
        PassBuilder builder = new PassBuilder(runtime, "dnnl_eltwise_backward_primitive_desc_create",
                (out, md, hint, attr) -> dnnl_h.dnnl_eltwise_backward_primitive_desc_create(out, engine.handle(),
                        algorithm, md.apply(dnnl_h.DNNL_ARG_DIFF_SRC()), md.apply(dnnl_h.DNNL_ARG_DIFF_DST()),
                        md.apply(dataArg), 0f, 0f, hint, attr));
        builder.input(dataArg, dnnl_h.dnnl_a(), count);
        builder.input(dnnl_h.DNNL_ARG_DIFF_DST(), dnnl_h.dnnl_a(), count);
        builder.output(dnnl_h.DNNL_ARG_DIFF_SRC(), dnnl_h.dnnl_a(), count);
        return builder;
    }

    private PassBuilder forwardBuilder(int algorithm, long count) {
        Engine engine = runtime.engine();
        PassBuilder builder = new PassBuilder(runtime, "dnnl_eltwise_forward_primitive_desc_create",
                (out, md, hint, attr) -> dnnl_h.dnnl_eltwise_forward_primitive_desc_create(out, engine.handle(),
                        dnnl_h.dnnl_forward_training(), algorithm, md.apply(dnnl_h.DNNL_ARG_SRC()),
                        md.apply(dnnl_h.DNNL_ARG_DST()), 0f, 0f, attr));
        builder.input(dnnl_h.DNNL_ARG_SRC(), dnnl_h.dnnl_a(), count);
        builder.output(dnnl_h.DNNL_ARG_DST(), dnnl_h.dnnl_a(), count);
        return builder;
    }

    private static int algorithm(Activation a) {
        return PostOps.forwardAlgorithm(a);
    }
}
