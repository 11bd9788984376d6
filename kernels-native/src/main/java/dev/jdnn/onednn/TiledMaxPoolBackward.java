package dev.jdnn.onednn;

import dev.jdnn.Layout;
import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Shape;
import dev.jdnn.onednn.ffi.dnnl_h;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Max pooling's backward over NHWC tensors whose windows tile the input (kernel equal to stride,
 * no padding, every window inside the input; floor mode's unused trailing rows and columns get 0),
 * from the workspace oneDNN's training forward wrote, as a Java pass over rows of outputs on
 * oneDNN's OpenMP team ({@link TeamChunks}). With windows that never overlap, {@code dx} is zero
 * except one element per output: the pass clears a chunk's rows of {@code dx} (a bulk fill) and
 * then stores each gradient where its window's recorded maximum is, a scatter of one store per
 * output instead of one select per {@code dx} element.
 *
 * <p>Why not oneDNN's own backward: on NHWC tensors with fewer than 8 channels its
 * {@code jit:avx512_core} kernel takes about the same time whatever the channel count, 0.30-0.37 ms
 * on one thread and 0.16-0.19 ms on two for [64,c,28,28] 2x2/2 with c = 1..7 (LeNet-5's first
 * pooling has 6: six times its forward), against 0.10-0.12 / 0.06-0.07 ms from 8 channels on.
 * This pass took 0.03-0.14 ms on one thread and 0.03-0.12 ms on two for c = 1..7, and 0.15-0.30 /
 * 0.16-0.26 ms for c = 8..15 (AVX-512, oneDNN from C beside it,
 * {@code kernels-native/measurements/nlenet-2026-12-06f}), so {@link #serves} takes at most
 * {@value #MAX_CHANNELS} channels.
 *
 * <p>Plain scalar Java on purpose: no {@code jdk.incubator.vector} class is touched, so the pass
 * runs in any JVM, and until C2 has compiled it, the interpreter and C1 run it at a few times its
 * compiled cost instead of the hundred times of boxed Vector API code (the vector version of this
 * pass, h-npool, added 1.5 s of warm-up to every LeNet-5 training JVM).
 *
 * <p>The workspace is read in oneDNN's encoding, which {@link #readsWorkspace} checks on the
 * descriptor before a plan uses this class: one unsigned byte per output, laid out like
 * {@code y} (NHWC), holding {@code kh * kernelW + kw} of the window's first maximum. A byte
 * outside the window (a workspace no forward wrote) routes the gradient to the window's first cell;
 * every store stays inside {@code dx}.
 */
final class TiledMaxPoolBackward {
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT;
    private static final ValueLayout.OfByte B = ValueLayout.JAVA_BYTE;
    /** The most channels this pass serves: from 8 on, oneDNN's NHWC backward is the faster one. */
    static final int MAX_CHANNELS = 7;
    /** Bytes of {@code dx} a chunk clears and then scatters into: small enough to stay in a core's L1 between the two. */
    private static final long CHUNK_BYTES = 16 * 1024;

    private final int images;
    private final int outHeight;
    private final int outWidth;
    private final int channels;
    /** Floats of {@code dx} per image. */
    private final long imageFloats;
    /** Floats of {@code dx} under one row of windows ({@code kernelH} input rows). */
    private final long windowRowFloats;
    private final int rowsPerChunk;
    private final int chunks;
    private final TeamChunks team;
    private final TeamChunks.Body body = this::rows;
    /** Per output element of a row: the offset of its window's first cell from the row's first window, in floats. */
    private final int[] windowOffset;
    /** Per workspace byte value: the offset of that window cell from the window's first, in floats (0 for a byte outside the window). */
    private final int[] cellOffset = new int[256];

    /**
     * The backward of {@code op} (for which {@link #serves} holds) from {@code input} to
     * {@code output}, on {@code runtime}'s team; the upcall stub lives in {@code arena}.
     */
    TiledMaxPoolBackward(Pool2d op, Shape input, Shape output, OneDnnRuntime runtime, Arena arena) {
        this.images = input.dim(0);
        this.channels = input.dim(1);
        int height = input.dim(2);
        int width = input.dim(3);
        this.outHeight = output.dim(2);
        this.outWidth = output.dim(3);
        int kernelW = op.kernelW();
        this.imageFloats = (long) height * width * channels;
        this.windowRowFloats = (long) op.kernelH() * width * channels;
        this.team = new TeamChunks(runtime, arena);
        int rows = images * outHeight;
        int byBytes = (int) Math.max(1, CHUNK_BYTES / (windowRowFloats * Float.BYTES));
        int byThreads = (rows + 2 * team.threads() - 1) / (2 * team.threads());
        this.rowsPerChunk = Math.max(1, Math.min(byBytes, byThreads));
        this.chunks = (rows + rowsPerChunk - 1) / rowsPerChunk;
        this.windowOffset = new int[outWidth * channels];
        for (int ow = 0; ow < outWidth; ow++) {
            for (int c = 0; c < channels; c++) {
                windowOffset[ow * channels + c] = ow * kernelW * channels + c;
            }
        }
        for (int a = 0; a < op.kernelH(); a++) {
            for (int b = 0; b < kernelW; b++) {
                cellOffset[a * kernelW + b] = (a * width + b) * channels;
            }
        }
    }

    /**
     * Whether {@code op} over {@code input} in {@code layout} is NHWC max pooling whose windows tile
     * the input (kernel equal to stride in both axes, no padding, no ceil-mode window past its
     * edge, a window of at most 255 cells as oneDNN's byte workspace holds) over at most
     * {@value #MAX_CHANNELS} channels.
     */
    static boolean serves(Pool2d op, Shape input, Layout layout) {
        if (op.kind() != Pool2d.Kind.MAX || layout != Layout.NHWC || input.dim(1) > MAX_CHANNELS
                || op.kernelH() != op.strideH() || op.kernelW() != op.strideW() || !op.padding().equals(Padding.NONE)
                || op.kernelH() * op.kernelW() > 255) {
            return false;
        }
        Shape output = op.outputShape(input);
        return (long) output.dim(2) * op.kernelH() <= input.dim(2) && (long) output.dim(3) * op.kernelW() <= input.dim(3);
    }

    /**
     * Whether {@code workspaceDesc} (a training forward's workspace descriptor) is one unsigned
     * byte per output of {@code output} in NHWC order, the encoding this class reads.
     */
    static boolean readsWorkspace(MemorySegment workspaceDesc, Shape output) {
        if (MemoryDesc.size(workspaceDesc) != output.elementCount()) {
            return false;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment dims = arena.allocateFrom(ValueLayout.JAVA_LONG, PlanGeometry.dims(output));
            MemorySegment bytes = OutPointer.create("dnnl_memory_desc_create_with_tag",
                    out -> dnnl_h.dnnl_memory_desc_create_with_tag(out, 4, dims, dnnl_h.dnnl_u8(), dnnl_h.dnnl_nhwc()));
            try {
                return MemoryDesc.equal(workspaceDesc, bytes);
            } finally {
                dnnl_h.dnnl_memory_desc_destroy(bytes);
            }
        }
    }

    /**
     * {@code dx} from {@code dy} and oneDNN's {@code workspace} (sizes as the plan's shapes say;
     * a smaller segment gives {@link IndexOutOfBoundsException}, a closed one
     * {@link IllegalStateException}).
     */
    void run(MemorySegment workspace, MemorySegment dy, MemorySegment dx) {
        long outputs = (long) images * outHeight * outWidth * channels;
        if (workspace.byteSize() < outputs || dy.byteSize() < outputs * Float.BYTES
                || dx.byteSize() < images * imageFloats * Float.BYTES) {
            throw new IndexOutOfBoundsException("max pooling backward: workspace " + workspace.byteSize() + " B, dy "
                    + dy.byteSize() + " B, dx " + dx.byteSize() + " B are smaller than the plan's shapes");
        }
        team.run(chunks, body, workspace, dy, dx);
    }

    /** Chunks the pass is cut into (for tests). */
    int chunks() {
        return chunks;
    }

    /**
     * Chunk {@code chunk}: its output rows {@code (n, oh)}, and the {@code dx} from the first of
     * them to the next chunk's first (an image's trailing rows no window covers go with its last row).
     */
    private void rows(int chunk, MemorySegment workspace, MemorySegment dy, MemorySegment dx) {
        int from = chunk * rowsPerChunk;
        int to = Math.min(images * outHeight, from + rowsPerChunk);
        long first = dxOfRow(from);
        dx.asSlice(first * Float.BYTES, (dxOfRow(to) - first) * Float.BYTES).fill((byte) 0);
        int rowLength = windowOffset.length;
        long output = (long) from * rowLength;
        for (int row = from; row < to; row++) {
            long windows = dxOfRow(row);
            for (int e = 0; e < rowLength; e++, output++) {
                int cell = workspace.get(B, output) & 0xff;
                // Added to 0 as oneDNN's backward accumulates into a zeroed dx: a -0.0 gradient arrives as +0.0.
                float gradient = dy.getAtIndex(F, output) + 0.0f;
                dx.setAtIndex(F, windows + windowOffset[e] + cellOffset[cell], gradient);
            }
        }
    }

    /** The first {@code dx} element under output row {@code row} ({@code images * outHeight}: the end of {@code dx}). */
    private long dxOfRow(int row) {
        int n = row / outHeight;
        int oh = row - n * outHeight;
        return n * imageFloats + oh * windowRowFloats;
    }
}
