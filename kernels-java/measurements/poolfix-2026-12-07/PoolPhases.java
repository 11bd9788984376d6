import dev.jdnn.Backend;
import dev.jdnn.Backends;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;

/** Long phases of max-pool forwards, then average-pool forwards, in one JVM; prints the average phase's median call time. */
public class PoolPhases {
    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        try (Backend b = Backends.open("vector");
             Pool2dPlan maxPlan = b.plan(Pool2d.max(2, 2), Shape.of(64, 64, 32, 32));
             Pool2dPlan avgPlan = b.plan(Pool2d.avg(2, 2), Shape.of(64, 6, 28, 28));
             Tensor x1 = Tensor.allocate(Shape.of(64, 64, 32, 32));
             Tensor y1 = Tensor.allocate(maxPlan.outputShape());
             Tensor x2 = Tensor.allocate(Shape.of(64, 6, 28, 28));
             Tensor y2 = Tensor.allocate(avgPlan.outputShape())) {
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                while (System.nanoTime() - t0 < 1_500_000_000L) {
                    maxPlan.forward(x1, y1);
                }
                long[] t = new long[400];
                long p0 = System.nanoTime();
                for (int i = 0; i < t.length; i++) {
                    long s = System.nanoTime();
                    avgPlan.forward(x2, y2);
                    t[i] = System.nanoTime() - s;
                }
                long phase = System.nanoTime() - p0;
                java.util.Arrays.sort(t);
                System.out.printf("round %d: avg-pool forward median %.3f ms (last half-phase min %.3f), phase %.0f ms%n", r,
                        t[t.length / 2] / 1e6, t[0] / 1e6, phase / 1e6);
            }
        }
    }
}
