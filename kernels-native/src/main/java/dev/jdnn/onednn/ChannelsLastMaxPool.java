package dev.jdnn.onednn;

import dev.jdnn.Pool2d;
import dev.jdnn.Shape;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

/**
 * NHWC max pooling's forward in Java (Vector API, whole channel vectors per output pixel) that
 * applies the contract's rules while it pools and writes oneDNN's own max-pooling workspace, so
 * oneDNN's backward primitive reads it: a window holding NaN pools to NaN and records its first
 * NaN, else its first maximum ({@code -0.0} before {@code 0.0} keeps {@code -0.0}; a window of
 * {@code -Inf} gives {@code -Inf}); padded cells never take part. oneDNN's own forward skips NaN
 * and starts from {@code -FLT_MAX}, so the onednn backend used to scan every input for NaN and
 * infinities before its primitive; a scan of a memory-bound input costs about as much as the
 * pooling itself (pool_cifar, AVX-512, 2 threads: 0.35 ms scan-and-pool against 0.20 ms in C),
 * while this kernel reads {@code x} once.
 *
 * <p>The workspace is oneDNN 3.13's for {@code nhwc} max pooling with fewer than 256 window cells:
 * one {@code u8} per output element in the output's layout, holding {@code kh * KW + kw} of the
 * chosen cell within the whole kernel (padding positions counted), as its reference and JIT kernels
 * write it. The plan checks the workspace descriptor ({@code u8}, {@code nhwc}, the output's
 * dimensions) before it uses this class, and a test compares the bytes with oneDNN's forward.
 *
 * <p>Work is split by output rows ({@link #rows}); callers spread row ranges over threads.
 */
final class ChannelsLastMaxPool {
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    /** Bytes with as many lanes as {@link #FLOATS}, or {@code null} when that vector would be narrower than 64 bits. */
    private static final VectorSpecies<Byte> BYTES = FLOATS.length() >= 8
            ? VectorSpecies.of(byte.class, VectorShape.forBitSize(FLOATS.length() * Byte.SIZE)) : null;
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private final int c;
    private final int h;
    private final int w;
    private final int oh;
    private final int ow;
    private final int kh;
    private final int kw;
    private final int sh;
    private final int sw;
    private final int top;
    private final int left;
    /** Channels in whole vectors; the rest run under {@link #tailFloats}. */
    private final int wholeChannels;
    private final VectorMask<Float> tailFloats;
    private final VectorMask<Byte> tailBytes;

    private ChannelsLastMaxPool(Pool2d op, Shape input, Shape output) {
        this.c = input.dim(1);
        this.h = input.dim(2);
        this.w = input.dim(3);
        this.oh = output.dim(2);
        this.ow = output.dim(3);
        this.kh = op.kernelH();
        this.kw = op.kernelW();
        this.sh = op.strideH();
        this.sw = op.strideW();
        this.top = op.padding().top();
        this.left = op.padding().left();
        this.wholeChannels = c - c % FLOATS.length();
        this.tailFloats = FLOATS.indexInRange(wholeChannels, c);
        this.tailBytes = tailFloats.cast(BYTES);
    }

    /**
     * The kernel for max pooling {@code op} from {@code input} to {@code output}, or {@code null}
     * where it does not apply: vectors narrower than 8 floats, windows of 256 cells or more
     * (oneDNN's workspace is then {@code s32}), or a window with no cell inside the input; and,
     * by measurement, channels that are not a whole number of vectors: on LeNet-5's pool1
     * (6 channels in 16 lanes, AVX-512) the masked loop took 0.31-0.39 ms on one thread where
     * oneDNN's kernel and a scan took about 0.1 ms on two ({@link #ofAnyChannels} keeps them for tests).
     */
    static ChannelsLastMaxPool of(Pool2d op, Shape input, Shape output) {
        return BYTES == null || input.dim(1) % FLOATS.length() != 0 ? null : ofAnyChannels(op, input, output);
    }

    /** {@link #of} for any channel count, tails included. */
    static ChannelsLastMaxPool ofAnyChannels(Pool2d op, Shape input, Shape output) {
        if (BYTES == null || op.kind() != Pool2d.Kind.MAX || (long) op.kernelH() * op.kernelW() > 255) {
            return null;
        }
        for (int r = 0; r < output.dim(2); r++) {
            if (empty(r * op.strideH() - op.padding().top(), op.kernelH(), input.dim(2))) {
                return null;
            }
        }
        for (int col = 0; col < output.dim(3); col++) {
            if (empty(col * op.strideW() - op.padding().left(), op.kernelW(), input.dim(3))) {
                return null;
            }
        }
        return new ChannelsLastMaxPool(op, input, output);
    }

    private static boolean empty(int start, int k, int size) {
        return Math.max(0, start) >= Math.min(size, start + k);
    }

    /** Output rows over the whole batch ({@code images * OH}): the unit {@link #rows} splits. */
    long rowsPerBatch(int images) {
        return (long) images * oh;
    }

    /** Bytes of {@code x} one output row reads (its window rows), for sizing chunks. */
    long inputBytesPerRow() {
        return (long) kh * w * c * Float.BYTES;
    }

    /**
     * Pools output rows {@code [from, to)} (numbered over the batch, image-major) of {@code x}
     * into {@code y}, writing the workspace {@code ws} too unless it is {@code null}.
     */
    void rows(MemorySegment x, MemorySegment y, MemorySegment ws, long from, long to) {
        for (long row = from; row < to; row++) {
            int image = (int) (row / oh);
            int r = (int) (row % oh);
            int rowStart = r * sh - top;
            int iFrom = Math.max(0, -rowStart);
            int iTo = Math.min(kh, h - rowStart);
            long xImage = (long) image * h * w * c;
            for (int col = 0; col < ow; col++) {
                int colStart = col * sw - left;
                int jFrom = Math.max(0, -colStart);
                int jTo = Math.min(kw, w - colStart);
                long out = (row * ow + col) * c;
                long corner = xImage + ((long) rowStart * w + colStart) * c;
                for (int ch = 0; ch < wholeChannels; ch += FLOATS.length()) {
                    pixel(x, y, ws, corner + ch, out + ch, iFrom, iTo, jFrom, jTo);
                }
                if (wholeChannels < c) {
                    pixelTail(x, y, ws, corner + wholeChannels, out + wholeChannels, iFrom, iTo, jFrom, jTo);
                }
            }
        }
    }

    /**
     * One vector of channels of one output pixel; {@code corner} is the element index of the
     * window's (0, 0) cell (possibly in the padding), {@code out} of the output element.
     */
    private void pixel(MemorySegment x, MemorySegment y, MemorySegment ws, long corner, long out, int iFrom, int iTo,
                       int jFrom, int jTo) {
        FloatVector max = FloatVector.fromMemorySegment(FLOATS, x,
                (corner + ((long) iFrom * w + jFrom) * c) * Float.BYTES, ORDER);
        FloatVector index = FloatVector.broadcast(FLOATS, iFrom * kw + jFrom);
        for (int i = iFrom; i < iTo; i++) {
            for (int j = jFrom; j < jTo; j++) {
                FloatVector v = FloatVector.fromMemorySegment(FLOATS, x, (corner + ((long) i * w + j) * c) * Float.BYTES,
                        ORDER);
                // take v where max is not NaN and !(v <= max): v above max, or v NaN
                VectorMask<Float> take = max.compare(VectorOperators.EQ, max).andNot(v.compare(VectorOperators.LE, max));
                max = max.blend(v, take);
                index = index.blend(i * kw + j, take);
            }
        }
        max.intoMemorySegment(y, out * Float.BYTES, ORDER);
        if (ws != null) {
            index.convertShape(VectorOperators.F2B, BYTES, 0).reinterpretAsBytes().intoMemorySegment(ws, out, ORDER);
        }
    }

    /** {@link #pixel} for the last {@code c % lanes} channels. */
    private void pixelTail(MemorySegment x, MemorySegment y, MemorySegment ws, long corner, long out, int iFrom,
                           int iTo, int jFrom, int jTo) {
        VectorMask<Float> lanes = tailFloats;
        FloatVector max = FloatVector.fromMemorySegment(FLOATS, x,
                (corner + ((long) iFrom * w + jFrom) * c) * Float.BYTES, ORDER, lanes);
        FloatVector index = FloatVector.broadcast(FLOATS, iFrom * kw + jFrom);
        for (int i = iFrom; i < iTo; i++) {
            for (int j = jFrom; j < jTo; j++) {
                FloatVector v = FloatVector.fromMemorySegment(FLOATS, x, (corner + ((long) i * w + j) * c) * Float.BYTES,
                        ORDER, lanes);
                VectorMask<Float> take = max.compare(VectorOperators.EQ, max).andNot(v.compare(VectorOperators.LE, max));
                max = max.blend(v, take);
                index = index.blend(i * kw + j, take);
            }
        }
        max.intoMemorySegment(y, out * Float.BYTES, ORDER, lanes);
        if (ws != null) {
            index.convertShape(VectorOperators.F2B, BYTES, 0).reinterpretAsBytes().intoMemorySegment(ws, out, ORDER,
                    tailBytes);
        }
    }
}
