package dev.jdnn;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every validating plan shares: it is usable only while both it and the backend that made it
 * are open, by one thread at a time, and it closes its engine plan exactly once.
 *
 * <p>One state word holds all three facts (idle, running, closed), so that entering a call, leaving
 * it and closing are each a single compare-and-set: a second thread that enters while a call runs,
 * or a {@code close()} that arrives meanwhile, is refused with {@link IllegalStateException}
 * before it touches the engine. Engine plans keep scratch buffers and native primitives that two
 * concurrent calls would corrupt (wrong results, exceptions from inside kernels), and a native plan
 * closed under a running call is freed memory being executed; refusing such a {@code close()} keeps
 * the plan whole and usable, the caller closes it again once the call returned. A running call is
 * also counted by its backend ({@link ValidatingBackend#enterCall}), so that closing the backend
 * under it is refused the same way.
 */
abstract class ValidatingPlan implements AutoCloseable {
    private static final int IDLE = 0;
    private static final int RUNNING = 1;
    private static final int CLOSED = 2;

    private final ValidatingBackend backend;
    private final AutoCloseable engine;
    private final AtomicInteger state = new AtomicInteger(IDLE);

    ValidatingPlan(ValidatingBackend backend, AutoCloseable engine) {
        this.backend = backend;
        this.engine = engine;
    }

    /**
     * Claims the plan for one call on this thread; every successful {@code enter} is paired with an
     * {@link #exit()} in a {@code finally}.
     *
     * @throws IllegalStateException naming {@code op} and the plan when the plan or its backend is
     *     closed, or another thread is running the plan right now
     */
    final void enter(String op) {
        if (!state.compareAndSet(IDLE, RUNNING)) {
            refuse(op);
        }
        try {
            backend.enterCall(op);
        } catch (RuntimeException e) {
            state.set(IDLE);
            throw e;
        }
    }

    /**
     * Ends the call {@link #enter} began, for the backend too (whose {@code close()} waits for no
     * running call). A release store is enough for the plan: the next owner's compare-and-set sees
     * everything this call wrote, and it avoids the full fence of a volatile store on the hot path.
     */
    final void exit() {
        backend.exitCall();
        state.setRelease(IDLE);
    }

    private void refuse(String op) {
        if (state.get() == CLOSED) {
            Arguments.open(op, true, "plan");
        }
        throw new IllegalStateException(op + ": " + this + " (" + op() + "): expected one thread at a time, got a call"
                + " while another thread is running this plan (a plan is used by one thread at a time: give each"
                + " thread its own plan)");
    }

    /** The op record, for messages. */
    abstract Object op();

    /**
     * Closes the engine plan once.
     *
     * @throws IllegalStateException when another thread is running the plan right now; the plan is
     *     then left open and fully usable, close it again after that call returned
     */
    @Override
    public final void close() {
        while (true) {
            int s = state.get();
            if (s == CLOSED) {
                return;
            }
            if (s == RUNNING) {
                throw new IllegalStateException("close: " + this + " (" + op() + "): expected no running call, got a"
                        + " call in progress on another thread; the plan stays open and usable, close it once that"
                        + " call returned");
            }
            if (state.compareAndSet(IDLE, CLOSED)) {
                break;
            }
        }
        try {
            engine.close();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("closing a plan failed: " + e, e);
        }
    }
}
