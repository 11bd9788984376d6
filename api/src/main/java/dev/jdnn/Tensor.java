package dev.jdnn;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * A dense float32 tensor in row-major order (activations NCHW), always held in native memory so
 * that every backend, native code included, reads it without a copy.
 *
 * <p>A tensor either owns its memory ({@link #allocate(Shape)}: freed by {@link #close()}) or
 * borrows it (an arena's, a caller's segment, or another tensor's through {@link #reshape}):
 * then {@code close()} only marks this handle closed. Using a closed tensor, or one whose memory
 * was freed by its owner, throws {@link IllegalStateException}. Element access is not
 * synchronised; a tensor may be read by many threads and written by one at a time.
 */
public final class Tensor implements AutoCloseable {
    /** Alignment of memory that jdnn allocates: one cache line, one AVX-512 vector. */
    public static final long ALIGNMENT = 64;

    private final Shape shape;
    private final MemorySegment segment;
    private final Arena owned;
    private volatile boolean closed;

    private Tensor(Shape shape, MemorySegment segment, Arena owned) {
        this.shape = shape;
        this.segment = segment;
        this.owned = owned;
    }

    /** A zeroed tensor that owns 64-byte-aligned native memory, freed by {@link #close()}. */
    public static Tensor allocate(Shape shape) {
        Objects.requireNonNull(shape, "Tensor.allocate: shape: expected a shape, got null");
        Arena arena = Arena.ofShared();
        try {
            return new Tensor(shape, arena.allocate(byteSize(shape), ALIGNMENT), arena);
        } catch (RuntimeException | OutOfMemoryError e) {
            arena.close();
            throw e;
        }
    }

    /** A zeroed tensor whose 64-byte-aligned memory lives as long as {@code arena}. */
    public static Tensor allocate(Shape shape, Arena arena) {
        Objects.requireNonNull(shape, "Tensor.allocate: shape: expected a shape, got null");
        Objects.requireNonNull(arena, "Tensor.allocate: arena: expected an arena, got null");
        return new Tensor(shape, arena.allocate(byteSize(shape), ALIGNMENT), null);
    }

    /**
     * A new owning tensor holding a copy of {@code values}, row-major.
     *
     * @throws IllegalArgumentException when {@code values.length != shape.elementCount()}
     */
    public static Tensor of(Shape shape, float... values) {
        Objects.requireNonNull(shape, "Tensor.of: shape: expected a shape, got null");
        Objects.requireNonNull(values, "Tensor.of: values: expected an array, got null");
        if (values.length != shape.elementCount()) {
            throw new IllegalArgumentException("Tensor.of: values: expected " + shape.elementCount()
                    + " elements for shape " + shape + ", got " + values.length);
        }
        Tensor t = allocate(shape);
        MemorySegment.copy(values, 0, t.segment, ValueLayout.JAVA_FLOAT, 0, values.length);
        return t;
    }

    /**
     * A zero-copy view of the caller's native memory. The caller keeps ownership; the segment
     * must be native, 4-byte aligned and at least {@code 4 * shape.elementCount()} bytes long
     * (only that prefix is used).
     */
    public static Tensor wrap(MemorySegment segment, Shape shape) {
        Objects.requireNonNull(segment, "Tensor.wrap: segment: expected a segment, got null");
        Objects.requireNonNull(shape, "Tensor.wrap: shape: expected a shape, got null");
        if (!segment.isNative()) {
            throw new IllegalArgumentException("Tensor.wrap: segment: expected a native segment, got a heap segment");
        }
        if (segment.address() % Float.BYTES != 0) {
            throw new IllegalArgumentException("Tensor.wrap: segment: expected an address aligned to 4 bytes, got 0x"
                    + Long.toHexString(segment.address()));
        }
        long need = byteSize(shape);
        if (segment.byteSize() < need) {
            throw new IllegalArgumentException("Tensor.wrap: segment: expected at least " + need + " bytes for shape "
                    + shape + ", got " + segment.byteSize());
        }
        return new Tensor(shape, segment.asSlice(0, need), null);
    }

    /**
     * A view of the same memory with another shape of the same element count (for example
     * {@code [n, c, h, w]} seen as {@code [n, c*h*w]} before a dense layer). The view does not
     * own the memory; it becomes unusable when this tensor's memory is freed.
     */
    public Tensor reshape(Shape newShape) {
        Objects.requireNonNull(newShape, "Tensor.reshape: shape: expected a shape, got null");
        checkOpen("Tensor.reshape");
        if (newShape.elementCount() != shape.elementCount()) {
            throw new IllegalArgumentException("Tensor.reshape: shape: expected " + shape.elementCount()
                    + " elements like " + shape + ", got " + newShape + " with " + newShape.elementCount());
        }
        return new Tensor(newShape, segment, null);
    }

    private static long byteSize(Shape shape) {
        return Math.multiplyExact(shape.elementCount(), (long) Float.BYTES);
    }

    /** The tensor's dimensions. */
    public Shape shape() {
        return shape;
    }

    /** The native memory, exactly {@code 4 * elementCount()} bytes of native-order floats. */
    public MemorySegment segment() {
        return openSegment("Tensor.segment");
    }

    /** The memory, after checking that this tensor is still usable; failures name {@code op}. */
    private MemorySegment openSegment(String op) {
        checkOpen(op);
        return segment;
    }

    /** Whether {@link #close()} was called on this handle or its memory was freed by its owner. */
    public boolean isClosed() {
        return closed || !segment.scope().isAlive();
    }

    /**
     * Throws {@link IllegalStateException} naming {@code op} when this tensor can no longer be
     * used.
     */
    public void checkOpen(String op) {
        if (closed) {
            throw new IllegalStateException(op + ": tensor " + shape + ": expected an open tensor, got a closed one");
        }
        if (!segment.scope().isAlive()) {
            throw new IllegalStateException(op + ": tensor " + shape
                    + ": expected live memory, got memory already freed by its owner");
        }
    }

    /** The element at the given row-major index, one index per dimension. */
    public float get(int... index) {
        return openSegment("Tensor.get").getAtIndex(ValueLayout.JAVA_FLOAT, flatIndex("Tensor.get", index));
    }

    /** Sets the element at the given row-major index, one index per dimension. */
    public void set(float value, int... index) {
        openSegment("Tensor.set").setAtIndex(ValueLayout.JAVA_FLOAT, flatIndex("Tensor.set", index), value);
    }

    private long flatIndex(String op, int[] index) {
        Objects.requireNonNull(index, op + ": index: expected " + shape.rank() + " indices, got null");
        if (index.length != shape.rank()) {
            throw new IllegalArgumentException(op + ": index: expected " + shape.rank() + " indices for shape "
                    + shape + ", got " + index.length);
        }
        long flat = 0;
        for (int i = 0; i < index.length; i++) {
            int d = shape.dim(i);
            if (index[i] < 0 || index[i] >= d) {
                throw new IndexOutOfBoundsException(op + ": index[" + i + "]: expected 0.." + (d - 1)
                        + " for shape " + shape + ", got " + index[i]);
            }
            flat = flat * d + index[i];
        }
        return flat;
    }

    /** A copy of all elements, row-major. */
    public float[] toArray() {
        return openSegment("Tensor.toArray").toArray(ValueLayout.JAVA_FLOAT);
    }

    /** Copies {@code values} (row-major, exactly {@code elementCount()} of them) into this tensor. */
    public void copyFrom(float[] values) {
        Objects.requireNonNull(values, "Tensor.copyFrom: values: expected an array, got null");
        MemorySegment target = openSegment("Tensor.copyFrom");
        if (values.length != shape.elementCount()) {
            throw new IllegalArgumentException("Tensor.copyFrom: values: expected " + shape.elementCount()
                    + " elements for shape " + shape + ", got " + values.length);
        }
        MemorySegment.copy(values, 0, target, ValueLayout.JAVA_FLOAT, 0, values.length);
    }

    /** Sets every element to {@code value}. */
    public void fill(float value) {
        MemorySegment target = openSegment("Tensor.fill");
        if (value == 0f) {
            target.fill((byte) 0);
            return;
        }
        long count = shape.elementCount();
        for (long i = 0; i < count; i++) {
            target.setAtIndex(ValueLayout.JAVA_FLOAT, i, value);
        }
    }

    /** Frees owned memory, or marks a borrowed view closed. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (owned != null) {
                owned.close();
            }
        }
    }

    @Override
    public String toString() {
        return "Tensor" + shape + (isClosed() ? " (closed)" : "");
    }
}
