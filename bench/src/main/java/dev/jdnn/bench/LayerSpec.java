package dev.jdnn.bench;

import dev.jdnn.Conv2d;
import dev.jdnn.Dense;
import dev.jdnn.Pool2d;

/** One layer of a {@link NetworkShape}, in the order the forward pass runs them. */
sealed interface LayerSpec {
    /** How the per-cell comparison names the layer, e.g. {@code conv2}. */
    String name();

    /** A convolution with bias. */
    record Conv(String name, Conv2d op) implements LayerSpec {
    }

    /** An element-wise ReLU. */
    record Relu(String name) implements LayerSpec {
    }

    /** A pooling layer. */
    record Pool(String name, Pool2d op) implements LayerSpec {
    }

    /** {@code [n, c, h, w]} seen as {@code [n, c*h*w]}; no work. */
    record Flatten(String name) implements LayerSpec {
    }

    /** A fully connected layer with bias. */
    record FullyConnected(String name, Dense op) implements LayerSpec {
    }
}
