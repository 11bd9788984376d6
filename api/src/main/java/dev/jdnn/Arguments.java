package dev.jdnn;

import java.lang.foreign.MemorySegment;

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

    /**
     * {@code t} is non-null, open, has exactly {@code expected} shape and is in {@code layout}.
     */
    static void tensor(String op, String name, Tensor t, Shape expected, Layout layout) {
        tensor(op, name, t, expected);
        layout(op, name, t, layout);
    }

    /** The present tensor {@code t} is in {@code expected} layout. */
    static void layout(String op, String name, Tensor t, Layout expected) {
        if (t.layout() != expected) {
            throw new IllegalArgumentException(op + ": " + name + ": expected layout " + expected + ", got "
                    + t.layout() + " (tensor " + t.shape() + ")");
        }
    }

    /** Whether two present tensors are the very same memory: same address, same size, same layout. */
    static boolean sameMemory(Tensor a, Tensor b) {
        if (a == b) {
            return true;
        }
        MemorySegment x = a.segment();
        MemorySegment y = b.segment();
        return x.address() == y.address() && x.byteSize() == y.byteSize() && a.layout() == b.layout();
    }

    /**
     * {@code out} is the very same memory as {@code in} (an in-place call), or shares none with it.
     */
    static void inPlaceOrNoAlias(String op, String outName, Tensor out, String inName, Tensor in) {
        if (!sameMemory(out, in)) {
            noAlias(op, outName, out, inName, in);
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

    /** {@code out} shares no memory with {@code in} (a null tensor is skipped). */
    static void noAlias(String op, String outName, Tensor out, String inName, Tensor in) {
        if (out == null || in == null) {
            return;
        }
        MemorySegment o = out.segment();
        MemorySegment i = in.segment();
        if (o.address() < i.address() + i.byteSize() && i.address() < o.address() + o.byteSize()) {
            throw new IllegalArgumentException(op + ": " + outName + ": expected memory disjoint from " + inName + " "
                    + range(i) + ", got " + range(o) + " which overlaps it");
        }
    }

    /** Two-input form of {@link #noAlias(String, String, Tensor, String, Tensor)}; no varargs, no garbage. */
    static void noAlias(String op, String outName, Tensor out, String in1, Tensor t1, String in2, Tensor t2) {
        noAlias(op, outName, out, in1, t1);
        noAlias(op, outName, out, in2, t2);
    }

    /** Three-input form of {@link #noAlias(String, String, Tensor, String, Tensor)}. */
    static void noAlias(String op, String outName, Tensor out, String in1, Tensor t1, String in2, Tensor t2,
                        String in3, Tensor t3) {
        noAlias(op, outName, out, in1, t1);
        noAlias(op, outName, out, in2, t2);
        noAlias(op, outName, out, in3, t3);
    }

    private static String range(MemorySegment s) {
        return "[0x" + Long.toHexString(s.address()) + ", +" + s.byteSize() + " bytes)";
    }

    /**
     * Pins up to four tensors (nulls skipped) for the duration of an engine call, so that none can
     * be freed while a kernel uses it; on failure nothing stays pinned.
     */
    static void pin(String op, Tensor a, Tensor b, Tensor c, Tensor d) {
        int pinned = 0;
        try {
            pinOne(op, a);
            pinned++;
            pinOne(op, b);
            pinned++;
            pinOne(op, c);
            pinned++;
            pinOne(op, d);
        } catch (IllegalStateException e) {
            unpinOne(pinned > 0 ? a : null);
            unpinOne(pinned > 1 ? b : null);
            unpinOne(pinned > 2 ? c : null);
            throw e;
        }
    }

    /** Ends a {@link #pin}. */
    static void unpin(Tensor a, Tensor b, Tensor c, Tensor d) {
        unpinOne(a);
        unpinOne(b);
        unpinOne(c);
        unpinOne(d);
    }

    private static void pinOne(String op, Tensor t) {
        if (t != null) {
            t.pin(op);
        }
    }

    private static void unpinOne(Tensor t) {
        if (t != null) {
            t.unpin();
        }
    }

    /** {@code value >= 1}. */
    static int positive(String op, String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(op + ": " + name + ": expected >= 1, got " + value);
        }
        return value;
    }

    /**
     * A shape whose tensors the Java kernels can index with {@code int}: at most
     * {@link Integer#MAX_VALUE} elements.
     */
    static void indexable(String op, String name, Shape shape) {
        if (shape.elementCount() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(op + ": " + name + ": expected at most " + Integer.MAX_VALUE
                    + " elements, got " + shape.elementCount() + " in " + shape);
        }
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

    /** Throws {@link IllegalStateException} when {@code closed}, naming {@code what}. */
    static void open(String op, boolean closed, String what) {
        if (closed) {
            throw new IllegalStateException(op + ": " + what + ": expected an open " + what.split(" ")[0]
                    + ", got a closed one");
        }
    }

    /** {@code value} is finite and {@code >= 0} (a learning rate, a decay, an epsilon). */
    static void nonNegative(String op, String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(op + ": " + name + ": expected a finite value >= 0, got " + value);
        }
    }

    /** {@code 0 <= value < 1} (a probability that must leave something, a moment's decay). */
    static void fraction(String op, String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(op + ": " + name + ": expected a value in [0, 1), got " + value);
        }
    }

    /**
     * {@code out} is the very same memory as {@code in1} or {@code in2} (an in-place call), or
     * shares none with either.
     */
    static void inPlaceOrDisjoint(String op, String outName, Tensor out, String in1, Tensor t1, String in2,
                                  Tensor t2) {
        inPlaceOrNoAlias(op, outName, out, in1, t1);
        inPlaceOrNoAlias(op, outName, out, in2, t2);
    }
}
