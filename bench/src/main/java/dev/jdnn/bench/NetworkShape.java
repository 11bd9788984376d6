package dev.jdnn.bench;

import dev.jdnn.Conv2d;
import dev.jdnn.Dense;
import dev.jdnn.Pool2d;
import dev.jdnn.Shape;

import java.util.ArrayList;
import java.util.List;

/**
 * A whole network whose training step the {@code network.step} benchmark times in one JVM, with
 * many shapes running one after the other as in {@code ./jdnn train}: the layer list, the batch,
 * and which hot-core cells its layers are, so that the report can set the step's time beside the
 * sum of those cells' times (measured alone: each in its own forked JVM in a full run, all in one
 * JVM with {@code --quick}).
 *
 * @param id           the name {@code --shape} takes
 * @param description  the layers in words, for the report
 * @param input        {@code [batch, c, h, w]}
 * @param classes      outputs of the last layer (softmax cross-entropy is the loss)
 * @param layers       the layers in forward order
 * @param cells        the hot-core cells the step runs, pass by pass
 * @param notCells     the step's work that has no hot-core cell, in words
 */
public record NetworkShape(String id, String description, Shape input, int classes, List<LayerSpec> layers,
                           List<CellPart> cells, String notCells) {

    /** One hot-core cell the step contains: a pass on a shape of the csv files. */
    public record CellPart(Pass pass, String shape) {
    }

    /** Suffix of a layer's forward part ({@link #layerParts()}). */
    static final String FORWARD = ".fwd";
    /** Suffix of a layer's backward part (a fused ReLU's gradient, backward-weights, backward-data). */
    static final String BACKWARD = ".bwd";
    /** The part that computes softmax cross-entropy and its gradient. */
    static final String LOSS = "loss";

    /** Images per step: the hot-core batch. */
    static final int BATCH = 64;

    private static final List<NetworkShape> ALL = List.of(lenet5(), cifar());

    /** Every network, in report order. */
    public static List<NetworkShape> all() {
        return ALL;
    }

    /** The network named {@code id}. */
    public static NetworkShape of(String id) {
        for (NetworkShape n : ALL) {
            if (n.id().equals(id)) {
                return n;
            }
        }
        throw new IllegalArgumentException("unknown network '" + id + "'; expected one of "
                + ALL.stream().map(NetworkShape::id).toList());
    }

    /**
     * The step's parts in the order it runs them: each layer's forward ({@code conv1.fwd}; a ReLU
     * that follows a convolution or dense layer is fused into it and has no part of its own; a
     * flatten is a view and has none), {@code loss}, then each layer's backward, last layer first
     * ({@code conv1.bwd}). Their sum is exactly the step's work. {@code network.layer} times them
     * one by one: each in its own forked JVM in a full run, but with {@code --quick} all in the
     * one JVM of the run, after the JIT tour of every cell (the report says which).
     */
    public List<String> layerParts() {
        List<String> named = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            if (!(layer instanceof LayerSpec.Flatten)) {
                named.add(layer.name());
            }
            if (fusesReluAfter(layers, i)) {
                i++;
            }
        }
        List<String> parts = new ArrayList<>();
        named.forEach(n -> parts.add(n + FORWARD));
        parts.add(LOSS);
        for (int i = named.size() - 1; i >= 0; i--) {
            parts.add(named.get(i) + BACKWARD);
        }
        return List.copyOf(parts);
    }

    /** How a {@code network.layer} cell names {@code part} of this network: {@code lenet5.conv1.fwd}. */
    public String partId(String part) {
        return id + "." + part;
    }

    /** Every network's {@link #partId part ids}, network by network in report order. */
    public static List<String> allPartIds() {
        return ALL.stream().flatMap(n -> n.layerParts().stream().map(n::partId)).toList();
    }

    /** The network a {@link #partId part id} belongs to. */
    public static NetworkShape ofPart(String partId) {
        int dot = partId.indexOf('.');
        NetworkShape network = of(dot < 0 ? partId : partId.substring(0, dot));
        if (!network.layerParts().contains(partOf(partId))) {
            throw new IllegalArgumentException("unknown part '" + partId + "' of network '" + network.id()
                    + "'; expected one of " + network.layerParts().stream().map(network::partId).toList());
        }
        return network;
    }

    /** The part of a {@link #partId part id}: {@code conv1.fwd} of {@code lenet5.conv1.fwd}. */
    static String partOf(String partId) {
        return partId.substring(partId.indexOf('.') + 1);
    }

    /**
     * GFLOP of one part as {@link #gflop()} counts them: a convolution's or dense layer's forward,
     * its backward-weights plus (except for the first weighted layer) backward-data; 0 for
     * pooling and the loss, which have no FLOP count (the report shows no rate for them). The
     * parts of a network add up to its {@code gflop()}.
     */
    public double partGflop(String part) {
        Shape x = input;
        boolean first = true;
        for (LayerSpec layer : layers) {
            Shape y = outputOf(layer, x);
            double layerMacs = forwardMultiplyAdds(layer, y);
            if (part.equals(layer.name() + FORWARD)) {
                return 2 * layerMacs / 1e9;
            }
            if (part.equals(layer.name() + BACKWARD)) {
                return 2 * layerMacs * (first ? 1 : 2) / 1e9;
            }
            if (layerMacs > 0) {
                first = false;
            }
            x = y;
        }
        return 0;
    }

    /** Whether the layer at {@code i} is a convolution or dense layer followed by a ReLU, which the step fuses into it. */
    static boolean fusesReluAfter(List<LayerSpec> layers, int i) {
        LayerSpec layer = layers.get(i);
        return (layer instanceof LayerSpec.Conv || layer instanceof LayerSpec.FullyConnected)
                && i + 1 < layers.size() && layers.get(i + 1) instanceof LayerSpec.Relu;
    }

    /**
     * LeNet-5 as {@code ./jdnn train --model lenet5} builds it (examples' {@code LeNet5}): conv 1→6
     * 5x5 pad 2, ReLU, max-pool 2; conv 6→16 5x5, ReLU, max-pool 2; dense 400→120, ReLU; 120→84,
     * ReLU; 84→10, on 28x28 grey images.
     */
    static NetworkShape lenet5() {
        return new NetworkShape("lenet5", "LeNet-5 (examples' LeNet5) on [64, 1, 28, 28]",
                Shape.of(BATCH, 1, 28, 28), 10,
                List.of(new LayerSpec.Conv("conv1", Conv2d.of(1, 6, 5).padding(2)), new LayerSpec.Relu("relu1"),
                        new LayerSpec.Pool("pool1", Pool2d.max(2, 2)),
                        new LayerSpec.Conv("conv2", Conv2d.of(6, 16, 5)), new LayerSpec.Relu("relu2"),
                        new LayerSpec.Pool("pool2", Pool2d.max(2, 2)), new LayerSpec.Flatten("flatten"),
                        new LayerSpec.FullyConnected("fc1", Dense.of(400, 120)), new LayerSpec.Relu("relu3"),
                        new LayerSpec.FullyConnected("fc2", Dense.of(120, 84)), new LayerSpec.Relu("relu4"),
                        new LayerSpec.FullyConnected("fc3", Dense.of(84, 10))),
                List.of(new CellPart(Pass.CONV_FORWARD, "lenet_c1"), new CellPart(Pass.CONV_BACKWARD_WEIGHTS, "lenet_c1"),
                        new CellPart(Pass.CONV_FORWARD, "lenet_c2"), new CellPart(Pass.CONV_BACKWARD_DATA, "lenet_c2"),
                        new CellPart(Pass.CONV_BACKWARD_WEIGHTS, "lenet_c2"),
                        new CellPart(Pass.POOL_FORWARD, "pool_lenet"), new CellPart(Pass.POOL_BACKWARD, "pool_lenet"),
                        new CellPart(Pass.DENSE_FORWARD, "fc_lenet"), new CellPart(Pass.DENSE_BACKWARD_DATA, "fc_lenet"),
                        new CellPart(Pass.DENSE_BACKWARD_WEIGHTS, "fc_lenet")),
                "pool1 is max pooling where the pool_lenet cell averages (same shape); pool2, fc2, fc3, the four "
                        + "ReLUs and the loss have no cell");
    }

    /**
     * The seed CIFAR-10 model of the hot-core csv files, whose layers are the cells cifar_c1,
     * pool_cifar and cifar_c2: conv 3→64 5x5 pad 2, ReLU, max-pool 2/2; conv 64→64 5x5 pad 2,
     * ReLU, max-pool 2/2; dense 4096→10, on 32x32 colour images. (Examples' {@code CifarNet} is
     * the same two-convolution design sized for 28x28 grey images, whose shapes have no cells.)
     */
    static NetworkShape cifar() {
        return new NetworkShape("cifar", "CIFAR-style model of the hot-core cells on [64, 3, 32, 32]",
                Shape.of(BATCH, 3, 32, 32), 10,
                List.of(new LayerSpec.Conv("conv1", Conv2d.of(3, 64, 5).padding(2)), new LayerSpec.Relu("relu1"),
                        new LayerSpec.Pool("pool1", Pool2d.max(2, 2)),
                        new LayerSpec.Conv("conv2", Conv2d.of(64, 64, 5).padding(2)), new LayerSpec.Relu("relu2"),
                        new LayerSpec.Pool("pool2", Pool2d.max(2, 2)), new LayerSpec.Flatten("flatten"),
                        new LayerSpec.FullyConnected("fc", Dense.of(64 * 8 * 8, 10))),
                List.of(new CellPart(Pass.CONV_FORWARD, "cifar_c1"), new CellPart(Pass.CONV_BACKWARD_WEIGHTS, "cifar_c1"),
                        new CellPart(Pass.POOL_FORWARD, "pool_cifar"), new CellPart(Pass.POOL_BACKWARD, "pool_cifar"),
                        new CellPart(Pass.CONV_FORWARD, "cifar_c2"), new CellPart(Pass.CONV_BACKWARD_DATA, "cifar_c2"),
                        new CellPart(Pass.CONV_BACKWARD_WEIGHTS, "cifar_c2")),
                "pool2, fc, the two ReLUs and the loss have no cell");
    }

    /**
     * GFLOP of one step: forward, backward-weights and (except for the first layer, whose input
     * gradient nobody needs) backward-data of every convolution and dense layer, 2 per
     * multiply-add, as the csv files count them.
     */
    public double gflop() {
        double multiplyAdds = 0;
        Shape x = input;
        boolean first = true;
        for (LayerSpec layer : layers) {
            Shape y = outputOf(layer, x);
            double layerMacs = forwardMultiplyAdds(layer, y);
            if (layerMacs > 0) {
                multiplyAdds += layerMacs * (first ? 2 : 3);
                first = false;
            }
            x = y;
        }
        return 2 * multiplyAdds / 1e9;
    }

    /** Multiply-adds of one layer's forward pass with output {@code y}; 0 for layers without weights. */
    private double forwardMultiplyAdds(LayerSpec layer, Shape y) {
        return switch (layer) {
            case LayerSpec.Conv c -> (double) y.elementCount() * c.op().inChannels() / c.op().groups()
                    * c.op().kernelH() * c.op().kernelW();
            case LayerSpec.FullyConnected d -> (double) input.dim(0) * d.op().inFeatures() * d.op().outFeatures();
            default -> 0;
        };
    }

    /** The output shape of {@code layer} for input {@code x}. */
    static Shape outputOf(LayerSpec layer, Shape x) {
        return switch (layer) {
            case LayerSpec.Conv c -> c.op().outputShape(x);
            case LayerSpec.Pool p -> p.op().outputShape(x);
            case LayerSpec.Relu r -> x;
            case LayerSpec.Flatten f -> Shape.of(x.dim(0), (int) (x.elementCount() / x.dim(0)));
            case LayerSpec.FullyConnected d -> d.op().outputShape(x.dim(0));
        };
    }

    /** The same network at batch size {@code batch} (the reference check runs one image). */
    NetworkShape withBatch(int batch) {
        int[] dims = new int[input.rank()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = input.dim(i);
        }
        dims[0] = batch;
        return new NetworkShape(id, description, Shape.of(dims), classes, layers, cells, notCells);
    }
}
