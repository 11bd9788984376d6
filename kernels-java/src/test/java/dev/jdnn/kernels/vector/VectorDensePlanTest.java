package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Dense;
import dev.jdnn.DensePlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The routes of {@link VectorDensePlan} the contract suite's small batches do not reach, each
 * against the naive backend: a batch above {@link DenseForwardGemm#MAX_BATCH} (forward through
 * {@link ParallelGemm}, and the bias gradient's blocks) and batch 1's backward data over more
 * columns than every worker's chunk, so that every chunk boundary is crossed.
 */
class VectorDensePlanTest {
    /** Absolute tolerance: inputs in [-1, 1] and at most a few dozen terms per sum, so float error stays far below. */
    private static final float TOLERANCE = 1e-4f;

    @Test
    void batchAboveTheDenseForwardLimitMatchesNaive() {
        int batch = DenseForwardGemm.MAX_BATCH + 1;
        Dense op = new Dense(20, 7, true);
        SplittableRandom random = new SplittableRandom(11);
        try (Backend vector = Backends.open("vector", TestThreads.config());
                Backend naive = Backends.open("naive", new BackendConfig(1));
                DensePlan fast = vector.plan(op, batch); DensePlan reference = naive.plan(op, batch);
                Tensor x = random(fast.inputShape(), random); Tensor w = random(op.weightShape(), random);
                Tensor b = random(op.biasShape(), random); Tensor dy = random(fast.outputShape(), random)) {
            assertClose("y", run(fast, x, w, b, dy), run(reference, x, w, b, dy));
        }
    }

    @Test
    void batchOneBackwardDataOverManyChunksMatchesNaive() {
        // Two workers cut dx into 8 chunks of 16-column units (WorkerPool.chunksFor): 17 units make
        // chunks of 2 and 3 units, every boundary inside the row, and a short last unit.
        Dense op = new Dense(16 * 16 + 5, 9, false);
        SplittableRandom random = new SplittableRandom(12);
        try (Backend vector = Backends.open("vector", TestThreads.config());
                Backend naive = Backends.open("naive", new BackendConfig(1));
                DensePlan fast = vector.plan(op, 1); DensePlan reference = naive.plan(op, 1);
                Tensor w = random(op.weightShape(), random); Tensor dy = random(fast.outputShape(), random);
                Tensor dx = Tensor.allocate(fast.inputShape());
                Tensor expected = Tensor.allocate(fast.inputShape())) {
            dx.fill(Float.NaN);
            fast.backwardData(dy, w, dx);
            reference.backwardData(dy, w, expected);
            assertClose("dx", new float[][] {dx.toArray()}, new float[][] {expected.toArray()});
        }
    }

    /** y, dx, dw and db of one forward and backward pass. */
    private static float[][] run(DensePlan plan, Tensor x, Tensor w, Tensor b, Tensor dy) {
        Dense op = plan.op();
        try (Tensor y = Tensor.allocate(plan.outputShape()); Tensor dx = Tensor.allocate(plan.inputShape());
                Tensor dw = Tensor.allocate(op.weightShape()); Tensor db = Tensor.allocate(op.biasShape())) {
            plan.forward(x, w, b, y);
            plan.backwardData(dy, w, dx);
            plan.backwardWeights(x, dy, dw, db);
            return new float[][] {y.toArray(), dx.toArray(), dw.toArray(), db.toArray()};
        }
    }

    private static void assertClose(String what, float[][] actual, float[][] expected) {
        String[] names = {what, "dx", "dw", "db"};
        for (int t = 0; t < expected.length; t++) {
            assertThat(actual[t]).as(names[t]).hasSameSizeAs(expected[t]);
            // dw and db sum over the whole batch: scale the tolerance with the terms.
            float tolerance = t >= 2 ? TOLERANCE * DenseForwardGemm.MAX_BATCH : TOLERANCE;
            for (int i = 0; i < expected[t].length; i++) {
                assertThat(actual[t][i]).as("%s[%d]", names[t], i).isCloseTo(expected[t][i], within(tolerance));
            }
        }
    }

    private static Tensor random(Shape shape, SplittableRandom random) {
        Tensor t = Tensor.allocate(shape);
        float[] values = new float[Math.toIntExact(shape.elementCount())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        t.copyFrom(values);
        return t;
    }

    @Test
    void theSharedBlockOfBIsAllocatedOnlyWhereSomeProductCanUseIt() {
        PackedGemm gemm = new PackedGemm(new GemmMicroKernel128());
        int min = ParallelGemm.MIN_SHARED_B;
        try (WorkerPool two = new WorkerPool(2)) {
            // fc_big: 4096 x 4096 weights, but batch 64 is a dimension of every product.
            try (VectorDensePlan fcBig = new VectorDensePlan(new Dense(4096, 4096, true), 64, two, gemm)) {
                assertThat(fcBig.preparedSharedB()).isFalse();
            }
            try (VectorDensePlan wide = new VectorDensePlan(new Dense(min, min, true), min, two, gemm)) {
                assertThat(wide.preparedSharedB()).isTrue();
            }
        }
    }
}
