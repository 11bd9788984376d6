package dev.jdnn.onednn;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the passes of plan-less ops (activations, softmax) for reuse: building a primitive costs
 * about 0.2 ms whatever the tensor size, more than running it on a training-sized tensor. A pass
 * is keyed by an op-defined {@code kind} (algorithm and direction) and two extents that fix its
 * descriptors, e.g. rows and columns.
 *
 * <p>A pass re-points its memory objects at the caller's tensors, so it must never run on two
 * threads at once: each thread has its own small cache ({@value #PER_THREAD} passes, least
 * recently used evicted and closed), found without allocating. {@link #close()} closes every
 * thread's passes; a call after that builds, runs and releases its pass as if uncached. A thread's
 * cache is locked while it runs, so close never frees a pass that is running; the lock is only
 * ever contended by close.
 */
final class PassCache implements AutoCloseable {
    /** Builds the pass for a key, with anything it needs kept alive beside it. */
    @FunctionalInterface
    interface Factory {
        Entry build(int kind, long rows, long columns);
    }

    /** A built pass and, if not null, the forward descriptor a backward pass was built with. */
    record Entry(Pass pass, PrimitiveDesc forwardHint) implements AutoCloseable {
        /** A forward pass. */
        static Entry of(Pass pass) {
            return new Entry(pass, null);
        }

        /**
         * The backward pass {@code builder} makes with {@code forwardHint}, which is kept open
         * beside it as plans keep theirs (oneDNN's backward descriptor refers to its hint).
         */
        static Entry backward(PassBuilder builder, PrimitiveDesc forwardHint) {
            try {
                return new Entry(builder.hints(layout -> forwardHint).build(PassLayout.PLAIN), forwardHint);
            } catch (RuntimeException e) {
                forwardHint.close();
                throw e;
            }
        }

        @Override
        public void close() {
            pass.close();
            if (forwardHint != null) {
                forwardHint.close();
            }
        }
    }

    static final int PER_THREAD = 16;

    private final ThreadLocal<ThreadPasses> local = new ThreadLocal<>();
    /** Every thread's cache, so close reaches them all; guarded by itself. */
    private final List<ThreadPasses> all = new ArrayList<>();
    private boolean closed;

    /**
     * Attaches {@code a}, {@code b} and, if not null, {@code c} to slots 0, 1, 2 of the pass for
     * the key ({@code factory} builds it when missing) and runs it.
     */
    void run(int kind, long rows, long columns, Factory factory, MemorySegment a, MemorySegment b, MemorySegment c) {
        ThreadPasses mine = local.get();
        if (mine == null) {
            mine = register();
        }
        synchronized (mine) {
            if (mine.closed) {
                try (Entry entry = factory.build(kind, rows, columns)) {
                    execute(entry.pass(), a, b, c);
                }
                return;
            }
            execute(mine.find(kind, rows, columns, factory), a, b, c);
        }
    }

    /** How many passes all threads hold now. */
    int size() {
        int size = 0;
        for (ThreadPasses passes : snapshot()) {
            synchronized (passes) {
                size += passes.count;
            }
        }
        return size;
    }

    /** Closes every thread's passes; later calls run uncached. Idempotent. */
    @Override
    public void close() {
        List<ThreadPasses> caches;
        synchronized (all) {
            closed = true;
            caches = new ArrayList<>(all);
            all.clear();
        }
        for (ThreadPasses passes : caches) {
            passes.close();
        }
    }

    private static void execute(Pass pass, MemorySegment a, MemorySegment b, MemorySegment c) {
        pass.attach(0, a);
        pass.attach(1, b);
        if (c != null) {
            pass.attach(2, c);
        }
        pass.run();
    }

    /**
     * The calling thread's new cache. Caches of threads that have ended are closed here, so a
     * stream of short-lived threads does not pile up native memory until the backend closes.
     */
    private ThreadPasses register() {
        ThreadPasses mine = new ThreadPasses(Thread.currentThread());
        List<ThreadPasses> ended = new ArrayList<>();
        synchronized (all) {
            if (closed) {
                mine.closed = true;
            } else {
                for (ThreadPasses passes : all) {
                    if (!passes.owner.isAlive()) {
                        ended.add(passes);
                    }
                }
                all.removeAll(ended);
                all.add(mine);
            }
        }
        for (ThreadPasses passes : ended) {
            passes.close();
        }
        local.set(mine);
        return mine;
    }

    private List<ThreadPasses> snapshot() {
        synchronized (all) {
            return new ArrayList<>(all);
        }
    }

    /** One thread's passes in parallel arrays, scanned linearly (there are at most 16). */
    private static final class ThreadPasses {
        final Thread owner;
        final int[] kinds = new int[PER_THREAD];
        final long[] rows = new long[PER_THREAD];
        final long[] columns = new long[PER_THREAD];
        final long[] lastUse = new long[PER_THREAD];
        final Entry[] entries = new Entry[PER_THREAD];
        int count;
        long clock;
        boolean closed;

        ThreadPasses(Thread owner) {
            this.owner = owner;
        }

        Pass find(int kind, long rowCount, long columnCount, Factory factory) {
            clock++;
            for (int i = 0; i < count; i++) {
                if (kinds[i] == kind && rows[i] == rowCount && columns[i] == columnCount) {
                    lastUse[i] = clock;
                    return entries[i].pass();
                }
            }
            Entry built = factory.build(kind, rowCount, columnCount);
            int slot = count < PER_THREAD ? count++ : leastRecentlyUsed();
            if (entries[slot] != null) {
                entries[slot].close();
            }
            kinds[slot] = kind;
            rows[slot] = rowCount;
            columns[slot] = columnCount;
            lastUse[slot] = clock;
            entries[slot] = built;
            return built.pass();
        }

        private int leastRecentlyUsed() {
            int oldest = 0;
            for (int i = 1; i < count; i++) {
                if (lastUse[i] < lastUse[oldest]) {
                    oldest = i;
                }
            }
            return oldest;
        }

        synchronized void close() {
            closed = true;
            for (int i = 0; i < count; i++) {
                entries[i].close();
                entries[i] = null;
            }
            count = 0;
        }
    }
}
