package dev.jdnn.examples;

/**
 * Whether a model's layers run a training step or inference, shared by every network prepared
 * from one model. Dropout draws a fresh mask per training step (from the step number) and does
 * nothing in inference; batch normalisation uses the batch's statistics in training and the
 * running averages in inference. A model starts in training mode at step 0.
 */
final class RunMode {
    private boolean training = true;
    private long step;

    /** Training step {@code step} follows. */
    void training(long step) {
        this.training = true;
        this.step = step;
    }

    /** Inference (evaluation) follows. */
    void inference() {
        this.training = false;
    }

    boolean isTraining() {
        return training;
    }

    /** The current training step's number. */
    long step() {
        return step;
    }
}
