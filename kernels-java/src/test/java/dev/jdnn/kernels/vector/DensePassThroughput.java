package dev.jdnn.kernels.vector;

import dev.jdnn.Dense;
import dev.jdnn.Tensor;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Command-line timing of one dense pass (not a test): {@code DensePassThroughput BATCH IN OUT
 * THREADS PASS [REPS]} with PASS one of {@code fwd}, {@code bwd_d}, {@code bwd_w} (a pass of
 * {@link VectorDensePlan}: prints the median, min and max microseconds per call over REPS timed
 * batches after two seconds of warm-up, and the GFLOP/s of the median) or {@code routes} (the
 * median microseconds of each route a forward can take: {@link DenseForwardGemm}, {@link ParallelGemm}
 * with W as the transposed B operand, and ParallelGemm with W as the row-major A operand, {@code Yᵀ},
 * DenseForwardGemm's route for large weights; so that the plan's choice between them rests on
 * numbers). A quicker loop than the forked JMH cells for trying a change; the cells stay the
 * measure that counts.
 */
public final class DensePassThroughput {
    private DensePassThroughput() {
    }

    public static void main(String[] args) {
        int batch = Integer.parseInt(args[0]);
        int in = Integer.parseInt(args[1]);
        int out = Integer.parseInt(args[2]);
        int threads = Integer.parseInt(args[3]);
        String pass = args[4];
        int reps = args.length > 5 ? Integer.parseInt(args[5]) : 15;
        Dense op = new Dense(in, out, true);
        PackedGemm packed = new PackedGemm(VectorWidth.microKernel());
        try (WorkerPool pool = new WorkerPool(threads);
             VectorDensePlan plan = new VectorDensePlan(op, batch, pool, packed)) {
            Tensor x = filled(Tensor.allocate(op.inputShape(batch)), 3);
            Tensor w = filled(Tensor.allocate(op.weightShape()), 5);
            Tensor b = filled(Tensor.allocate(op.biasShape()), 7);
            Tensor y = Tensor.allocate(op.outputShape(batch));
            Tensor dy = filled(Tensor.allocate(op.outputShape(batch)), 11);
            Tensor dx = Tensor.allocate(op.inputShape(batch));
            Tensor dw = Tensor.allocate(op.weightShape());
            Tensor db = Tensor.allocate(op.biasShape());
            double flop = 2.0 * batch * in * out;
            int iters = Math.max(1, (int) (2e8 / flop));
            if (pass.equals("routes")) {
                MemorySegment xs = x.segment();
                MemorySegment ws = w.segment();
                MemorySegment ys = y.segment();
                DenseForwardGemm dense = new DenseForwardGemm(packed.kernel(), pool, batch, in, out, null);
                int maxDim = Math.max(batch, Math.max(in, out));
                ParallelGemm gemm = new ParallelGemm(packed, pool, maxDim, maxDim, maxDim);
                MemorySegment yt = Tensor.allocate(op.outputShape(batch)).segment();
                Runnable viaDense = () -> dense.forward(xs, ws, null, ys);
                Runnable viaGemm = () -> gemm.multiply(batch, out, in, xs, 0, in, false, ws, 0, in, true, ys, 0, out,
                        false);
                Runnable viaWasA = () -> gemm.multiply(out, batch, in, ws, 0, in, false, xs, 0, in, true, yt, 0, batch,
                        false);
                System.out.printf("dense forward %dx%dx%d threads=%d bits=%d: DenseForwardGemm %.1f us,"
                        + " ParallelGemm %.1f us, W as A %.1f us%n", batch, in, out, threads,
                        VectorWidth.SPECIES.vectorBitSize(), micros(viaDense, iters, reps)[reps / 2],
                        micros(viaGemm, iters, reps)[reps / 2], micros(viaWasA, iters, reps)[reps / 2]);
                return;
            }
            Runnable call = switch (pass) {
                case "fwd" -> () -> plan.forward(x, w, b, y);
                case "bwd_d" -> () -> plan.backwardData(dy, w, dx);
                case "bwd_w" -> () -> plan.backwardWeights(x, dy, dw, db);
                default -> throw new IllegalArgumentException(
                        "dense pass: expected fwd, bwd_d, bwd_w or routes, got " + pass);
            };
            double[] micros = micros(call, iters, reps);
            System.out.printf("dense %s %dx%dx%d threads=%d bits=%d: median %.1f us (min %.1f, max %.1f), %.1f GFLOP/s%n",
                    pass, batch, in, out, threads, VectorWidth.SPECIES.vectorBitSize(), micros[reps / 2], micros[0],
                    micros[reps - 1], flop / micros[reps / 2] / 1e3);
        }
    }

    /** Sorted microseconds per call of {@code reps} timed batches of {@code iters} calls, after two seconds of warm-up. */
    private static double[] micros(Runnable call, int iters, int reps) {
        long warmUntil = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < warmUntil) {
            call.run();
        }
        double[] micros = new double[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < iters; i++) {
                call.run();
            }
            micros[r] = (System.nanoTime() - t0) / 1e3 / iters;
        }
        Arrays.sort(micros);
        return micros;
    }

    private static Tensor filled(Tensor t, int seed) {
        long n = t.shape().elementCount();
        for (long i = 0; i < n; i++) {
            t.segment().setAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, i, ((i * seed) % 13) * 0.0625f - 0.375f);
        }
        return t;
    }
}
