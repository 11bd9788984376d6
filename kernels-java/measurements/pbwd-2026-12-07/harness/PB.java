package dev.jdnn.kernels.vector;

import dev.jdnn.*;
import java.lang.foreign.*;
import java.util.*;

public class PB {
    public static void main(String[] a) {
        int threads = Integer.parseInt(a[0]);
        int reps = Integer.parseInt(a[1]);
        String which = a.length > 2 ? a[2] : "stem";
        Pool2d op; Shape in;
        if (which.equals("stem")) { op = Pool2d.max(3, 2).padding(1); in = Shape.of(16, 64, 112, 112); }
        else if (which.equals("cifar")) { op = Pool2d.max(2, 2); in = Shape.of(64, 64, 32, 32); }
        else { op = Pool2d.avg(2, 2); in = Shape.of(64, 6, 28, 28); }
        WorkerPool pool = new WorkerPool(threads);
        VectorPool2dPlan plan = new VectorPool2dPlan(op, in, pool);
        Shape out = plan.outputShape();
        SplittableRandom r = new SplittableRandom(5);
        float[] xs = new float[(int) in.elementCount()];
        for (int i = 0; i < xs.length; i++) xs[i] = (float) r.nextDouble(-1, 1);
        float[] dys = new float[(int) out.elementCount()];
        for (int i = 0; i < dys.length; i++) dys[i] = (float) r.nextDouble(-1, 1);
        Tensor x = Tensor.of(in, xs), dy = Tensor.of(out, dys), dx = Tensor.allocate(in);
        MemorySegment dxs = dx.segment(), xseg = x.segment();
        for (int round = 0; round < 5; round++) {
            double[] t = new double[reps];
            double[] f = new double[reps];
            for (int k = 0; k < reps; k++) {
                long s = System.nanoTime();
                plan.backward(x, dy, dx);
                t[k] = (System.nanoTime() - s) / 1e6;
                s = System.nanoTime();
                dxs.fill((byte) 0);
                float acc = 0;
                f[k] = (System.nanoTime() - s) / 1e6;
            }
            Arrays.sort(t); Arrays.sort(f);
            System.out.printf("backward median %.3f ms [%.3f..%.3f]   fill(dx) %.3f ms%n", t[reps / 2], t[0], t[reps - 1], f[reps / 2]);
        }
        plan.backward(x, dy, dx);
        float[] d = dx.toArray();
        long h = 0; for (int i = 0; i < d.length; i++) h = h * 31 + Float.floatToIntBits(d[i]);
        System.out.println("hash " + h);
        pool.close();
    }
}
