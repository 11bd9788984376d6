package dev.jdnn.onednn;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Max pooling's forward over a batch whose images lie one after the other in memory (NHWC, or
 * NCHW: the image is the outermost axis), as oneDNN primitives on slices of the batch ("chunks"
 * of whole images), each chunk scanned for NaN and infinities ({@link NonFinite}) right before its
 * primitive reads it. oneDNN's max pooling skips NaN and starts from {@code -FLT_MAX}, so the
 * contract's values need a scan of {@code x} on every call; a scan of the whole input in a pass of
 * its own read {@code x} twice from memory and, on one thread beside a two-thread primitive, took
 * longer than the primitive (pool_cifar, 16 MB, AVX-512, 2 threads: scan 0.21-0.33 ms, primitive
 * 0.18 ms). Here each chunk is small enough to stay in the cache between its scan and its pooling,
 * and the chunks are spread over oneDNN's own OpenMP threads by {@link TeamChunks}, each thread
 * claiming the next unclaimed chunk; a primitive run inside that team runs on its calling thread
 * alone. {@link #run} reports a non-finite value instead of pooling past it: the caller
 * then computes the whole output the contract's way.
 *
 * <p>Every chunk has its own {@link Pass} (the primitive comes from oneDNN's cache), so a pass is
 * never run by two threads at once and, while the caller's tensors stay the same, its memory
 * objects are never re-pointed. The workspace of a training forward is split the same way:
 * oneDNN's NHWC max-pooling workspace keeps the image as its outermost axis, which the plan checks
 * ({@link #workspaceBytesPerImage}) before it uses this class.
 */
final class ScannedPoolingForward implements AutoCloseable {
    /**
     * Bytes of {@code x} per chunk, at most: a chunk is scanned and then pooled while it is
     * still in the core's L2 cache (512 KB-1 MB on the AVX-512 EPYCs measured).
     */
    static final long CHUNK_BYTES = 512L << 10;

    private final TeamChunks team;
    private final int images;
    private final int chunkImages;
    private final long xImageBytes;
    private final long yImageBytes;
    private final long workspaceImageBytes;
    private final Pass[] passes;
    private final TeamChunks.Body body = this::scanAndPool;
    /** Set by the first chunk found holding NaN or an infinity: the chunks not yet started are skipped. */
    private volatile boolean nonFinite;

    /**
     * A forward over {@code images} images of {@code xImageBytes} / {@code yImageBytes} each, in
     * chunks of at most {@code chunkBytes} of {@code x} (at least one image); {@code passOf} builds
     * the pass for a given number of images (slots: 0 = x, 1 = y; with a workspace of
     * {@code workspaceImageBytes} per image when that is positive). The upcall stub lives in
     * {@code arena}, which must stay open as long as this object is used.
     */
    ScannedPoolingForward(OneDnnRuntime runtime, int images, long xImageBytes, long yImageBytes,
                          long workspaceImageBytes, long chunkBytes, IntFunction<Pass> passOf, Arena arena) {
        this.team = new TeamChunks(runtime, arena);
        this.images = images;
        this.xImageBytes = xImageBytes;
        this.yImageBytes = yImageBytes;
        this.workspaceImageBytes = workspaceImageBytes;
        this.chunkImages = chunkImages(images, runtime.threads(), xImageBytes, chunkBytes);
        int chunks = (images + chunkImages - 1) / chunkImages;
        this.passes = new Pass[chunks];
        try {
            for (int chunk = 0; chunk < chunks; chunk++) {
                passes[chunk] = passOf.apply(imagesOf(chunk));
            }
        } catch (RuntimeException | Error e) {
            Closer.closeAll(Arrays.stream(passes).filter(p -> p != null).toArray(AutoCloseable[]::new));
            throw e;
        }
    }

    /**
     * Images per chunk: as many as fit in {@code chunkBytes} (at least one), and few enough that
     * every thread gets two chunks (threads claim chunks as they go, so a thread slowed by the
     * machine leaves its second one to the others).
     */
    static int chunkImages(int images, int threads, long imageBytes, long chunkBytes) {
        int perThread = (images + 2 * threads - 1) / (2 * threads);
        long fitting = Math.max(1, chunkBytes / Math.max(1, imageBytes));
        return (int) Math.max(1, Math.min(perThread, fitting));
    }

    /**
     * The workspace bytes per image of a workspace of {@code wholeBytes} for {@code images}
     * images, when the chunks' workspaces ({@code chunkBytes} for {@code chunkImages} images, and
     * {@code lastBytes} for {@code lastImages}) are that many bytes per image, else -1: only then
     * can a chunk's workspace be a slice of the whole one.
     */
    static long workspaceBytesPerImage(long wholeBytes, int images, long chunkBytes, int chunkImages, long lastBytes,
                                       int lastImages) {
        if (wholeBytes % images != 0) {
            return -1;
        }
        long perImage = wholeBytes / images;
        return chunkBytes == perImage * chunkImages && lastBytes == perImage * lastImages ? perImage : -1;
    }

    /** Images in chunk {@code chunk}. */
    int imagesOf(int chunk) {
        return Math.min(chunkImages, images - chunk * chunkImages);
    }

    /** Number of chunks. */
    int chunks() {
        return passes.length;
    }

    /**
     * Pools {@code x} into {@code y} (and {@code workspace}, or {@code null} for an inference
     * forward), chunk by chunk. Returns {@code false}, with {@code y} and {@code workspace} partly
     * written, as soon as a chunk of {@code x} holds NaN or an infinity. Each chunk's tensors are
     * slices of what {@link TeamChunks} hands its body: on one thread the caller's own scoped
     * segments, so a tensor whose arena was closed meanwhile gives {@link IllegalStateException}
     * at the chunk's scan, before any primitive reads it.
     *
     * @throws IllegalStateException if a tensor's arena was closed
     * @throws IndexOutOfBoundsException if a tensor is smaller than the plan's shape says
     */
    boolean run(MemorySegment x, MemorySegment y, MemorySegment workspace) {
        nonFinite = false;
        team.run(passes.length, body, x, y, workspace);
        return !nonFinite;
    }

    /** Chunk {@code chunk}: its scan, then (if every value is finite) its primitive, on the calling thread. */
    private void scanAndPool(int chunk, MemorySegment x, MemorySegment y, MemorySegment workspace) {
        if (nonFinite) {
            return;
        }
        long first = (long) chunk * chunkImages;
        int count = imagesOf(chunk);
        MemorySegment xs = x.asSlice(first * xImageBytes, count * xImageBytes);
        if (NonFinite.any(xs, xs.byteSize() / Float.BYTES)) {
            nonFinite = true;
            return;
        }
        Pass pass = passes[chunk];
        pass.attach(0, xs);
        pass.attach(1, y.asSlice(first * yImageBytes, count * yImageBytes));
        if (workspace != null) {
            pass.attachWorkspace(workspace.asSlice(first * workspaceImageBytes, count * workspaceImageBytes));
        }
        pass.run();
    }

    @Override
    public void close() {
        Closer.closeAll(passes);
    }
}
