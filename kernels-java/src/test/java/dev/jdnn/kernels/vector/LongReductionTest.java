package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jdnn.Backend;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Dense;
import dev.jdnn.DensePlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * Long reductions stay accurate (#12 item 7). Millions of equal terms show the drift of a single
 * float accumulator: 2^22 copies of 0.1f summed per vector lane came out ~0.1% off (and 536,895,241
 * ones stalled at exactly 2^28); summed blockwise, the error stays near float's own resolution.
 */
class LongReductionTest {
    private static final float TERM = 0.1f;
    /** The relative error allowed: 1e-5, a hundred times below the single accumulator's drift. */
    private static final Percentage ULPS = Percentage.withPercentage(1e-3);

    @Test
    void convolutionBiasGradientOverMillionsOfPixelsIsAccurate() {
        Conv2d op = Conv2d.of(1, 2, 1);
        Shape input = Shape.of(2, 1, 1024, 2048);
        try (Backend vector = Backends.open("vector", TestThreads.config()); Conv2dPlan plan = vector.plan(op, input);
                Tensor x = Tensor.allocate(input); Tensor dy = Tensor.allocate(plan.outputShape());
                Tensor dw = Tensor.allocate(op.weightShape()); Tensor db = Tensor.allocate(op.biasShape())) {
            dy.fill(TERM);
            plan.backwardWeights(x, dy, dw, db);
            double exact = (double) TERM * 2 * 1024 * 2048;
            assertThat((double) db.get(0)).isCloseTo(exact, ULPS);
            assertThat((double) db.get(1)).isCloseTo(exact, ULPS);
        }
    }

    @Test
    void denseBiasGradientOverALongBatchIsAccurate() {
        int batch = 1 << 16;
        Dense op = new Dense(1, 16, true);
        try (Backend vector = Backends.open("vector", TestThreads.config()); DensePlan plan = vector.plan(op, batch);
                Tensor x = Tensor.allocate(plan.inputShape()); Tensor dy = Tensor.allocate(plan.outputShape());
                Tensor dw = Tensor.allocate(op.weightShape()); Tensor db = Tensor.allocate(op.biasShape())) {
            dy.fill(TERM);
            plan.backwardWeights(x, dy, dw, db);
            for (int o = 0; o < 16; o++) {
                assertThat((double) db.get(o)).as("db[%d]", o).isCloseTo((double) TERM * batch, ULPS);
            }
        }
    }

    @Test
    void denseBatchOneDotProductOverMillionsOfFeaturesIsAccurate() {
        int in = 1 << 22;
        Dense op = new Dense(in, 2, false);
        try (Backend vector = Backends.open("vector", TestThreads.config()); DensePlan plan = vector.plan(op, 1);
                Tensor x = Tensor.allocate(plan.inputShape()); Tensor w = Tensor.allocate(op.weightShape());
                Tensor y = Tensor.allocate(plan.outputShape())) {
            x.fill(1f);
            w.fill(TERM);
            plan.forward(x, w, null, y);
            assertThat((double) y.get(0, 0)).isCloseTo((double) TERM * in, ULPS);
            assertThat((double) y.get(0, 1)).isCloseTo((double) TERM * in, ULPS);
        }
    }
}
