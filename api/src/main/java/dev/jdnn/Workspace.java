package dev.jdnn;

/**
 * What a plan's forward pass records for its backward pass, so that the backward never recomputes
 * the forward: for max pooling, where each window's maximum came from. Made once by
 * {@link Pool2dPlan#newWorkspace()} and reused for every batch; usable only with the plan that made
 * it, while that plan is open, and only after a forward filled it. Its contents are the backend's
 * own. Closing it frees its memory; closing twice is harmless.
 */
public interface Workspace extends AutoCloseable {
    /** Frees the workspace's memory. */
    @Override
    void close();
}
