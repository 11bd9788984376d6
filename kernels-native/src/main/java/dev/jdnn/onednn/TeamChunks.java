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
 * cannot start a team, the calling thread runs every chunk.
 *
 * <p>Not for concurrent use: one caller at a time (a plan under {@link PlanUse}, or a caller that
 * synchronises). The body reads the caller's tensors through unscoped views: {@link #run} keeps up
 * to {@value OpenMpThreads#KEPT} of their segments open for the whole team. An exception in a chunk
 * stops the others from claiming more and is rethrown by {@link #run} (an exception leaving an
 * upcall would end the JVM).
 */
final class TeamChunks {
    /** A loop body over one chunk; chunks of one run may run at the same time on different threads. */
    interface Body {
        void run(int chunk);
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
    private final MemorySegment task;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final MemorySegment[] kept = new MemorySegment[OpenMpThreads.KEPT];
    private volatile boolean stop;
    private Body body;
    private int chunks;

    /** A runner on {@code runtime}'s team; its upcall stub lives in {@code arena}, which must outlive every {@link #run}. */
    TeamChunks(OneDnnRuntime runtime, Arena arena) {
        this.openMp = runtime.openMp();
        boolean team = runtime.threads() > 1 && openMp.canRunOnTeam();
        this.threads = team ? runtime.threads() : 1;
        this.task = team ? Linker.nativeLinker().upcallStub(TASK.bindTo(this),
                FunctionDescriptor.ofVoid(ValueLayout.ADDRESS), arena) : MemorySegment.NULL;
        Arrays.fill(kept, MemorySegment.NULL);
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
            if (threads == 1 || chunks < 2) {
                work();
            } else {
                kept[0] = a == null ? MemorySegment.NULL : a;
                kept[1] = b == null ? MemorySegment.NULL : b;
                kept[2] = c == null ? MemorySegment.NULL : c;
                openMp.runOnTeam(task, Math.min(threads, chunks), kept);
            }
        } finally {
            Arrays.fill(kept, MemorySegment.NULL);
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

    /** The upcall each team thread runs; it must never throw. */
    @SuppressWarnings("unused")
    private void onTeamThread(MemorySegment ignored) {
        work();
    }

    private void work() {
        try {
            for (int chunk; !stop && (chunk = next.getAndIncrement()) < chunks; ) {
                body.run(chunk);
            }
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
            stop = true;
        }
    }
}
