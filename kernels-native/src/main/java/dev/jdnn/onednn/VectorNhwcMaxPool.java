package dev.jdnn.onednn;

import dev.jdnn.Shape;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

/**
 * NHWC max pooling's forward for the windows of {@link UnrolledMaxPoolWindow}, reading {@code x}
 * once: oneDNN's primitive plus the NaN scan the contract needs ({@link ScannedPoolingForward})
 * read it twice. Per lane the first maximum is kept by a strict {@code GT} compare and a blend
 * (ties and {@code -0.0}/{@code 0.0} keep the earlier cell, as the contract's first maximum; an
 * infinity is ranked like any number), and the training forward writes each output's cell index
 * in the window ({@code kh * 3 + kw}, padded cells counted) as oneDNN's one-byte workspace does, so
 * oneDNN's backward primitive reads it. NaN is not ranked here: each window's cells are also summed
 * and {@code sum * 0} is added into a running vector, which ends NaN when some window held a NaN
 * (or an infinity, or overflowed); {@link #run} then reports the input as suspect and the caller
 * runs the contract's slow path.
 *
 * <p>Why it is written this way (pool_cifar, AVX-512, C2's code read with {@code PrintAssembly}):
 * through the caller's scoped segments C2 reloaded, for every vector loaded or stored, the
 * segment's size, its arena's liveness state and its class, since the stores may alias them, about
 * 25 scalar instructions around the 15 vector ones. Here the segments are unscoped views made
 * inside the kernel from address and size, so their fields are known values and none of that
 * stays in the loop; the views are safe because {@link #run} always runs the kernel on the OpenMP
 * team ({@link TeamChunks#alwaysOnTeam}, one thread too), whose downcall keeps the caller's arenas
 * open.
 * A row's output vectors are one flat loop (channels innermost, so {@code x} is read in address
 * order, which the hardware prefetchers follow; an outer loop over channel blocks was 1.5x slower
 * from memory), each input cell at a fixed offset from the window's corner.
 */
final class VectorNhwcMaxPool {
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BYTES = VectorSpecies.of(byte.class,
            VectorShape.forBitSize(FLOATS.length() * Byte.SIZE));
    private static final int LANES = FLOATS.length();
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private final UnrolledMaxPoolWindow window;
    private final int channels;
    private final int height;
    private final int width;
    private final int outHeight;
    private final int outWidth;
    /** Bytes per input pixel (all channels), per input row, per vector. */
    private final long pixel;
    private final long inputRow;
    private final long vectorBytes = (long) LANES * Float.BYTES;
    /** Output vectors per output row, and log2 of the vectors per pixel. */
    private final int vectors;
    private final int shift;
    private final long rows;
    private final int chunks;
    private final TeamChunks team;
    private final TeamChunks.Body body = this::chunk;
    /** Set by any chunk whose windows' sums were not all finite. */
    private volatile boolean suspect;

    /** Floats per vector: the channel count must be a power of two of these ({@link UnrolledMaxPoolWindow#of}). */
    static int lanes() {
        return LANES;
    }

    /**
     * The forward of {@code window} from {@code input} to {@code output} on {@code runtime}'s
     * threads, or {@code null} where the OpenMP team cannot be started (the kernel reads unscoped
     * views, safe only inside its downcall). The upcall stub lives in {@code arena}.
     */
    static VectorNhwcMaxPool of(UnrolledMaxPoolWindow window, Shape input, Shape output, OneDnnRuntime runtime,
                                Arena arena) {
        TeamChunks team = TeamChunks.alwaysOnTeam(runtime, arena);
        return team == null ? null : new VectorNhwcMaxPool(window, input, output, runtime.threads(), team);
    }

    private VectorNhwcMaxPool(UnrolledMaxPoolWindow window, Shape input, Shape output, int threads, TeamChunks team) {
        this.window = window;
        this.channels = input.dim(1);
        this.height = input.dim(2);
        this.width = input.dim(3);
        this.outHeight = output.dim(2);
        this.outWidth = output.dim(3);
        this.pixel = (long) channels * Float.BYTES;
        this.inputRow = width * pixel;
        this.vectors = outWidth * channels / LANES;
        this.shift = Integer.numberOfTrailingZeros(channels / LANES);
        this.rows = (long) output.dim(0) * outHeight;
        // two chunks per thread let a faster thread take more; one thread runs one (each extra chunk allocates
        // about 240 B of views that C2 does not scalar-replace: 525 B per call at 1 thread with two, 45 with one)
        this.chunks = (int) Math.min(rows, threads == 1 ? 1 : 2L * threads);
        this.team = team;
    }

    /**
     * {@code y} = the windows' maxima of {@code x} and, when {@code workspace} is not null, each
     * output's window index as one byte; {@code false} (outputs partly written) when a window may
     * hold NaN.
     *
     * @throws IllegalStateException if a tensor's arena was closed
     */
    boolean run(MemorySegment x, MemorySegment y, MemorySegment workspace) {
        suspect = false;
        team.run(chunks, body, x, y, workspace);
        return !suspect;
    }

    /**
     * Chunk {@code chunk}'s output rows, on a team thread ({@code x}, {@code y}, {@code ws}: unscoped
     * views, {@code ws} {@code null} for inference). The kernels make their own views from address
     * and size: on views made inside the method C2 knows their class and fields and keeps every
     * segment check out of the loop, on views passed in it kept them in and ran 1.5-1.9x slower.
     */
    private void chunk(int chunk, MemorySegment x, MemorySegment y, MemorySegment ws) {
        long first = rows * chunk / chunks;
        long end = rows * (chunk + 1) / chunks;
        long wsAt = ws == null ? 0 : ws.address();
        long wsSize = ws == null ? 0 : ws.byteSize();
        boolean nan = window == UnrolledMaxPoolWindow.TWO_BY_TWO
                ? pool2x2(x.address(), x.byteSize(), y.address(), y.byteSize(), wsAt, wsSize, first, end)
                : pool3x3(x.address(), x.byteSize(), y.address(), y.byteSize(), wsAt, wsSize, first, end);
        if (nan) {
            suspect = true;
        }
    }

    /**
     * Output rows {@code first .. end - 1} (image * outHeight + output row) of 2x2 windows; whether
     * a window's sum was not finite. No workspace is written when {@code workspaceBytes} is 0.
     */
    private boolean pool2x2(long xAt, long xSize, long yAt, long ySize, long wsAt, long wsSize, long first, long end) {
        MemorySegment x = MemorySegment.ofAddress(xAt).reinterpret(xSize);
        MemorySegment y = MemorySegment.ofAddress(yAt).reinterpret(ySize);
        MemorySegment ws = MemorySegment.ofAddress(wsAt).reinterpret(wsSize);
        boolean train = wsSize > 0;
        FloatVector zero = FloatVector.zero(FLOATS);
        FloatVector nan = zero;
        ByteVector none = ByteVector.zero(BYTES);
        for (long row = first; row < end; row++) {
            long top = (row / outHeight * height + 2 * (row % outHeight)) * inputRow;
            long out = row * outWidth * channels;
            for (int j = 0; j < vectors; j++) {
                // output vector j: pixel q = j >> shift, its window's corner 2q pixels in, the same channels
                long a = top + j * vectorBytes + (j >> shift) * pixel;
                long o = out + (long) j * LANES;
                FloatVector v0 = FloatVector.fromMemorySegment(FLOATS, x, a, ORDER);
                FloatVector v1 = FloatVector.fromMemorySegment(FLOATS, x, a + pixel, ORDER);
                FloatVector v2 = FloatVector.fromMemorySegment(FLOATS, x, a + inputRow, ORDER);
                FloatVector v3 = FloatVector.fromMemorySegment(FLOATS, x, a + inputRow + pixel, ORDER);
                VectorMask<Float> t = v1.compare(VectorOperators.GT, v0);
                FloatVector m = v0.blend(v1, t);
                ByteVector index = none.blend((byte) 1, t.cast(BYTES));
                t = v2.compare(VectorOperators.GT, m);
                m = m.blend(v2, t);
                index = index.blend((byte) 2, t.cast(BYTES));
                t = v3.compare(VectorOperators.GT, m);
                m = m.blend(v3, t);
                index = index.blend((byte) 3, t.cast(BYTES));
                nan = v0.add(v1).add(v2.add(v3)).fma(zero, nan);
                m.intoMemorySegment(y, o * Float.BYTES, ORDER);
                if (train) {
                    index.intoMemorySegment(ws, o, ORDER);
                }
            }
        }
        return nan.test(VectorOperators.IS_NAN).anyTrue();
    }

    /**
     * Output rows {@code first .. end - 1} of 3x3 windows padded by one: the first output row and
     * column (the only ones touching the padding, for even height and width) per pixel in
     * {@link #edge3x3}, the rest written out. Whether a window's sum was not finite. The three window
     * rows repeat on purpose: a helper per row was not inlined by C2 (already compiled into a big
     * method) and returned boxed vectors: about 2x slower in {@code measurements/npoolfwd3-2026-12-06i},
     * 2-4x in {@code npoolfwd5-2026-12-07}.
     */
    private boolean pool3x3(long xAt, long xSize, long yAt, long ySize, long wsAt, long wsSize, long first, long end) {
        MemorySegment x = MemorySegment.ofAddress(xAt).reinterpret(xSize);
        MemorySegment y = MemorySegment.ofAddress(yAt).reinterpret(ySize);
        MemorySegment ws = MemorySegment.ofAddress(wsAt).reinterpret(wsSize);
        boolean train = wsSize > 0;
        FloatVector zero = FloatVector.zero(FLOATS);
        FloatVector nan = zero;
        ByteVector none = ByteVector.zero(BYTES);
        boolean edgeNan = false;
        for (long row = first; row < end; row++) {
            long image = row / outHeight;
            int r = (int) (row % outHeight);
            long out = row * outWidth * channels;
            edgeNan |= edge3x3(xAt, xSize, yAt, ySize, wsAt, wsSize, image, r, 0, out);
            if (r == 0) {
                for (int q = 1; q < outWidth; q++) {
                    edgeNan |= edge3x3(xAt, xSize, yAt, ySize, wsAt, wsSize, image, 0, q, out + (long) q * channels);
                }
                continue;
            }
            // the corner of pixel q's window is 2q - 1 pixels in, one input row up
            long top = (image * height + 2L * r - 1) * inputRow - pixel;
            for (int j = channels / LANES; j < vectors; j++) {
                long a = top + j * vectorBytes + (j >> shift) * pixel;
                long o = out + (long) j * LANES;
                FloatVector v0 = FloatVector.fromMemorySegment(FLOATS, x, a, ORDER);
                FloatVector v1 = FloatVector.fromMemorySegment(FLOATS, x, a + pixel, ORDER);
                FloatVector v2 = FloatVector.fromMemorySegment(FLOATS, x, a + 2 * pixel, ORDER);
                VectorMask<Float> t = v1.compare(VectorOperators.GT, v0);
                FloatVector m = v0.blend(v1, t);
                ByteVector index = none.blend((byte) 1, t.cast(BYTES));
                t = v2.compare(VectorOperators.GT, m);
                m = m.blend(v2, t);
                index = index.blend((byte) 2, t.cast(BYTES));
                FloatVector sum = v0.add(v1).add(v2);
                a += inputRow;
                v0 = FloatVector.fromMemorySegment(FLOATS, x, a, ORDER);
                v1 = FloatVector.fromMemorySegment(FLOATS, x, a + pixel, ORDER);
                v2 = FloatVector.fromMemorySegment(FLOATS, x, a + 2 * pixel, ORDER);
                t = v0.compare(VectorOperators.GT, m);
                m = m.blend(v0, t);
                index = index.blend((byte) 3, t.cast(BYTES));
                t = v1.compare(VectorOperators.GT, m);
                m = m.blend(v1, t);
                index = index.blend((byte) 4, t.cast(BYTES));
                t = v2.compare(VectorOperators.GT, m);
                m = m.blend(v2, t);
                index = index.blend((byte) 5, t.cast(BYTES));
                sum = sum.add(v0.add(v1).add(v2));
                a += inputRow;
                v0 = FloatVector.fromMemorySegment(FLOATS, x, a, ORDER);
                v1 = FloatVector.fromMemorySegment(FLOATS, x, a + pixel, ORDER);
                v2 = FloatVector.fromMemorySegment(FLOATS, x, a + 2 * pixel, ORDER);
                t = v0.compare(VectorOperators.GT, m);
                m = m.blend(v0, t);
                index = index.blend((byte) 6, t.cast(BYTES));
                t = v1.compare(VectorOperators.GT, m);
                m = m.blend(v1, t);
                index = index.blend((byte) 7, t.cast(BYTES));
                t = v2.compare(VectorOperators.GT, m);
                m = m.blend(v2, t);
                index = index.blend((byte) 8, t.cast(BYTES));
                nan = sum.add(v0.add(v1).add(v2)).fma(zero, nan);
                m.intoMemorySegment(y, o * Float.BYTES, ORDER);
                if (train) {
                    index.intoMemorySegment(ws, o, ORDER);
                }
            }
        }
        return edgeNan | nan.test(VectorOperators.IS_NAN).anyTrue();
    }

    /**
     * One output pixel {@code (r, q)} of image {@code image} whose 3x3 window touches the padding
     * (first output row or column), its outputs starting at float {@code out}: the window's cells
     * inside the input in window order, ranked as in {@link #pool3x3}; whether the sum was not finite.
     */
    private boolean edge3x3(long xAt, long xSize, long yAt, long ySize, long wsAt, long wsSize, long image, int r,
                            int q, long out) {
        MemorySegment x = MemorySegment.ofAddress(xAt).reinterpret(xSize);
        MemorySegment y = MemorySegment.ofAddress(yAt).reinterpret(ySize);
        MemorySegment ws = MemorySegment.ofAddress(wsAt).reinterpret(wsSize);
        int firstRow = r == 0 ? 1 : 0;
        int firstColumn = q == 0 ? 1 : 0;
        long corner = ((image * height + 2L * r - 1) * width + 2L * q - 1) * pixel;
        boolean nan = false;
        for (int c = 0; c < channels; c += LANES) {
            long at = corner + (long) c * Float.BYTES;
            FloatVector m = FloatVector.fromMemorySegment(FLOATS, x, at + (firstRow * width + firstColumn) * pixel,
                    ORDER);
            FloatVector sum = m;
            ByteVector index = ByteVector.broadcast(BYTES, (byte) (3 * firstRow + firstColumn));
            for (int cell = 3 * firstRow + firstColumn + 1; cell < 9; cell++) {
                int i = cell / 3;
                int j = cell % 3;
                if (j < firstColumn) {
                    continue;
                }
                FloatVector v = FloatVector.fromMemorySegment(FLOATS, x, at + (i * width + j) * pixel, ORDER);
                VectorMask<Float> t = v.compare(VectorOperators.GT, m);
                m = m.blend(v, t);
                index = index.blend((byte) cell, t.cast(BYTES));
                sum = sum.add(v);
            }
            nan |= sum.sub(sum).test(VectorOperators.IS_NAN).anyTrue();
            m.intoMemorySegment(y, (out + c) * Float.BYTES, ORDER);
            if (wsSize > 0) {
                index.intoMemorySegment(ws, out + c, ORDER);
            }
        }
        return nan;
    }
}
