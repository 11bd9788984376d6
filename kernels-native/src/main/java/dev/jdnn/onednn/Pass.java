package dev.jdnn.onednn;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * One pass of an op, ready to run: the main primitive, the reorders around it, their scratch
 * buffers, and one memory object per caller tensor ("slot") that is re-pointed at the caller's
 * data before each run. Built by {@link PassBuilder}; running allocates nothing.
 */
final class Pass implements AutoCloseable {
    private final Memory[] slots;
    private final Primitive[] steps;
    private final Memory workspace;
    private final Stream stream;
    private final Layout layout;
    private final String implementation;
    private final List<AutoCloseable> owned;
    private final Arena buffers;

    Pass(Memory[] slots, Primitive[] steps, Memory workspace, Stream stream, Layout layout, String implementation,
         List<AutoCloseable> owned, Arena buffers) {
        this.slots = slots;
        this.steps = steps;
        this.workspace = workspace;
        this.stream = stream;
        this.layout = layout;
        this.implementation = implementation;
        this.owned = owned;
        this.buffers = buffers;
    }

    /** Points slot {@code slot} (numbered in the order the builder declared them) at {@code data}. */
    void attach(int slot, MemorySegment data) {
        slots[slot].attach(data);
    }

    /** Runs the reorders and the primitive and waits for them. */
    void run() {
        for (Primitive step : steps) {
            step.execute(stream);
        }
        stream.waitForCompletion();
    }

    /** The layout the pass was built in. */
    Layout layout() {
        return layout;
    }

    /** The workspace (max pooling's argmax), or {@code null}. */
    Memory workspace() {
        return workspace;
    }

    /** {@code layout/implementation} of {@code pass}, or {@code -} when it is not built yet. */
    static String describe(Pass pass) {
        return pass == null ? "-" : pass.layout + "/" + pass.implementation;
    }

    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                throw new IllegalStateException("closing a oneDNN pass failed", e);
            }
        }
        buffers.close();
    }
}
