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
            "Network training step (forward, loss, backward; many shapes in one JVM)");

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

    /** {@code conv}, {@code pool}, {@code dense} or {@code network}. */
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

    /** Whether the pass is counted in GB moved (pooling) rather than GFLOP. */
    public boolean memoryBound() {
        return op.equals("pool");
    }

    /** Ids of the shapes this pass runs on, in file order. */
    public List<String> shapeIds() {
        return switch (op) {
            case "conv" -> HotCore.convShapes().stream().map(ConvShape::id).toList();
            case "pool" -> HotCore.poolShapes().stream().map(PoolShape::id).toList();
            case "network" -> NetworkShape.all().stream().map(NetworkShape::id).toList();
            default -> HotCore.denseShapes().stream().map(DenseShape::id).toList();
        };
    }

    /**
     * GFLOP (or, for pooling, GB) one call on {@code shapeId} does: the csv's forward count for every
     * pass; for a network step every pass of its convolution and dense layers.
     */
    public double work(String shapeId) {
        return switch (op) {
            case "conv" -> HotCore.conv(shapeId).gflop();
            case "pool" -> HotCore.pool(shapeId).gigabytes();
            case "network" -> NetworkShape.of(shapeId).gflop();
            default -> HotCore.dense(shapeId).gflop();
        };
    }

    /** The batch size of {@code shapeId} (images, or rows for dense). */
    public int batch(String shapeId) {
        return switch (op) {
            case "conv" -> HotCore.conv(shapeId).n();
            case "pool" -> HotCore.pool(shapeId).n();
            case "network" -> NetworkShape.of(shapeId).input().dim(0);
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
