package dev.jdnn.testkit;

import dev.jdnn.Activation;
import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.BatchNorm2d;
import dev.jdnn.BatchNorm2dPlan;
import dev.jdnn.Conv2d;
import dev.jdnn.Conv2dPlan;
import dev.jdnn.Dense;
import dev.jdnn.DensePlan;
import dev.jdnn.Layout;
import dev.jdnn.Lrn;
import dev.jdnn.LrnPlan;
import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Pool2dPlan;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import dev.jdnn.Workspace;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static dev.jdnn.testkit.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * jdnn's error contract, run through a backend: every public entry point rejects wrong ranks,
 * shapes that do not match the prepared op, channels not divisible by groups, non-positive
 * sizes, closed tensors, plans and backends, labels out of range, a missing or unexpected bias,
 * and an output that shares memory with an input (the same tensor, a reshape view of it, or a
 * partially overlapping view), and since wave 2 a tensor in the wrong layout (naming the argument and
 * both layouts), a pooling workspace from another plan, unfilled or closed or used after its plan or
 * backend was closed, batch-norm and LRN shapes, parameters, closed or null tensors and closed plans
 * or backends, and a partial overlap in an in-place call (the very same tensor is allowed). Each rejection must be an {@link IllegalArgumentException} or
 * {@link IllegalStateException} (an {@link IndexOutOfBoundsException} for element indices)
 * whose message names the op, the argument, the expected and the actual value (a {@code null}
 * where an object is needed included), and the call must leave every output exactly as it was: outputs are filled with a sentinel first.
 *
 * <p>Validation lives once, in the api module, so every backend passes or fails this together;
 * running it per backend proves that the backend is reached only through the validating layer.
 * A backend module runs it by subclassing it and naming the backend in {@link #backendName()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ValidationContractTest {
    private static final Class<IllegalArgumentException> BAD_ARGUMENT = IllegalArgumentException.class;
    private static final Class<IllegalStateException> BAD_STATE = IllegalStateException.class;
    private static final float SENTINEL = -12345.5f;

    /** Grouped, strided, asymmetrically padded conv with bias: input [2, 4, 9, 8], output [2, 6, 5, 4]. */
    private static final Conv2d CONV = new Conv2d(4, 6, 3, 3, 2, 2, new Padding(1, 0, 1, 2), 1, 1, 2, true);
    private static final Shape CONV_INPUT = Shape.nchw(2, 4, 9, 8);
    /** A conv whose output has the input's shape, so an output can alias the input. */
    private static final Conv2d SAME_SHAPE_CONV = Conv2d.of(4, 4, 1).bias(false);
    private static final Shape SAME_SHAPE_INPUT = Shape.nchw(1, 4, 3, 3);
    private static final Pool2d POOL = Pool2d.max(2, 2);
    private static final Shape POOL_INPUT = Shape.nchw(1, 2, 6, 6);
    private static final Dense DENSE = Dense.of(5, 3);
    private static final int BATCH = 2;

    private Backend backend;
    private Arena arena;

    /** Creates the contract; subclasses name the backend under test. */
    protected ValidationContractTest() {
    }

    /** The name of the backend under test, as {@link Backends#open(String)} knows it. */
    protected abstract String backendName();

    /** The configuration the backend under test is opened with. */
    protected BackendConfig config() {
        return BackendConfig.defaults();
    }

    @BeforeAll
    void openBackend() {
        backend = Backends.open(backendName(), config());
    }

    @AfterAll
    void closeBackend() {
        if (backend != null) {
            backend.close();
        }
    }

    @BeforeEach
    void openArena() {
        arena = Arena.ofShared();
    }

    @AfterEach
    void closeArena() {
        arena.close();
    }

    /** An input: every element 0.5. */
    private Tensor input(Shape shape) {
        Tensor t = Tensor.allocate(shape, arena);
        t.fill(0.5f);
        return t;
    }

    private Tensor input(int... dims) {
        return input(Shape.of(dims));
    }

    /** An output: every element the sentinel, which a rejected call must leave in place. */
    private Tensor output(Shape shape) {
        Tensor t = Tensor.allocate(shape, arena);
        t.fill(SENTINEL);
        return t;
    }

    /** An input in {@code layout}: every element 0.5. */
    private Tensor input(Shape shape, Layout layout) {
        Tensor t = Tensor.allocate(shape, layout, arena);
        t.fill(0.5f);
        return t;
    }

    /** An output in {@code layout}: every element the sentinel. */
    private Tensor output(Shape shape, Layout layout) {
        Tensor t = Tensor.allocate(shape, layout, arena);
        t.fill(SENTINEL);
        return t;
    }

    /** A tensor whose memory has been freed. */
    private static Tensor closed(Shape shape) {
        Tensor t = Tensor.allocate(shape);
        t.close();
        return t;
    }

    /** A view of {@code shape} that starts {@code offset} elements into {@code base}'s memory. */
    private static Tensor viewAt(Tensor base, long offset, Shape shape) {
        return Tensor.wrap(base.segment().asSlice(offset * Float.BYTES), shape);
    }

    /** Two views of {@code shape} over one buffer, the second starting half-way into the first. */
    private Tensor[] overlappingPair(Shape shape) {
        long count = shape.elementCount();
        Tensor base = input(Shape.of(Math.toIntExact(count + count / 2 + 1)));
        return new Tensor[] {viewAt(base, 0, shape), viewAt(base, count / 2 + 1, shape)};
    }

    // ---- op descriptions and shapes -------------------------------------------------------

    @Test
    void shapeRejectsNonPositiveAndMissingDimensions() {
        assertRejected(() -> Shape.of(2, 0, 3), BAD_ARGUMENT, "Shape.of", "dims[1]", ">= 1", "got 0");
        assertRejected(() -> Shape.of(-4), BAD_ARGUMENT, "Shape.of", "dims[0]", ">= 1", "got -4");
        assertRejected(() -> Shape.of(), BAD_ARGUMENT, "Shape.of", "dims", "at least one dimension", "none");
    }

    @Test
    void paddingRejectsNegativeSides() {
        assertRejected(() -> new Padding(0, -1, 0, 0), BAD_ARGUMENT, "Padding", "left", ">= 0", "-1");
        assertRejected(() -> Padding.of(0, -2), BAD_ARGUMENT, "Padding", "left", ">= 0", "-2");
        assertRejected(() -> Padding.same(5, 5, 0, 3, 1, 1), BAD_ARGUMENT, "Padding.same", "kernelH", ">= 1", "0");
    }

    @Test
    void conv2dRejectsChannelsNotDivisibleByGroups() {
        assertRejected(() -> Conv2d.of(3, 4, 3).groups(2), BAD_ARGUMENT, "Conv2d", "inChannels",
                "multiple of groups=2", "got 3");
        assertRejected(() -> Conv2d.of(4, 6, 3).groups(4), BAD_ARGUMENT, "Conv2d", "outChannels",
                "multiple of groups=4", "got 6");
    }

    @Test
    void conv2dRejectsNonPositiveSizes() {
        assertRejected(() -> Conv2d.of(0, 4, 3), BAD_ARGUMENT, "Conv2d", "inChannels", ">= 1", "got 0");
        assertRejected(() -> Conv2d.of(4, -1, 3), BAD_ARGUMENT, "Conv2d", "outChannels", ">= 1", "got -1");
        assertRejected(() -> Conv2d.of(4, 4, 0), BAD_ARGUMENT, "Conv2d", "kernelH", ">= 1", "got 0");
        assertRejected(() -> Conv2d.of(4, 4, 3).stride(1, 0), BAD_ARGUMENT, "Conv2d", "strideW", ">= 1", "got 0");
        assertRejected(() -> Conv2d.of(4, 4, 3).dilation(0, 1), BAD_ARGUMENT, "Conv2d", "dilationH", ">= 1", "got 0");
        assertRejected(() -> Conv2d.of(4, 4, 3).groups(0), BAD_ARGUMENT, "Conv2d", "groups", ">= 1", "got 0");
        assertRejected(() -> Conv2d.of(4, 4, 3).padding(null), IllegalArgumentException.class, "Conv2d", "padding",
                "a Padding", "null");
    }

    @Test
    void conv2dOutputShapeRejectsWrongRankChannelsAndTooSmallInput() {
        assertRejected(() -> CONV.outputShape(Shape.of(2, 4, 9)), BAD_ARGUMENT, "Conv2d", "input", "rank 4",
                "[2, 4, 9] (rank 3)");
        assertRejected(() -> CONV.outputShape(Shape.nchw(2, 5, 9, 8)), BAD_ARGUMENT, "Conv2d", "input",
                "4 channels", "got 5");
        assertRejected(() -> Conv2d.of(1, 1, 3).dilation(2).outputShape(Shape.nchw(1, 1, 4, 9)), BAD_ARGUMENT,
                "Conv2d", "input", "kernel extent 5", "got 4");
    }

    @Test
    void pool2dRejectsNonPositiveSizesAndOversizedPadding() {
        assertRejected(() -> Pool2d.max(0, 1), BAD_ARGUMENT, "Pool2d", "kernelH", ">= 1", "got 0");
        assertRejected(() -> Pool2d.avg(2, 0), BAD_ARGUMENT, "Pool2d", "strideH", ">= 1", "got 0");
        assertRejected(() -> Pool2d.max(3, 1).padding(new Padding(0, 0, 0, 3)), BAD_ARGUMENT, "Pool2d",
                "padding.right", "< kernelW (3)", "got 3");
        assertRejected(() -> Pool2d.avg(2, 1).kernel(4, 2).padding(new Padding(4, 0, 0, 0)), BAD_ARGUMENT, "Pool2d",
                "padding.top", "< kernelH (4)", "got 4");
    }

    @Test
    void pool2dOutputShapeRejectsWrongRankAndTooSmallInput() {
        assertRejected(() -> POOL.outputShape(Shape.of(1, 2, 6)), BAD_ARGUMENT, "Pool2d", "input", "rank 4",
                "[1, 2, 6] (rank 3)");
        assertRejected(() -> Pool2d.max(3, 1).outputShape(Shape.nchw(1, 1, 2, 5)), BAD_ARGUMENT, "Pool2d", "input",
                ">= kernel 3", "got 2");
    }

    @Test
    void denseRejectsNonPositiveSizes() {
        assertRejected(() -> Dense.of(0, 3), BAD_ARGUMENT, "Dense", "inFeatures", ">= 1", "got 0");
        assertRejected(() -> Dense.of(3, -2), BAD_ARGUMENT, "Dense", "outFeatures", ">= 1", "got -2");
        assertRejected(() -> DENSE.outputShape(0), BAD_ARGUMENT, "Dense", "batch", ">= 1", "got 0");
    }

    // ---- Backend.plan ----------------------------------------------------------------------

    @Test
    void convPlanRejectsInputNotMatchingTheOp() {
        assertRejected(() -> backend.plan(CONV, Shape.of(2, 4, 9)), BAD_ARGUMENT, "Conv2d", "input", "rank 4",
                "(rank 3)");
        assertRejected(() -> backend.plan(CONV, Shape.nchw(2, 3, 9, 8)), BAD_ARGUMENT, "Conv2d", "input",
                "4 channels", "got 3");
        assertRejected(() -> backend.plan(Conv2d.of(1, 1, 5), Shape.nchw(1, 1, 3, 7)), BAD_ARGUMENT, "Conv2d",
                "input", "kernel extent 5", "got 3");
        assertRejected(() -> backend.plan((Conv2d) null, CONV_INPUT), BAD_ARGUMENT, "conv2d plan", "op", "a Conv2d",
                "null");
        assertRejected(() -> backend.plan(CONV, null), BAD_ARGUMENT, "conv2d plan", "input", "a shape", "null");
    }

    @Test
    void poolPlanRejectsInputNotMatchingTheOp() {
        assertRejected(() -> backend.plan(POOL, Shape.of(12)), BAD_ARGUMENT, "Pool2d", "input", "rank 4",
                "(rank 1)");
        assertRejected(() -> backend.plan(Pool2d.avg(4, 1), Shape.nchw(1, 1, 3, 3)), BAD_ARGUMENT, "Pool2d",
                "input", ">= kernel 4", "got 3");
        assertRejected(() -> backend.plan((Pool2d) null, POOL_INPUT), BAD_ARGUMENT, "pool2d plan", "op", "a Pool2d",
                "null");
        assertRejected(() -> backend.plan(POOL, null), BAD_ARGUMENT, "pool2d plan", "input", "a shape", "null");
    }

    @Test
    void densePlanRejectsNonPositiveBatchAndMissingOp() {
        assertRejected(() -> backend.plan(DENSE, 0), BAD_ARGUMENT, "Dense", "batch", ">= 1", "got 0");
        assertRejected(() -> backend.plan(DENSE, -3), BAD_ARGUMENT, "Dense", "batch", ">= 1", "got -3");
        assertRejected(() -> backend.plan((Dense) null, BATCH), BAD_ARGUMENT, "dense plan", "op", "a Dense", "null");
    }

    // ---- Conv2dPlan ------------------------------------------------------------------------

    @Test
    void convForwardRejectsTensorsNotMatchingThePlan() {
        try (Conv2dPlan plan = backend.plan(CONV, CONV_INPUT)) {
            Shape out = plan.outputShape();
            Tensor x = input(CONV_INPUT);
            Tensor w = input(CONV.weightShape());
            Tensor b = input(CONV.biasShape());
            Tensor y = output(out);
            String op = "conv2d forward";
            assertRejected(() -> plan.forward(input(2, 4, 9), w, b, y), BAD_ARGUMENT, op, "x", CONV_INPUT.toString(),
                    "[2, 4, 9]", y);
            assertRejected(() -> plan.forward(input(2, 2, 9, 8), w, b, y), BAD_ARGUMENT, op, "x",
                    CONV_INPUT.toString(), "[2, 2, 9, 8]", y);
            assertRejected(() -> plan.forward(input(1, 4, 9, 8), w, b, y), BAD_ARGUMENT, op, "x",
                    CONV_INPUT.toString(), "[1, 4, 9, 8]", y);
            assertRejected(() -> plan.forward(x, input(6, 4, 3, 3), b, y), BAD_ARGUMENT, op, "w",
                    CONV.weightShape().toString(), "[6, 4, 3, 3]", y);
            assertRejected(() -> plan.forward(x, w, input(3), y), BAD_ARGUMENT, op, "b", "[6]", "[3]", y);
            Tensor wrongY = output(Shape.nchw(2, 6, 4, 4));
            assertRejected(() -> plan.forward(x, w, b, wrongY), BAD_ARGUMENT, op, "y", out.toString(), "[2, 6, 4, 4]",
                    wrongY);
        }
    }

    @Test
    void convRejectsMissingOrUnexpectedBias() {
        try (Conv2dPlan withBias = backend.plan(CONV, CONV_INPUT);
             Conv2dPlan withoutBias = backend.plan(CONV.bias(false), CONV_INPUT)) {
            Tensor x = input(CONV_INPUT);
            Tensor w = input(CONV.weightShape());
            Tensor y = output(withBias.outputShape());
            Tensor dy = input(withBias.outputShape());
            Tensor dw = output(CONV.weightShape());
            Tensor db = output(CONV.biasShape());
            assertRejected(() -> withBias.forward(x, w, null, y), BAD_ARGUMENT, "conv2d forward", "b", "[6]", "null",
                    y);
            assertRejected(() -> withoutBias.forward(x, w, input(CONV.biasShape()), y), BAD_ARGUMENT,
                    "conv2d forward", "b", "null", "[6]", y);
            assertRejected(() -> withBias.backwardWeights(x, dy, dw, null), BAD_ARGUMENT, "conv2d backwardWeights",
                    "db", "[6]", "null", dw);
            assertRejected(() -> withoutBias.backwardWeights(x, dy, dw, db), BAD_ARGUMENT, "conv2d backwardWeights",
                    "db", "null", "[6]", dw, db);
        }
    }

    @Test
    void convBackwardDataRejectsTensorsNotMatchingThePlan() {
        try (Conv2dPlan plan = backend.plan(CONV, CONV_INPUT)) {
            Shape out = plan.outputShape();
            Tensor dy = input(out);
            Tensor w = input(CONV.weightShape());
            Tensor dx = output(CONV_INPUT);
            String op = "conv2d backwardData";
            assertRejected(() -> plan.backwardData(input(2, 6, 5), w, dx), BAD_ARGUMENT, op, "dy", out.toString(),
                    "[2, 6, 5]", dx);
            assertRejected(() -> plan.backwardData(dy, input(6, 2, 3, 2), dx), BAD_ARGUMENT, op, "w",
                    CONV.weightShape().toString(), "[6, 2, 3, 2]", dx);
            Tensor wrongDx = output(Shape.nchw(2, 4, 8, 8));
            assertRejected(() -> plan.backwardData(dy, w, wrongDx), BAD_ARGUMENT, op, "dx", CONV_INPUT.toString(),
                    "[2, 4, 8, 8]", wrongDx);
        }
    }

    @Test
    void convBackwardWeightsRejectsTensorsNotMatchingThePlan() {
        try (Conv2dPlan plan = backend.plan(CONV, CONV_INPUT)) {
            Shape out = plan.outputShape();
            Tensor x = input(CONV_INPUT);
            Tensor dy = input(out);
            Tensor dw = output(CONV.weightShape());
            Tensor db = output(CONV.biasShape());
            String op = "conv2d backwardWeights";
            assertRejected(() -> plan.backwardWeights(input(2, 4, 9, 9), dy, dw, db), BAD_ARGUMENT, op, "x",
                    CONV_INPUT.toString(), "[2, 4, 9, 9]", dw, db);
            assertRejected(() -> plan.backwardWeights(x, input(2, 6, 5, 5), dw, db), BAD_ARGUMENT, op, "dy",
                    out.toString(), "[2, 6, 5, 5]", dw, db);
            Tensor wrongDw = output(Shape.of(6, 2, 9));
            assertRejected(() -> plan.backwardWeights(x, dy, wrongDw, db), BAD_ARGUMENT, op, "dw",
                    CONV.weightShape().toString(), "[6, 2, 9]", wrongDw, db);
            Tensor wrongDb = output(Shape.of(1, 6));
            assertRejected(() -> plan.backwardWeights(x, dy, dw, wrongDb), BAD_ARGUMENT, op, "db", "[6]", "[1, 6]", dw,
                    wrongDb);
        }
    }

    @Test
    void convRejectsClosedTensorsAndClosedPlan() {
        Conv2dPlan plan = backend.plan(CONV, CONV_INPUT);
        Shape out = plan.outputShape();
        Tensor x = input(CONV_INPUT);
        Tensor w = input(CONV.weightShape());
        Tensor b = input(CONV.biasShape());
        Tensor y = output(out);
        Tensor dx = output(CONV_INPUT);
        Tensor dw = output(CONV.weightShape());
        assertRejected(() -> plan.forward(closed(CONV_INPUT), w, b, y), BAD_STATE, "conv2d forward", "x", "open",
                "closed", y);
        assertRejected(() -> plan.forward(x, w, b, closed(out)), BAD_STATE, "conv2d forward", "y", "open", "closed");
        assertRejected(() -> plan.backwardData(input(out), closed(CONV.weightShape()), dx), BAD_STATE,
                "conv2d backwardData", "w", "open", "closed", dx);
        assertRejected(() -> plan.backwardWeights(x, closed(out), dw, output(CONV.biasShape())), BAD_STATE,
                "conv2d backwardWeights", "dy", "open", "closed", dw);
        Tensor view = input(CONV_INPUT).reshape(CONV_INPUT);
        view.close();
        assertRejected(() -> plan.forward(view, w, b, y), BAD_STATE, "conv2d forward", "x", "open", "closed", y);
        plan.close();
        assertRejected(() -> plan.forward(x, w, b, y), BAD_STATE, "conv2d forward", "plan", "open", "closed", y);
    }

    @Test
    void convRejectsOutputsAliasingInputs() {
        try (Conv2dPlan plan = backend.plan(SAME_SHAPE_CONV, SAME_SHAPE_INPUT)) {
            Tensor x = input(SAME_SHAPE_INPUT);
            Tensor w = input(SAME_SHAPE_CONV.weightShape());
            Tensor dy = input(SAME_SHAPE_INPUT);
            String forward = "conv2d forward";
            assertRejected(() -> plan.forward(x, w, null, x), BAD_ARGUMENT, forward, "y", "disjoint from x",
                    "overlaps", x);
            Tensor reshaped = x.reshape(SAME_SHAPE_INPUT);
            assertRejected(() -> plan.forward(x, w, null, reshaped), BAD_ARGUMENT, forward, "y", "disjoint from x",
                    "overlaps", x);
            Tensor[] pair = overlappingPair(SAME_SHAPE_INPUT);
            assertRejected(() -> plan.forward(pair[0], w, null, pair[1]), BAD_ARGUMENT, forward, "y",
                    "disjoint from x", "overlaps", pair[0], pair[1]);
            assertRejected(() -> plan.backwardData(dy, w, dy), BAD_ARGUMENT, "conv2d backwardData", "dx",
                    "disjoint from dy", "overlaps", dy);
            Tensor dwInX = viewAt(x, 0, SAME_SHAPE_CONV.weightShape());
            assertRejected(() -> plan.backwardWeights(x, dy, dwInX, null), BAD_ARGUMENT, "conv2d backwardWeights",
                    "dw", "disjoint from x", "overlaps", x);
        }
        try (Conv2dPlan plan = backend.plan(CONV, CONV_INPUT)) {
            Tensor x = input(CONV_INPUT);
            Tensor dy = input(plan.outputShape());
            Tensor dw = output(CONV.weightShape());
            Tensor db = viewAt(dy, 0, CONV.biasShape());
            assertRejected(() -> plan.backwardWeights(x, dy, dw, db), BAD_ARGUMENT, "conv2d backwardWeights", "db",
                    "disjoint from dy", "overlaps", dw, dy);
        }
    }

    // ---- Pool2dPlan ------------------------------------------------------------------------

    @Test
    void poolRejectsTensorsNotMatchingThePlan() {
        try (Pool2dPlan plan = backend.plan(POOL, POOL_INPUT)) {
            Shape out = plan.outputShape();
            Tensor x = input(POOL_INPUT);
            Tensor y = output(out);
            Tensor dx = output(POOL_INPUT);
            assertRejected(() -> plan.forward(input(1, 2, 6), y), BAD_ARGUMENT, "pool2d forward", "x",
                    POOL_INPUT.toString(), "[1, 2, 6]", y);
            Tensor wrongY = output(Shape.nchw(1, 2, 3, 2));
            assertRejected(() -> plan.forward(x, wrongY), BAD_ARGUMENT, "pool2d forward", "y", out.toString(),
                    "[1, 2, 3, 2]", wrongY);
            assertRejected(() -> plan.backward(x, input(1, 3, 3, 3), dx), BAD_ARGUMENT, "pool2d backward", "dy",
                    out.toString(), "[1, 3, 3, 3]", dx);
            assertRejected(() -> plan.backward(input(2, 2, 6, 6), input(out), dx), BAD_ARGUMENT, "pool2d backward",
                    "x", POOL_INPUT.toString(), "[2, 2, 6, 6]", dx);
            Tensor wrongDx = output(out);
            assertRejected(() -> plan.backward(x, input(out), wrongDx), BAD_ARGUMENT, "pool2d backward", "dx",
                    POOL_INPUT.toString(), out.toString(), wrongDx);
        }
    }

    @Test
    void poolRejectsClosedTensorsClosedPlanAndAliasing() {
        Shape same = Shape.nchw(1, 2, 3, 3);
        Pool2dPlan plan = backend.plan(Pool2d.max(1, 1), same);
        Tensor x = input(same);
        Tensor y = output(same);
        assertRejected(() -> plan.forward(closed(same), y), BAD_STATE, "pool2d forward", "x", "open", "closed", y);
        assertRejected(() -> plan.forward(x, x), BAD_ARGUMENT, "pool2d forward", "y", "disjoint from x", "overlaps",
                x);
        Tensor[] pair = overlappingPair(same);
        assertRejected(() -> plan.forward(pair[0], pair[1]), BAD_ARGUMENT, "pool2d forward", "y", "disjoint from x",
                "overlaps", pair[0], pair[1]);
        Tensor dy = input(same);
        assertRejected(() -> plan.backward(x, dy, dy.reshape(same)), BAD_ARGUMENT, "pool2d backward", "dx",
                "disjoint from dy", "overlaps", dy);
        plan.close();
        assertRejected(() -> plan.forward(x, y), BAD_STATE, "pool2d forward", "plan", "open", "closed", y);
    }

    // ---- DensePlan -------------------------------------------------------------------------

    @Test
    void denseRejectsTensorsNotMatchingThePlan() {
        try (DensePlan plan = backend.plan(DENSE, BATCH)) {
            Tensor x = input(BATCH, 5);
            Tensor w = input(DENSE.weightShape());
            Tensor b = input(DENSE.biasShape());
            Tensor y = output(plan.outputShape());
            Tensor dx = output(plan.inputShape());
            Tensor dw = output(DENSE.weightShape());
            Tensor db = output(DENSE.biasShape());
            assertRejected(() -> plan.forward(input(BATCH, 5, 1), w, b, y), BAD_ARGUMENT, "dense forward", "x",
                    "[2, 5]", "[2, 5, 1]", y);
            assertRejected(() -> plan.forward(input(3, 5), w, b, y), BAD_ARGUMENT, "dense forward", "x", "[2, 5]",
                    "[3, 5]", y);
            assertRejected(() -> plan.forward(x, input(5, 3), b, y), BAD_ARGUMENT, "dense forward", "w", "[3, 5]",
                    "[5, 3]", y);
            assertRejected(() -> plan.forward(x, w, null, y), BAD_ARGUMENT, "dense forward", "b", "[3]", "null", y);
            Tensor wrongY = output(Shape.of(BATCH, 4));
            assertRejected(() -> plan.forward(x, w, b, wrongY), BAD_ARGUMENT, "dense forward", "y", "[2, 3]", "[2, 4]",
                    wrongY);
            assertRejected(() -> plan.backwardData(input(BATCH, 5), w, dx), BAD_ARGUMENT, "dense backwardData", "dy",
                    "[2, 3]", "[2, 5]", dx);
            assertRejected(() -> plan.backwardWeights(x, input(plan.outputShape()), dw, null), BAD_ARGUMENT,
                    "dense backwardWeights", "db", "[3]", "null", dw);
            assertRejected(() -> plan.backwardWeights(x, input(plan.outputShape()), output(Shape.of(5, 3)), db),
                    BAD_ARGUMENT, "dense backwardWeights", "dw", "[3, 5]", "[5, 3]", db);
        }
        try (DensePlan plan = backend.plan(new Dense(5, 3, false), BATCH)) {
            Tensor y = output(plan.outputShape());
            assertRejected(() -> plan.forward(input(BATCH, 5), input(3, 5), input(3), y), BAD_ARGUMENT,
                    "dense forward", "b", "null", "[3]", y);
        }
    }

    @Test
    void denseRejectsClosedTensorsClosedPlanAndAliasing() {
        Dense square = new Dense(5, 5, false);
        DensePlan plan = backend.plan(square, BATCH);
        Tensor x = input(BATCH, 5);
        Tensor w = input(square.weightShape());
        Tensor y = output(plan.outputShape());
        assertRejected(() -> plan.forward(x, closed(square.weightShape()), null, y), BAD_STATE, "dense forward", "w",
                "open", "closed", y);
        assertRejected(() -> plan.forward(x, w, null, x), BAD_ARGUMENT, "dense forward", "y", "disjoint from x",
                "overlaps", x);
        Tensor wideView = viewAt(w, 5, plan.outputShape());
        assertRejected(() -> plan.forward(x, w, null, wideView), BAD_ARGUMENT, "dense forward", "y", "disjoint from w",
                "overlaps", w);
        assertRejected(() -> plan.backwardData(x, w, x.reshape(plan.inputShape())), BAD_ARGUMENT, "dense backwardData",
                "dx", "disjoint from dy", "overlaps", x);
        Tensor base = input(square.weightShape());
        Tensor xInBase = viewAt(base, 0, plan.inputShape());
        assertRejected(() -> plan.backwardWeights(xInBase, input(plan.outputShape()), base, null), BAD_ARGUMENT,
                "dense backwardWeights", "dw", "disjoint from x", "overlaps", base);
        plan.close();
        assertRejected(() -> plan.backwardData(x, w, output(plan.inputShape())), BAD_STATE, "dense backwardData",
                "plan", "open", "closed");
    }

    // ---- activations and the softmax family -------------------------------------------------

    @Test
    void activationRejectsMismatchedShapesAndMissingFunction() {
        Tensor x = input(2, 7);
        Tensor y = output(Shape.of(2, 7));
        Tensor wrong = output(Shape.of(14));
        assertRejected(() -> backend.activation(Activation.RELU, x, wrong), BAD_ARGUMENT, "activation", "y", "[2, 7]",
                "[14]", wrong);
        assertRejected(() -> backend.activation(null, x, y), BAD_ARGUMENT, "activation", "a", "an Activation", "null",
                y);
        assertRejected(() -> backend.activation(Activation.TANH, null, y), BAD_ARGUMENT, "activation", "x",
                "a tensor", "null", y);
        assertRejected(() -> backend.activationBackward(Activation.SIGMOID, x, input(2, 6), y), BAD_ARGUMENT,
                "activationBackward", "dy", "[2, 7]", "[2, 6]", y);
        assertRejected(() -> backend.activationBackward(Activation.SIGMOID, x, input(2, 7), wrong), BAD_ARGUMENT,
                "activationBackward", "dx", "[2, 7]", "[14]", wrong);
    }

    @Test
    void activationRejectsClosedTensorsAndAliasing() {
        Shape shape = Shape.of(3, 5);
        Tensor x = input(shape);
        Tensor y = output(shape);
        assertRejected(() -> backend.activation(Activation.RELU, closed(shape), y), BAD_STATE, "activation", "x",
                "open", "closed", y);
        assertRejected(() -> backend.activationBackward(Activation.RELU, x, closed(shape), y), BAD_STATE,
                "activationBackward", "dy", "open", "closed", y);
        // y = x (the same memory) is an in-place call, allowed since wave 2; a partial overlap is not.
        Tensor[] pair = overlappingPair(shape);
        assertRejected(() -> backend.activation(Activation.TANH, pair[0], pair[1]), BAD_ARGUMENT, "activation", "y",
                "disjoint from x", "overlaps", pair[0], pair[1]);
        Tensor dy = input(shape);
        // dx may replace dy in place, never x (the forward input it still reads).
        assertRejected(() -> backend.activationBackward(Activation.TANH, x, dy, x), BAD_ARGUMENT,
                "activationBackward", "dx", "disjoint from x", "overlaps", x);
        assertRejected(() -> backend.activationBackward(Activation.TANH, pair[0], dy, pair[1]), BAD_ARGUMENT,
                "activationBackward", "dx", "disjoint from x", "overlaps", pair[0], pair[1]);
        Tensor[] dyPair = overlappingPair(shape);
        assertRejected(() -> backend.activationBackward(Activation.TANH, x, dyPair[0], dyPair[1]), BAD_ARGUMENT,
                "activationBackward", "dx", "disjoint from dy", "overlaps", dyPair[0], dyPair[1]);
    }

    @Test
    void softmaxFamilyRejectsMismatchedShapes() {
        Tensor logits = input(4, 10);
        Tensor wrong = output(Shape.of(10, 4));
        Tensor out = output(Shape.of(4, 10));
        assertRejected(() -> backend.softmax(logits, wrong), BAD_ARGUMENT, "softmax", "probabilities", "[4, 10]",
                "[10, 4]", wrong);
        assertRejected(() -> backend.logSoftmax(logits, wrong), BAD_ARGUMENT, "logSoftmax", "logProbabilities",
                "[4, 10]", "[10, 4]", wrong);
        assertRejected(() -> backend.softmaxBackward(logits, input(4, 9), out), BAD_ARGUMENT, "softmaxBackward", "dy",
                "[4, 10]", "[4, 9]", out);
        assertRejected(() -> backend.softmaxBackward(logits, input(4, 10), wrong), BAD_ARGUMENT, "softmaxBackward",
                "dLogits", "[4, 10]", "[10, 4]", wrong);
        assertRejected(() -> backend.logSoftmaxBackward(logits, input(40), out), BAD_ARGUMENT, "logSoftmaxBackward",
                "dy", "[4, 10]", "[40]", out);
        assertRejected(() -> backend.softmax(null, out), BAD_ARGUMENT, "softmax", "logits", "a tensor", "null", out);
    }

    @Test
    void softmaxFamilyRejectsClosedTensorsAndAliasing() {
        Shape shape = Shape.of(3, 6);
        Tensor logits = input(shape);
        Tensor dy = input(shape);
        Tensor out = output(shape);
        assertRejected(() -> backend.softmax(closed(shape), out), BAD_STATE, "softmax", "logits", "open", "closed",
                out);
        assertRejected(() -> backend.logSoftmaxBackward(logits, closed(shape), out), BAD_STATE, "logSoftmaxBackward",
                "dy", "open", "closed", out);
        assertRejected(() -> backend.softmax(logits, logits), BAD_ARGUMENT, "softmax", "probabilities",
                "disjoint from logits", "overlaps", logits);
        assertRejected(() -> backend.logSoftmax(logits, logits.reshape(shape)), BAD_ARGUMENT, "logSoftmax",
                "logProbabilities", "disjoint from logits", "overlaps", logits);
        assertRejected(() -> backend.softmaxBackward(logits, dy, dy), BAD_ARGUMENT, "softmaxBackward", "dLogits",
                "disjoint from dy", "overlaps", dy);
        Tensor[] pair = overlappingPair(shape);
        assertRejected(() -> backend.logSoftmaxBackward(pair[0], dy, pair[1]), BAD_ARGUMENT, "logSoftmaxBackward",
                "dLogits", "disjoint from logProbabilities", "overlaps", pair[0], pair[1]);
    }

    @Test
    void softmaxCrossEntropyRejectsLabelsOutOfRange() {
        Tensor logits = input(3, 10);
        Tensor dLogits = output(Shape.of(3, 10));
        String op = "softmaxCrossEntropy";
        assertRejected(() -> backend.softmaxCrossEntropy(logits, new int[] {0, 10, 2}, dLogits), BAD_ARGUMENT, op,
                "labels[1]", "0..9", "got 10", dLogits);
        assertRejected(() -> backend.softmaxCrossEntropy(logits, new int[] {0, 1, -1}, dLogits), BAD_ARGUMENT, op,
                "labels[2]", "0..9", "got -1", dLogits);
        assertRejected(() -> backend.softmaxCrossEntropy(logits, new int[] {0, 1}, dLogits), BAD_ARGUMENT, op,
                "labels", "3 labels", "got 2", dLogits);
        assertRejected(() -> backend.softmaxCrossEntropy(logits, null, dLogits), BAD_ARGUMENT, op, "labels",
                "int[3]", "null", dLogits);
    }

    @Test
    void softmaxCrossEntropyRejectsBadTensors() {
        Tensor logits = input(3, 10);
        int[] labels = {0, 1, 2};
        Tensor dLogits = output(Shape.of(3, 10));
        String op = "softmaxCrossEntropy";
        assertRejected(() -> backend.softmaxCrossEntropy(input(3, 10, 1), labels, dLogits), BAD_ARGUMENT, op,
                "logits", "rank 2", "[3, 10, 1] (rank 3)", dLogits);
        Tensor wrong = output(Shape.of(3, 9));
        assertRejected(() -> backend.softmaxCrossEntropy(logits, labels, wrong), BAD_ARGUMENT, op, "dLogits",
                "[3, 10]", "[3, 9]", wrong);
        assertRejected(() -> backend.softmaxCrossEntropy(closed(Shape.of(3, 10)), labels, dLogits), BAD_STATE, op,
                "logits", "open", "closed", dLogits);
        assertRejected(() -> backend.softmaxCrossEntropy(logits, labels, logits), BAD_ARGUMENT, op, "dLogits",
                "disjoint from logits", "overlaps", logits);
        Tensor[] pair = overlappingPair(Shape.of(3, 10));
        assertRejected(() -> backend.softmaxCrossEntropy(pair[0], labels, pair[1]), BAD_ARGUMENT, op, "dLogits",
                "disjoint from logits", "overlaps", pair[0], pair[1]);
    }

    @Test
    void closedBackendRejectsEveryCall() {
        Backend other = Backends.open(backendName(), config());
        other.close();
        String name = other.name();
        Tensor x = input(2, 3);
        Tensor y = output(Shape.of(2, 3));
        assertRejected(() -> other.activation(Activation.RELU, x, y), BAD_STATE, "activation", "backend " + name,
                "open", "closed", y);
        assertRejected(() -> other.softmax(x, y), BAD_STATE, "softmax", "backend " + name, "open", "closed", y);
        assertRejected(() -> other.plan(CONV, CONV_INPUT), BAD_STATE, "conv2d plan", "backend " + name, "open",
                "closed");
        assertRejected(() -> other.plan(POOL, POOL_INPUT), BAD_STATE, "pool2d plan", "backend " + name, "open",
                "closed");
        assertRejected(() -> other.plan(DENSE, BATCH), BAD_STATE, "dense plan", "backend " + name, "open", "closed");
    }

    @Test
    void plansOfAClosedBackendRejectEveryRun() {
        Backend other = Backends.open(backendName(), config());
        String name = other.name();
        Conv2dPlan conv = other.plan(CONV, CONV_INPUT);
        Pool2dPlan pool = other.plan(POOL, POOL_INPUT);
        DensePlan dense = other.plan(DENSE, BATCH);
        other.close();
        Tensor y = output(conv.outputShape());
        assertRejected(() -> conv.forward(input(CONV_INPUT), input(CONV.weightShape()), input(CONV.biasShape()), y),
                BAD_STATE, "conv2d forward", "backend " + name, "open", "closed", y);
        Tensor py = output(pool.outputShape());
        assertRejected(() -> pool.forward(input(POOL_INPUT), py), BAD_STATE, "pool2d forward", "backend " + name, "open",
                "closed", py);
        Tensor dx = output(dense.inputShape());
        assertRejected(() -> dense.backwardData(input(dense.outputShape()), input(DENSE.weightShape()), dx), BAD_STATE,
                "dense backwardData", "backend " + name, "open", "closed", dx);
        conv.close();
        pool.close();
        dense.close();
    }

    @Test
    void tensorMemoryFreedByItsOwnerIsRejected() {
        Tensor owner = Tensor.allocate(Shape.of(2, 3));
        Tensor view = owner.reshape(Shape.of(6));
        owner.close();
        Tensor y = output(Shape.of(6));
        assertRejected(() -> backend.activation(Activation.TANH, view, y), BAD_STATE, "activation", "x", "open",
                "closed", y);
    }

    // ---- layouts (wave 2) -------------------------------------------------------------------------

    @Test
    void tensorRejectsNhwcBelowRankFourAndAMissingLayout() {
        assertRejected(() -> Tensor.allocate(Shape.of(2, 3), Layout.NHWC), BAD_ARGUMENT, "Tensor.allocate", "layout",
                "NCHW", "NHWC");
        assertRejected(() -> Tensor.allocate(Shape.of(4), Layout.NHWC, arena), BAD_ARGUMENT, "Tensor.allocate",
                "layout", "NCHW", "NHWC");
        assertRejected(() -> Tensor.allocate(Shape.nchw(1, 2, 3, 4), (Layout) null), BAD_ARGUMENT, "Tensor.allocate",
                "layout", "a Layout", "null");
        MemorySegment memory = arena.allocate(24, 4);
        assertRejected(() -> Tensor.wrap(memory, Shape.of(6), Layout.NHWC), BAD_ARGUMENT, "Tensor.wrap", "layout",
                "NCHW", "NHWC");
    }

    @Test
    void plansRejectANullLayout() {
        assertRejected(() -> backend.plan(CONV, CONV_INPUT, null), BAD_ARGUMENT, "conv2d plan", "layout",
                "a Layout", "null");
        assertRejected(() -> backend.plan(POOL, POOL_INPUT, null), BAD_ARGUMENT, "pool2d plan", "layout",
                "a Layout", "null");
        assertRejected(() -> backend.plan(BatchNorm2d.of(2), POOL_INPUT, null), BAD_ARGUMENT, "batchNorm2d plan",
                "layout", "a Layout", "null");
        assertRejected(() -> backend.plan(new Lrn(3, 1, 0.75, 1), POOL_INPUT, null), BAD_ARGUMENT, "lrn plan",
                "layout", "a Layout", "null");
    }

    @Test
    void convPlanRejectsActivationsInTheOtherLayoutAndWeightsInNhwc() {
        try (Conv2dPlan nhwc = backend.plan(CONV, CONV_INPUT, Layout.NHWC);
             Conv2dPlan nchw = backend.plan(CONV, CONV_INPUT)) {
            Shape out = nhwc.outputShape();
            Tensor x = input(CONV_INPUT, Layout.NHWC);
            Tensor w = input(CONV.weightShape());
            Tensor b = input(CONV.biasShape());
            Tensor y = output(out, Layout.NHWC);
            Tensor dy = input(out, Layout.NHWC);
            Tensor dx = output(CONV_INPUT, Layout.NHWC);
            Tensor dw = output(CONV.weightShape());
            Tensor db = output(CONV.biasShape());
            assertRejected(() -> nhwc.forward(input(CONV_INPUT), w, b, y), BAD_ARGUMENT, "conv2d forward", "x",
                    "layout NHWC", "got NCHW", y);
            assertRejected(() -> nhwc.forward(x, w, b, output(out)), BAD_ARGUMENT, "conv2d forward", "y",
                    "layout NHWC", "got NCHW", y);
            assertRejected(() -> nhwc.forward(x, input(CONV.weightShape(), Layout.NHWC), b, y), BAD_ARGUMENT,
                    "conv2d forward", "w", "layout NCHW", "got NHWC", y);
            assertRejected(() -> nchw.forward(x, w, b, output(out)), BAD_ARGUMENT, "conv2d forward", "x",
                    "layout NCHW", "got NHWC");
            assertRejected(() -> nhwc.backwardData(input(out), w, dx), BAD_ARGUMENT, "conv2d backwardData", "dy",
                    "layout NHWC", "got NCHW", dx);
            assertRejected(() -> nhwc.backwardData(dy, w, output(CONV_INPUT)), BAD_ARGUMENT, "conv2d backwardData",
                    "dx", "layout NHWC", "got NCHW", dx);
            assertRejected(() -> nhwc.backwardWeights(input(CONV_INPUT), dy, dw, db), BAD_ARGUMENT,
                    "conv2d backwardWeights", "x", "layout NHWC", "got NCHW", dw, db);
            assertRejected(() -> nhwc.backwardWeights(x, input(out), dw, db), BAD_ARGUMENT, "conv2d backwardWeights",
                    "dy", "layout NHWC", "got NCHW", dw, db);
        }
    }

    @Test
    void poolPlanRejectsActivationsInTheOtherLayout() {
        try (Pool2dPlan plan = backend.plan(POOL, POOL_INPUT, Layout.NHWC); Workspace ws = plan.newWorkspace()) {
            Shape out = plan.outputShape();
            Tensor x = input(POOL_INPUT, Layout.NHWC);
            Tensor y = output(out, Layout.NHWC);
            Tensor dy = input(out, Layout.NHWC);
            Tensor dx = output(POOL_INPUT, Layout.NHWC);
            assertRejected(() -> plan.forward(input(POOL_INPUT), y), BAD_ARGUMENT, "pool2d forward", "x",
                    "layout NHWC", "got NCHW", y);
            assertRejected(() -> plan.forward(x, output(out)), BAD_ARGUMENT, "pool2d forward", "y", "layout NHWC",
                    "got NCHW");
            assertRejected(() -> plan.backward(x, input(out), dx), BAD_ARGUMENT, "pool2d backward", "dy",
                    "layout NHWC", "got NCHW", dx);
            assertRejected(() -> plan.backward(x, dy, output(POOL_INPUT)), BAD_ARGUMENT, "pool2d backward", "dx",
                    "layout NHWC", "got NCHW");
            assertRejected(() -> plan.forward(input(POOL_INPUT), y, ws), BAD_ARGUMENT, "pool2d forward", "x",
                    "layout NHWC", "got NCHW", y);
            plan.forward(x, y, ws);
            assertRejected(() -> plan.backward(ws, input(out), dx), BAD_ARGUMENT, "pool2d backward", "dy",
                    "layout NHWC", "got NCHW", dx);
            assertRejected(() -> plan.backward(ws, dy, output(POOL_INPUT)), BAD_ARGUMENT, "pool2d backward", "dx",
                    "layout NHWC", "got NCHW");
        }
    }

    @Test
    void nchwPoolPlanRejectsNhwcActivations() {
        try (Pool2dPlan plan = backend.plan(POOL, POOL_INPUT); Workspace ws = plan.newWorkspace()) {
            Shape out = plan.outputShape();
            Tensor x = input(POOL_INPUT);
            Tensor y = output(out);
            Tensor dx = output(POOL_INPUT);
            assertRejected(() -> plan.forward(input(POOL_INPUT, Layout.NHWC), y), BAD_ARGUMENT, "pool2d forward", "x",
                    "layout NCHW", "got NHWC", y);
            Tensor nhwcY = output(out, Layout.NHWC);
            assertRejected(() -> plan.forward(x, nhwcY), BAD_ARGUMENT, "pool2d forward", "y", "layout NCHW",
                    "got NHWC", nhwcY);
            assertRejected(() -> plan.backward(x, input(out, Layout.NHWC), dx), BAD_ARGUMENT, "pool2d backward", "dy",
                    "layout NCHW", "got NHWC", dx);
            assertRejected(() -> plan.forward(input(POOL_INPUT, Layout.NHWC), y, ws), BAD_ARGUMENT, "pool2d forward",
                    "x", "layout NCHW", "got NHWC", y);
            plan.forward(x, y, ws);
            Tensor nhwcDx = output(POOL_INPUT, Layout.NHWC);
            assertRejected(() -> plan.backward(ws, input(out), nhwcDx), BAD_ARGUMENT, "pool2d backward", "dx",
                    "layout NCHW", "got NHWC", nhwcDx);
        }
    }

    @Test
    void elementwiseOpsRejectArgumentsOfAnotherLayoutAndTheSoftmaxFamilyRejectsNhwc() {
        Shape shape = Shape.nchw(2, 3, 2, 2);
        Tensor x = input(shape, Layout.NHWC);
        Tensor y = output(shape);
        assertRejected(() -> backend.activation(Activation.RELU, x, y), BAD_ARGUMENT, "activation", "y",
                "layout NHWC", "got NCHW", y);
        Tensor dx = output(shape, Layout.NHWC);
        assertRejected(() -> backend.activationBackward(Activation.RELU, x, input(shape), dx), BAD_ARGUMENT,
                "activationBackward", "dy", "layout NHWC", "got NCHW", dx);
        assertRejected(() -> backend.activationBackwardFromOutput(Activation.TANH, x, input(shape), dx),
                BAD_ARGUMENT, "activationBackwardFromOutput", "dy", "layout NHWC", "got NCHW", dx);
        Tensor sum = output(shape, Layout.NHWC);
        assertRejected(() -> backend.add(x, input(shape), sum), BAD_ARGUMENT, "add", "b", "layout NHWC", "got NCHW",
                sum);
        Tensor logits = input(shape, Layout.NHWC);
        Tensor probabilities = output(shape);
        assertRejected(() -> backend.softmax(logits, probabilities), BAD_ARGUMENT, "softmax", "logits",
                "layout NCHW", "got NHWC", probabilities);
    }

    @Test
    void activationBackwardFromOutputRejectsMismatchedShapesAndAliasing() {
        Shape shape = Shape.of(3, 5);
        Tensor y = input(shape);
        Tensor dy = input(shape);
        Tensor dx = output(shape);
        String op = "activationBackwardFromOutput";
        assertRejected(() -> backend.activationBackwardFromOutput(Activation.SIGMOID, y, input(3, 4), dx),
                BAD_ARGUMENT, op, "dy", "[3, 5]", "[3, 4]", dx);
        Tensor wrong = output(Shape.of(15));
        assertRejected(() -> backend.activationBackwardFromOutput(Activation.SIGMOID, y, dy, wrong), BAD_ARGUMENT,
                op, "dx", "[3, 5]", "[15]", wrong);
        assertRejected(() -> backend.activationBackwardFromOutput(null, y, dy, dx), BAD_ARGUMENT, op, "a",
                "an Activation", "null", dx);
        assertRejected(() -> backend.activationBackwardFromOutput(Activation.RELU, y, dy, y), BAD_ARGUMENT, op, "dx",
                "disjoint from y", "overlaps", y);
        Tensor[] pair = overlappingPair(shape);
        assertRejected(() -> backend.activationBackwardFromOutput(Activation.RELU, y, pair[0], pair[1]),
                BAD_ARGUMENT, op, "dx", "disjoint from dy", "overlaps", pair[0], pair[1]);
    }

    @Test
    void reorderRejectsAnotherShapeAliasingAndClosedTensors() {
        Shape shape = Shape.nchw(1, 3, 2, 2);
        Tensor src = input(shape);
        Tensor wrong = output(Shape.nchw(1, 2, 3, 2), Layout.NHWC);
        assertRejected(() -> backend.reorder(src, wrong), BAD_ARGUMENT, "reorder", "dst", shape.toString(),
                "[1, 2, 3, 2]", wrong);
        assertRejected(() -> backend.reorder(src, src), BAD_ARGUMENT, "reorder", "dst", "disjoint from src",
                "overlaps", src);
        Tensor dst = output(shape, Layout.NHWC);
        assertRejected(() -> backend.reorder(closed(shape), dst), BAD_STATE, "reorder", "src", "open", "closed", dst);
        assertRejected(() -> backend.reorder(null, dst), BAD_ARGUMENT, "reorder", "src", "a tensor", "null", dst);
    }

    // ---- pooling workspaces (wave 2) ------------------------------------------------------------------

    @Test
    void poolWorkspaceFromAnotherPlanIsRejected() {
        try (Pool2dPlan plan = backend.plan(POOL, POOL_INPUT); Pool2dPlan other = backend.plan(POOL, POOL_INPUT);
             Workspace foreign = other.newWorkspace()) {
            Tensor x = input(POOL_INPUT);
            Tensor y = output(plan.outputShape());
            other.forward(x, output(plan.outputShape()), foreign);
            assertRejected(() -> plan.forward(x, y, foreign), BAD_ARGUMENT, "pool2d forward", "ws",
                    "this plan's newWorkspace()", "workspace of pool2d plan", y);
            Tensor dx = output(POOL_INPUT);
            assertRejected(() -> plan.backward(foreign, input(plan.outputShape()), dx), BAD_ARGUMENT,
                    "pool2d backward", "ws", "this plan's newWorkspace()", "workspace of pool2d plan", dx);
            assertRejected(() -> plan.backward((Workspace) null, input(plan.outputShape()), dx), BAD_ARGUMENT,
                    "pool2d backward", "ws", "a workspace", "null", dx);
        }
    }

    @Test
    void poolWorkspaceNoForwardFilledIsRejected() {
        for (Pool2d op : new Pool2d[] {POOL, Pool2d.avg(2, 2)}) {
            try (Pool2dPlan plan = backend.plan(op, POOL_INPUT); Workspace ws = plan.newWorkspace()) {
                Tensor dx = output(POOL_INPUT);
                assertRejected(() -> plan.backward(ws, input(plan.outputShape()), dx), BAD_STATE, "pool2d backward",
                        "ws", "filled by forward(x, y, ws)", "no forward has filled", dx);
            }
        }
    }

    @Test
    void closedPoolWorkspaceIsRejectedAndClosingTwiceIsHarmless() {
        try (Pool2dPlan plan = backend.plan(POOL, POOL_INPUT)) {
            Workspace ws = plan.newWorkspace();
            Tensor x = input(POOL_INPUT);
            plan.forward(x, output(plan.outputShape()), ws);
            ws.close();
            ws.close();
            Tensor y = output(plan.outputShape());
            assertRejected(() -> plan.forward(x, y, ws), BAD_STATE, "pool2d forward", "ws", "open workspace",
                    "closed", y);
            Tensor dx = output(POOL_INPUT);
            assertRejected(() -> plan.backward(ws, input(plan.outputShape()), dx), BAD_STATE, "pool2d backward", "ws",
                    "open workspace", "closed", dx);
        }
    }

    /**
     * A workspace outlives its plan: every call through the closed plan is refused (naming the plan),
     * and the workspace still closes, twice, without touching the freed plan.
     */
    @Test
    void poolWorkspaceOfAClosedPlanIsRejectedAndStillCloses() {
        Pool2dPlan plan = backend.plan(POOL, POOL_INPUT);
        Workspace ws = plan.newWorkspace();
        Tensor x = input(POOL_INPUT);
        plan.forward(x, output(plan.outputShape()), ws);
        plan.close();
        Tensor y = output(plan.outputShape());
        assertRejected(() -> plan.forward(x, y, ws), BAD_STATE, "pool2d forward", "plan", "open", "closed", y);
        Tensor dx = output(POOL_INPUT);
        assertRejected(() -> plan.backward(ws, input(plan.outputShape()), dx), BAD_STATE, "pool2d backward", "plan",
                "open", "closed", dx);
        assertRejected(plan::newWorkspace, BAD_STATE, "pool2d newWorkspace", "plan", "open", "closed");
        ws.close();
        ws.close();
    }

    /**
     * The workspace calls of a plan whose backend was closed: {@code newWorkspace()},
     * {@code forward(x, y, ws)} and {@code backward(ws, dy, dx)} are refused naming the backend; the
     * workspace and the plan still close afterwards.
     */
    @Test
    void poolWorkspaceCallsOfAClosedBackendAreRejected() {
        Backend other = Backends.open(backendName(), config());
        String name = other.name();
        Pool2dPlan plan = other.plan(POOL, POOL_INPUT);
        Workspace ws = plan.newWorkspace();
        Tensor x = input(POOL_INPUT);
        plan.forward(x, output(plan.outputShape()), ws);
        other.close();
        assertRejected(plan::newWorkspace, BAD_STATE, "pool2d newWorkspace", "backend " + name, "open", "closed");
        Tensor y = output(plan.outputShape());
        assertRejected(() -> plan.forward(x, y, ws), BAD_STATE, "pool2d forward", "backend " + name, "open", "closed",
                y);
        Tensor dx = output(POOL_INPUT);
        assertRejected(() -> plan.backward(ws, input(plan.outputShape()), dx), BAD_STATE, "pool2d backward",
                "backend " + name, "open", "closed", dx);
        ws.close();
        plan.close();
    }

    // ---- batch norm and LRN (wave 2) ---------------------------------------------------------------

    private static final Shape BN_INPUT = Shape.nchw(2, 3, 4, 5);
    private static final BatchNorm2d BN = BatchNorm2d.of(3);

    @Test
    void batchNormAndLrnOpsRejectBadParameters() {
        assertRejected(() -> new BatchNorm2d(0, 1e-5), BAD_ARGUMENT, "BatchNorm2d", "channels", ">= 1", "got 0");
        String leastEpsilon = ">= " + Float.MIN_NORMAL;
        assertRejected(() -> new BatchNorm2d(3, 0), BAD_ARGUMENT, "BatchNorm2d", "epsilon", leastEpsilon, "0.0");
        assertRejected(() -> new BatchNorm2d(3, Double.NaN), BAD_ARGUMENT, "BatchNorm2d", "epsilon", leastEpsilon,
                "NaN");
        assertRejected(() -> new BatchNorm2d(3, 1e-40), BAD_ARGUMENT, "BatchNorm2d", "epsilon", leastEpsilon,
                "1.0E-40");
        assertRejected(() -> new BatchNorm2d(3, Double.POSITIVE_INFINITY), BAD_ARGUMENT, "BatchNorm2d", "epsilon",
                "finite", "Infinity");
        assertRejected(() -> new Lrn(0, 1, 0.75, 1), BAD_ARGUMENT, "Lrn", "size", ">= 1", "got 0");
        assertRejected(() -> new Lrn(3, Double.NaN, 0.75, 1), BAD_ARGUMENT, "Lrn", "alpha", "finite", "NaN");
        assertRejected(() -> new Lrn(3, 1, Double.POSITIVE_INFINITY, 1), BAD_ARGUMENT, "Lrn", "beta", "finite",
                "Infinity");
        assertRejected(() -> new Lrn(3, 1, 0.75, 0), BAD_ARGUMENT, "Lrn", "k", "> 0", "0.0");
        assertRejected(() -> new Lrn(3, -0.5, 0.75, 1), BAD_ARGUMENT, "Lrn", "alpha", ">= 0", "-0.5");
        assertRejected(() -> new Lrn(3, 1, 0.75, -2), BAD_ARGUMENT, "Lrn", "k", "> 0", "-2.0");
        assertRejected(() -> new Lrn(3, 0.5, 0.75, Double.NaN), BAD_ARGUMENT, "Lrn", "k", "> 0", "NaN");
        assertRejected(() -> Lrn.tensorflow(2, 0, 1, 0.75), BAD_ARGUMENT, "Lrn.tensorflow", "bias", "> 0", "0.0");
        assertRejected(() -> Lrn.tensorflow(2, 1, -1e-4, 0.75), BAD_ARGUMENT, "Lrn.tensorflow", "alpha", ">= 0",
                "-1.0E-4");
        assertRejected(() -> Lrn.tensorflow(-1, 1, 1, 0.75), BAD_ARGUMENT, "Lrn.tensorflow", "depthRadius", "0..",
                "-1");
    }

    @Test
    void batchNormAndLrnPlansRejectInputsNotMatchingTheOp() {
        assertRejected(() -> backend.plan(BN, Shape.nchw(2, 4, 4, 5)), BAD_ARGUMENT, "batchNorm2d plan", "input",
                "[n, 3, h, w]", "[2, 4, 4, 5]");
        assertRejected(() -> backend.plan(BN, Shape.of(2, 3, 4)), BAD_ARGUMENT, "batchNorm2d plan", "input",
                "[n, 3, h, w]", "[2, 3, 4]");
        assertRejected(() -> backend.plan((BatchNorm2d) null, BN_INPUT), BAD_ARGUMENT, "batchNorm2d plan", "op",
                "a BatchNorm2d", "null");
        assertRejected(() -> backend.plan(new Lrn(3, 1, 0.75, 1), Shape.of(2, 3, 4)), BAD_ARGUMENT, "lrn plan",
                "input", "rank 4", "(rank 3)");
        assertRejected(() -> backend.plan((Lrn) null, BN_INPUT), BAD_ARGUMENT, "lrn plan", "op", "an Lrn", "null");
    }

    @Test
    void batchNormRejectsActivationsAndParametersNotMatchingThePlan() {
        try (BatchNorm2dPlan plan = backend.plan(BN, BN_INPUT, Layout.NHWC)) {
            Shape c = Shape.of(3);
            Tensor x = input(BN_INPUT, Layout.NHWC);
            Tensor gamma = input(c);
            Tensor beta = input(c);
            Tensor y = output(BN_INPUT, Layout.NHWC);
            Tensor mean = output(c);
            Tensor variance = output(c);
            String training = "batchNorm2d forwardTraining";
            assertRejected(() -> plan.forwardTraining(input(Shape.nchw(2, 4, 4, 5), Layout.NHWC), gamma, beta, y, mean,
                    variance), BAD_ARGUMENT, training, "x", BN_INPUT.toString(), "[2, 4, 4, 5]", y, mean, variance);
            assertRejected(() -> plan.forwardTraining(input(BN_INPUT), gamma, beta, y, mean, variance), BAD_ARGUMENT,
                    training, "x", "layout NHWC", "got NCHW", y, mean, variance);
            assertRejected(() -> plan.forwardTraining(x, input(4), beta, y, mean, variance), BAD_ARGUMENT, training,
                    "gamma", "[3]", "[4]", y, mean, variance);
            assertRejected(() -> plan.forwardTraining(x, gamma, input(1, 3), y, mean, variance), BAD_ARGUMENT,
                    training, "beta", "[3]", "[1, 3]", y, mean, variance);
            assertRejected(() -> plan.forwardTraining(x, gamma, beta, output(BN_INPUT), mean, variance), BAD_ARGUMENT,
                    training, "y", "layout NHWC", "got NCHW", mean, variance);
            Tensor wrongMean = output(Shape.of(2));
            assertRejected(() -> plan.forwardTraining(x, gamma, beta, y, wrongMean, variance), BAD_ARGUMENT, training,
                    "mean", "[3]", "[2]", y, wrongMean, variance);
            assertRejected(() -> plan.forwardTraining(x, gamma, beta, y, mean, mean), BAD_ARGUMENT, training,
                    "variance", "disjoint from mean", "overlaps", y, mean);

            String inference = "batchNorm2d forwardInference";
            assertRejected(() -> plan.forwardInference(x, gamma, beta, input(3, 1), input(c), y), BAD_ARGUMENT,
                    inference, "mean", "[3]", "[3, 1]", y);
            assertRejected(() -> plan.forwardInference(x, gamma, beta, input(c), input(5), y), BAD_ARGUMENT,
                    inference, "variance", "[3]", "[5]", y);

            String backward = "batchNorm2d backward";
            Tensor dy = input(BN_INPUT, Layout.NHWC);
            Tensor dx = output(BN_INPUT, Layout.NHWC);
            Tensor dGamma = output(c);
            Tensor dBeta = output(c);
            assertRejected(() -> plan.backward(x, input(BN_INPUT), gamma, input(c), input(c), dx, dGamma, dBeta),
                    BAD_ARGUMENT, backward, "dy", "layout NHWC", "got NCHW", dx, dGamma, dBeta);
            Tensor wrongGamma = output(Shape.of(4));
            assertRejected(() -> plan.backward(x, dy, gamma, input(c), input(c), dx, wrongGamma, dBeta), BAD_ARGUMENT,
                    backward, "dGamma", "[3]", "[4]", dx, wrongGamma, dBeta);
            assertRejected(() -> plan.backward(x, dy, gamma, input(c), input(c), dx, dGamma, gamma), BAD_ARGUMENT,
                    backward, "dBeta", "disjoint from gamma", "overlaps", dx, dGamma, gamma);
        }
    }

    @Test
    void lrnRejectsActivationsNotMatchingThePlan() {
        try (LrnPlan plan = backend.plan(new Lrn(4, 1, 0.75, 1), BN_INPUT)) {
            Tensor x = input(BN_INPUT);
            Tensor y = output(BN_INPUT);
            assertRejected(() -> plan.forward(input(Shape.nchw(2, 5, 4, 5)), y), BAD_ARGUMENT, "lrn forward", "x",
                    BN_INPUT.toString(), "[2, 5, 4, 5]", y);
            assertRejected(() -> plan.forward(input(BN_INPUT, Layout.NHWC), y), BAD_ARGUMENT, "lrn forward", "x",
                    "layout NCHW", "got NHWC", y);
            assertRejected(() -> plan.forward(x, x), BAD_ARGUMENT, "lrn forward", "y", "disjoint from x", "overlaps",
                    x);
            Tensor dx = output(BN_INPUT);
            assertRejected(() -> plan.backward(x, input(BN_INPUT, Layout.NHWC), dx), BAD_ARGUMENT, "lrn backward",
                    "dy", "layout NCHW", "got NHWC", dx);
            Tensor wrong = output(Shape.nchw(2, 3, 5, 4));
            assertRejected(() -> plan.backward(x, input(BN_INPUT), wrong), BAD_ARGUMENT, "lrn backward", "dx",
                    BN_INPUT.toString(), "[2, 3, 5, 4]", wrong);
        }
    }

    @Test
    void closedBackendRejectsTheWaveTwoCalls() {
        Backend other = Backends.open(backendName(), config());
        other.close();
        String name = other.name();
        assertRejected(() -> other.plan(BN, BN_INPUT), BAD_STATE, "batchNorm2d plan", "backend " + name, "open",
                "closed");
        assertRejected(() -> other.plan(new Lrn(3, 1, 0.75, 1), BN_INPUT), BAD_STATE, "lrn plan", "backend " + name,
                "open", "closed");
        Tensor dst = output(BN_INPUT, Layout.NHWC);
        assertRejected(() -> other.reorder(input(BN_INPUT), dst), BAD_STATE, "reorder", "backend " + name, "open",
                "closed", dst);
    }

    private static final Lrn LRN = new Lrn(3, 1, 0.75, 1);

    @Test
    void batchNormAndLrnPlansRejectEveryRunOnceClosed() {
        BatchNorm2dPlan bn = backend.plan(BN, BN_INPUT);
        LrnPlan lrn = backend.plan(LRN, BN_INPUT);
        bn.close();
        lrn.close();
        assertBatchNormAndLrnRunsRefused(bn, lrn, "plan");
        bn.close();
        lrn.close();
    }

    @Test
    void batchNormAndLrnPlansOfAClosedBackendRejectEveryRun() {
        Backend other = Backends.open(backendName(), config());
        String name = other.name();
        BatchNorm2dPlan bn = other.plan(BN, BN_INPUT);
        LrnPlan lrn = other.plan(LRN, BN_INPUT);
        other.close();
        assertBatchNormAndLrnRunsRefused(bn, lrn, "backend " + name);
        bn.close();
        lrn.close();
    }

    /** Every run of both plans, on valid tensors, is refused with {@code closed} naming {@code what}. */
    private void assertBatchNormAndLrnRunsRefused(BatchNorm2dPlan bn, LrnPlan lrn, String what) {
        Shape c = BN.parameterShape();
        Tensor x = input(BN_INPUT);
        Tensor y = output(BN_INPUT);
        Tensor mean = output(c);
        Tensor variance = output(c);
        assertRejected(() -> bn.forwardTraining(x, input(c), input(c), y, mean, variance), BAD_STATE,
                "batchNorm2d forwardTraining", what, "open", "closed", y, mean, variance);
        assertRejected(() -> bn.forwardInference(x, input(c), input(c), input(c), input(c), y), BAD_STATE,
                "batchNorm2d forwardInference", what, "open", "closed", y);
        Tensor dx = output(BN_INPUT);
        Tensor dGamma = output(c);
        Tensor dBeta = output(c);
        assertRejected(() -> bn.backward(x, input(BN_INPUT), input(c), input(c), input(c), dx, dGamma, dBeta),
                BAD_STATE, "batchNorm2d backward", what, "open", "closed", dx, dGamma, dBeta);
        assertRejected(() -> lrn.forward(x, y), BAD_STATE, "lrn forward", what, "open", "closed", y);
        assertRejected(() -> lrn.backward(x, input(BN_INPUT), dx), BAD_STATE, "lrn backward", what, "open", "closed",
                dx);
    }

    @Test
    void batchNormRejectsClosedAndNullTensors() {
        try (BatchNorm2dPlan plan = backend.plan(BN, BN_INPUT)) {
            Shape c = BN.parameterShape();
            Tensor x = input(BN_INPUT);
            Tensor gamma = input(c);
            Tensor beta = input(c);
            Tensor y = output(BN_INPUT);
            Tensor mean = output(c);
            Tensor variance = output(c);
            String training = "batchNorm2d forwardTraining";
            assertRejected(() -> plan.forwardTraining(null, gamma, beta, y, mean, variance), BAD_ARGUMENT, training,
                    "x", "a tensor", "null", y, mean, variance);
            assertRejected(() -> plan.forwardTraining(closed(BN_INPUT), gamma, beta, y, mean, variance), BAD_STATE,
                    training, "x", "open", "closed", y, mean, variance);
            assertRejected(() -> plan.forwardTraining(x, closed(c), beta, y, mean, variance), BAD_STATE, training,
                    "gamma", "open", "closed", y, mean, variance);
            assertRejected(() -> plan.forwardTraining(x, gamma, null, y, mean, variance), BAD_ARGUMENT, training,
                    "beta", "a tensor", "null", y, mean, variance);
            assertRejected(() -> plan.forwardTraining(x, gamma, beta, closed(BN_INPUT), mean, variance), BAD_STATE,
                    training, "y", "open", "closed", mean, variance);
            assertRejected(() -> plan.forwardTraining(x, gamma, beta, y, null, variance), BAD_ARGUMENT, training,
                    "mean", "a tensor", "null", y, variance);
            assertRejected(() -> plan.forwardTraining(x, gamma, beta, y, mean, closed(c)), BAD_STATE, training,
                    "variance", "open", "closed", y, mean);

            String inference = "batchNorm2d forwardInference";
            Tensor givenMean = input(c);
            Tensor givenVariance = input(c);
            assertRejected(() -> plan.forwardInference(closed(BN_INPUT), gamma, beta, givenMean, givenVariance, y),
                    BAD_STATE, inference, "x", "open", "closed", y);
            assertRejected(() -> plan.forwardInference(x, null, beta, givenMean, givenVariance, y), BAD_ARGUMENT,
                    inference, "gamma", "a tensor", "null", y);
            assertRejected(() -> plan.forwardInference(x, gamma, beta, null, givenVariance, y), BAD_ARGUMENT,
                    inference, "mean", "a tensor", "null", y);
            assertRejected(() -> plan.forwardInference(x, gamma, beta, givenMean, closed(c), y), BAD_STATE,
                    inference, "variance", "open", "closed", y);
            assertRejected(() -> plan.forwardInference(x, gamma, beta, givenMean, givenVariance, null), BAD_ARGUMENT,
                    inference, "y", "a tensor", "null");

            String backward = "batchNorm2d backward";
            Tensor dy = input(BN_INPUT);
            Tensor dx = output(BN_INPUT);
            Tensor dGamma = output(c);
            Tensor dBeta = output(c);
            assertRejected(() -> plan.backward(null, dy, gamma, givenMean, givenVariance, dx, dGamma, dBeta),
                    BAD_ARGUMENT, backward, "x", "a tensor", "null", dx, dGamma, dBeta);
            assertRejected(() -> plan.backward(x, closed(BN_INPUT), gamma, givenMean, givenVariance, dx, dGamma, dBeta),
                    BAD_STATE, backward, "dy", "open", "closed", dx, dGamma, dBeta);
            assertRejected(() -> plan.backward(x, dy, closed(c), givenMean, givenVariance, dx, dGamma, dBeta),
                    BAD_STATE, backward, "gamma", "open", "closed", dx, dGamma, dBeta);
            assertRejected(() -> plan.backward(x, dy, gamma, closed(c), givenVariance, dx, dGamma, dBeta), BAD_STATE,
                    backward, "mean", "open", "closed", dx, dGamma, dBeta);
            assertRejected(() -> plan.backward(x, dy, gamma, givenMean, null, dx, dGamma, dBeta), BAD_ARGUMENT,
                    backward, "variance", "a tensor", "null", dx, dGamma, dBeta);
            assertRejected(() -> plan.backward(x, dy, gamma, givenMean, givenVariance, null, dGamma, dBeta),
                    BAD_ARGUMENT, backward, "dx", "a tensor", "null", dGamma, dBeta);
            assertRejected(() -> plan.backward(x, dy, gamma, givenMean, givenVariance, dx, closed(c), dBeta),
                    BAD_STATE, backward, "dGamma", "open", "closed", dx, dBeta);
            assertRejected(() -> plan.backward(x, dy, gamma, givenMean, givenVariance, dx, dGamma, null),
                    BAD_ARGUMENT, backward, "dBeta", "a tensor", "null", dx, dGamma);
        }
    }

    @Test
    void lrnRejectsClosedAndNullTensors() {
        try (LrnPlan plan = backend.plan(LRN, BN_INPUT)) {
            Tensor x = input(BN_INPUT);
            Tensor y = output(BN_INPUT);
            assertRejected(() -> plan.forward(null, y), BAD_ARGUMENT, "lrn forward", "x", "a tensor", "null", y);
            assertRejected(() -> plan.forward(closed(BN_INPUT), y), BAD_STATE, "lrn forward", "x", "open", "closed", y);
            assertRejected(() -> plan.forward(x, null), BAD_ARGUMENT, "lrn forward", "y", "a tensor", "null");
            assertRejected(() -> plan.forward(x, closed(BN_INPUT)), BAD_STATE, "lrn forward", "y", "open", "closed");
            Tensor dy = input(BN_INPUT);
            Tensor dx = output(BN_INPUT);
            assertRejected(() -> plan.backward(closed(BN_INPUT), dy, dx), BAD_STATE, "lrn backward", "x", "open",
                    "closed", dx);
            assertRejected(() -> plan.backward(x, null, dx), BAD_ARGUMENT, "lrn backward", "dy", "a tensor", "null",
                    dx);
            assertRejected(() -> plan.backward(x, dy, closed(BN_INPUT)), BAD_STATE, "lrn backward", "dx", "open",
                    "closed");
        }
    }

    /** {@code y} of the inference forward may share no memory with the statistics it reads. */
    @Test
    void batchNormInferenceRejectsAnOutputAliasingTheStatistics() {
        try (BatchNorm2dPlan plan = backend.plan(BN, BN_INPUT)) {
            Shape c = BN.parameterShape();
            Tensor x = input(BN_INPUT);
            Tensor gamma = input(c);
            Tensor beta = input(c);
            Tensor y = output(BN_INPUT);
            Tensor meanInY = viewAt(y, 5, c);
            assertRejected(() -> plan.forwardInference(x, gamma, beta, meanInY, input(c), y), BAD_ARGUMENT,
                    "batchNorm2d forwardInference", "y", "disjoint from mean", "overlaps", y);
            Tensor varianceInY = viewAt(y, BN_INPUT.elementCount() - 3, c);
            assertRejected(() -> plan.forwardInference(x, gamma, beta, input(c), varianceInY, y), BAD_ARGUMENT,
                    "batchNorm2d forwardInference", "y", "disjoint from variance", "overlaps", y);
        }
    }

    /**
     * In-place dropout takes the very tensor as {@code x} and {@code y} (and computes it: every element
     * its old value times the mask), but a {@code y} that only partly overlaps {@code x}, or a mask
     * inside {@code x}, is rejected.
     */
    @Test
    void dropoutInPlaceTakesTheSameTensorButRejectsAPartialOverlap() {
        Shape shape = Shape.of(4, 5);
        Tensor[] pair = overlappingPair(shape);
        Tensor mask = output(shape);
        assertRejected(() -> backend.dropout(0.5, 7, pair[0], pair[1], mask), BAD_ARGUMENT, "dropout", "y",
                "disjoint from x", "overlaps", pair[0], pair[1], mask);
        assertRejected(() -> backend.dropout(0.5, 7, pair[0], pair[0], pair[1]), BAD_ARGUMENT, "dropout", "mask",
                "disjoint from x", "overlaps", pair[0], pair[1]);
        float[] before = new float[Math.toIntExact(shape.elementCount())];
        for (int i = 0; i < before.length; i++) {
            before[i] = i + 1;
        }
        Tensor x = input(shape);
        x.copyFrom(before);
        backend.dropout(0.5, 7, x, x, mask);
        float[] after = x.toArray();
        float[] kept = mask.toArray();
        for (int i = 0; i < before.length; i++) {
            assertThat(kept[i]).as("dropout(0.5, 7, x, x, mask) in place: mask[%d]", i).isIn(0f, 2f);
            assertThat(after[i]).as("dropout(0.5, 7, x, x, mask) in place: y[%d] = x * mask", i)
                    .isEqualTo(before[i] * kept[i]);
        }
    }

    // ---- Tensor --------------------------------------------------------------------------------

    @Test
    void tensorOfAndCopyFromRejectWrongValueCounts() {
        assertRejected(() -> Tensor.of(Shape.of(2, 3), 1f, 2f, 3f, 4f, 5f), BAD_ARGUMENT, "Tensor.of", "values",
                "expected 6", "got 5");
        assertRejected(() -> Tensor.of(Shape.of(2), (float[]) null), IllegalArgumentException.class, "Tensor.of", "values",
                "an array", "null");
        Tensor t = output(Shape.of(2, 3));
        assertRejected(() -> t.copyFrom(new float[7]), BAD_ARGUMENT, "Tensor.copyFrom", "values", "expected 6",
                "got 7", t);
        assertRejected(() -> closed(Shape.of(2)).copyFrom(new float[2]), BAD_STATE, "Tensor.copyFrom", "tensor",
                "open", "closed");
    }

    @Test
    void tensorWrapRejectsUnsuitableMemory() {
        assertRejected(() -> Tensor.wrap(MemorySegment.ofArray(new float[6]), Shape.of(6)), BAD_ARGUMENT,
                "Tensor.wrap", "segment", "native", "heap");
        MemorySegment small = arena.allocate(20, 4);
        assertRejected(() -> Tensor.wrap(small, Shape.of(2, 3)), BAD_ARGUMENT, "Tensor.wrap", "segment", "24 bytes",
                "got 20");
        MemorySegment odd = arena.allocate(32, 4).asSlice(1);
        assertRejected(() -> Tensor.wrap(odd, Shape.of(2)), BAD_ARGUMENT, "Tensor.wrap", "segment", "aligned to 4",
                "0x" + Long.toHexString(odd.address()));
        MemorySegment readOnly = arena.allocate(24, 4).asReadOnly();
        assertRejected(() -> Tensor.wrap(readOnly, Shape.of(6)), BAD_ARGUMENT, "Tensor.wrap", "segment", "writable",
                "read-only");
        try (Arena confined = Arena.ofConfined()) {
            MemorySegment mine = confined.allocate(24, 4);
            assertRejected(() -> Tensor.wrap(mine, Shape.of(6)), BAD_ARGUMENT, "Tensor.wrap", "segment",
                    "every thread", "confined to one thread");
            assertRejected(() -> Tensor.allocate(Shape.of(6), confined), BAD_ARGUMENT, "Tensor.allocate", "arena",
                    "every thread", "confined to one thread");
        }
    }

    @Test
    void tensorReshapeRejectsOtherElementCountsAndClosedTensors() {
        Tensor t = input(2, 3);
        assertRejected(() -> t.reshape(Shape.of(7)), BAD_ARGUMENT, "Tensor.reshape", "shape", "6 elements", "[7]");
        assertRejected(() -> closed(Shape.of(2, 3)).reshape(Shape.of(6)), BAD_STATE, "Tensor.reshape", "tensor",
                "open", "closed");
    }

    /**
     * An NHWC tensor reshaped to its own shape stays NHWC and flattened to rank 2 is row-major over
     * its memory order (features in h, w, c order); to another rank-4 shape it is refused, pointing
     * at {@code reorder}.
     */
    @Test
    void nhwcReshapeKeepsItsShapeOrFlattensAndRefusesAnotherRankFourShape() {
        Shape shape = Shape.nchw(2, 3, 2, 2);
        Tensor nhwc = output(shape, Layout.NHWC);
        float[] memory = new float[Math.toIntExact(shape.elementCount())];
        for (int i = 0; i < memory.length; i++) {
            memory[i] = i;
        }
        nhwc.copyFrom(memory);
        Tensor same = nhwc.reshape(shape);
        assertThat(same.layout()).as("layout of an NHWC tensor reshaped to its own shape").isEqualTo(Layout.NHWC);
        assertThat(same.get(1, 2, 0, 1)).as("element (1, 2, 0, 1) of the view").isEqualTo(nhwc.get(1, 2, 0, 1));
        Tensor flat = nhwc.reshape(Shape.of(2, 12));
        assertThat(flat.layout()).as("layout of an NHWC tensor flattened to rank 2").isEqualTo(Layout.NCHW);
        assertThat(flat.toArray()).as("a flattened NHWC tensor, in memory order").containsExactly(memory);
        assertThat(flat.get(1, 5)).as("image 1, h 0, w 1, c 2").isEqualTo(nhwc.get(1, 2, 0, 1));
        for (Shape other : new Shape[] {Shape.nchw(2, 2, 3, 2), Shape.nchw(2, 12, 1, 1), Shape.nchw(1, 3, 4, 2)}) {
            assertRejected(() -> nhwc.reshape(other), BAD_ARGUMENT, "Tensor.reshape", "shape", shape.toString(),
                    other.toString(), nhwc);
            assertThat(catchThrowable(() -> nhwc.reshape(other))).as("reshape of NHWC %s to %s", shape, other)
                    .hasMessageContaining("reorder");
        }
    }

    @Test
    void tensorGetAndSetRejectBadIndicesAndClosedTensors() {
        Tensor t = output(Shape.of(2, 3));
        assertRejected(() -> t.get(1), BAD_ARGUMENT, "Tensor.get", "index", "2 indices", "got 1");
        assertRejected(() -> t.set(1f, 0, 0, 0), BAD_ARGUMENT, "Tensor.set", "index", "2 indices", "got 3", t);
        assertRejected(() -> t.get(0, 3), IndexOutOfBoundsException.class, "Tensor.get", "index[1]", "0..2", "got 3");
        assertRejected(() -> t.set(1f, -1, 0), IndexOutOfBoundsException.class, "Tensor.set", "index[0]", "0..1",
                "got -1", t);
        assertRejected(() -> closed(Shape.of(2, 3)).get(0, 0), BAD_STATE, "Tensor.get", "tensor", "open", "closed");
        assertRejected(() -> closed(Shape.of(2, 3)).set(1f, 0, 0), BAD_STATE, "Tensor.set", "tensor", "open",
                "closed");
    }
}
