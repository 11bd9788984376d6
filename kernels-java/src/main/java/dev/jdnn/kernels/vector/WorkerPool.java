package dev.jdnn.kernels.vector;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of {@code threads} workers: the calling thread plus {@code threads - 1} daemon
 * threads owned by one backend (never the common pool). {@link #run} hands the same job to every
 * member and returns when all are done; handing over allocates nothing. Jobs must not call
 * {@link #run} themselves.
 */
final class WorkerPool implements AutoCloseable {

    /** Work for one member of the team. */
    @FunctionalInterface
    interface Job {
        /** Runs share {@code worker} of {@code workers} (0-based). */
        void run(int worker, int workers);
    }

    private static final int SPINS = 2_000;

    private final int size;
    private final Thread[] threads;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Job job;
    private volatile int generation;
    private volatile Thread caller;
    private volatile Throwable failure;
    private volatile boolean closed;

    WorkerPool(int threads) {
        this.size = threads;
        this.threads = new Thread[threads - 1];
        for (int i = 0; i < this.threads.length; i++) {
            int worker = i + 1;
            Thread t = new Thread(() -> loop(worker), "jdnn-vector-" + worker);
            t.setDaemon(true);
            this.threads[i] = t;
            t.start();
        }
    }

    /** Number of team members, the caller included. */
    int size() {
        return size;
    }

    /** Runs {@code j} on every member, the caller as member 0, and waits for all of them. */
    synchronized void run(Job j) {
        if (size == 1) {
            j.run(0, 1);
            return;
        }
        caller = Thread.currentThread();
        failure = null;
        job = j;
        pending.set(size - 1);
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

    private void loop(int worker) {
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
            try {
                job.run(worker, size);
            } catch (Throwable e) {
                failure = e;
            } finally {
                if (pending.decrementAndGet() == 0) {
                    LockSupport.unpark(caller);
                }
            }
        }
    }

    /** Stops the worker threads. */
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
