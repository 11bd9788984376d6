package dev.jdnn;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A dense float32 tensor, always held in native memory so that every backend, native code
 * included, reads it without a copy. Its {@link #shape()} is logical: a rank-4 activation is
 * {@code [n, c, h, w]} whatever its {@link #layout()}, which says the order in memory
 * ({@link Layout#NCHW}, row-major, by default; {@link Layout#NHWC} with channels innermost).
 * Tensors of any other rank are row-major. {@link #get}/{@link #set} take logical indices;
 * {@link #toArray()}, the {@code copyFrom}/{@code copyTo} family and {@link #segment()} see memory
 * order.
 *
 * <p>A tensor either owns its memory ({@link #allocate(Shape)}: freed by {@link #close()}) or
 * borrows it (an arena's, a caller's segment, or another tensor's through {@link #reshape}):
 * then {@code close()} only marks this handle closed. Using a closed tensor, or one whose memory
 * was freed by its owner, throws {@link IllegalStateException}. Element access is not
 * synchronised; a tensor may be read by many threads and written by one at a time.
 *
 * <p>Memory must be usable from any thread (backends run kernels on worker threads), so memory
 * confined to one thread and read-only memory are refused. While a backend call runs, the
 * tensors it was given are pinned: closing one of them (or the tensor a view was reshaped from)
 * from another thread throws instead of freeing memory that native code is using. Memory borrowed
 * from an arena or a caller's segment cannot be pinned; it must outlive the calls that use it.
 */
public final class Tensor implements AutoCloseable {
    /** Alignment of memory that jdnn allocates: one cache line, one AVX-512 vector. */
    public static final long ALIGNMENT = 64;

    /** A thread that never runs: memory it may access is memory every thread may access. */
    private static final Thread ANY_OTHER_THREAD = new Thread(() -> { });
    private static final int CLOSED = -1;

    private final Shape shape;
    private final Layout layout;
    private final MemorySegment segment;
    private final Arena owned;
    /** The tensor a {@link #reshape} view was taken from, pinned along with the view; or null. */
    private final Tensor parent;
    /** {@value #CLOSED} once closed, else how many running backend calls use this tensor. */
    private final AtomicInteger state = new AtomicInteger();

    private Tensor(Shape shape, Layout layout, MemorySegment segment, Arena owned, Tensor parent) {
        this.shape = shape;
        this.layout = layout;
        this.segment = segment;
        this.owned = owned;
        this.parent = parent;
    }

    /**
     * A zeroed tensor that owns 64-byte-aligned native memory, freed by {@link #close()}. The
     * memory is shared between threads, so freeing it costs a JVM-wide handshake (about 0.1 ms
     * measured here): allocate tensors once and reuse them, as plans do with their scratch.
     */
    public static Tensor allocate(Shape shape) {
        return allocate(shape, Layout.NCHW);
    }

    /**
     * Like {@link #allocate(Shape)}, with the given memory order; {@link Layout#NHWC} needs a
     * rank-4 shape.
     */
    public static Tensor allocate(Shape shape, Layout layout) {
        Arguments.requireNonNull(shape, "Tensor.allocate: shape: expected a shape, got null");
        checkLayout("Tensor.allocate", shape, layout);
        long bytes = byteSize("Tensor.allocate", shape);
        Arena arena = Arena.ofShared();
        try {
            return new Tensor(shape, layout, arena.allocate(bytes, ALIGNMENT), arena, null);
        } catch (RuntimeException | OutOfMemoryError e) {
            arena.close();
            throw e;
        }
    }

    /**
     * A zeroed tensor whose 64-byte-aligned memory lives as long as {@code arena}, which must not be
     * confined to one thread ({@code Arena.ofShared()}, {@code ofAuto()} or {@code global()}).
     */
    public static Tensor allocate(Shape shape, Arena arena) {
        return allocate(shape, Layout.NCHW, arena);
    }

    /**
     * Like {@link #allocate(Shape, Arena)}, with the given memory order; {@link Layout#NHWC} needs a
     * rank-4 shape.
     */
    public static Tensor allocate(Shape shape, Layout layout, Arena arena) {
        Arguments.requireNonNull(shape, "Tensor.allocate: shape: expected a shape, got null");
        checkLayout("Tensor.allocate", shape, layout);
        Arguments.requireNonNull(arena, "Tensor.allocate: arena: expected an arena, got null");
        MemorySegment memory = arena.allocate(byteSize("Tensor.allocate", shape), ALIGNMENT);
        requireSharedMemory("Tensor.allocate", "arena", memory);
        return new Tensor(shape, layout, memory, null, null);
    }

    /** {@code layout} is given, and {@code NHWC} only for a rank-4 shape. */
    private static void checkLayout(String op, Shape shape, Layout layout) {
        Arguments.requireNonNull(layout, op + ": layout: expected a Layout (NCHW or NHWC), got null");
        if (layout != Layout.NCHW && shape.rank() != 4) {
            throw new IllegalArgumentException(op + ": layout: expected NCHW (row-major) for a tensor of rank "
                    + shape.rank() + " " + shape + ", got " + layout + ", which needs rank 4 [n, c, h, w]");
        }
    }

    /**
     * A new owning tensor holding a copy of {@code values}, row-major.
     *
     * @throws IllegalArgumentException when {@code values.length != shape.elementCount()}
     */
    public static Tensor of(Shape shape, float... values) {
        Arguments.requireNonNull(shape, "Tensor.of: shape: expected a shape, got null");
        Arguments.requireNonNull(values, "Tensor.of: values: expected an array, got null");
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
     * must be native, writable, accessible from every thread, 4-byte aligned and at least
     * {@code 4 * shape.elementCount()} bytes long (only that prefix is used).
     */
    public static Tensor wrap(MemorySegment segment, Shape shape) {
        return wrap(segment, shape, Layout.NCHW);
    }

    /**
     * Like {@link #wrap(MemorySegment, Shape)}, for memory in the given order; {@link Layout#NHWC}
     * needs a rank-4 shape.
     */
    public static Tensor wrap(MemorySegment segment, Shape shape, Layout layout) {
        Arguments.requireNonNull(segment, "Tensor.wrap: segment: expected a segment, got null");
        Arguments.requireNonNull(shape, "Tensor.wrap: shape: expected a shape, got null");
        checkLayout("Tensor.wrap", shape, layout);
        if (!segment.isNative()) {
            throw new IllegalArgumentException("Tensor.wrap: segment: expected a native segment, got a heap segment");
        }
        if (!segment.scope().isAlive()) {
            throw new IllegalStateException("Tensor.wrap: segment: expected live memory, got a segment whose arena"
                    + " is already closed");
        }
        if (segment.isReadOnly()) {
            throw new IllegalArgumentException("Tensor.wrap: segment: expected writable memory, got a read-only segment");
        }
        requireSharedMemory("Tensor.wrap", "segment", segment);
        if (segment.address() % Float.BYTES != 0) {
            throw new IllegalArgumentException("Tensor.wrap: segment: expected an address aligned to 4 bytes, got 0x"
                    + Long.toHexString(segment.address()));
        }
        long need = byteSize("Tensor.wrap", shape);
        if (segment.byteSize() < need) {
            throw new IllegalArgumentException("Tensor.wrap: segment: expected at least " + need + " bytes for shape "
                    + shape + ", got " + segment.byteSize());
        }
        return new Tensor(shape, layout, segment.asSlice(0, need), null, null);
    }

    private static void requireSharedMemory(String op, String name, MemorySegment memory) {
        if (!memory.isAccessibleBy(ANY_OTHER_THREAD)) {
            throw new IllegalArgumentException(op + ": " + name + ": expected memory every thread may access "
                    + "(Arena.ofShared(), Arena.ofAuto() or Arena.global()), got memory confined to one thread");
        }
    }

    /**
     * A view of the same memory with another shape of the same element count (for example
     * {@code [n, c, h, w]} seen as {@code [n, c*h*w]} before a dense layer). The view does not
     * own the memory; it becomes unusable when this tensor's memory is freed. The view is
     * row-major over the same memory order, so an {@code NHWC} activation seen as
     * {@code [n, c*h*w]} lists each image's features in {@code h, w, c} order. An {@code NHWC}
     * tensor reshaped to its own shape stays {@code NHWC}; to another rank-4 shape it is refused
     * (which element would be which is not defined), reorder it to {@code NCHW} first.
     */
    public Tensor reshape(Shape newShape) {
        Arguments.requireNonNull(newShape, "Tensor.reshape: shape: expected a shape, got null");
        openSegment("Tensor.reshape");
        if (newShape.elementCount() != shape.elementCount()) {
            throw new IllegalArgumentException("Tensor.reshape: shape: expected " + shape.elementCount()
                    + " elements like " + shape + ", got " + newShape + " with " + newShape.elementCount());
        }
        Layout viewLayout = Layout.NCHW;
        if (layout == Layout.NHWC && newShape.rank() == 4) {
            if (!newShape.equals(shape)) {
                throw new IllegalArgumentException("Tensor.reshape: shape: expected " + shape + " (an NHWC tensor keeps"
                        + " its shape, or flattens to another rank), got " + newShape + "; to change the dimensions of"
                        + " channels-last data, Backend.reorder it to NCHW first");
            }
            viewLayout = Layout.NHWC;
        }
        return new Tensor(newShape, viewLayout, segment, null, this);
    }

    /** Largest element count whose byte size fits a {@code long}. */
    private static final long MAX_ELEMENTS = Long.MAX_VALUE / Float.BYTES;

    /**
     * {@code 4 * elementCount()}; a shape whose byte size does not fit a {@code long} is an argument
     * error like any other, not an {@link ArithmeticException}.
     */
    private static long byteSize(String op, Shape shape) {
        if (shape.elementCount() > MAX_ELEMENTS) {
            throw new IllegalArgumentException(op + ": shape: expected at most " + MAX_ELEMENTS
                    + " elements (a byte size that fits a long), got " + shape.elementCount() + " in " + shape);
        }
        return shape.elementCount() * Float.BYTES;
    }

    /** The tensor's dimensions. */
    public Shape shape() {
        return shape;
    }

    /** The order of the elements in memory; {@link Layout#NCHW} (row-major) unless made otherwise. */
    public Layout layout() {
        return layout;
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
        return state.get() == CLOSED || !segment.scope().isAlive();
    }

    /** Throws {@link IllegalStateException} naming {@code op} when this tensor can no longer be used. */
    private void checkOpen(String op) {
        if (state.get() == CLOSED) {
            throw new IllegalStateException(op + ": tensor " + shape + ": expected an open tensor, got a closed one");
        }
        if (!segment.scope().isAlive()) {
            throw new IllegalStateException(op + ": tensor " + shape
                    + ": expected live memory, got memory already freed by its owner");
        }
    }

    /** The element at the given logical index, one index per dimension (in any layout). */
    public float get(int... index) {
        return openSegment("Tensor.get").getAtIndex(ValueLayout.JAVA_FLOAT, flatIndex("Tensor.get", index));
    }

    /** Sets the element at the given logical index, one index per dimension (in any layout). */
    public void set(float value, int... index) {
        openSegment("Tensor.set").setAtIndex(ValueLayout.JAVA_FLOAT, flatIndex("Tensor.set", index), value);
    }

    private long flatIndex(String op, int[] index) {
        Arguments.requireNonNull(index, op + ": index: expected " + shape.rank() + " indices, got null");
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
        if (layout == Layout.NHWC) {
            return layout.index(shape, index[0], index[1], index[2], index[3]);
        }
        return flat;
    }

    /** A copy of all elements in memory order (row-major for {@code NCHW}, {@code [n, h, w, c]} for {@code NHWC}). */
    public float[] toArray() {
        return openSegment("Tensor.toArray").toArray(ValueLayout.JAVA_FLOAT);
    }

    /** Copies {@code values} (in memory order, exactly {@code elementCount()} of them) into this tensor. */
    public void copyFrom(float[] values) {
        Arguments.requireNonNull(values, "Tensor.copyFrom: values: expected an array, got null");
        MemorySegment target = openSegment("Tensor.copyFrom");
        if (values.length != shape.elementCount()) {
            throw new IllegalArgumentException("Tensor.copyFrom: values: expected " + shape.elementCount()
                    + " elements for shape " + shape + ", got " + values.length);
        }
        MemorySegment.copy(values, 0, target, ValueLayout.JAVA_FLOAT, 0, values.length);
    }

    /**
     * Copies all elements in memory order into {@code values}, which must hold exactly
     * {@code elementCount()} of them; the allocation-free counterpart of {@link #toArray()}.
     */
    public void copyTo(float[] values) {
        Arguments.requireNonNull(values, "Tensor.copyTo: values: expected an array, got null");
        MemorySegment source = openSegment("Tensor.copyTo");
        if (values.length != shape.elementCount()) {
            throw new IllegalArgumentException("Tensor.copyTo: values: expected " + shape.elementCount()
                    + " elements for shape " + shape + ", got " + values.length);
        }
        MemorySegment.copy(source, ValueLayout.JAVA_FLOAT, 0, values, 0, values.length);
    }

    /**
     * Copies {@code length} elements from {@code values[valuesOffset ...]} into this tensor's
     * elements {@code [offset, offset + length)} in memory order, like
     * {@link System#arraycopy}; the other elements keep their values.
     *
     * @throws IllegalArgumentException when {@code values} is null, a number is negative or a range
     *     does not fit its array or tensor; nothing is written then
     */
    public void copyFrom(float[] values, int valuesOffset, long offset, int length) {
        String op = "Tensor.copyFrom";
        Arguments.requireNonNull(values, op + ": values: expected an array, got null");
        MemorySegment target = openSegment(op);
        checkRange(op, "values", values.length, valuesOffset, "valuesOffset", offset, length);
        MemorySegment.copy(values, valuesOffset, target, ValueLayout.JAVA_FLOAT, offset * Float.BYTES, length);
    }

    /**
     * Copies this tensor's elements {@code [offset, offset + length)} in memory order (row-major)
     * into {@code values[valuesOffset ...]}, like {@link System#arraycopy}; the rest of the array
     * is left alone.
     *
     * @throws IllegalArgumentException when {@code values} is null, a number is negative or a range
     *     does not fit its array or tensor; nothing is written then
     */
    public void copyTo(long offset, float[] values, int valuesOffset, int length) {
        String op = "Tensor.copyTo";
        Arguments.requireNonNull(values, op + ": values: expected an array, got null");
        MemorySegment source = openSegment(op);
        checkRange(op, "values", values.length, valuesOffset, "valuesOffset", offset, length);
        MemorySegment.copy(source, ValueLayout.JAVA_FLOAT, offset * Float.BYTES, values, valuesOffset, length);
    }

    /** Both ranges of a partial copy lie inside their array and this tensor. */
    private void checkRange(String op, String arrayName, int arrayLength, int arrayOffset, String arrayOffsetName,
                            long offset, int length) {
        if (length < 0) {
            throw new IllegalArgumentException(op + ": length: expected >= 0, got " + length);
        }
        if (arrayOffset < 0 || (long) arrayOffset + length > arrayLength) {
            throw new IllegalArgumentException(op + ": " + arrayOffsetName + ": expected 0.." + (arrayLength - length)
                    + " so that " + length + " elements fit " + arrayName + " (length " + arrayLength + "), got "
                    + arrayOffset);
        }
        long count = shape.elementCount();
        if (offset < 0 || offset > count - length) {
            throw new IllegalArgumentException(op + ": offset: expected 0.." + (count - length) + " so that " + length
                    + " elements fit the tensor " + shape + " (" + count + " elements), got " + offset);
        }
    }

    /** Sets every element to {@code value}. */
    public void fill(float value) {
        MemorySegment target = openSegment("Tensor.fill");
        if (Float.floatToRawIntBits(value) == 0) {
            target.fill((byte) 0);
            return;
        }
        long count = shape.elementCount();
        for (long i = 0; i < count; i++) {
            target.setAtIndex(ValueLayout.JAVA_FLOAT, i, value);
        }
    }

    /**
     * Marks this tensor in use by a backend call until {@link #unpin()}, so that it cannot be
     * closed meanwhile; a view pins the tensor it was reshaped from too.
     *
     * @throws IllegalStateException naming {@code op} when it is already closed
     */
    void pin(String op) {
        while (true) {
            int s = state.get();
            if (s == CLOSED || !segment.scope().isAlive()) {
                throw new IllegalStateException(op + ": tensor " + shape + ": expected an open tensor, got one closed while the call began");
            }
            if (state.compareAndSet(s, s + 1)) {
                break;
            }
        }
        if (parent != null) {
            try {
                parent.pin(op);
            } catch (IllegalStateException e) {
                state.decrementAndGet();
                throw e;
            }
        }
    }

    /** Ends one {@link #pin}. */
    void unpin() {
        if (parent != null) {
            parent.unpin();
        }
        state.decrementAndGet();
    }

    /**
     * Frees owned memory, or marks a borrowed view closed. Idempotent.
     *
     * @throws IllegalStateException when a backend call is using the tensor right now
     */
    @Override
    public void close() {
        while (true) {
            int s = state.get();
            if (s == CLOSED) {
                return;
            }
            if (s > 0) {
                throw new IllegalStateException("Tensor.close: tensor " + shape
                        + ": expected no running op using it, got " + s + " in progress");
            }
            if (state.compareAndSet(0, CLOSED)) {
                break;
            }
        }
        if (owned != null) {
            owned.close();
        }
    }

    @Override
    public String toString() {
        return "Tensor" + shape + (layout == Layout.NCHW ? "" : " " + layout) + (isClosed() ? " (closed)" : "");
    }
}
