package dev.jdnn.onednn;

import java.lang.foreign.MemorySegment;

/**
 * The one-thread route of the NHWC 2x2 max-pooling forward on large images: {@link VectorNhwcMaxPool}
 * is the faster path once C2 has compiled it (pool_cifar, AVX-512, pinned: 1.03 of oneDNN from C
 * against 1.51 for {@link ScannedPoolingForward}), but its first calls over whole batches, run by
 * the interpreter and C1, cost about 1.4 s ({@code measurements/npool9-2026-12-07}). So each call
 * runs the scanned path over the whole batch, then the kernel again over a slice of it, which
 * writes the same bits (the same maxima, the same first maximum's index into oneDNN's one-byte
 * workspace: the plan uses this route for a training forward only when that is the workspace's
 * layout), timing both. The first slice is the first {@value #SLICE_VECTORS} output vectors of each
 * of the last {@value #SLICE_ROWS} output rows: until C2 has compiled the kernel, its slow tiers
 * cost that much per call (0.1-0.3 ms), while the JIT compiles it from the slices' calls. When a
 * slice ran at compiled speed ({@link #compiled}) in {@value #WINS} calls in a row, the next slice
 * is the last {@value #SLICE_ROWS}, then 4 times as many, output rows, whole, up to the batch: so a
 * slice that is slow after all (C1's code) costs at most 4 times one that was fast, and sends the
 * route back to the first slice. The batch's level is a trial of whole calls in the kernel alone,
 * which keeps whole calls when the fastest of {@value #WINS} beat the scanned path's fastest since
 * the first slice; else the slices start over after {@value #RETRY} calls.
 */
final class WarmingMaxPool {
    /** Images of fewer bytes of {@code x} stay on the scanned path. */
    static final long MIN_IMAGE_BYTES = 128L << 10;
    /** Output rows in the first slice (one pass of the kernel's four-row loop), and output vectors of each. */
    static final int SLICE_ROWS = 4;
    static final int SLICE_VECTORS = 4;
    /**
     * A slice runs at compiled speed when it took less than this many times the scanned path's time
     * for as many outputs, plus {@link #CALL_NS} (a call's own cost, which the scanned path spreads
     * over the batch).
     */
    static final int COMPILED = 2;
    static final long CALL_NS = 50_000;
    /** Calls in a row at compiled speed before the next slice, and whole calls per trial. */
    static final int WINS = 3;
    /** Calls on the first slice after a trial the kernel lost, before the slices grow again. */
    static final int RETRY = 1000;

    private final VectorNhwcMaxPool kernel;
    private final long rows;
    private final int rowVectors;
    /** The current slice: 0 the first, {@code k} the last {@code SLICE_ROWS << 2 (k - 1)} rows, the last the batch. */
    private int level;
    private final int lastLevel;
    /** Calls of the current slice so far, at compiled speed. */
    private int wins;
    /** The scanned path's fastest call since the first slice, the fastest whole call of the trial. */
    private long scannedBest = Long.MAX_VALUE;
    private long trialBest = Long.MAX_VALUE;
    /** Calls left on the first slice before it may grow. */
    private int wait;
    private boolean warm;

    WarmingMaxPool(VectorNhwcMaxPool kernel) {
        this.kernel = kernel;
        this.rows = kernel.rows();
        this.rowVectors = kernel.rowVectors();
        int last = 1;
        while (sliceRows(last) < rows) {
            last++;
        }
        this.lastLevel = last;
    }

    /**
     * Whether images of {@code xImageBytes} take this route; smaller ones stay on the scanned path,
     * where the kernel's gain does not pay for its warm-up within an epoch: at 1 thread, pinned,
     * 0.19 ms per call on pool_cifar (256 KB per image), 0.005-0.011 ms on the CIFAR-style example
     * model's second pooling layer (64x14x14, 50 KB per image), and on LeNet-5's (16x10x10, 6.4 KB)
     * the kernel was the slower one.
     */
    static boolean serves(long xImageBytes) {
        return xImageBytes >= MIN_IMAGE_BYTES;
    }

    /** Output rows of slice {@code level} (at least 1). */
    private long sliceRows(int level) {
        return Math.min(rows, (long) SLICE_ROWS << 2 * (level - 1));
    }

    /** Whether the kernel now takes whole calls (after a trial it won). */
    boolean warm() {
        return warm;
    }

    /** Gives the kernel whole calls from now on, as after a trial it won: for tests of that state. */
    void skipWarmUp() {
        warm = true;
    }

    /**
     * Pools {@code x} into {@code y} (and {@code workspace}, or {@code null} for an inference
     * forward): {@code scanned} (over the whole batch) and the kernel's slice, or the kernel alone in
     * a trial or once {@link #warm}. Returns {@code false}, with the outputs partly written, when the
     * path that pooled the whole batch found NaN or an infinity (or may have).
     */
    boolean run(ScannedPoolingForward scanned, MemorySegment x, MemorySegment y, MemorySegment workspace) {
        if (warm) {
            return kernel.run(x, y, workspace);
        }
        if (level == lastLevel) {
            return trial(x, y, workspace);
        }
        long start = System.nanoTime();
        if (!scanned.run(x, y, workspace)) {
            return false;
        }
        long split = System.nanoTime();
        long sliceRows = level == 0 ? Math.min(SLICE_ROWS, rows) : sliceRows(level);
        int sliceVectors = level == 0 ? Math.min(SLICE_VECTORS, rowVectors) : rowVectors;
        // x was found finite, so the slice's own NaN report (a window sum may overflow) is not needed
        kernel.run(x, y, workspace, rows - sliceRows, sliceVectors);
        long end = System.nanoTime();
        scannedBest = Math.min(scannedBest, split - start);
        if (wait > 0) {
            wait--;
        } else if (compiled(end - split, split - start, sliceRows * sliceVectors)) {
            if (++wins == WINS) {
                level++;
                wins = 0;
            }
        } else {
            level = 0;
            wins = 0;
        }
        return true;
    }

    /** Whether a slice of {@code outputs} output vectors that took {@code sliceNs} ran at compiled speed. */
    private boolean compiled(long sliceNs, long scannedNs, long outputs) {
        return sliceNs < CALL_NS + COMPILED * scannedNs * outputs / (rows * rowVectors);
    }

    /** One whole call of a trial; the last one decides. */
    private boolean trial(MemorySegment x, MemorySegment y, MemorySegment workspace) {
        long start = System.nanoTime();
        boolean finite = kernel.run(x, y, workspace);
        trialBest = Math.min(trialBest, System.nanoTime() - start);
        if (++wins == WINS) {
            warm = trialBest < scannedBest;
            wait = RETRY;
            level = 0;
            wins = 0;
            scannedBest = Long.MAX_VALUE;
            trialBest = Long.MAX_VALUE;
        }
        return finite;
    }
}
