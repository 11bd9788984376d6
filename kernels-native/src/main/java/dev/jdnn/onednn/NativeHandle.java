package dev.jdnn.onednn;

import java.lang.foreign.MemorySegment;

/**
 * One oneDNN object ({@code dnnl_engine_t}, {@code dnnl_memory_t}, ...) with exactly one owner:
 * whoever created the wrapper closes it, once, which calls the object's native destructor.
 */
abstract class NativeHandle implements AutoCloseable {
    private final MemorySegment handle;
    private final String destructor;
    private boolean closed;

    NativeHandle(MemorySegment handle, String destructor) {
        this.handle = handle;
        this.destructor = destructor;
    }

    /** The native pointer. */
    final MemorySegment handle() {
        if (closed) {
            throw new IllegalStateException(getClass().getSimpleName() + " is closed");
        }
        return handle;
    }

    /** Calls the native destructor the first time; later calls do nothing. */
    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            DnnlException.check(destroy(handle), destructor);
        }
    }

    /** Runs the native destructor and returns its {@code dnnl_status_t}. */
    abstract int destroy(MemorySegment handle);
}
