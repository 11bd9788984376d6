package dev.jdnn.onednn;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether a plan is idle, running (on exactly one thread) or closed. A plan may be used by one
 * thread at a time; this makes the rule checked rather than trusted, with one compare-and-set on
 * entry and one store on exit (a few nanoseconds beside a primitive's microseconds). A second
 * thread that enters while the plan runs gets {@link IllegalStateException} instead of re-pointing
 * the memory objects under the first; {@link #close()} during a run is refused the same way, so a
 * plan never frees primitives another thread executes and is never left half-closed.
 */
final class PlanUse {
    private static final int IDLE = 0;
    private static final int RUNNING = 1;
    private static final int CLOSED = 2;

    private final AtomicInteger state = new AtomicInteger(IDLE);
    private final Object plan;

    /** The guard of {@code plan}, which names it in errors (through its {@code toString}). */
    PlanUse(Object plan) {
        this.plan = plan;
    }

    /**
     * Marks the plan running on the calling thread; pair with {@link #exit()} in a {@code finally}.
     *
     * @throws IllegalStateException if it is running on another thread or closed
     */
    void enter(String call) {
        if (!state.compareAndSet(IDLE, RUNNING)) {
            throw new IllegalStateException(state.get() == CLOSED
                    ? call + ": the onednn plan " + plan + " is closed"
                    : call + ": the onednn plan " + plan + " is running on another thread; a plan is used by one "
                            + "thread at a time");
        }
    }

    /** Marks the plan idle again. */
    void exit() {
        state.set(IDLE);
    }

    /**
     * Marks the plan closed if it is idle: {@code true} when this call closed it (the caller then
     * frees its resources), {@code false} when it was closed already.
     *
     * @throws IllegalStateException if it is running on some thread (nothing is closed)
     */
    boolean close() {
        while (!state.compareAndSet(IDLE, CLOSED)) {
            int now = state.get();
            if (now == CLOSED) {
                return false;
            }
            if (now == RUNNING) {
                throw new IllegalStateException("close: the onednn plan " + plan + " is running on another thread; "
                        + "close it after the run returns");
            }
        }
        return true;
    }
}
