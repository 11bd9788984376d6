package dev.jdnn.onednn;

import dev.jdnn.Layout;
import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Shape;
import dev.jdnn.onednn.ffi.dnnl_h;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Max pooling's backward over NHWC tensors whose windows tile the input (kernel equal to stride,
 * no padding; floor mode's unused trailing rows and columns get 0), from the workspace oneDNN's
 * training forward wrote, as a Java pass over rows of outputs on oneDNN's OpenMP team
 * ({@link TeamChunks}). With windows that never overlap every {@code dx} element is either the
 * one {@code dy} of the window whose recorded maximum it is, or 0: a select per element, no sum.
 * oneDNN's own NHWC backward ({@code jit:avx512_core}) took 0.29 ms on one thread and 0.16 ms on
 * two for LeNet-5's first pooling ([64,6,28,28], 2x2/2, 1.2 MB of {@code dx}; AVX-512, C harness),
 * six times its forward: with 6 channels its vectors run mostly masked.
 *
 * <p>The workspace is read in oneDNN's encoding, which {@link #readsWorkspace} checks on the
 * descriptor before a plan uses this class: one unsigned byte per output, laid out like
 * {@code y} (NHWC), holding {@code kh * kernelW + kw} of the window's first maximum.
 */
final class TiledMaxPoolBackward {
    private static final ValueLayout.OfInt I = ValueLayout.JAVA_INT;
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT;
    private static final ValueLayout.OfByte B = ValueLayout.JAVA_BYTE;
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_512;
    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_512;
    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_128;
    private static final int LANES = 16;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    /** Output rows per chunk, at least: small enough for two chunks per thread on LeNet's batches, large enough to amortise the claim. */
    private static final int MIN_ROWS_PER_CHUNK = 16;

    private final int images;
    private final int channels;
    private final int height;
    private final int width;
    private final int outHeight;
    private final int outWidth;
    private final int kernelH;
    private final int kernelW;
    private final int rowsPerChunk;
    private final int chunks;
    private final TeamChunks team;
    private final TeamChunks.Body body = this::rows;
    /** Whole vectors per row of {@code dx} under the windows. */
    private final int vectorsPerRow;
    /** Per vector of a {@code dx} row: the first {@code dy} element of the 32 its lanes draw from. */
    private final int[] sourceBase;
    /**
     * Per lane of each vector: which of the 32 {@code dy} elements from its base it takes, as the
     * lane (0-15, as float and as int) of the first or, where {@link #pickSecond} is set, the second
     * of the two vectors loaded there. The lanes are picked with {@code selectFrom} (one permute
     * each, C2 intrinsic) and blended: two-vector {@code rearrange} with shuffles made in the loop
     * ({@code VectorShuffle.fromArray}, {@code toShuffle()}) ran at 2x to 100x oneDNN's time, and
     * shuffles kept in an array lose their exact type, so C2 does not intrinsify them.
     */
    private final float[] pickGradient;
    private final int[] pickRecorded;
    private final boolean[] pickSecond;
    /** Per lane of each vector: the window column {@code kw} of its {@code dx} element. */
    private final int[] laneColumn;
    /** Per element of a {@code dx} row: its {@code dy} element from the row's start, and its window column (for the scalar rest). */
    private final int[] elementSource;
    private final int[] elementColumn;

    /**
     * The backward of {@code op} (for which {@link #tiles} holds) from {@code input} to
     * {@code output}, on {@code runtime}'s team; the upcall stub lives in {@code arena}.
     */
    TiledMaxPoolBackward(Pool2d op, Shape input, Shape output, OneDnnRuntime runtime, Arena arena) {
        this.images = input.dim(0);
        this.channels = input.dim(1);
        this.height = input.dim(2);
        this.width = input.dim(3);
        this.outHeight = output.dim(2);
        this.outWidth = output.dim(3);
        this.kernelH = op.kernelH();
        this.kernelW = op.kernelW();
        this.team = new TeamChunks(runtime, arena);
        int rows = images * outHeight;
        this.rowsPerChunk = Math.max(MIN_ROWS_PER_CHUNK, (rows + 4 * team.threads() - 1) / (4 * team.threads()));
        this.chunks = (rows + rowsPerChunk - 1) / rowsPerChunk;
        this.vectorsPerRow = outWidth * kernelW * channels / LANES;
        this.sourceBase = new int[vectorsPerRow];
        this.pickGradient = new float[vectorsPerRow * LANES];
        this.pickRecorded = new int[vectorsPerRow * LANES];
        this.pickSecond = new boolean[vectorsPerRow * LANES];
        this.laneColumn = new int[vectorsPerRow * LANES];
        this.elementSource = new int[outWidth * kernelW * channels];
        this.elementColumn = new int[elementSource.length];
        for (int d = 0; d < elementSource.length; d++) {
            elementSource[d] = source(d, channels, kernelW);
            elementColumn[d] = d / channels % kernelW;
        }
        for (int v = 0; v < vectorsPerRow; v++) {
            sourceBase[v] = v * LANES / (kernelW * channels) * channels;
            for (int lane = 0; lane < LANES; lane++) {
                int d = v * LANES + lane;
                int pick = source(d, channels, kernelW) - sourceBase[v];
                if (pick >= 2 * LANES) {
                    throw new IllegalArgumentException("max pooling backward: " + channels + " channels and a window "
                            + kernelW + " wide spread one vector of dx over more than 32 gradients");
                }
                pickRecorded[v * LANES + lane] = pick % LANES;
                pickGradient[v * LANES + lane] = pick % LANES;
                pickSecond[v * LANES + lane] = pick >= LANES;
                laneColumn[v * LANES + lane] = d / channels % kernelW;
            }
        }
    }

    /** The {@code dy} element (from its row's start) under element {@code d} of a {@code dx} row. */
    private static int source(int d, int channels, int kernelW) {
        return d / (kernelW * channels) * channels + d % channels;
    }

    /**
     * Whether one vector of a {@code dx} row draws from at most 32 consecutive gradients (two
     * vectors), as {@link #windowsOfRow} needs: true for LeNet-5's 6 channels (any window width), and where channels are
     * a multiple of 16.
     */
    static boolean vectorsFit(int channels, int kernelW) {
        int covered = 0;
        for (int v = 0; v < Math.max(1, channels * kernelW); v++) {
            int base = v * LANES / (kernelW * channels) * channels;
            for (int lane = 0; lane < LANES; lane++) {
                covered = Math.max(covered, source(v * LANES + lane, channels, kernelW) - base);
            }
        }
        return covered < 2 * LANES;
    }

    /**
     * Whether {@code op} over {@code input} in {@code layout} is NHWC max pooling whose windows tile
     * the input (kernel equal to stride in both axes, no padding, no ceil-mode window past its
     * edge) over a channel count that is not a multiple of 16. On whole 16-channel vectors oneDNN's
     * kernel is the faster one (LeNet-5's second pooling, [64,16,10,10], AVX-512, 1 thread: 0.012 ms
     * against 0.032 here); with LeNet-5's 6 channels this pass took 0.13 ms against its 0.30. The
     * pass works in 512-bit vectors, so it is used only where those are the CPU's own.
     */
    static boolean tiles(Pool2d op, Shape input, Layout layout) {
        if (FloatVector.SPECIES_PREFERRED.length() < LANES || op.kind() != Pool2d.Kind.MAX || layout != Layout.NHWC
                || input.dim(1) % LANES == 0
                || op.kernelH() != op.strideH()
                || op.kernelW() != op.strideW() || !op.padding().equals(Padding.NONE)) {
            return false;
        }
        Shape output = op.outputShape(input);
        return (long) output.dim(2) * op.kernelH() <= input.dim(2) && (long) output.dim(3) * op.kernelW() <= input.dim(3)
                && op.kernelH() * op.kernelW() <= Byte.MAX_VALUE && vectorsFit(input.dim(1), op.kernelW());
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
                || dx.byteSize() < (long) images * height * width * channels * Float.BYTES) {
            throw new IndexOutOfBoundsException("max pooling backward: workspace " + workspace.byteSize() + " B, dy "
                    + dy.byteSize() + " B, dx " + dx.byteSize() + " B are smaller than the plan's shapes");
        }
        team.run(chunks, body, workspace, dy, dx);
    }

    /** Chunk {@code chunk}: its output rows {@code (n, oh)} and the rows of {@code dx} under them. */
    private void rows(int chunk, MemorySegment workspace, MemorySegment dy, MemorySegment dx) {
        int from = chunk * rowsPerChunk;
        int to = Math.min(images * outHeight, from + rowsPerChunk);
        for (int row = from; row < to; row++) {
            int n = row / outHeight;
            int oh = row % outHeight;
            long outputRow = (long) row * outWidth * channels;
            for (int a = 0; a < kernelH; a++) {
                long dxRow = ((long) n * height + (long) oh * kernelH + a) * width * channels;
                windowsOfRow(workspace, dy, dx, outputRow, dxRow, a * kernelW);
            }
            if (oh == outHeight - 1) {
                long first = ((long) n * height + (long) outHeight * kernelH) * width * channels;
                zero(dx, first, ((long) n + 1) * height * width * channels);
            }
        }
    }

    /**
     * One row of {@code dx} under the output row starting at {@code outputRow}: element
     * {@code (ow * kernelW + b, c)} is {@code dy} of {@code (ow, c)} where the workspace records
     * {@code firstIndex + b}, else 0. The gradient is added to 0 as oneDNN's backward does (it
     * accumulates into a zeroed {@code dx}), so a {@code -0.0} gradient arrives as {@code +0.0}.
     */
    private void windowsOfRow(MemorySegment workspace, MemorySegment dy, MemorySegment dx, long outputRow, long dxRow,
                              int firstIndex) {
        int c = channels;
        int vectors = outputRow + 2L * LANES <= (long) images * outHeight * outWidth * c - sourceReach() ? vectorsPerRow : 0;
        for (int v = 0; v < vectors; v++) {
            long from = outputRow + sourceBase[v];
            FloatVector g0 = FloatVector.fromMemorySegment(FLOATS, dy, from * Float.BYTES, ORDER);
            FloatVector g1 = FloatVector.fromMemorySegment(FLOATS, dy, (from + LANES) * Float.BYTES, ORDER);
            IntVector w0 = (IntVector) ByteVector.fromMemorySegment(BYTES, workspace, from, ORDER)
                    .convertShape(VectorOperators.B2I, INTS, 0);
            IntVector w1 = (IntVector) ByteVector.fromMemorySegment(BYTES, workspace, from + LANES, ORDER)
                    .convertShape(VectorOperators.B2I, INTS, 0);
            FloatVector gradientLanes = FloatVector.fromArray(FLOATS, pickGradient, v * LANES);
            IntVector recordedLanes = IntVector.fromArray(INTS, pickRecorded, v * LANES);
            VectorMask<Integer> second = VectorMask.fromArray(INTS, pickSecond, v * LANES);
            FloatVector gradient = gradientLanes.selectFrom(g0)
                    .blend(gradientLanes.selectFrom(g1), second.cast(FLOATS)).add(0.0f);
            IntVector recorded = recordedLanes.selectFrom(w0).blend(recordedLanes.selectFrom(w1), second);
            VectorMask<Integer> keep = recorded.eq(IntVector.fromArray(INTS, laneColumn, v * LANES).add(firstIndex));
            FloatVector.zero(FLOATS).blend(gradient, keep.cast(FLOATS))
                    .intoMemorySegment(dx, (dxRow + (long) v * LANES) * Float.BYTES, ORDER);
        }
        for (int d = vectors * LANES; d < elementSource.length; d++) {
            long source = outputRow + elementSource[d];
            int wanted = firstIndex + elementColumn[d];
            int keep = ((workspace.get(B, source) & 0xff) ^ wanted) == 0 ? -1 : 0;
            float gradient = dy.getAtIndex(F, source) + 0.0f;
            dx.setAtIndex(I, dxRow + d, Float.floatToRawIntBits(gradient) & keep);
        }
        zero(dx, dxRow + (long) outWidth * kernelW * c, dxRow + (long) width * c);
    }

    /** How far past a row's last vector base its loads may reach, in elements: the vector loads take 32 from each base. */
    private int sourceReach() {
        return vectorsPerRow == 0 ? 0 : sourceBase[vectorsPerRow - 1];
    }

    private static void zero(MemorySegment dx, long from, long to) {
        if (to > from) {
            dx.asSlice(from * Float.BYTES, (to - from) * Float.BYTES).fill((byte) 0);
        }
    }
}
