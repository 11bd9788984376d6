package dev.jdnn.onednn;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Calls a oneDNN creator that returns its object through a {@code T *} out-parameter. */
final class OutPointer {
    /** A creator taking the out-parameter first; returns {@code dnnl_status_t}. */
    @FunctionalInterface
    interface Creator {
        int create(MemorySegment out);
    }

    private OutPointer() {
    }

    /** Runs {@code creator}, checks its status, and returns the created handle. */
    static MemorySegment create(String call, Creator creator) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment out = arena.allocate(ValueLayout.ADDRESS);
            DnnlException.check(creator.create(out), call);
            return out.get(ValueLayout.ADDRESS, 0);
        }
    }
}
