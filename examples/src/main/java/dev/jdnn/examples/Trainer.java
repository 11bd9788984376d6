package dev.jdnn.examples;

import dev.jdnn.Backend;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * Trains a {@link Model} on one backend: per epoch a seeded shuffle, then for each batch copy in,
 * forward, softmax cross-entropy, backward, the optimizer's kernels. A network is prepared once per batch
 * size and kept, so the last, partial batch of an epoch gets plans of its own (no image is
 * dropped) and evaluation runs in larger batches over the same parameters. For a fixed seed,
 * backend and thread count the run is deterministic as far as the backend's kernels are.
 */
public final class Trainer implements AutoCloseable {
    /** Batch size for evaluation: large enough to amortise per-call costs, small enough to stay in cache. */
    static final int EVALUATION_BATCH = 500;

    /** Told after every training batch. */
    public interface Progress {
        /** {@code images} done so far in this epoch; running mean loss and accuracy over them. */
        void batchDone(int images, double meanLoss, double accuracy);
    }

    /** The learning rate of each step of an epoch. */
    @FunctionalInterface
    public interface StepRate {
        /** The rate of step {@code step} (0-based) of the epoch. */
        float at(int step);
    }

    /** One epoch's training figures; {@code seconds} is training time only (no evaluation). */
    public record EpochResult(double meanLoss, double accuracy, double seconds, int images, int steps) {
        /** Images per second of training. */
        public double imagesPerSecond() {
            return images / seconds;
        }
    }

    private final Backend backend;
    private final Model model;
    private final Optimizer optimizer;
    private final int batch;
    private final Random shuffle;
    private final BatchLoader loader;
    private final Map<Integer, Network> networks = new HashMap<>();
    private final StepProfile profile = new StepProfile();
    private final int loadSlot;
    private final int lossSlot;
    private final int optimizerSlot;
    private long steps;

    public Trainer(Backend backend, Model model, Optimizer optimizer, int batch, long seed) {
        if (batch <= 0) {
            throw new IllegalArgumentException("Trainer: batch: expected a positive size, got " + batch);
        }
        this.backend = backend;
        this.model = model;
        this.optimizer = optimizer;
        this.batch = batch;
        this.shuffle = new Random(seed ^ 0x5DEECE66DL);
        this.loader = new BatchLoader(Math.toIntExact(model.imageShape().elementCount()));
        this.loadSlot = profile.slot("load batch");
        this.lossSlot = profile.slot("loss");
        this.optimizerSlot = profile.slot("optimizer");
    }

    private Network network(int size) {
        return networks.computeIfAbsent(size, n -> model.network(backend, n));
    }

    /** One pass over {@code data} in a fresh seeded order with learning rate {@code lr}. */
    public EpochResult trainEpoch(Dataset data, float lr, Progress progress) {
        return trainEpoch(data, step -> lr, progress);
    }

    /**
     * One pass over {@code data} in a fresh seeded order, step {@code i} of it with learning rate
     * {@code rate.at(i)}.
     */
    public EpochResult trainEpoch(Dataset data, StepRate rate, Progress progress) {
        int[] order = shuffledOrder(data.count());
        Network full = network(Math.min(batch, data.count()));
        int[] fullSlots = full.slots(profile);
        if (data.count() % batch != 0 && data.count() > batch) {
            // prepared before the clock starts, like the full batch's network: set-up, not training
            network(data.count() % batch).slots(profile);
        }
        double lossSum = 0;
        int correct = 0;
        int stepsBefore = (int) steps;
        long begin = System.nanoTime();
        for (int start = 0; start < data.count(); start += batch) {
            int count = Math.min(batch, data.count() - start);
            Network net = count == full.batch() ? full : network(count);
            int[] slots = net == full ? fullSlots : net.slots(profile);
            model.mode().training(steps);
            long t = System.nanoTime();
            loader.load(data, order, start, count, net.input(), net.labels());
            t = profile.record(loadSlot, t);
            net.forward(profile, slots);
            t = System.nanoTime();
            float loss = net.lossAndGradient();
            correct += net.countCorrect(count);
            t = profile.record(lossSlot, t);
            net.backward(profile, slots);
            t = System.nanoTime();
            optimizer.step(backend, model.parameters(), rate.at((int) steps - stepsBefore));
            profile.record(optimizerSlot, t);
            steps++;
            lossSum += (double) loss * count;
            int done = start + count;
            if (progress != null) {
                progress.batchDone(done, lossSum / done, (double) correct / done);
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        return new EpochResult(lossSum / data.count(), (double) correct / data.count(), seconds, data.count(),
                (int) steps - stepsBefore);
    }

    /** Fraction of {@code data} classified correctly, the model run in inference mode. */
    public double evaluate(Dataset data) {
        model.mode().inference();
        int[] order = new int[data.count()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int correct = 0;
        for (int start = 0; start < data.count(); start += EVALUATION_BATCH) {
            int count = Math.min(EVALUATION_BATCH, data.count() - start);
            Network net = network(count);
            loader.load(data, order, start, count, net.input(), net.labels());
            net.forward();
            correct += net.countCorrect(count);
        }
        return (double) correct / data.count();
    }

    private int[] shuffledOrder(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }

    /** Time per part of the training steps so far. */
    public StepProfile profile() {
        return profile;
    }

    /** Training steps taken so far. */
    public long steps() {
        return steps;
    }

    /** Closes the prepared networks (not the model's parameters, not the backend). */
    @Override
    public void close() {
        networks.values().forEach(Network::close);
        networks.clear();
    }
}
