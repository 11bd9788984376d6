package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jdnn.Backend;
import dev.jdnn.Backends;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Padding;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The GEMM convolution's column blocks (#12 items 10 and 11): small budgets force many blocks,
 * some shorter than an output row, and every pass must still agree with naive; a huge image's plan
 * keeps its scratch bounded; sizes beyond what the plan can index are refused by name.
 */
class GemmConv2dPlanTest {

    @Test
    void theSharedBlockOfBIsAllocatedOnlyWhereSomeProductCanUseIt() {
        // 6 filters: a dimension of every product, however large the taps and pixels are.
        try (WorkerPool two = new WorkerPool(2)) {
            PackedGemm gemm = new PackedGemm(new GemmMicroKernel128());
            Shape input = Shape.of(1, 64, 40, 40);
            try (GemmConv2dPlan few = new GemmConv2dPlan(Conv2d.of(64, 6, 3), input, two, gemm, 1 << 20)) {
                assertThat(few.preparedSharedB()).isFalse();
            }
            try (GemmConv2dPlan many = new GemmConv2dPlan(Conv2d.of(64, 600, 3), input, two, gemm, 1 << 20)) {
                assertThat(many.preparedSharedB()).isTrue();
            }
        }
    }

    @Test
    void columnBlocksOfAnySizeAgreeWithNaive() {
        Conv2d[] ops = {Conv2d.of(3, 5, 3).padding(1), Conv2d.of(4, 6, 3).stride(2).padding(new Padding(2, 0, 1, 2)),
            Conv2d.of(4, 4, 3).dilation(2).groups(2), Conv2d.of(2, 3, 5).stride(1, 3).padding(2),
            // No output reads the last input row: backward data must still write zeros there.
            Conv2d.of(2, 3, 2).stride(3)};
        Shape[] inputs = {Shape.of(2, 3, 9, 11), Shape.of(3, 4, 13, 10), Shape.of(2, 4, 12, 9), Shape.of(1, 2, 11, 17),
            Shape.of(2, 2, 9, 10)};
        try (Backend naive = Backends.open("naive"); WorkerPool one = new WorkerPool(1);
                WorkerPool two = new WorkerPool(2)) {
            PackedGemm gemm = new PackedGemm(VectorWidth.microKernel());
            for (int i = 0; i < ops.length; i++) {
                int rows = ops[i].inChannels() / ops[i].groups() * ops[i].kernelH() * ops[i].kernelW();
                for (int budget : new int[] {1, rows * 3, rows * 7 + 1, rows * 40}) {
                    for (WorkerPool pool : new WorkerPool[] {one, two}) {
                        try (GemmConv2dPlan plan = new GemmConv2dPlan(ops[i], inputs[i], pool, gemm, budget);
                                Conv2dPlan reference = naive.plan(ops[i], inputs[i])) {
                            assertSamePasses(plan, reference, ops[i], inputs[i], ops[i] + " budget " + budget);
                        }
                    }
                }
            }
        }
    }

    @Test
    void backwardDataAsTransposedForwardAgreesWithNaive() {
        // Asymmetric padding, padding below R-1, none, a fused activation, with 1 and 2 workers.
        Conv2d[] ops = {Conv2d.of(16, 5, 3).padding(new Padding(2, 0, 1, 2)), Conv2d.of(17, 4, 5).padding(1),
            Conv2d.of(16, 8, 3), Conv2d.of(20, 3, 3).padding(1).activation(dev.jdnn.Activation.RELU)};
        Shape[] inputs = {Shape.of(2, 16, 9, 11), Shape.of(3, 17, 8, 7), Shape.of(1, 16, 6, 10),
            Shape.of(3, 20, 7, 7)};
        try (Backend naive = Backends.open("naive"); WorkerPool one = new WorkerPool(1);
                WorkerPool two = new WorkerPool(2)) {
            PackedGemm gemm = new PackedGemm(VectorWidth.microKernel());
            for (int i = 0; i < ops.length; i++) {
                for (WorkerPool pool : new WorkerPool[] {one, two}) {
                    try (GemmConv2dPlan plan = new GemmConv2dPlan(ops[i], inputs[i], pool, gemm);
                            Conv2dPlan reference = naive.plan(ops[i], inputs[i])) {
                        assertThat(plan.backwardDataRunsAsForward()).as(ops[i].toString()).isTrue();
                        assertSamePasses(plan, reference, ops[i], inputs[i], ops[i] + " on " + pool.size());
                    }
                }
            }
        }
    }

    @Test
    void backwardDataAsTransposedForwardLeavesPaddingOutWithInfiniteWeights() {
        // A zero from dy's padding meeting an infinite weight would be NaN where naive has +-Inf.
        Conv2d op = Conv2d.of(16, 4, 3).padding(1);
        Shape input = Shape.of(1, 16, 5, 6);
        try (Backend naive = Backends.open("naive"); WorkerPool pool = new WorkerPool(1);
                GemmConv2dPlan plan = new GemmConv2dPlan(op, input, pool, new PackedGemm(VectorWidth.microKernel()));
                Conv2dPlan reference = naive.plan(op, input)) {
            SplittableRandom random = new SplittableRandom(7);
            float[] weights = random(random, op.weightShape()).toArray();
            weights[5] = Float.POSITIVE_INFINITY;
            try (Tensor w = Tensor.of(op.weightShape(), weights); Tensor dy = random(random, plan.outputShape());
                    Tensor dx = Tensor.allocate(input); Tensor dxRef = Tensor.allocate(input)) {
                plan.backwardData(dy, w, dx);
                reference.backwardData(dy, w, dxRef);
                float[] a = dx.toArray();
                float[] e = dxRef.toArray();
                assertThat(e).as("naive's dx holds the infinite products").contains(Float.POSITIVE_INFINITY);
                for (int j = 0; j < a.length; j++) {
                    if (Float.isFinite(e[j])) {
                        assertThat(a[j]).as("dx at " + j).isCloseTo(e[j], org.assertj.core.data.Offset.offset(1e-3f));
                    } else {
                        assertThat(a[j]).as("dx at " + j).isEqualTo(e[j]);
                    }
                }
            }
        }
    }

    @Test
    void backwardWeightsWithNonFiniteOutputGradientLeavesPaddingOut() {
        // The image shares' channel sums stand in for the scan of dy: a non-finite dy must still
        // reach the padding-skipping pass, with 1 worker and with one image per worker.
        Conv2d op = Conv2d.of(3, 4, 3).padding(1);
        Shape input = Shape.of(2, 3, 6, 5);
        try (Backend naive = Backends.open("naive"); WorkerPool one = new WorkerPool(1);
                WorkerPool two = new WorkerPool(2); Conv2dPlan reference = naive.plan(op, input)) {
            for (float bad : new float[] {Float.POSITIVE_INFINITY, Float.NaN}) {
                for (WorkerPool pool : new WorkerPool[] {one, two}) {
                    try (GemmConv2dPlan plan = new GemmConv2dPlan(op, input, pool,
                            new PackedGemm(VectorWidth.microKernel()))) {
                        SplittableRandom random = new SplittableRandom(11);
                        float[] gradients = random(random, plan.outputShape()).toArray();
                        gradients[gradients.length - 3] = bad;
                        try (Tensor x = random(random, input); Tensor dy = Tensor.of(plan.outputShape(), gradients);
                                Tensor dw = Tensor.allocate(op.weightShape()); Tensor dwRef = Tensor.allocate(op.weightShape());
                                Tensor db = Tensor.allocate(op.biasShape()); Tensor dbRef = Tensor.allocate(op.biasShape())) {
                            plan.backwardWeights(x, dy, dw, db);
                            reference.backwardWeights(x, dy, dwRef, dbRef);
                            assertSameValues(dw.toArray(), dwRef.toArray(), bad + " on " + pool.size() + " dw");
                            assertSameValues(db.toArray(), dbRef.toArray(), bad + " on " + pool.size() + " db");
                        }
                    }
                }
            }
        }
    }

    /** Equal non-finite values (NaN to NaN), close finite ones. */
    private static void assertSameValues(float[] a, float[] e, String what) {
        assertThat(e).as(what + ": naive has non-finite values").matches(v -> {
            for (float f : v) {
                if (!Float.isFinite(f)) {
                    return true;
                }
            }
            return false;
        });
        for (int j = 0; j < a.length; j++) {
            if (Float.isFinite(e[j])) {
                assertThat(a[j]).as(what + " at " + j).isCloseTo(e[j], org.assertj.core.data.Offset.offset(1e-3f));
            } else {
                assertThat(Float.valueOf(a[j])).as(what + " at " + j).isEqualTo(Float.valueOf(e[j]));
            }
        }
    }

    @Test
    void hugeImagePlanKeepsItsScratchBounded() {
        try (WorkerPool pool = new WorkerPool(2)) {
            PackedGemm gemm = new PackedGemm(VectorWidth.microKernel());
            // Was an ArithmeticException (the column matrix of 2^32 floats overflowed int).
            try (GemmConv2dPlan plan = new GemmConv2dPlan(Conv2d.of(64, 1, 3).padding(1), Shape.of(1, 64, 2048, 2048),
                    pool, gemm)) {
                assertThat(plan.scratchBytes()).isLessThan(48L << 20);
            }
            // A 1->1 3x3 convolution on a 64 MiB image kept 1.3 GB of columns.
            try (GemmConv2dPlan plan = new GemmConv2dPlan(Conv2d.of(1, 1, 3).padding(1), Shape.of(1, 1, 4096, 4096),
                    pool, gemm)) {
                assertThat(plan.scratchBytes()).isLessThan(48L << 20);
            }
            // Huge padding: 1.0e9 output pixels (was an ArithmeticException).
            try (GemmConv2dPlan plan = new GemmConv2dPlan(Conv2d.of(1, 1, 1).padding(16000), Shape.of(1, 1, 1, 1),
                    pool, gemm)) {
                assertThat(plan.scratchBytes()).isLessThan(48L << 20);
            }
        }
    }

    @Test
    void refusesOutputPlanesBeyondTheIntRangeByName() {
        // The api refuses such tensors first; the plan guards its own int indexing too.
        try (WorkerPool pool = new WorkerPool(1)) {
            PackedGemm gemm = new PackedGemm(VectorWidth.microKernel());
            assertThatThrownBy(() -> new GemmConv2dPlan(Conv2d.of(2, 2, 1).padding(30000), Shape.of(1, 2, 1, 1), pool,
                    gemm))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("output plane")
                    .hasMessageContaining(String.valueOf(GemmConv2dPlan.MAX_ARRAY))
                    .hasMessageContaining("3600120001");
        }
    }

    static void assertSamePasses(Conv2dPlan plan, Conv2dPlan reference, Conv2d op, Shape input, String what) {
        SplittableRandom random = new SplittableRandom(what.hashCode());
        Shape output = plan.outputShape();
        try (Tensor x = random(random, input); Tensor w = random(random, op.weightShape());
                Tensor b = random(random, op.biasShape()); Tensor dy = random(random, output);
                Tensor y = Tensor.allocate(output); Tensor yRef = Tensor.allocate(output);
                Tensor dx = Tensor.allocate(input); Tensor dxRef = Tensor.allocate(input);
                Tensor dw = Tensor.allocate(op.weightShape()); Tensor dwRef = Tensor.allocate(op.weightShape());
                Tensor db = Tensor.allocate(op.biasShape()); Tensor dbRef = Tensor.allocate(op.biasShape())) {
            dx.fill(Float.NaN);
            plan.forward(x, w, b, y);
            reference.forward(x, w, b, yRef);
            plan.backwardData(dy, w, dx);
            reference.backwardData(dy, w, dxRef);
            plan.backwardWeights(x, dy, dw, db);
            reference.backwardWeights(x, dy, dwRef, dbRef);
            assertClose(y, yRef, what + " forward");
            assertClose(dx, dxRef, what + " backward data");
            assertClose(dw, dwRef, what + " backward weights");
            assertClose(db, dbRef, what + " bias gradient");
        }
    }

    private static void assertClose(Tensor actual, Tensor expected, String what) {
        float[] a = actual.toArray();
        float[] e = expected.toArray();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).as(what + " at " + i).isCloseTo(e[i], org.assertj.core.data.Offset.offset(1e-4f));
        }
    }

    static Tensor random(SplittableRandom random, Shape shape) {
        float[] v = new float[(int) shape.elementCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextDouble(-1, 1);
        }
        return Tensor.of(shape, v);
    }
}
