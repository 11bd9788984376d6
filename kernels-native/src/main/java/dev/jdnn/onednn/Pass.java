package dev.jdnn.onednn;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.List;

/**
 * One pass of an op, ready to run: the main primitive, the reorders around it, their scratch
 * buffers, and one memory object per caller tensor ("slot") that is re-pointed at the caller's
 * data before each run. Built by {@link PassBuilder}; running allocates nothing. The segments
 * attached to the slots are handed to every {@link Primitive#execute}, which keeps their arenas
 * open while oneDNN works on them.
 */
final class Pass implements AutoCloseable {
    private final Memory[] slots;
    private final Primitive[] steps;
    private final Memory workspace;
    private final Stream stream;
    private final PassLayout layout;
    private final String implementation;
    private final List<AutoCloseable> owned;
    private final Arena buffers;
    private final long bufferBytes;
    /** The caller's segments attached to the slots for the coming run; {@code NULL} elsewhere. */
    private final MemorySegment[] attached = new MemorySegment[Primitive.KEPT];

    Pass(Memory[] slots, Primitive[] steps, Memory workspace, Stream stream, PassLayout layout, String implementation,
         List<AutoCloseable> owned, Arena buffers, long bufferBytes) {
        this.slots = slots;
        this.steps = steps;
        this.workspace = workspace;
        this.stream = stream;
        this.layout = layout;
        this.implementation = implementation;
        this.owned = owned;
        this.buffers = buffers;
        this.bufferBytes = bufferBytes;
        if (slots.length >= Primitive.KEPT) {
            throw new IllegalArgumentException("a pass has at most " + (Primitive.KEPT - 1) + " slots (one kept "
                    + "segment is the workspace's), got " + slots.length);
        }
        Arrays.fill(attached, MemorySegment.NULL);
    }

    /** Points slot {@code slot} (numbered in the order the builder declared them) at {@code data}. */
    void attach(int slot, MemorySegment data) {
        slots[slot].attach(data);
        attached[slot] = data;
    }

    /**
     * Points the workspace at {@code data} (a buffer of the workspace descriptor's size, owned by
     * a {@code Workspace} of the plan) and keeps {@code data}'s arena open during the coming run,
     * like a slot's.
     */
    void attachWorkspace(MemorySegment data) {
        workspace.attach(data);
        attached[slots.length] = data;
    }

    /**
     * Runs the reorders and the primitive and waits for them. The attached segments are released
     * afterwards (the next run attaches again), so a pass never keeps a caller's memory reachable.
     *
     * @throws IllegalStateException if the arena of an attached segment was closed
     */
    void run() {
        try {
            for (Primitive step : steps) {
                step.execute(stream, attached);
            }
            stream.waitForCompletion();
        } finally {
            Arrays.fill(attached, MemorySegment.NULL);
        }
    }

    /** How many reorder primitives run beside the main one on every call. */
    int reorders() {
        return steps.length - 1;
    }

    /** The layout the pass was built in. */
    PassLayout layout() {
        return layout;
    }

    /** The workspace (max pooling's argmax), or {@code null}. */
    Memory workspace() {
        return workspace;
    }

    /** Bytes of the pass's own buffers (blocked copies, workspace, scratchpads), or 0 for {@code null}. */
    static long bufferBytes(Pass pass) {
        return pass == null ? 0 : pass.bufferBytes;
    }

    /** oneDNN's name of the main primitive's implementation, e.g. {@code jit:avx512_core}. */
    String implementation() {
        return implementation;
    }

    /** {@code layout/implementation} of {@code pass}, or {@code -} when it is not built yet. */
    static String describe(Pass pass) {
        return pass == null ? "-" : pass.layout + "/" + pass.implementation;
    }

    /**
     * Frees the scratch buffers, then destroys the native objects, newest first. The buffers go
     * first: closing their arena is the step that can be refused (while a run holds it), and a
     * refusal must leave the pass whole, not with its primitives destroyed. Once that succeeded,
     * every native object is destroyed even if one destructor fails (the first failure is thrown).
     */
    @Override
    public void close() {
        if (buffers.scope().isAlive()) {
            buffers.close();
        }
        AutoCloseable[] newestFirst = owned.reversed().toArray(AutoCloseable[]::new);
        Closer.closeAll(newestFirst);
    }
}
