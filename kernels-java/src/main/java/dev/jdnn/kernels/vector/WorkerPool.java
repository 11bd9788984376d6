package dev.jdnn.kernels.vector;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of {@code threads} workers: the calling thread plus {@code threads - 1} daemon
 * threads owned by one backend (never the common pool). {@link #run} splits a job into
 * {@code threads} shares and returns when all are done; handing over allocates nothing. Jobs must
 * not call {@link #run} themselves, and must not expect their shares to run at the same time: a
 * share is run exactly once, by whichever member claims it first.
 *
 * <p>Shares are claimed from a counter rather than bound to threads so that {@link #close()} can
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

    private static final int SPINS = 2_000;

    private final int size;
    private final Thread[] threads;
    /** Shares of the current run not yet finished by a worker thread (the caller's own excluded). */
    private final AtomicInteger pending = new AtomicInteger();
    /** Next unclaimed share of the current run; {@code >= size} when all are claimed. */
    private final AtomicInteger nextShare = new AtomicInteger();
    private volatile Job job;
    private volatile int generation;
    private volatile Thread caller;
    private volatile Throwable failure;
    private volatile boolean closed;

    WorkerPool(int threads) {
        this.size = threads;
        this.nextShare.set(threads);
        this.threads = new Thread[threads - 1];
        for (int i = 0; i < this.threads.length; i++) {
            Thread t = new Thread(this::loop, "jdnn-vector-" + (i + 1));
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
        caller = Thread.currentThread();
        failure = null;
        job = j;
        pending.set(size - 1);
        // Publishing the first claimable share makes job and pending visible to a claimer.
        nextShare.set(1);
        generation++;
        for (Thread t : threads) {
            LockSupport.unpark(t);
        }
        Throwable own = null;
        try {
            j.run(0, size);
        } catch (Throwable e) {
            own = e;
        }
        // Shares the workers have not claimed (they may be busy, slow to wake, or closed).
        for (int share = nextShare.getAndIncrement(); share < size; share = nextShare.getAndIncrement()) {
            runShare(j, share);
        }
        for (int spin = 0; pending.get() != 0; spin++) {
            if (spin < SPINS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
        job = null;
        Throwable thrown = own != null ? own : failure;
        if (thrown instanceof RuntimeException e) {
            throw e;
        }
        if (thrown instanceof Error e) {
            throw e;
        }
    }

    private void runShare(Job j, int share) {
        try {
            j.run(share, size);
        } catch (Throwable e) {
            failure = e;
        } finally {
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    private void loop() {
        int seen = 0;
        int spin = 0;
        while (!closed) {
            int g = generation;
            if (g == seen) {
                if (spin++ < SPINS) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
                continue;
            }
            seen = g;
            spin = 0;
            for (int share = nextShare.getAndIncrement(); share < size; share = nextShare.getAndIncrement()) {
                runShare(job, share);
                if (closed) {
                    break;
                }
            }
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
