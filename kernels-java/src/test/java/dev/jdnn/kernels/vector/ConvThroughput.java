package dev.jdnn.kernels.vector;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Padding;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Command-line timing of the vector backend's convolution on rows of {@code hot-core-conv.csv}
 * (not a test): {@code ConvThroughput CSV THREADS ID...} prints, per shape and pass, the median,
 * min and max milliseconds of 7 timed batches after a warm-up, and GFLOP/s from the CSV's
 * {@code gflop_fwd} (the same convention as the oneDNN-from-C results).
 */
public final class ConvThroughput {
    private ConvThroughput() {
    }

    public static void main(String[] args) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        int threads = Integer.parseInt(args[1]);
        List<String> ids = Arrays.asList(args).subList(2, args.length);
        try (Backend backend = Backends.open("vector", new BackendConfig(threads))) {
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                if (ids.contains(f[0])) {
                    measure(backend, f, threads);
                }
            }
        }
    }

    private static void measure(Backend backend, String[] f, int threads) {
        int n = Integer.parseInt(f[1]);
        int c = Integer.parseInt(f[2]);
        int h = Integer.parseInt(f[3]);
        int w = Integer.parseInt(f[4]);
        int k = Integer.parseInt(f[5]);
        int r = Integer.parseInt(f[6]);
        Conv2d op = Conv2d.of(c, k, r).stride(Integer.parseInt(f[8])).padding(Padding.of(Integer.parseInt(f[9])))
                .dilation(Integer.parseInt(f[10])).groups(Integer.parseInt(f[11])).bias(true);
        double gflop = Double.parseDouble(f[14]);
        Shape input = Shape.nchw(n, c, h, w);
        try (Conv2dPlan plan = backend.plan(op, input);
                Tensor x = random(input);
                Tensor wt = random(op.weightShape());
                Tensor b = random(op.biasShape());
                Tensor y = Tensor.allocate(plan.outputShape());
                Tensor dy = random(plan.outputShape());
                Tensor dx = Tensor.allocate(input);
                Tensor dw = Tensor.allocate(op.weightShape());
                Tensor db = Tensor.allocate(op.biasShape())) {
            report(f[0], "fwd", threads, gflop, () -> plan.forward(x, wt, b, y));
            report(f[0], "bwd_d", threads, gflop, () -> plan.backwardData(dy, wt, dx));
            report(f[0], "bwd_w", threads, gflop, () -> plan.backwardWeights(x, dy, dw, db));
        }
    }

    private static void report(String id, String pass, int threads, double gflop, Runnable call) {
        long warmEnd = System.nanoTime() + 1_000_000_000L;
        int warm = 0;
        while (System.nanoTime() < warmEnd || warm < 3) {
            call.run();
            warm++;
        }
        long perCall = 1_000_000_000L / warm;
        int iters = (int) Math.max(1, 150_000_000L / Math.max(perCall, 1));
        double[] ms = new double[7];
        for (int batch = 0; batch < ms.length; batch++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < iters; i++) {
                call.run();
            }
            ms[batch] = (System.nanoTime() - t0) / 1e6 / iters;
        }
        Arrays.sort(ms);
        double median = ms[ms.length / 2];
        System.out.printf("%-10s %-6s thr=%d  median %8.3f ms  %7.1f GFLOP/s  (min %.3f, max %.3f; 7x%d)%n", id, pass,
                threads, median, gflop / (median / 1e3), ms[0], ms[ms.length - 1], iters);
    }

    private static Tensor random(Shape shape) {
        SplittableRandom random = new SplittableRandom(shape.hashCode());
        float[] v = new float[(int) shape.elementCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextDouble() * 2 - 1);
        }
        return Tensor.of(shape, v);
    }
}
