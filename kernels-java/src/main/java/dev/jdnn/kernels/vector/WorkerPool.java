package dev.jdnn.kernels.vector;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of {@code threads} workers: the calling thread plus {@code threads - 1} daemon
 * threads owned by one backend (never the common pool). {@link #run(Job)} splits a job into
 * {@code threads} shares and returns when all are done; {@link #run(Chunks, int)} splits it into any
 * number of chunks that the members claim one at a time, so that a worker that wakes late, or is
 * preempted by another process on a small machine, leaves the caller at most one chunk to wait for
 * instead of half the job. Handing over allocates nothing. Jobs must not call {@code run}
 * themselves, and must not expect their shares to run at the same time: a share or chunk is run
 * exactly once, by whichever member claims it first.
 *
 * <p>Idle workers spin for {@link #SPIN_NANOS} before they park: on the 2-core VMs this was
 * measured on, waking a parked thread took 19 µs when its core had just been busy and 48 µs after
 * 0.2 ms idle (a park/unpark round trip), against 0.2 µs for a spinning one, and the ops of a
 * LeNet-5 step last 30-500 µs with gaps of up to 0.2 ms between them. Spinning threads call
 * {@link Thread#yield()} between short bursts so that the JIT's compiler threads and other
 * processes still get the core.
 *
 * <p>Each member first claims the chunks of its own contiguous range (the static split's, so that
 * consecutive ops over the same images find them in the same core's cache), then those left in the
 * other members' ranges. Shares are claimed rather than bound to threads so that {@link #close()} can
 * never strand a caller: a worker that sees the pool closed stops claiming, and the caller, once
 * its own share is done, runs every share nobody claimed. It then waits only for shares a worker
 * has claimed, which that worker finishes before it looks at {@code closed} again. A call that
 * starts after {@link #close()} throws {@link IllegalStateException}.
 */
final class WorkerPool implements AutoCloseable {

    /** Work for one share of a run. */
    @FunctionalInterface
    interface Job {
        /** Runs share {@code worker} of {@code workers} (0-based). */
        void run(int worker, int workers);
    }

    /** Work for one chunk of a run split finer than the team. */
    @FunctionalInterface
    interface Chunks {
        /**
         * Runs chunk {@code chunk} of {@code chunks} on team member {@code member} (0 is the caller,
         * below {@link #size()}): {@code member} only picks per-thread scratch; which member runs
         * which chunk changes from run to run, so results must depend on the chunk alone.
         */
        void run(int member, int chunk, int chunks);
    }

    /**
     * How long an idle member spins before it parks, in nanoseconds: {@code jdnn.vector.spinMicros}
     * (default 1,000 µs; 0 parks at once).
     */
    static final long SPIN_NANOS = Math.max(0, Long.getLong("jdnn.vector.spinMicros", 1_000)) * 1_000;
    /** Spins between two looks at the clock (and yields after the first burst). */
    private static final int BURST = 64;
    /** Chunks per team member that {@link #chunksFor} aims at: the most a late member can leave undone. */
    static final int CHUNKS_PER_MEMBER = 4;

    private final int size;
    private final Thread[] threads;
    /** Chunks of the current run not yet finished (by anybody); the caller waits for zero. */
    private final AtomicInteger pending = new AtomicInteger();
    /**
     * Per member, at {@code member·}{@link #STRIDE}: the end (high 32 bits) and the next unclaimed
     * chunk (low 32 bits) of the range of the current run that member takes first. A claim reads
     * both in one step, so a member still claiming when the next run is published either gets a
     * chunk of that run (whose job is then visible and stays set until the chunk is done) or sees
     * that the range is used up, never an index of one run checked against another run's end.
     */
    private final AtomicLongArray ranges;
    /** Longs between two members' range words: 128 bytes, so that they never share a cache line. */
    private static final int STRIDE = 16;
    /** Chunks of the current run. */
    private volatile int chunks;
    private volatile Job job;
    private volatile Chunks chunkJob;
    private volatile int generation;
    private volatile Thread caller;
    private volatile Throwable failure;
    private volatile boolean closed;

    WorkerPool(int threads) {
        this.size = threads;
        this.ranges = new AtomicLongArray(threads * STRIDE);
        this.threads = new Thread[threads - 1];
        for (int i = 0; i < this.threads.length; i++) {
            int member = i + 1;
            Thread t = new Thread(() -> loop(member), "jdnn-vector-" + member);
            t.setDaemon(true);
            this.threads[i] = t;
            t.start();
        }
    }

    /** Number of team members, the caller included. */
    int size() {
        return size;
    }

    /**
     * How many chunks to cut {@code items} independent items into: one per item up to
     * {@link #CHUNKS_PER_MEMBER} per member, and 1 on a team of one (nothing to balance).
     */
    int chunksFor(int items) {
        return size == 1 ? 1 : Math.max(1, Math.min(items, size * CHUNKS_PER_MEMBER));
    }

    /**
     * Runs every share of {@code j}, share 0 on the calling thread, and waits for all of them.
     *
     * @throws IllegalStateException when the pool (its backend) is closed
     */
    synchronized void run(Job j) {
        if (closed) {
            throw new IllegalStateException("vector backend: closed; open a new backend to run plans");
        }
        if (size == 1) {
            j.run(0, 1);
            return;
        }
        publish(j, null, size, 1);
        Throwable own = null;
        try {
            j.run(0, size);
        } catch (Throwable e) {
            own = e;
        }
        pending.decrementAndGet();
        finish(0, own);
    }

    /**
     * Runs chunks {@code 0 .. chunks-1} of {@code j} over the team (the caller takes part) and
     * waits for all of them; {@code chunks} may be larger or smaller than {@link #size()}.
     *
     * @throws IllegalStateException when the pool (its backend) is closed
     */
    synchronized void run(Chunks j, int chunks) {
        if (chunks < 1) {
            throw new IllegalArgumentException("worker pool: chunks must be at least 1, got " + chunks);
        }
        if (closed) {
            throw new IllegalStateException("vector backend: closed; open a new backend to run plans");
        }
        if (size == 1 || chunks == 1) {
            for (int c = 0; c < chunks; c++) {
                j.run(0, c, chunks);
            }
            return;
        }
        publish(null, j, chunks, 0);
        finish(0, null);
    }

    /** Makes a run claimable: chunks from {@code first} on; the ones before it the caller runs itself. */
    private void publish(Job j, Chunks c, int count, int first) {
        caller = Thread.currentThread();
        failure = null;
        job = j;
        chunkJob = c;
        pending.set(count);
        chunks = count;
        // Publishing the claimable chunks makes the fields above visible to a claimer. Member m
        // takes the m-th contiguous range first, as a static split would, so that the images one
        // op leaves in a core's cache are the ones the next op on that core reads.
        for (int m = 0; m < size; m++) {
            int end = start(count, m + 1, size);
            ranges.set(m * STRIDE, (long) end << 32 | Math.max(first, start(count, m, size)));
        }
        generation++;
        for (Thread t : threads) {
            LockSupport.unpark(t);
        }
    }

    /** The caller claims what is left, waits for the chunks others claimed, and rethrows a failure. */
    private void finish(int member, Throwable own) {
        claimAll(member);
        long spinUntil = 0;
        for (int spin = 0; pending.get() != 0; spin++) {
            if (spin % BURST != 0) {
                Thread.onSpinWait();
            } else if (spin == 0) {
                spinUntil = System.nanoTime() + SPIN_NANOS;
            } else if (System.nanoTime() < spinUntil) {
                Thread.yield();
            } else {
                LockSupport.park(this);
            }
        }
        job = null;
        chunkJob = null;
        Throwable thrown = own != null ? own : failure;
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
    }

    /** Runs chunks of the current run until none is left to claim (or, on a worker, the pool closes). */
    private void claimAll(int member) {
        for (int i = 0; i < size; i++) {
            int from = member + i < size ? member + i : member + i - size;
            if (!claimRange(member, from)) {
                return;
            }
        }
    }

    /**
     * Runs chunks of member {@code from}'s range on {@code member} until the range is used up
     * (true) or, on a worker, the pool closes (false).
     */
    private boolean claimRange(int member, int from) {
        while (true) {
            long claim = ranges.getAndIncrement(from * STRIDE);
            int chunk = (int) claim;
            if (chunk >= (int) (claim >>> 32)) {
                return true;
            }
            int count = chunks;
            try {
                Chunks c = chunkJob;
                if (c != null) {
                    c.run(member, chunk, count);
                } else {
                    job.run(chunk, count);
                }
            } catch (Throwable e) {
                failure = e;
            } finally {
                if (pending.decrementAndGet() == 0 && member != 0) {
                    LockSupport.unpark(caller);
                }
            }
            if (member != 0 && closed) {
                return false;
            }
        }
    }

    private void loop(int member) {
        int seen = 0;
        int spin = 0;
        long spinUntil = 0;
        while (!closed) {
            int g = generation;
            if (g == seen) {
                if (spin++ % BURST != 0) {
                    Thread.onSpinWait();
                } else if (spin == 1) {
                    spinUntil = System.nanoTime() + SPIN_NANOS;
                } else if (System.nanoTime() < spinUntil) {
                    Thread.yield();
                } else {
                    LockSupport.park(this);
                }
                continue;
            }
            seen = g;
            spin = 0;
            claimAll(member);
        }
    }

    /**
     * Stops the worker threads. A run in progress on another thread still completes (its caller
     * takes over the shares no worker claimed); later runs throw {@link IllegalStateException}.
     */
    @Override
    public void close() {
        closed = true;
        for (Thread t : threads) {
            LockSupport.unpark(t);
        }
    }

    /** The share {@code [start, end)} of {@code count} items that member {@code worker} takes. */
    static int start(int count, int worker, int workers) {
        return (int) ((long) count * worker / workers);
    }
}
