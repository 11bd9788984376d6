package dev.jdnn;

/**
 * The argument checks shared by every validating entry point. Each failure message names the
 * op, the argument, what was expected and what was given.
 */
final class Arguments {
    private Arguments() {
    }

    /** {@code t} is non-null, open and has exactly {@code expected} shape. */
    static void tensor(String op, String name, Tensor t, Shape expected) {
        present(op, name, t, expected);
        if (!t.shape().equals(expected)) {
            throw new IllegalArgumentException(op + ": " + name + ": expected shape " + expected + ", got "
                    + t.shape());
        }
    }

    /** {@code t} is non-null and open; any shape. */
    static void present(String op, String name, Tensor t, Shape expectedForMessage) {
        if (t == null) {
            throw new IllegalArgumentException(op + ": " + name + ": expected a tensor"
                    + (expectedForMessage == null ? "" : " of shape " + expectedForMessage) + ", got null");
        }
        if (t.isClosed()) {
            throw new IllegalStateException(op + ": " + name + ": expected an open tensor"
                    + (expectedForMessage == null ? "" : " of shape " + expectedForMessage) + ", got a closed tensor "
                    + t.shape());
        }
    }

    /** The optional bias-like tensor {@code t} is present exactly when {@code wanted}. */
    static void optional(String op, String name, Tensor t, boolean wanted, Shape expected) {
        if (wanted) {
            tensor(op, name, t, expected);
        } else if (t != null) {
            throw new IllegalArgumentException(op + ": " + name + ": expected null (the op has bias=false), got a tensor "
                    + t.shape());
        }
    }

    /** {@code out} shares no memory with any of {@code ins} (null entries skipped). */
    static void noAlias(String op, String outName, Tensor out, Object... namesAndInputs) {
        if (out == null) {
            return;
        }
        for (int i = 0; i < namesAndInputs.length; i += 2) {
            String inName = (String) namesAndInputs[i];
            Tensor in = (Tensor) namesAndInputs[i + 1];
            if (in != null && overlaps(out, in)) {
                throw new IllegalArgumentException(op + ": " + outName + ": expected memory disjoint from " + inName
                        + ", got a tensor that overlaps it");
            }
        }
    }

    private static boolean overlaps(Tensor a, Tensor b) {
        return a.segment().asOverlappingSlice(b.segment()).isPresent();
    }

    /**
     * Like {@link java.util.Objects#requireNonNull(Object, String)} but throws
     * {@link IllegalArgumentException}, as every jdnn argument check does.
     */
    static <T> T requireNonNull(T value, String message) {
        if (value == null) {
            throw new IllegalArgumentException(message);
        }
        return value;
    }

    static void notNull(String op, String name, Object value, String expected) {
        if (value == null) {
            throw new IllegalArgumentException(op + ": " + name + ": expected " + expected + ", got null");
        }
    }

    static void open(String op, boolean closed, String what) {
        if (closed) {
            throw new IllegalStateException(op + ": " + what + ": expected an open " + what + ", got a closed one");
        }
    }
}
