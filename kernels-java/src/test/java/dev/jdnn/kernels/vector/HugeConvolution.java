package dev.jdnn.kernels.vector;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.util.SplittableRandom;

/**
 * A forked JVM's workload for {@link HugeConvolutionTest}: {@code Conv2d.of(64, 1, 3).padding(1)}
 * on {@code [1, 64, side, side]} (system property {@code side}, default 384; the case is
 * 1448), every pass, with sampled outputs (including the image's edges)
 * checked against sums computed here directly; exits non-zero on a mismatch.
 */
final class HugeConvolution {
    private static final int C = 64;
    private static final int SIDE = Integer.getInteger("side", 384);

    private HugeConvolution() {
    }

    public static void main(String[] args) {
        Conv2d op = Conv2d.of(C, 1, 3).padding(1).bias(false);
        Shape input = Shape.of(1, C, SIDE, SIDE);
        SplittableRandom random = new SplittableRandom(3);
        try (Backend vector = Backends.open("vector", new BackendConfig(2)); Conv2dPlan plan = vector.plan(op, input);
                Tensor x = Tensor.allocate(input); Tensor w = Tensor.allocate(op.weightShape());
                Tensor y = Tensor.allocate(plan.outputShape()); Tensor dx = Tensor.allocate(input);
                Tensor dw = Tensor.allocate(op.weightShape())) {
            float[] row = new float[SIDE];
            for (int c = 0; c < C; c++) {
                for (int i = 0; i < SIDE; i++) {
                    for (int j = 0; j < SIDE; j++) {
                        row[j] = (float) random.nextDouble(-1, 1);
                    }
                    java.lang.foreign.MemorySegment.copy(row, 0, x.segment(), SegmentVectors.FLOAT,
                            (((long) c * SIDE) + i) * SIDE * Float.BYTES, SIDE);
                }
            }
            for (int t = 0; t < C * 9; t++) {
                w.segment().setAtIndex(SegmentVectors.FLOAT, t, (float) random.nextDouble(-1, 1));
            }
            plan.forward(x, w, null, y);
            // dy = y: backward data and weights on the same huge planes.
            plan.backwardData(y, w, dx);
            plan.backwardWeights(x, y, dw, null);
            int[][] cells = {{0, 0}, {0, SIDE - 1}, {SIDE - 1, 0}, {SIDE - 1, SIDE - 1}, {1, SIDE / 2}, {SIDE / 2, 0}, {SIDE / 2, SIDE - 1},
                {SIDE - 2, SIDE / 3}};
            for (int[] cell : cells) {
                check("y", y.get(0, 0, cell[0], cell[1]), forwardAt(x, w, cell[0], cell[1]));
                for (int c : new int[] {0, 37, 63}) {
                    check("dx", dx.get(0, c, cell[0], cell[1]), backwardDataAt(y, w, c, cell[0], cell[1]));
                }
            }
            for (int c : new int[] {0, 63}) {
                for (int tap : new int[] {0, 4, 8}) {
                    check("dw", dw.get(0, c, tap / 3, tap % 3), weightAt(x, y, c, tap / 3 - 1, tap % 3 - 1));
                }
            }
            System.out.println("checked " + (cells.length * 4 + 6) + " values");
        }
    }

    private static void check(String what, float actual, double expected) {
        double scale = Math.max(1, Math.abs(expected));
        if (Math.abs(actual - expected) > 1e-3 * scale) {
            throw new AssertionError(what + ": expected " + expected + ", got " + actual);
        }
    }

    private static float at(Tensor t, int c, int i, int j) {
        return i < 0 || j < 0 || i >= SIDE || j >= SIDE ? 0f : t.get(0, c, i, j);
    }

    private static double forwardAt(Tensor x, Tensor w, int i, int j) {
        double sum = 0;
        for (int c = 0; c < C; c++) {
            for (int r = 0; r < 3; r++) {
                for (int s = 0; s < 3; s++) {
                    sum += (double) w.get(0, c, r, s) * at(x, c, i + r - 1, j + s - 1);
                }
            }
        }
        return sum;
    }

    private static double backwardDataAt(Tensor dy, Tensor w, int c, int i, int j) {
        double sum = 0;
        for (int r = 0; r < 3; r++) {
            for (int s = 0; s < 3; s++) {
                sum += (double) w.get(0, c, r, s) * at(dy, 0, i - r + 1, j - s + 1);
            }
        }
        return sum;
    }

    private static double weightAt(Tensor x, Tensor dy, int c, int dr, int ds) {
        double sum = 0;
        for (int i = 0; i < SIDE; i++) {
            for (int j = 0; j < SIDE; j++) {
                sum += (double) dy.get(0, 0, i, j) * at(x, c, i + dr, j + ds);
            }
        }
        return sum;
    }
}
