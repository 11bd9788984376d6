package dev.jdnn.onednn;

/** Closes native resources in order, skipping {@code null}s and carrying on after a failure. */
final class Closer {
    private Closer() {
    }

    /** Closes each non-null resource; the first failure is rethrown after all were tried. */
    static void closeAll(AutoCloseable... resources) {
        RuntimeException failure = null;
        for (AutoCloseable r : resources) {
            if (r == null) {
                continue;
            }
            try {
                r.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e instanceof RuntimeException re ? re : new IllegalStateException(e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
