package dev.jdnn;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@link Workspace} users see: remembers the plan that made it and whether a forward has
 * filled it, so that a workspace from another plan or an empty one is refused before the engine
 * reads it, and it cannot be closed while a plan call uses it.
 */
final class ValidatingWorkspace implements Workspace {
    private static final int CLOSED = -1;

    private final ValidatingPlan owner;
    private final Workspace engine;
    /** {@value #CLOSED} once closed, else the number of plan calls using it now. */
    private final AtomicInteger state = new AtomicInteger();
    /** Written and read only inside calls of the owning plan, which runs one thread at a time. */
    private boolean filled;

    ValidatingWorkspace(ValidatingPlan owner, Workspace engine) {
        this.owner = owner;
        this.engine = engine;
    }

    /**
     * The engine's workspace for a call of {@code plan}, pinned until {@link #release()}.
     *
     * @throws IllegalArgumentException when {@code ws} is null, not made by jdnn, or made by another plan
     * @throws IllegalStateException when it is closed, or {@code mustBeFilled} and no forward filled it
     */
    static ValidatingWorkspace claim(String op, ValidatingPlan plan, Workspace ws, boolean mustBeFilled) {
        if (ws == null) {
            throw new IllegalArgumentException(op + ": ws: expected a workspace from this plan's newWorkspace(), got null");
        }
        if (!(ws instanceof ValidatingWorkspace v) || v.owner != plan) {
            throw new IllegalArgumentException(op + ": ws: expected a workspace from this plan's newWorkspace() ("
                    + plan + "), got " + ws);
        }
        while (true) {
            int s = v.state.get();
            if (s == CLOSED) {
                throw new IllegalStateException(op + ": ws: expected an open workspace, got a closed one");
            }
            if (v.state.compareAndSet(s, s + 1)) {
                break;
            }
        }
        if (mustBeFilled && !v.filled) {
            v.release();
            throw new IllegalStateException(op + ": ws: expected a workspace filled by forward(x, y, ws), got one no"
                    + " forward has filled (or whose last forward failed)");
        }
        return v;
    }

    /** The engine's own workspace object. */
    Workspace engine() {
        return engine;
    }

    /** Records whether the last forward with this workspace completed. */
    void filled(boolean value) {
        filled = value;
    }

    /** Ends a {@link #claim}. */
    void release() {
        state.decrementAndGet();
    }

    /**
     * Frees the engine's workspace once.
     *
     * @throws IllegalStateException when a plan call is using it right now
     */
    @Override
    public void close() {
        while (true) {
            int s = state.get();
            if (s == CLOSED) {
                return;
            }
            if (s > 0) {
                throw new IllegalStateException("Workspace.close: expected no running call using it, got " + s
                        + " in progress; close it once that call returned");
            }
            if (state.compareAndSet(0, CLOSED)) {
                break;
            }
        }
        engine.close();
    }

    @Override
    public String toString() {
        return "workspace of " + owner + (state.get() == CLOSED ? " (closed)" : "");
    }
}
