package dev.jdnn.bench;

import java.util.List;
import java.util.Locale;

/**
 * One timed pass of one plan: the benchmark method that runs it, and how the report names it.
 * Short names ({@code fwd}, {@code bwd_d}, {@code bwd_w}, {@code bwd}) are those of the
 * oneDNN-from-C harness, so its results line up with ours.
 */
public enum Pass {
    CONV_FORWARD("conv", "fwd", ConvBenchmark.class, "forward", "Convolution forward (with bias)"),
    CONV_BACKWARD_DATA("conv", "bwd_d", ConvBenchmark.class, "backwardData", "Convolution backward data"),
    CONV_BACKWARD_WEIGHTS("conv", "bwd_w", ConvBenchmark.class, "backwardWeights",
            "Convolution backward weights (with bias gradient)"),
    POOL_FORWARD("pool", "fwd", PoolBenchmark.class, "forward", "Pooling forward"),
    POOL_BACKWARD("pool", "bwd", PoolBenchmark.class, "backward", "Pooling backward"),
    DENSE_FORWARD("dense", "fwd", DenseBenchmark.class, "forward", "Dense forward (with bias)"),
    DENSE_BACKWARD_DATA("dense", "bwd_d", DenseBenchmark.class, "backwardData", "Dense backward data"),
    DENSE_BACKWARD_WEIGHTS("dense", "bwd_w", DenseBenchmark.class, "backwardWeights",
            "Dense backward weights (with bias gradient)"),
    NETWORK_STEP("network", "step", NetworkBenchmark.class, "step",
            "Network training step (forward, loss, backward; many shapes in one JVM)"),
    NETWORK_LAYER("network", "layer", NetworkLayerBenchmark.class, "layer",
            "Network step's parts, each alone (the step's own plans and tensors; GFLOP of conv and dense parts)"),
    UPDATE_SGD("update", "sgd", ElementwiseBenchmark.class, "sgd",
            "SGD update with momentum and weight decay (reads w, g, v; writes w, v)"),
    UPDATE_ADAGRAD("update", "adagrad", ElementwiseBenchmark.class, "adagrad",
            "AdaGrad update (reads w, g, s; writes w, s)"),
    UPDATE_ADAM("update", "adam", ElementwiseBenchmark.class, "adam",
            "Adam update (reads w, g, m, v; writes w, m, v)"),
    ELEMENTWISE_DROPOUT("eltwise", "dropout", ElementwiseBenchmark.class, "dropout",
            "Dropout forward (reads x; writes y, mask)"),
    ELEMENTWISE_ADD("eltwise", "add", ElementwiseBenchmark.class, "add", "Add (reads a, b; writes y)"),
    BATCH_NORM_FORWARD("bnorm", "fwd", NormBenchmark.class, "batchNormForward",
            "Batch norm training forward (reads x; writes y; batch statistics)"),
    BATCH_NORM_BACKWARD("bnorm", "bwd", NormBenchmark.class, "batchNormBackward",
            "Batch norm backward (reads x, dy; writes dx; scale and shift gradients)"),
    LRN_FORWARD("lrn", "fwd", NormBenchmark.class, "lrnForward", "LRN forward, the seed's window of 9 (reads x; writes y)"),
    LRN_BACKWARD("lrn", "bwd", NormBenchmark.class, "lrnBackward", "LRN backward (reads x, dy; writes dx)");

    private final String op;
    private final String shortName;
    private final Class<?> benchmarkClass;
    private final String method;
    private final String title;

    Pass(String op, String shortName, Class<?> benchmarkClass, String method, String title) {
        this.op = op;
        this.shortName = shortName;
        this.benchmarkClass = benchmarkClass;
        this.method = method;
        this.title = title;
    }

    /**
     * {@code conv}, {@code pool}, {@code dense}, {@code network}, {@code update}, {@code eltwise},
     * {@code bnorm} or {@code lrn}.
     */
    public String op() {
        return op;
    }

    /** {@code fwd}, {@code bwd_d}, {@code bwd_w} or {@code bwd}. */
    public String shortName() {
        return shortName;
    }

    /** {@code op.shortName}, e.g. {@code conv.bwd_d}: how the command line and the report name it. */
    public String label() {
        return op + "." + shortName;
    }

    /** A heading for the report. */
    public String title() {
        return title;
    }

    /** The fully qualified benchmark name JMH uses, e.g. {@code dev.jdnn.bench.ConvBenchmark.forward}. */
    public String benchmark() {
        return benchmarkClass.getName() + "." + method;
    }

    /** Whether the pass is counted in GB moved (pooling, the element-wise and normalisation passes) rather than GFLOP. */
    public boolean memoryBound() {
        return op.equals("pool") || elementwise() || normalisation();
    }

    /** Batch norm and LRN: their shapes are rank-4 {@link ElementwiseShape#normalisation()} sizes. */
    public boolean normalisation() {
        return op.equals("bnorm") || op.equals("lrn");
    }

    /** Whether the report sets the pass beside the copy bandwidth at its size (element-wise and normalisation passes). */
    public boolean besideCopy() {
        return elementwise() || normalisation();
    }

    /** Whether the pass runs on rank-4 activations, so that it has a cell per layout (NCHW, NHWC). */
    public boolean hasLayout() {
        return op.equals("conv") || op.equals("pool") || op.equals("network") || normalisation();
    }

    /**
     * Whether the pass streams over its tensors once (optimiser updates, dropout, add): its
     * shapes are {@link ElementwiseShape}s and the report sets it beside the copy bandwidth.
     */
    public boolean elementwise() {
        return op.equals("update") || op.equals("eltwise");
    }

    /**
     * Floats read plus floats written per element by an element-wise or normalisation pass
     * (batch norm's per-channel vectors and a second read of {@code x} not counted).
     */
    int floatsMovedPerElement() {
        return switch (this) {
            case UPDATE_SGD, UPDATE_ADAGRAD -> 5;
            case UPDATE_ADAM -> 7;
            case ELEMENTWISE_DROPOUT, ELEMENTWISE_ADD, BATCH_NORM_BACKWARD, LRN_BACKWARD -> 3;
            case BATCH_NORM_FORWARD, LRN_FORWARD -> 2;
            default -> throw new IllegalStateException(label() + " does not stream over memory");
        };
    }

    /** Ids of the shapes this pass runs on, in file order. */
    public List<String> shapeIds() {
        return switch (op) {
            case "conv" -> HotCore.convShapes().stream().map(ConvShape::id).toList();
            case "pool" -> HotCore.poolShapes().stream().map(PoolShape::id).toList();
            case "network" -> this == NETWORK_LAYER ? NetworkShape.allPartIds()
                    : NetworkShape.all().stream().map(NetworkShape::id).toList();
            case "update", "eltwise" -> ElementwiseShape.all().stream().map(ElementwiseShape::id).toList();
            case "bnorm", "lrn" -> ElementwiseShape.normalisation().stream().map(ElementwiseShape::id).toList();
            default -> HotCore.denseShapes().stream().map(DenseShape::id).toList();
        };
    }

    /**
     * GFLOP (or, for pooling and element-wise passes, GB) one call on {@code shapeId} does: the
     * csv's forward count for every pass; for a network step every pass of its convolution and
     * dense layers (for one of its parts, that part's share); for an element-wise pass every tensor read and written.
     */
    public double work(String shapeId) {
        return switch (op) {
            case "conv" -> HotCore.conv(shapeId).gflop();
            case "pool" -> HotCore.pool(shapeId).gigabytes();
            case "network" -> this == NETWORK_LAYER ? NetworkShape.ofPart(shapeId).partGflop(NetworkShape.partOf(shapeId))
                    : NetworkShape.of(shapeId).gflop();
            case "update", "eltwise", "bnorm", "lrn" -> (double) ElementwiseShape.of(shapeId).elements() * floatsMovedPerElement()
                    * Float.BYTES / 1e9;
            default -> HotCore.dense(shapeId).gflop();
        };
    }

    /** The batch size of {@code shapeId} (images, or rows for dense; 1 for element-wise passes: naive runs it whole). */
    public int batch(String shapeId) {
        return switch (op) {
            case "conv" -> HotCore.conv(shapeId).n();
            case "pool" -> HotCore.pool(shapeId).n();
            case "network" -> (this == NETWORK_LAYER ? NetworkShape.ofPart(shapeId) : NetworkShape.of(shapeId)).input().dim(0);
            case "update", "eltwise", "bnorm", "lrn" -> 1;
            default -> HotCore.dense(shapeId).n();
        };
    }

    /** The pass whose JMH benchmark name is {@code benchmark}. */
    public static Pass ofBenchmark(String benchmark) {
        for (Pass p : values()) {
            if (p.benchmark().equals(benchmark)) {
                return p;
            }
        }
        throw new IllegalArgumentException("not a jdnn pass benchmark: " + benchmark);
    }

    /** The pass labelled {@code label} ({@code conv.fwd}); case-insensitive. */
    public static Pass ofLabel(String label) {
        for (Pass p : values()) {
            if (p.label().equals(label.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown pass '" + label + "'");
    }
}
