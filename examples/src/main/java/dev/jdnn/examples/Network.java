package dev.jdnn.examples;

import dev.jdnn.Backend;
import dev.jdnn.Tensor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;

/**
 * A {@link Model} prepared on one backend for one batch size: the input tensor, every layer's
 * plan and activations, the logits' gradient and the labels array are made here once, so a
 * training step allocates nothing. Not thread-safe (plans are used by one thread at a time).
 */
public final class Network implements AutoCloseable {
    private final Backend backend;
    private final Tensor input;
    private final List<Layer> layers;
    private final Tensor logits;
    private final Tensor logitsGradient;
    private final int[] labels;

    Network(Backend backend, Tensor input, List<Layer> layers) {
        this.backend = backend;
        this.input = input;
        this.layers = List.copyOf(layers);
        this.logits = layers.getLast().output();
        this.logitsGradient = Tensor.allocate(logits.shape());
        this.labels = new int[input.shape().dim(0)];
    }

    /** The layers in forward order. */
    List<Layer> layers() {
        return layers;
    }

    /** Images per batch. */
    public int batch() {
        return labels.length;
    }

    /** Where a batch's images go: {@code [batch, c, h, w]}. */
    public Tensor input() {
        return input;
    }

    /** Where a batch's labels go. */
    public int[] labels() {
        return labels;
    }

    /** {@code [batch, classes]} after {@link #forward}. */
    public Tensor logits() {
        return logits;
    }

    /** Registers this network's parts in {@code profile}; returns the slot numbers, forward then backward per layer. */
    int[] slots(StepProfile profile) {
        int[] slots = new int[2 * layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            slots[2 * i] = profile.slot(layers.get(i).name() + " fwd");
            slots[2 * i + 1] = profile.slot(layers.get(i).name() + " bwd");
        }
        return slots;
    }

    /** Runs every layer forward, timing each into {@code profile} at {@code slots}. */
    void forward(StepProfile profile, int[] slots) {
        long t = System.nanoTime();
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).forward();
            t = profile.record(slots[2 * i], t);
        }
    }

    /** Runs every layer forward. */
    public void forward() {
        for (Layer layer : layers) {
            layer.forward();
        }
    }

    /** Mean softmax cross-entropy of the logits against {@link #labels()}, and its gradient for {@link #backward}. */
    public float lossAndGradient() {
        return backend.softmaxCrossEntropy(logits, labels, logitsGradient);
    }

    /** Back-propagates the loss gradient through every layer, timing each. */
    void backward(StepProfile profile, int[] slots) {
        long t = System.nanoTime();
        Tensor dy = logitsGradient;
        for (int i = layers.size() - 1; i >= 0; i--) {
            Layer layer = layers.get(i);
            layer.backward(dy);
            dy = layer.inputGradient();
            t = profile.record(slots[2 * i + 1], t);
        }
    }

    /** Back-propagates the loss gradient through every layer into the parameters' gradients. */
    public void backward() {
        Tensor dy = logitsGradient;
        for (int i = layers.size() - 1; i >= 0; i--) {
            layers.get(i).backward(dy);
            dy = layers.get(i).inputGradient();
        }
    }

    /** How many of the first {@code n} rows of the logits have their largest value at the label. */
    public int countCorrect(int n) {
        MemorySegment y = logits.segment();
        int classes = logits.shape().dim(1);
        int correct = 0;
        for (int row = 0; row < n; row++) {
            long base = (long) row * classes;
            int best = 0;
            float bestValue = y.getAtIndex(ValueLayout.JAVA_FLOAT, base);
            for (int c = 1; c < classes; c++) {
                float v = y.getAtIndex(ValueLayout.JAVA_FLOAT, base + c);
                if (v > bestValue) {
                    bestValue = v;
                    best = c;
                }
            }
            if (best == labels[row]) {
                correct++;
            }
        }
        return correct;
    }

    @Override
    public void close() {
        for (int i = layers.size() - 1; i >= 0; i--) {
            layers.get(i).close();
        }
        logitsGradient.close();
        input.close();
    }
}
