package dev.jdnn.onednn;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Layout;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.Workspace;

import java.util.Locale;

/**
 * Times each of a fresh JVM's first calls of a one-thread plan's NHWC 2x2 max-pooling training forward
 * over pool_cifar (64x64x32x32), with a busy wait of {@code GAP_US} microseconds after each call
 * standing for a training step's other layers (the JIT's and the warm-up's threads then find the
 * second vCPU idle more often), and prints the sums of the first 100, 300, 1,000, ... calls, of
 * the calls themselves, and the call after which the plan ran {@link VectorNhwcMaxPool} (0: never,
 * as at one thread on this tree; the route that warmed it up off the caller's thread, {@code 066bd8a},
 * switched after some 200 calls with 10 ms waits: {@code measurements/nwarm-2026-12-07}).
 * Arguments: {@code CALLS GAP_US}. Uses only what every tree's plan has, so it runs on other trees'
 * classes too, to compare them in fresh JVMs.
 */
final class UnrolledMaxPoolWarmUpProbe {
    private UnrolledMaxPoolWarmUpProbe() {
    }

    public static void main(String[] args) {
        int calls = Integer.parseInt(args[0]);
        long gap = Long.parseLong(args[1]) * 1000;
        Shape input = Shape.nchw(64, 64, 32, 32);
        long start = System.nanoTime();
        try (Backend onednn = new OneDnnBackendProvider().create(new BackendConfig(1));
             Pool2dPlan plan = onednn.plan(Pool2d.max(2, 2), input, Layout.NHWC);
             Workspace ws = plan.newWorkspace()) {
            Tensor x = Tensor.allocate(input, Layout.NHWC);
            Tensor y = Tensor.allocate(plan.outputShape(), Layout.NHWC);
            float[] values = new float[(int) input.elementCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((long) i * 7919 % 2001 - 1000) / 1000f;
            }
            x.copyFrom(values);
            double[] ms = new double[calls];
            int switched = 0;
            double switchedAt = 0;
            for (int i = 0; i < calls; i++) {
                long t = System.nanoTime();
                plan.forward(x, y, ws);
                long end = System.nanoTime();
                ms[i] = (end - t) / 1e6;
                if (switched == 0 && ((DnnlPooling) plan).unrolledForward()) {
                    switched = i + 1;
                    switchedAt = (end - start) / 1e9;
                }
                while (System.nanoTime() - end < gap) {
                    Thread.onSpinWait();
                }
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "GAP %d us: java after call %d (%.2f s after the backend was made);", gap / 1000, switched,
                    switchedAt));
            double sum = 0;
            for (int i = 0; i < calls; i++) {
                sum += ms[i];
                if (i + 1 == 100 || i + 1 == 300 || i + 1 == 1000 || i + 1 == 3000 || i + 1 == calls) {
                    line.append(String.format(Locale.ROOT, " first %d: %.1f ms;", i + 1, sum));
                }
            }
            double last = 0;
            for (int i = Math.max(0, calls - 100); i < calls; i++) {
                last += ms[i];
            }
            line.append(String.format(Locale.ROOT, " last 100: %.3f ms per call", last / Math.min(100, calls)));
            System.out.println(line);
        }
    }
}
