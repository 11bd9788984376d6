package dev.jdnn;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every validating plan shares: it is usable only while both it and the backend that made it
 * are open, and it closes its engine plan exactly once.
 */
abstract class ValidatingPlan implements AutoCloseable {
    private final ValidatingBackend backend;
    private final AutoCloseable engine;
    private final AtomicBoolean closed = new AtomicBoolean();

    ValidatingPlan(ValidatingBackend backend, AutoCloseable engine) {
        this.backend = backend;
        this.engine = engine;
    }

    /** Throws {@link IllegalStateException} naming {@code op} when the plan or its backend is closed. */
    final void checkOpen(String op) {
        Arguments.open(op, closed.get(), "plan");
        backend.checkOpen(op);
    }

    @Override
    public final void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                engine.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("closing a plan failed: " + e, e);
            }
        }
    }
}
