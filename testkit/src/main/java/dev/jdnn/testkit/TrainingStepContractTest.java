package dev.jdnn.testkit;

import static dev.jdnn.testkit.Rejection.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.jdnn.Backend;
import dev.jdnn.Backends;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.SplittableRandom;

/**
 * The training-step ops of issue #14 ({@code dropout}, {@code dropoutBackward}, {@code add},
 * {@code sgdUpdate}, {@code adaGradUpdate}, {@code adamUpdate}) in a backend against {@code naive}:
 * dropout masks and outputs and {@code add} bit for bit, optimiser updates within float rounding
 * of naive's double arithmetic, at lengths that exercise every vector tail (1, 15, 17, 33 and
 * 1000003 elements), in-place calls, and the rejection of every bad argument with nothing
 * written. Each backend module runs it through a subclass naming the backend.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TrainingStepContractTest {
    private static final int[] LENGTHS = {1, 15, 17, 33, 1_000_003};
    /** Float rounding of a handful of float operations, against naive's double evaluation. */
    private static final double UPDATE_TOLERANCE = 2e-6;

    private Backend tested;
    private Backend naive;

    /** Creates the suite; subclasses name the backend under test. */
    protected TrainingStepContractTest() {
    }

    /** The name of the backend under test, as {@link Backends#open(String)} knows it. */
    protected abstract String backendName();

    @BeforeAll
    void openBackends() {
        tested = Backends.open(backendName());
        naive = Backends.open("naive");
    }

    @AfterAll
    void closeBackends() {
        if (tested != null) {
            tested.close();
        }
        if (naive != null) {
            naive.close();
        }
    }

    private static Tensor random(int length, long seed, double low, double high) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[length];
        for (int i = 0; i < length; i++) {
            values[i] = (float) (low + (high - low) * random.nextDouble());
        }
        Tensor t = Tensor.allocate(Shape.of(length));
        t.copyFrom(values);
        return t;
    }

    private static Tensor copy(Tensor t) {
        Tensor c = Tensor.allocate(t.shape());
        c.copyFrom(t.toArray());
        return c;
    }

    private static void assertBitIdentical(String what, Tensor actual, Tensor expected) {
        float[] a = actual.toArray();
        float[] e = expected.toArray();
        for (int i = 0; i < a.length; i++) {
            if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(e[i])) {
                throw new AssertionError(what + " [" + i + "] of " + a.length + ": expected " + e[i] + " (naive), got "
                        + a[i]);
            }
        }
    }

    private static void assertClose(String what, Tensor actual, Tensor expected) {
        float[] a = actual.toArray();
        float[] e = expected.toArray();
        for (int i = 0; i < a.length; i++) {
            if (!(Math.abs(a[i] - e[i]) <= UPDATE_TOLERANCE * (1 + Math.abs(e[i])))) {
                throw new AssertionError(what + " [" + i + "] of " + a.length + ": expected " + e[i]
                        + " (naive) within " + UPDATE_TOLERANCE + " relative, got " + a[i]);
            }
        }
    }

    @Test
    void dropoutMaskAndOutputAreBitIdenticalToNaive() {
        for (int length : LENGTHS) {
            for (double p : new double[] {0, 0.1, 0.5, 0.875}) {
                long seed = 7919L * length + (long) (p * 1000);
                try (Tensor x = random(length, seed, -2, 2);
                     Tensor y = Tensor.allocate(x.shape()); Tensor mask = Tensor.allocate(x.shape());
                     Tensor yRef = Tensor.allocate(x.shape()); Tensor maskRef = Tensor.allocate(x.shape())) {
                    tested.dropout(p, seed, x, y, mask);
                    naive.dropout(p, seed, x, yRef, maskRef);
                    assertBitIdentical("dropout mask, p " + p + ", length " + length, mask, maskRef);
                    assertBitIdentical("dropout y, p " + p + ", length " + length, y, yRef);
                }
            }
        }
    }

    @Test
    void dropoutKeepsAboutOneMinusPOfTheElements() {
        int length = 1_000_003;
        try (Tensor x = random(length, 3, 1, 2); Tensor y = Tensor.allocate(x.shape());
             Tensor mask = Tensor.allocate(x.shape())) {
            tested.dropout(0.3, 42, x, y, mask);
            long kept = 0;
            for (float m : mask.toArray()) {
                assertThat(m).isIn(0f, (float) (1 / 0.7));
                kept += m == 0f ? 0 : 1;
            }
            // Binomial(1000003, 0.7): standard deviation 458; five of them.
            assertThat((double) kept).isCloseTo(0.7 * length, offset(5 * 458.0));
        }
    }

    @Test
    void dropoutInPlaceEqualsDropoutIntoAnotherTensor() {
        for (int length : LENGTHS) {
            try (Tensor x = random(length, length, -1, 1); Tensor y = Tensor.allocate(x.shape());
                 Tensor mask = Tensor.allocate(x.shape()); Tensor inPlaceMask = Tensor.allocate(x.shape())) {
                tested.dropout(0.25, 11, x, y, mask);
                tested.dropout(0.25, 11, x, x, inPlaceMask);
                assertBitIdentical("in-place dropout, length " + length, x, y);
                assertBitIdentical("in-place dropout mask, length " + length, inPlaceMask, mask);
            }
        }
    }

    @Test
    void dropoutBackwardAndAddAreBitIdenticalToNaive() {
        for (int length : LENGTHS) {
            try (Tensor x = random(length, 5, -1, 1); Tensor dy = random(length, 6, -1, 1);
                 Tensor mask = Tensor.allocate(x.shape()); Tensor y = Tensor.allocate(x.shape());
                 Tensor dx = Tensor.allocate(x.shape()); Tensor dxRef = Tensor.allocate(x.shape());
                 Tensor sum = Tensor.allocate(x.shape()); Tensor sumRef = Tensor.allocate(x.shape())) {
                naive.dropout(0.5, 1, x, y, mask);
                tested.dropoutBackward(mask, dy, dx);
                naive.dropoutBackward(mask, dy, dxRef);
                assertBitIdentical("dropoutBackward dx, length " + length, dx, dxRef);
                tested.add(x, dy, sum);
                naive.add(x, dy, sumRef);
                assertBitIdentical("add y, length " + length, sum, sumRef);
            }
        }
    }

    @Test
    void addInPlaceIntoEitherInput() {
        for (int length : LENGTHS) {
            try (Tensor a = random(length, 8, -1, 1); Tensor b = random(length, 9, -1, 1);
                 Tensor expected = Tensor.allocate(a.shape()); Tensor left = copy(a); Tensor right = copy(b)) {
                naive.add(a, b, expected);
                tested.add(left, b, left);
                assertBitIdentical("add(a, b, a), length " + length, left, expected);
                tested.add(a, right, right);
                assertBitIdentical("add(a, b, b), length " + length, right, expected);
            }
        }
    }

    @Test
    void sgdUpdateMatchesNaive() {
        for (int length : LENGTHS) {
            try (Tensor w = random(length, 1, -1, 1); Tensor g = random(length, 2, -1, 1);
                 Tensor v = random(length, 3, -0.5, 0.5); Tensor wRef = copy(w); Tensor vRef = copy(v);
                 Tensor plainW = copy(w); Tensor plainRef = copy(w)) {
                tested.sgdUpdate(w, g, v, 0.05f, 0.9f, 1e-3f);
                naive.sgdUpdate(wRef, g, vRef, 0.05f, 0.9f, 1e-3f);
                assertClose("sgd w, length " + length, w, wRef);
                assertClose("sgd velocity, length " + length, v, vRef);
                tested.sgdUpdate(plainW, g, null, 0.1f, 0f, 0f);
                naive.sgdUpdate(plainRef, g, null, 0.1f, 0f, 0f);
                assertClose("sgd without momentum w, length " + length, plainW, plainRef);
            }
        }
    }

    @Test
    void adaGradUpdateMatchesNaive() {
        for (int length : LENGTHS) {
            try (Tensor w = random(length, 1, -1, 1); Tensor g = random(length, 2, -1, 1);
                 Tensor s = random(length, 3, 0, 0.5); Tensor wRef = copy(w); Tensor sRef = copy(s)) {
                for (int step = 0; step < 3; step++) {
                    tested.adaGradUpdate(w, g, s, 0.01f, 1e-4f, 1e-10f);
                    naive.adaGradUpdate(wRef, g, sRef, 0.01f, 1e-4f, 1e-10f);
                }
                assertClose("adagrad w, length " + length, w, wRef);
                assertClose("adagrad sumSquares, length " + length, s, sRef);
            }
        }
    }

    @Test
    void adamUpdateMatchesNaive() {
        for (int length : LENGTHS) {
            for (int step : new int[] {1, 7}) {
                try (Tensor w = random(length, 1, -1, 1); Tensor g = random(length, 2, -1, 1);
                     Tensor m = random(length, 3, -0.1, 0.1); Tensor v = random(length, 4, 0, 0.01);
                     Tensor wRef = copy(w); Tensor mRef = copy(m); Tensor vRef = copy(v)) {
                    tested.adamUpdate(w, g, m, v, step, 1e-3f, 0.9f, 0.999f, 1e-8f, 5e-4f);
                    naive.adamUpdate(wRef, g, mRef, vRef, step, 1e-3f, 0.9f, 0.999f, 1e-8f, 5e-4f);
                    assertClose("adam w, step " + step + ", length " + length, w, wRef);
                    assertClose("adam m, step " + step + ", length " + length, m, mRef);
                    assertClose("adam v, step " + step + ", length " + length, v, vRef);
                }
            }
        }
    }

    @Test
    void rejectsEveryBadArgumentAndWritesNothing() {
        Shape shape = Shape.of(2, 3);
        try (Tensor x = Tensor.allocate(shape); Tensor y = Tensor.allocate(shape); Tensor mask = Tensor.allocate(shape);
             Tensor w = Tensor.allocate(shape); Tensor g = Tensor.allocate(shape); Tensor s = Tensor.allocate(shape);
             Tensor m = Tensor.allocate(shape); Tensor wrong = Tensor.allocate(Shape.of(3, 2))) {
            x.fill(1);
            w.fill(0.5f);
            g.fill(0.25f);
            Class<IllegalArgumentException> bad = IllegalArgumentException.class;
            assertRejected(() -> tested.dropout(1.0, 1, x, y, mask), bad, "dropout", "p", "[0, 1)", "1.0", y, mask);
            assertRejected(() -> tested.dropout(-0.1, 1, x, y, mask), bad, "dropout", "p", "[0, 1)", "-0.1", y, mask);
            assertRejected(() -> tested.dropout(Double.NaN, 1, x, y, mask), bad, "dropout", "p", "[0, 1)", "NaN", y,
                    mask);
            assertRejected(() -> tested.dropout(0.5, 1, x, wrong, mask), bad, "dropout", "y", "[2, 3]", "[3, 2]",
                    mask);
            assertRejected(() -> tested.dropout(0.5, 1, x, y, wrong), bad, "dropout", "mask", "[2, 3]", "[3, 2]", y);
            assertRejected(() -> tested.dropout(0.5, 1, x, y, x), bad, "dropout", "mask", "disjoint", "overlaps",
                    x, y);
            assertRejected(() -> tested.dropout(0.5, 1, x, y, y), bad, "dropout", "mask", "disjoint", "overlaps",
                    x, y);
            assertRejected(() -> tested.dropoutBackward(mask, g, wrong), bad, "dropoutBackward", "dx", "[2, 3]",
                    "[3, 2]", wrong);
            assertRejected(() -> tested.dropoutBackward(mask, g, g), bad, "dropoutBackward", "dx", "disjoint",
                    "overlaps", g);
            assertRejected(() -> tested.add(x, wrong, y), bad, "add", "b", "[2, 3]", "[3, 2]", y);
            assertRejected(() -> tested.add(x, g, wrong), bad, "add", "y", "[2, 3]", "[3, 2]", wrong);
            // The very same memory (x itself, or a reshape view of all of it) is an in-place add, allowed;
            // a view that starts one element in overlaps x without being it.
            try (Tensor base = Tensor.allocate(Shape.of(7))) {
                base.fill(1);
                Tensor first = Tensor.wrap(base.segment(), shape);
                Tensor shifted = Tensor.wrap(base.segment().asSlice(Float.BYTES), shape);
                assertRejected(() -> tested.add(first, g, shifted), bad, "add", "y", "disjoint", "overlaps", base);
            }

            assertRejected(() -> tested.sgdUpdate(w, wrong, s, 0.1f, 0.9f, 0f), bad, "sgdUpdate", "g", "[2, 3]",
                    "[3, 2]", w, s);
            assertRejected(() -> tested.sgdUpdate(w, g, wrong, 0.1f, 0.9f, 0f), bad, "sgdUpdate", "velocity",
                    "[2, 3]", "[3, 2]", w, wrong);
            assertRejected(() -> tested.sgdUpdate(w, g, null, 0.1f, 0.9f, 0f), bad, "sgdUpdate", "velocity",
                    "[2, 3]", "null", w);
            assertRejected(() -> tested.sgdUpdate(w, g, s, -0.1f, 0.9f, 0f), bad, "sgdUpdate", "lr", ">= 0", "-0.1",
                    w, s);
            assertRejected(() -> tested.sgdUpdate(w, g, s, Float.NaN, 0.9f, 0f), bad, "sgdUpdate", "lr", ">= 0",
                    "NaN", w, s);
            assertRejected(() -> tested.sgdUpdate(w, g, s, 0.1f, -0.5f, 0f), bad, "sgdUpdate", "momentum", ">= 0",
                    "-0.5", w, s);
            assertRejected(() -> tested.sgdUpdate(w, g, s, 0.1f, 0.9f, Float.POSITIVE_INFINITY), bad, "sgdUpdate",
                    "weightDecay", "finite", "Infinity", w, s);
            assertRejected(() -> tested.sgdUpdate(w, g, g, 0.1f, 0.9f, 0f), bad, "sgdUpdate", "velocity",
                    "disjoint", "overlaps", w, g);

            assertRejected(() -> tested.adaGradUpdate(w, g, wrong, 0.1f, 0f, 1e-10f), bad, "adaGradUpdate",
                    "sumSquares", "[2, 3]", "[3, 2]", w, wrong);
            assertRejected(() -> tested.adaGradUpdate(w, g, s, 0.1f, -1f, 1e-10f), bad, "adaGradUpdate",
                    "weightDecay", ">= 0", "-1.0", w, s);
            assertRejected(() -> tested.adaGradUpdate(w, g, s, 0.1f, 0f, -1e-10f), bad, "adaGradUpdate", "eps",
                    ">= 0", "-1.0", w, s);
            assertRejected(() -> tested.adaGradUpdate(w, w, s, 0.1f, 0f, 1e-10f), bad, "adaGradUpdate", "g",
                    "disjoint", "overlaps", w, s);

            assertRejected(() -> tested.adamUpdate(w, g, m, s, 0, 1e-3f, 0.9f, 0.999f, 1e-8f, 0f), bad,
                    "adamUpdate", "step", ">= 1", "0", w, m, s);
            assertRejected(() -> tested.adamUpdate(w, g, wrong, s, 1, 1e-3f, 0.9f, 0.999f, 1e-8f, 0f), bad,
                    "adamUpdate", "m", "[2, 3]", "[3, 2]", w, wrong, s);
            assertRejected(() -> tested.adamUpdate(w, g, m, wrong, 1, 1e-3f, 0.9f, 0.999f, 1e-8f, 0f), bad,
                    "adamUpdate", "v", "[2, 3]", "[3, 2]", w, m, wrong);
            assertRejected(() -> tested.adamUpdate(w, g, m, m, 1, 1e-3f, 0.9f, 0.999f, 1e-8f, 0f), bad,
                    "adamUpdate", "v", "disjoint", "overlaps", w, m);
            assertRejected(() -> tested.adamUpdate(w, g, m, s, 1, 1e-3f, 1f, 0.999f, 1e-8f, 0f), bad,
                    "adamUpdate", "beta1", "[0, 1)", "1.0", w, m, s);
            assertRejected(() -> tested.adamUpdate(w, g, m, s, 1, 1e-3f, 0.9f, -0.5f, 1e-8f, 0f), bad,
                    "adamUpdate", "beta2", "[0, 1)", "-0.5", w, m, s);
            assertRejected(() -> tested.adamUpdate(w, g, m, s, 1, Float.NaN, 0.9f, 0.999f, 1e-8f, 0f), bad,
                    "adamUpdate", "lr", ">= 0", "NaN", w, m, s);
            assertRejected(() -> tested.adamUpdate(w, g, m, s, 1, 1e-3f, 0.9f, 0.999f, Float.NaN, 0f), bad,
                    "adamUpdate", "eps", ">= 0", "NaN", w, m, s);
            assertRejected(() -> tested.adamUpdate(w, g, m, s, 1, 1e-3f, 0.9f, 0.999f, 1e-8f, -1f), bad,
                    "adamUpdate", "weightDecay", ">= 0", "-1.0", w, m, s);
        }
    }
}
