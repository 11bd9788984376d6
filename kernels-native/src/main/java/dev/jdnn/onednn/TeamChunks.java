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

/**
 * Runs a Java loop body over numbered chunks on oneDNN's own OpenMP team
 * ({@link OpenMpThreads#runOnTeam}), each thread claiming the next unclaimed chunk: the threads
 * that run the primitives before and after the loop, so no Java thread pool competes with OpenMP
 * threads still spinning, and none has to be woken. With one thread, or where the OpenMP runtime
 * cannot start a team, the calling thread runs every chunk; a runner made by {@link #alwaysOnTeam}
 * runs them on the team (of one thread) in that case too.
 *
 * <p>Not for concurrent use: one caller at a time (a plan under {@link PlanUse}, or a caller that
 * synchronises). The body gets the tensors to read as arguments. On the team they are unscoped views
 * (a scoped segment of a shared arena cannot be read from an upcall's thread without a check per
 * access that the arena is alive): {@link #run} keeps up to {@value OpenMpThreads#KEPT} of the
 * caller's segments open for the whole team, inside the downcall. The views are cached and remade
 * only when a tensor's address or size changes, so a training step's repeated calls allocate
 * nothing. On the calling thread alone (one thread, or one chunk, except with {@link #alwaysOnTeam})
 * no downcall keeps anything open, so the body gets the caller's own scoped segments: a tensor
 * closed meanwhile by another thread then gives {@link IllegalStateException}, not a read of freed
 * memory. An exception in a chunk stops the others from claiming more and is rethrown by
 * {@link #run} (an exception leaving an upcall would end the JVM).
 */
final class TeamChunks {
    /** A loop body over one chunk; chunks of one run may run at the same time on different threads. */
    interface Body {
        /** Runs chunk {@code chunk} over {@code a}, {@code b}, {@code c}: {@link #run}'s segments or views of them. */
        void run(int chunk, MemorySegment a, MemorySegment b, MemorySegment c);
    }

    private static final MethodHandle TASK;

    static {
        try {
            TASK = MethodHandles.lookup().findVirtual(TeamChunks.class, "onTeamThread",
                    MethodType.methodType(void.class, MemorySegment.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final OpenMpThreads openMp;
    private final int threads;
    private final boolean alwaysOnTeam;
    private final MemorySegment task;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final MemorySegment[] kept = new MemorySegment[OpenMpThreads.KEPT];
    /** Unscoped views of the last team run's segments, reused while address and size stay the same. */
    private final MemorySegment[] views = new MemorySegment[OpenMpThreads.KEPT];
    private volatile boolean stop;
    private Body body;
    private int chunks;
    /** The current team run's views (written before the downcall, read by the team's threads). */
    private MemorySegment viewA;
    private MemorySegment viewB;
    private MemorySegment viewC;

    /** A runner on {@code runtime}'s team; its upcall stub lives in {@code arena}, which must outlive every {@link #run}. */
    TeamChunks(OneDnnRuntime runtime, Arena arena) {
        this(runtime, arena, runtime.threads() > 1 && runtime.openMp().canRunOnTeam(), false);
    }

    private TeamChunks(OneDnnRuntime runtime, Arena arena, boolean team, boolean alwaysOnTeam) {
        this.openMp = runtime.openMp();
        this.threads = team ? runtime.threads() : 1;
        this.alwaysOnTeam = alwaysOnTeam;
        this.task = team ? Linker.nativeLinker().upcallStub(TASK.bindTo(this),
                FunctionDescriptor.ofVoid(ValueLayout.ADDRESS), arena) : MemorySegment.NULL;
        Arrays.fill(kept, MemorySegment.NULL);
    }

    /**
     * A runner that runs every chunk on the team, with one thread and one chunk too, so the body
     * always gets unscoped views (for a body that needs them: see {@link VectorNhwcMaxPool});
     * {@code null} where the OpenMP runtime cannot start a team.
     */
    static TeamChunks alwaysOnTeam(OneDnnRuntime runtime, Arena arena) {
        return runtime.openMp().canRunOnTeam() ? new TeamChunks(runtime, arena, true, true) : null;
    }

    /** Threads the chunks are spread over. */
    int threads() {
        return threads;
    }

    /**
     * Runs {@code body} on chunks {@code 0 .. chunks - 1} and returns when all are done, keeping
     * {@code a}, {@code b} and {@code c} (any may be {@code null}) open meanwhile.
     *
     * @throws RuntimeException or {@link Error} the first chunk threw
     */
    void run(int chunks, Body body, MemorySegment a, MemorySegment b, MemorySegment c) {
        this.body = body;
        this.chunks = chunks;
        next.set(0);
        failure.set(null);
        stop = false;
        try {
            if (!alwaysOnTeam && (threads == 1 || chunks < 2)) {
                work(a, b, c);
            } else {
                kept[0] = a == null ? MemorySegment.NULL : a;
                kept[1] = b == null ? MemorySegment.NULL : b;
                kept[2] = c == null ? MemorySegment.NULL : c;
                viewA = view(0, a);
                viewB = view(1, b);
                viewC = view(2, c);
                openMp.runOnTeam(task, Math.min(threads, chunks), kept);
            }
        } finally {
            Arrays.fill(kept, MemorySegment.NULL);
            viewA = viewB = viewC = null;
            this.body = null;
        }
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException e) {
            throw e;
        } else if (failed instanceof Error e) {
            throw e;
        } else if (failed != null) {
            throw new IllegalStateException("a chunk failed on an OpenMP thread", failed);
        }
    }

    /** An unscoped view of {@code segment} (or {@code null}), the cached one while address and size are unchanged. */
    private MemorySegment view(int slot, MemorySegment segment) {
        if (segment == null) {
            return null;
        }
        MemorySegment cached = views[slot];
        if (cached == null || cached.address() != segment.address() || cached.byteSize() != segment.byteSize()) {
            cached = MemorySegment.ofAddress(segment.address()).reinterpret(segment.byteSize());
            views[slot] = cached;
        }
        return cached;
    }

    /** The upcall each team thread runs; it must never throw. */
    @SuppressWarnings("unused")
    private void onTeamThread(MemorySegment ignored) {
        work(viewA, viewB, viewC);
    }

    private void work(MemorySegment a, MemorySegment b, MemorySegment c) {
        try {
            for (int chunk; !stop && (chunk = next.getAndIncrement()) < chunks; ) {
                body.run(chunk, a, b, c);
            }
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
            stop = true;
        }
    }
}
