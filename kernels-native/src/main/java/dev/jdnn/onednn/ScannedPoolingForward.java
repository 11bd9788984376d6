package dev.jdnn.onednn;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
 * and the scan comes first: at one thread (pool_cifar, 512 KB chunks, AVX-512) the primitive took
 * 0.33 ms of a call on chunks the scan had just read against 0.44-0.52 ms on chunks it read from L3
 * itself, and scanning after the primitive (x's chunk then in L2: 0.16 ms of scanning against
 * 0.28) made the call 1.07-1.17x slower ({@code measurements/npool7-2026-12-07}).
 * The chunks are spread over oneDNN's own OpenMP threads ({@link OpenMpThreads#runOnTeam}), each
 * claiming the next unclaimed chunk; a primitive run inside that team runs on its calling thread
 * alone. {@link #run} reports a non-finite value instead of pooling past it: the caller then
 * computes the whole output the contract's way.
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

    private static final MethodHandle TASK;

    static {
        try {
            TASK = MethodHandles.lookup().findVirtual(ScannedPoolingForward.class, "onTeamThread",
                    MethodType.methodType(void.class, MemorySegment.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final OpenMpThreads openMp;
    private final int threads;
    private final int images;
    private final int chunkImages;
    private final long xImageBytes;
    private final long yImageBytes;
    private final long workspaceImageBytes;
    private final Pass[] passes;
    private final MemorySegment task;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    /** Set when a chunk holds NaN or an infinity, or a thread failed: the other threads stop. */
    private volatile boolean stop;
    /** Set by the first chunk found holding NaN or an infinity. */
    private volatile boolean nonFinite;
    /** Whether the current run is a training forward (written before {@link #stop}, read after it). */
    private boolean withWorkspace;
    private final MemorySegment[] kept = new MemorySegment[OpenMpThreads.KEPT];
    private long xBase = -1;
    private long yBase = -1;
    private long workspaceBase = -1;
    /** The arenas the chunks of one thread were sliced from (their scoped slices check them). */
    private MemorySegment.Scope xScope;
    private MemorySegment.Scope yScope;
    private MemorySegment.Scope workspaceScope;
    private final MemorySegment[] xChunks;
    private final MemorySegment[] yChunks;
    private final MemorySegment[] workspaceChunks;

    /**
     * A forward over {@code images} images of {@code xImageBytes} / {@code yImageBytes} each, in
     * chunks of at most {@code chunkBytes} of {@code x} (at least one image); {@code passOf} builds
     * the pass for a given number of images (slots: 0 = x, 1 = y; with a workspace of
     * {@code workspaceImageBytes} per image when that is positive). The upcall stub lives in
     * {@code arena}, which must stay open as long as this object is used.
     */
    ScannedPoolingForward(OneDnnRuntime runtime, int images, long xImageBytes, long yImageBytes,
                          long workspaceImageBytes, long chunkBytes, IntFunction<Pass> passOf, Arena arena) {
        this.openMp = runtime.openMp();
        this.threads = runtime.threads();
        this.images = images;
        this.xImageBytes = xImageBytes;
        this.yImageBytes = yImageBytes;
        this.workspaceImageBytes = workspaceImageBytes;
        this.chunkImages = chunkImages(images, threads, xImageBytes, chunkBytes);
        int chunks = (images + chunkImages - 1) / chunkImages;
        this.passes = new Pass[chunks];
        this.xChunks = new MemorySegment[chunks];
        this.yChunks = new MemorySegment[chunks];
        this.workspaceChunks = new MemorySegment[chunks];
        try {
            for (int chunk = 0; chunk < chunks; chunk++) {
                passes[chunk] = passOf.apply(imagesOf(chunk));
            }
        } catch (RuntimeException | Error e) {
            Closer.closeAll(Arrays.stream(passes).filter(p -> p != null).toArray(AutoCloseable[]::new));
            throw e;
        }
        this.task = Linker.nativeLinker().upcallStub(TASK.bindTo(this), FunctionDescriptor.ofVoid(ValueLayout.ADDRESS),
                arena);
        Arrays.fill(kept, MemorySegment.NULL);
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
     * written, as soon as a chunk of {@code x} holds NaN or an infinity.
     *
     * @throws IllegalStateException if a tensor's arena was closed
     */
    boolean run(MemorySegment x, MemorySegment y, MemorySegment workspace) {
        kept[0] = x;
        kept[1] = y;
        kept[2] = workspace == null ? MemorySegment.NULL : workspace;
        pointChunksAt(x, y, workspace);
        withWorkspace = workspace != null;
        next.set(0);
        failure.set(null);
        nonFinite = false;
        stop = false;
        try {
            if (threads == 1) {
                workOnChunks();
            } else {
                openMp.runOnTeam(task, threads, kept);
            }
        } finally {
            Arrays.fill(kept, MemorySegment.NULL);
        }
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException e) {
            throw e;
        } else if (failed instanceof Error e) {
            throw e;
        } else if (failed != null) {
            throw new IllegalStateException("max pooling forward failed on an OpenMP thread", failed);
        }
        return !nonFinite;
    }

    /**
     * Slices per chunk of the caller's tensors, remade only when a tensor's address (or, on one
     * thread, its arena) changes.
     */
    private void pointChunksAt(MemorySegment x, MemorySegment y, MemorySegment workspace) {
        if (x.address() != xBase || !sameScope(x, xScope)) {
            slice(x, xImageBytes, xChunks);
            xBase = x.address();
            xScope = threads > 1 ? null : x.scope();
        }
        if (y.address() != yBase || !sameScope(y, yScope)) {
            slice(y, yImageBytes, yChunks);
            yBase = y.address();
            yScope = threads > 1 ? null : y.scope();
        }
        if (workspace != null && (workspace.address() != workspaceBase || !sameScope(workspace, workspaceScope))) {
            slice(workspace, workspaceImageBytes, workspaceChunks);
            workspaceBase = workspace.address();
            workspaceScope = threads > 1 ? null : workspace.scope();
        }
    }

    /** Whether slices made from a segment of {@code scope} still suit {@code tensor}: always for the team's unscoped ones. */
    private boolean sameScope(MemorySegment tensor, MemorySegment.Scope scope) {
        return threads > 1 || tensor.scope().equals(scope);
    }

    /**
     * Slices of each chunk of {@code tensor}, made once per tensor. For the team they are views of
     * no scope ({@link #run} keeps the tensors' arenas open around the whole team, inside the
     * downcall, so the chunks' own runs need not). On one thread no downcall keeps them open, so
     * they are slices of the caller's own scoped segment: a tensor closed by another thread
     * meanwhile gives {@link IllegalStateException}, not a read of freed memory.
     */
    private void slice(MemorySegment tensor, long imageBytes, MemorySegment[] chunks) {
        MemorySegment whole = threads > 1 ? MemorySegment.ofAddress(tensor.address()).reinterpret(imageBytes * images)
                : tensor;
        for (int chunk = 0; chunk < chunks.length; chunk++) {
            chunks[chunk] = whole.asSlice(chunk * chunkImages * imageBytes, imagesOf(chunk) * imageBytes);
        }
    }

    /** The upcall each team thread runs; it must never throw (an exception in an upcall ends the JVM). */
    @SuppressWarnings("unused")
    private void onTeamThread(MemorySegment ignored) {
        workOnChunks();
    }

    private void workOnChunks() {
        try {
            for (int chunk; !stop && (chunk = next.getAndIncrement()) < passes.length; ) {
                MemorySegment xs = xChunks[chunk];
                if (NonFinite.any(xs, xs.byteSize() / Float.BYTES)) {
                    nonFinite = true;
                    stop = true;
                    return;
                }
                Pass pass = passes[chunk];
                pass.attach(0, xs);
                pass.attach(1, yChunks[chunk]);
                if (withWorkspace) {
                    pass.attachWorkspace(workspaceChunks[chunk]);
                }
                pass.run();
            }
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
            stop = true;
        }
    }

    @Override
    public void close() {
        Closer.closeAll(passes);
    }
}
