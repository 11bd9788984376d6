package dev.jdnn.kernels.naive;

import dev.jdnn.Workspace;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_INT;

/**
 * What a naive max-pooling forward records for its backward: for each output element (in logical
 * order), the in-plane cell {@code ih * width + iw} of the input its value came from. Native
 * memory, so an output of more than {@code 2^31} elements still fits; empty for average pooling,
 * whose backward needs nothing from the forward. The api checks ownership, filling and closing
 * before a plan sees it.
 */
final class NaivePoolingWorkspace implements Workspace {
    private final Arena arena = Arena.ofShared();
    private final MemorySegment argmax;
    private boolean closed;

    NaivePoolingWorkspace(long outputs) {
        this.argmax = outputs == 0 ? MemorySegment.NULL : arena.allocate(JAVA_INT, outputs);
    }

    void record(long ordinal, int cell) {
        argmax.setAtIndex(JAVA_INT, ordinal, cell);
    }

    int argmax(long ordinal) {
        return argmax.getAtIndex(JAVA_INT, ordinal);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            arena.close();
        }
    }
}
