package dev.jdnn.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Naive's outputs for one image of a pass on a shape, computed once per JVM and timed.
 *
 * <p>The benchmarks compare against these in set-up; {@link BenchCommand} uses the time of a warm
 * one-image run, times the batch size, to decide whether timing naive on the whole batch is
 * affordable. When several cells run in one JVM (JMH without forks, as {@code --quick} does)
 * that first computation also serves every later check. The inputs are a function of the pass
 * and the shape (fixed seeds), so the pair is the whole key.
 */
final class NaiveReferences {
    /**
     * Outputs ({@code {y}}, {@code {dx}} or {@code {dw, db}}) and the seconds the fastest of a
     * few warm calls of the pass took (see {@link #warmRunSeconds}).
     */
    record Reference(float[][] outputs, double seconds) {
    }

    static final double PROBE_SECONDS = 0.25;
    private static final Map<String, Reference> CACHE = new ConcurrentHashMap<>();

    private NaiveReferences() {
    }

    /** Naive's outputs of {@code pass} for one image of {@code shape}. */
    static float[][] of(Pass pass, String shape) {
        return reference(pass, shape).outputs();
    }

    /** Seconds naive took for one image of {@code shape} (a warm call). */
    static double secondsPerImage(Pass pass, String shape) {
        return reference(pass, shape).seconds();
    }

    /**
     * A {@code network.layer} part shares its network step's reference (set-up checks the whole
     * step), whose time overstates the part's: naive's parts are not timed (see {@link Selection}).
     */
    private static Reference reference(Pass pass, String shape) {
        if (pass == Pass.NETWORK_LAYER) {
            return reference(Pass.NETWORK_STEP, NetworkShape.ofPart(shape).id());
        }
        return CACHE.computeIfAbsent(pass.label() + "/" + shape, key -> compute(pass, shape));
    }

    /**
     * Runs {@code pass} and returns how long a warm run takes. A run of at least
     * {@value #PROBE_SECONDS} s is long enough for its loops to be compiled while it runs and is
     * taken as it is; a shorter one is repeated until that much time has gone by and the fastest
     * run counts. A short first run in a fresh JVM is interpreted (memory-segment access there
     * costs a call per element) and can overstate naive's cost tenfold.
     */
    static double warmRunSeconds(Runnable pass) {
        long begin = System.nanoTime();
        pass.run();
        double best = (System.nanoTime() - begin) / 1e9;
        while ((System.nanoTime() - begin) / 1e9 < PROBE_SECONDS) {
            long start = System.nanoTime();
            pass.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        return best;
    }

    private static Reference compute(Pass pass, String shape) {
        return switch (pass.op()) {
            case "conv" -> ConvBenchmark.naiveOnOneImage(pass, HotCore.conv(shape));
            case "pool" -> PoolBenchmark.naiveOnOneImage(pass, HotCore.pool(shape));
            case "network" -> NetworkBenchmark.naiveOnOneImage(NetworkShape.of(shape));
            case "update", "eltwise" -> ElementwiseBenchmark.naiveOnWhole(pass, ElementwiseShape.of(shape));
            case "bnorm", "lrn" -> NormBenchmark.naiveOnWhole(pass, ElementwiseShape.of(shape));
            default -> DenseBenchmark.naiveOnOneImage(pass, HotCore.dense(shape));
        };
    }
}
