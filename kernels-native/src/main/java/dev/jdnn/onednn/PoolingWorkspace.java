package dev.jdnn.onednn;

import dev.jdnn.Workspace;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * What a {@link DnnlPooling} forward records for its backward: oneDNN's max-pooling workspace
 * (the argmax in oneDNN's own encoding) and, for inputs holding NaN or an infinity, which run in
 * {@link MaxPoolWindows}, the memory index of each output's source cell. Average pooling records
 * nothing. Its buffers live in a shared arena that {@link #close()} frees; a close while a
 * primitive runs on them is refused by the arena ({@link IllegalStateException}), so oneDNN never
 * writes into freed memory.
 */
final class PoolingWorkspace implements Workspace {
    private final Arena arena = Arena.ofShared();
    private final MemorySegment buffer;
    private final MemorySegment argmax;
    /** Whether the last forward ran in {@link MaxPoolWindows} and filled {@link #argmax()}. */
    private volatile boolean filledInJava;

    /** A workspace with a oneDNN buffer of {@code bytes} and room for {@code outputs} source indices. */
    PoolingWorkspace(long bytes, long outputs) {
        this.buffer = arena.allocate(Math.max(bytes, 1), 64);
        this.argmax = arena.allocate(Math.max(outputs, 1) * ValueLayout.JAVA_LONG.byteSize(), 64);
    }

    /** oneDNN's workspace buffer. */
    MemorySegment buffer() {
        return buffer;
    }

    /** One {@code long} per output: the memory index in {@code x} of its source cell. */
    MemorySegment argmax() {
        return argmax;
    }

    boolean filledInJava() {
        return filledInJava;
    }

    void filledInJava(boolean java) {
        filledInJava = java;
    }

    @Override
    public void close() {
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}
