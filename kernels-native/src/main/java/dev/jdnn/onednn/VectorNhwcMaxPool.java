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

    static {
        profileReinterpret();
    }

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
    /**
     * Where an inference forward's window indices go, {@link #discardedBytes} per chunk (so that the
     * threads never write the same line): the 3x3 kernel's each output's at its offset modulo that, the
     * 2x2 kernel's each output row's at the chunk's start. The kernels store
     * them on every forward instead of testing whether there is a workspace: C2 hoisted that test out
     * of the loops as a profiled predicate, and the first inference call after training forwards (or
     * the reverse: a training run's first evaluation) trapped, and the kernel ran in the slow tiers
     * until C2 had compiled it again: 300 inference calls on pool_cifar at 2 threads after 3,000
     * training calls took 1,068 ms instead of 80-87, one call 133 ms; a one-JVM quick run read 105 ms per
     * call on that cell.
     */
    private final MemorySegment discarded;
    /**
     * Bytes per chunk of {@link #discarded}: a power of two, a multiple of every index vector's bytes,
     * at least 4096 and an output row's outputs.
     */
    private final long discardedBytes;
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
        return team == null ? null : new VectorNhwcMaxPool(window, input, output, runtime.threads(), team, arena);
    }

    private VectorNhwcMaxPool(UnrolledMaxPoolWindow window, Shape input, Shape output, int threads, TeamChunks team,
                              Arena arena) {
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
        this.discardedBytes = Math.max(4096, Long.highestOneBit((long) outWidth * channels - 1) << 1);
        this.discarded = arena.allocate(discardedBytes * chunks, 64);
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
        long wsAt = ws == null ? discarded.address() + chunk * discardedBytes : ws.address();
        long wsSize = ws == null ? discardedBytes : ws.byteSize();
        long wsMask = ws == null ? discardedBytes - 1 : -1L;
        long rowMask = ws == null ? 0 : -1L;
        boolean nan = window == UnrolledMaxPoolWindow.TWO_BY_TWO
                ? pool2x2(x.address(), x.byteSize(), y.address(), y.byteSize(), wsAt, wsSize, rowMask, first, end)
                : pool3x3(x.address(), x.byteSize(), y.address(), y.byteSize(), wsAt, wsSize, wsMask, first, end);
        if (nan) {
            suspect = true;
        }
    }

    /**
     * Makes views often enough, once per JVM (5000 views, 5-11 ms), that {@code reinterpret} has a
     * profile when C2 compiles the kernels. Without one, C2 counts its call to
     * {@code reinterpretInternal} (61 bytecodes) as cold and does not inline it, so each view the
     * kernels make is the result of an opaque call. C2 then unswitched the 2x2 loop on each view's
     * session owner test: 8 copies of the four-row body, 67 KB of code and a 1.1-1.3 s compile,
     * during which the calls ran at 40-65 ms. With the profile there is one copy, 16 KB of code and a
     * 0.2 s compile ({@code measurements/npool6-2026-12-07}).
     */
    private static void profileReinterpret() {
        long sum = 0;
        for (int i = 0; i < 5000; i++) {
            sum += MemorySegment.ofAddress(LANES).reinterpret(i & 63).byteSize();
        }
        if (sum < 0) {
            throw new AssertionError(sum);
        }
    }

    /**
     * Output rows {@code first .. end - 1} (image * outHeight + output row) of 2x2 windows, four
     * output rows of one image per iteration (eight input-row streams: from L3 at two threads this
     * ran 4-15% faster than one row per iteration, two rows were not faster in every hold); where
     * fewer than four are left in the chunk or the image, the last one is repeated and its outputs
     * written again. The four windows are written out: through a helper method taking the views
     * (not inlined) the loop ran 2-4x slower. An empty loop of three iterations per output vector
     * gives the interpreter and C1 as many back-edges per window as the one-row loop had, so the
     * method reaches C1 and C2 after as much work (C2 removes the empty loop). In a fresh JVM the
     * first call under 1 ms came after 1.3-1.65 s with it, 1.65-2.35 s without (main's one-row loop:
     * 1.0-1.2 s). Whether a window's sum was not finite.
     *
     * <p>Each iteration reads its eight input rows and writes its four workspace rows through views
     * of one row each, made per iteration of the outer loop: the same offset in every row view has
     * one bounds check, and the workspace offsets are affine in {@code j}, so C2 checks them once
     * before the loop. Through one view of {@code x} each of the 16 loads had its own check, with its
     * own offset spilled to the stack (16 compares and 32 stack loads per iteration), and each
     * workspace store a mask, a check and 3 stack loads; pool_cifar at 2 threads took 0.87 of that
     * loop's time ({@code measurements/npool12-2026-12-07}). The window indices go to {@code ws} at
     * each output row's offset and {@code rowMask}: -1 for training, 0 for inference (each row then
     * at the start of the chunk's part of {@link #discarded}).
     */
    private boolean pool2x2(long xAt, long xSize, long yAt, long ySize, long wsAt, long wsSize, long rowMask, long first,
                            long end) {
        MemorySegment x = MemorySegment.ofAddress(xAt).reinterpret(xSize);
        MemorySegment y = MemorySegment.ofAddress(yAt).reinterpret(ySize);
        MemorySegment ws = MemorySegment.ofAddress(wsAt).reinterpret(wsSize);
        FloatVector zero = FloatVector.zero(FLOATS);
        FloatVector nan = zero;
        ByteVector none = ByteVector.zero(BYTES);
        long outRow = (long) outWidth * channels;
        for (long row = first; row < end; ) {
            long r = row % outHeight;
            int last = (int) Math.min(3, Math.min(end - row, outHeight - r) - 1);
            long top = (row / outHeight * height + 2 * r) * inputRow;
            long out = row * outRow;
            // rows k = 1..3 below the first: 2k input rows and k output rows down, at most `last`
            long down1 = Math.min(1, last) * 2 * inputRow;
            long down2 = Math.min(2, last) * 2 * inputRow;
            long down3 = last * 2 * inputRow;
            long next1 = Math.min(1, last) * outRow;
            long next2 = Math.min(2, last) * outRow;
            long next3 = last * outRow;
            MemorySegment x00 = x.asSlice(top, inputRow);
            MemorySegment x01 = x.asSlice(top + inputRow, inputRow);
            MemorySegment x10 = x.asSlice(top + down1, inputRow);
            MemorySegment x11 = x.asSlice(top + down1 + inputRow, inputRow);
            MemorySegment x20 = x.asSlice(top + down2, inputRow);
            MemorySegment x21 = x.asSlice(top + down2 + inputRow, inputRow);
            MemorySegment x30 = x.asSlice(top + down3, inputRow);
            MemorySegment x31 = x.asSlice(top + down3 + inputRow, inputRow);
            MemorySegment w0 = ws.asSlice(out & rowMask, outRow);
            MemorySegment w1 = ws.asSlice((out + next1) & rowMask, outRow);
            MemorySegment w2 = ws.asSlice((out + next2) & rowMask, outRow);
            MemorySegment w3 = ws.asSlice((out + next3) & rowMask, outRow);
            for (int j = 0; j < vectors; j++) {
                // output vector j: pixel q = j >> shift, its window's corner 2q pixels in, the same channels
                long a = j * vectorBytes + (j >> shift) * pixel;
                long b = a + pixel;
                long o = out + (long) j * LANES;
                for (int count = 1; count < 4; count++) {
                    // back-edges for the interpreter's and C1's counters only
                }
                FloatVector v00 = FloatVector.fromMemorySegment(FLOATS, x00, a, ORDER);
                FloatVector v01 = FloatVector.fromMemorySegment(FLOATS, x00, b, ORDER);
                FloatVector v02 = FloatVector.fromMemorySegment(FLOATS, x01, a, ORDER);
                FloatVector v03 = FloatVector.fromMemorySegment(FLOATS, x01, b, ORDER);
                FloatVector v10 = FloatVector.fromMemorySegment(FLOATS, x10, a, ORDER);
                FloatVector v11 = FloatVector.fromMemorySegment(FLOATS, x10, b, ORDER);
                FloatVector v12 = FloatVector.fromMemorySegment(FLOATS, x11, a, ORDER);
                FloatVector v13 = FloatVector.fromMemorySegment(FLOATS, x11, b, ORDER);
                FloatVector v20 = FloatVector.fromMemorySegment(FLOATS, x20, a, ORDER);
                FloatVector v21 = FloatVector.fromMemorySegment(FLOATS, x20, b, ORDER);
                FloatVector v22 = FloatVector.fromMemorySegment(FLOATS, x21, a, ORDER);
                FloatVector v23 = FloatVector.fromMemorySegment(FLOATS, x21, b, ORDER);
                FloatVector v30 = FloatVector.fromMemorySegment(FLOATS, x30, a, ORDER);
                FloatVector v31 = FloatVector.fromMemorySegment(FLOATS, x30, b, ORDER);
                FloatVector v32 = FloatVector.fromMemorySegment(FLOATS, x31, a, ORDER);
                FloatVector v33 = FloatVector.fromMemorySegment(FLOATS, x31, b, ORDER);
                VectorMask<Float> t0 = v01.compare(VectorOperators.GT, v00);
                FloatVector m0 = v00.blend(v01, t0);
                ByteVector index0 = none.blend((byte) 1, t0.cast(BYTES));
                t0 = v02.compare(VectorOperators.GT, m0);
                m0 = m0.blend(v02, t0);
                index0 = index0.blend((byte) 2, t0.cast(BYTES));
                t0 = v03.compare(VectorOperators.GT, m0);
                m0 = m0.blend(v03, t0);
                index0 = index0.blend((byte) 3, t0.cast(BYTES));
                VectorMask<Float> t1 = v11.compare(VectorOperators.GT, v10);
                FloatVector m1 = v10.blend(v11, t1);
                ByteVector index1 = none.blend((byte) 1, t1.cast(BYTES));
                t1 = v12.compare(VectorOperators.GT, m1);
                m1 = m1.blend(v12, t1);
                index1 = index1.blend((byte) 2, t1.cast(BYTES));
                t1 = v13.compare(VectorOperators.GT, m1);
                m1 = m1.blend(v13, t1);
                index1 = index1.blend((byte) 3, t1.cast(BYTES));
                VectorMask<Float> t2 = v21.compare(VectorOperators.GT, v20);
                FloatVector m2 = v20.blend(v21, t2);
                ByteVector index2 = none.blend((byte) 1, t2.cast(BYTES));
                t2 = v22.compare(VectorOperators.GT, m2);
                m2 = m2.blend(v22, t2);
                index2 = index2.blend((byte) 2, t2.cast(BYTES));
                t2 = v23.compare(VectorOperators.GT, m2);
                m2 = m2.blend(v23, t2);
                index2 = index2.blend((byte) 3, t2.cast(BYTES));
                VectorMask<Float> t3 = v31.compare(VectorOperators.GT, v30);
                FloatVector m3 = v30.blend(v31, t3);
                ByteVector index3 = none.blend((byte) 1, t3.cast(BYTES));
                t3 = v32.compare(VectorOperators.GT, m3);
                m3 = m3.blend(v32, t3);
                index3 = index3.blend((byte) 2, t3.cast(BYTES));
                t3 = v33.compare(VectorOperators.GT, m3);
                m3 = m3.blend(v33, t3);
                index3 = index3.blend((byte) 3, t3.cast(BYTES));
                nan = v00.add(v01).add(v02.add(v03)).add(v10.add(v11).add(v12.add(v13)))
                        .add(v20.add(v21).add(v22.add(v23)).add(v30.add(v31).add(v32.add(v33)))).fma(zero, nan);
                m0.intoMemorySegment(y, o * Float.BYTES, ORDER);
                m1.intoMemorySegment(y, (o + next1) * Float.BYTES, ORDER);
                m2.intoMemorySegment(y, (o + next2) * Float.BYTES, ORDER);
                m3.intoMemorySegment(y, (o + next3) * Float.BYTES, ORDER);
                index0.intoMemorySegment(w0, (long) j * LANES, ORDER);
                index1.intoMemorySegment(w1, (long) j * LANES, ORDER);
                index2.intoMemorySegment(w2, (long) j * LANES, ORDER);
                index3.intoMemorySegment(w3, (long) j * LANES, ORDER);
            }
            row += last + 1;
        }
        return nan.test(VectorOperators.IS_NAN).anyTrue();
    }

    /**
     * Output rows {@code first .. end - 1} of 3x3 windows padded by one: the first output row and
     * column (the only ones touching the padding, for even height and width) per pixel in
     * {@link #edge3x3}, the rest written out, two output rows of one image per iteration (five
     * input-row streams, four of them new: pool_stem from memory took 0.85 at 2 threads and 0.93 at 1
     * thread of the time of one row per iteration, medians of same-hold pairs in
     * {@code measurements/npool11-2026-12-07}); where one row is left in the chunk or
     * the image, it is computed twice and written twice. The second window's top row is loaded
     * again, not reused from the first window's bottom row, so that the repeated row needs no
     * other code (the loads hit L1). An empty loop of one iteration per output vector gives the
     * interpreter and C1 as many back-edges per window as the one-row loop had (see
     * {@link #pool2x2}). Whether a window's sum was not finite. The window rows repeat on purpose: a
     * helper per row was not inlined by C2 (already compiled into a big method) and returned boxed
     * vectors: about 2x slower in {@code measurements/npoolfwd3-2026-12-06i}, 2-4x in
     * {@code npoolfwd5-2026-12-07}.
     */
    private boolean pool3x3(long xAt, long xSize, long yAt, long ySize, long wsAt, long wsSize, long wsMask, long first,
                            long end) {
        MemorySegment x = MemorySegment.ofAddress(xAt).reinterpret(xSize);
        MemorySegment y = MemorySegment.ofAddress(yAt).reinterpret(ySize);
        MemorySegment ws = MemorySegment.ofAddress(wsAt).reinterpret(wsSize);
        FloatVector zero = FloatVector.zero(FLOATS);
        FloatVector nan = zero;
        ByteVector none = ByteVector.zero(BYTES);
        boolean edgeNan = false;
        long outRow = (long) outWidth * channels;
        for (long row = first; row < end; ) {
            long image = row / outHeight;
            int r = (int) (row % outHeight);
            long out = row * outRow;
            edgeNan |= edge3x3(xAt, xSize, yAt, ySize, wsAt, wsSize, wsMask, image, r, 0, out);
            if (r == 0) {
                for (int q = 1; q < outWidth; q++) {
                    edgeNan |= edge3x3(xAt, xSize, yAt, ySize, wsAt, wsSize, wsMask, image, 0, q,
                            out + (long) q * channels);
                }
                row++;
                continue;
            }
            // the second output row r + 1, or r again where the chunk or the image ends after r
            int two = row + 1 < end && r + 1 < outHeight ? 1 : 0;
            if (two == 1) {
                edgeNan |= edge3x3(xAt, xSize, yAt, ySize, wsAt, wsSize, wsMask, image, r + 1, 0, out + outRow);
            }
            // the corner of pixel q's window is 2q - 1 pixels in, one input row up
            long top = (image * height + 2L * r - 1) * inputRow - pixel;
            long down = two * 2 * inputRow;
            long next = two * outRow;
            for (int j = channels / LANES; j < vectors; j++) {
                long a = top + j * vectorBytes + (j >> shift) * pixel;
                long o = out + (long) j * LANES;
                for (int count = 1; count < 2; count++) {
                    // back-edges for the interpreter's and C1's counters only
                }
                FloatVector v0 = FloatVector.fromMemorySegment(FLOATS, x, a, ORDER);
                FloatVector v1 = FloatVector.fromMemorySegment(FLOATS, x, a + pixel, ORDER);
                FloatVector v2 = FloatVector.fromMemorySegment(FLOATS, x, a + 2 * pixel, ORDER);
                FloatVector v3 = FloatVector.fromMemorySegment(FLOATS, x, a + inputRow, ORDER);
                FloatVector v4 = FloatVector.fromMemorySegment(FLOATS, x, a + inputRow + pixel, ORDER);
                FloatVector v5 = FloatVector.fromMemorySegment(FLOATS, x, a + inputRow + 2 * pixel, ORDER);
                FloatVector v6 = FloatVector.fromMemorySegment(FLOATS, x, a + 2 * inputRow, ORDER);
                FloatVector v7 = FloatVector.fromMemorySegment(FLOATS, x, a + 2 * inputRow + pixel, ORDER);
                FloatVector v8 = FloatVector.fromMemorySegment(FLOATS, x, a + 2 * inputRow + 2 * pixel, ORDER);
                long b = a + down;
                FloatVector w0 = FloatVector.fromMemorySegment(FLOATS, x, b, ORDER);
                FloatVector w1 = FloatVector.fromMemorySegment(FLOATS, x, b + pixel, ORDER);
                FloatVector w2 = FloatVector.fromMemorySegment(FLOATS, x, b + 2 * pixel, ORDER);
                FloatVector w3 = FloatVector.fromMemorySegment(FLOATS, x, b + inputRow, ORDER);
                FloatVector w4 = FloatVector.fromMemorySegment(FLOATS, x, b + inputRow + pixel, ORDER);
                FloatVector w5 = FloatVector.fromMemorySegment(FLOATS, x, b + inputRow + 2 * pixel, ORDER);
                FloatVector w6 = FloatVector.fromMemorySegment(FLOATS, x, b + 2 * inputRow, ORDER);
                FloatVector w7 = FloatVector.fromMemorySegment(FLOATS, x, b + 2 * inputRow + pixel, ORDER);
                FloatVector w8 = FloatVector.fromMemorySegment(FLOATS, x, b + 2 * inputRow + 2 * pixel, ORDER);
                VectorMask<Float> t = v1.compare(VectorOperators.GT, v0);
                FloatVector m = v0.blend(v1, t);
                ByteVector index = none.blend((byte) 1, t.cast(BYTES));
                t = v2.compare(VectorOperators.GT, m);
                m = m.blend(v2, t);
                index = index.blend((byte) 2, t.cast(BYTES));
                t = v3.compare(VectorOperators.GT, m);
                m = m.blend(v3, t);
                index = index.blend((byte) 3, t.cast(BYTES));
                t = v4.compare(VectorOperators.GT, m);
                m = m.blend(v4, t);
                index = index.blend((byte) 4, t.cast(BYTES));
                t = v5.compare(VectorOperators.GT, m);
                m = m.blend(v5, t);
                index = index.blend((byte) 5, t.cast(BYTES));
                t = v6.compare(VectorOperators.GT, m);
                m = m.blend(v6, t);
                index = index.blend((byte) 6, t.cast(BYTES));
                t = v7.compare(VectorOperators.GT, m);
                m = m.blend(v7, t);
                index = index.blend((byte) 7, t.cast(BYTES));
                t = v8.compare(VectorOperators.GT, m);
                m = m.blend(v8, t);
                index = index.blend((byte) 8, t.cast(BYTES));
                VectorMask<Float> u = w1.compare(VectorOperators.GT, w0);
                FloatVector n = w0.blend(w1, u);
                ByteVector index2 = none.blend((byte) 1, u.cast(BYTES));
                u = w2.compare(VectorOperators.GT, n);
                n = n.blend(w2, u);
                index2 = index2.blend((byte) 2, u.cast(BYTES));
                u = w3.compare(VectorOperators.GT, n);
                n = n.blend(w3, u);
                index2 = index2.blend((byte) 3, u.cast(BYTES));
                u = w4.compare(VectorOperators.GT, n);
                n = n.blend(w4, u);
                index2 = index2.blend((byte) 4, u.cast(BYTES));
                u = w5.compare(VectorOperators.GT, n);
                n = n.blend(w5, u);
                index2 = index2.blend((byte) 5, u.cast(BYTES));
                u = w6.compare(VectorOperators.GT, n);
                n = n.blend(w6, u);
                index2 = index2.blend((byte) 6, u.cast(BYTES));
                u = w7.compare(VectorOperators.GT, n);
                n = n.blend(w7, u);
                index2 = index2.blend((byte) 7, u.cast(BYTES));
                u = w8.compare(VectorOperators.GT, n);
                n = n.blend(w8, u);
                index2 = index2.blend((byte) 8, u.cast(BYTES));
                nan = v0.add(v1).add(v2.add(v3)).add(v4.add(v5).add(v6.add(v7)))
                        .add(v8.add(w3).add(w4.add(w5)).add(w6.add(w7).add(w8))).fma(zero, nan);
                m.intoMemorySegment(y, o * Float.BYTES, ORDER);
                n.intoMemorySegment(y, (o + next) * Float.BYTES, ORDER);
                index.intoMemorySegment(ws, o & wsMask, ORDER);
                index2.intoMemorySegment(ws, (o + next) & wsMask, ORDER);
            }
            row += 1 + two;
        }
        return edgeNan | nan.test(VectorOperators.IS_NAN).anyTrue();
    }

    /**
     * One output pixel {@code (r, q)} of image {@code image} whose 3x3 window touches the padding
     * (first output row or column), its outputs starting at float {@code out}: the window's cells
     * inside the input in window order, ranked as in {@link #pool3x3}; whether the sum was not finite.
     */
    private boolean edge3x3(long xAt, long xSize, long yAt, long ySize, long wsAt, long wsSize, long wsMask, long image,
                            int r, int q, long out) {
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
            index.intoMemorySegment(ws, (out + c) & wsMask, ORDER);
        }
        return nan;
    }
}
