package dev.jdnn.onednn;

import dev.jdnn.Backend;
import dev.jdnn.BackendConfig;
import dev.jdnn.Backends;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The softmax family against a double-precision reference where oneDNN alone is not accurate
 * enough: long rows (it sums in float; a row of {@code 2^24 + 17} values in {@code [-1, 1]} came out
 * 1.3e-3 relative off) and log-softmax of logits in {@code [-120, 120]} (its log is about 1e-6 off
 * near 0).
 */
class SoftmaxAccuracyTest {
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT;
    private static final double U = 0x1p-24;
    private static Backend onednn;

    @BeforeAll
    static void open() {
        onednn = Backends.open("onednn", new BackendConfig(1));
    }

    @AfterAll
    static void close() {
        onednn.close();
    }

    @Test
    void softmaxAndLogSoftmaxOverARowOf2To24Plus17ValuesAreAccurateToAFewUlps() {
        int columns = (1 << 24) + 17;
        Shape shape = Shape.of(1, columns);
        try (Arena arena = Arena.ofShared()) {
            Tensor x = Tensor.allocate(shape, arena);
            MemorySegment xs = x.segment();
            Random random = new Random(7);
            for (int i = 0; i < columns; i++) {
                xs.setAtIndex(F, i, random.nextFloat() * 2 - 1);
            }
            xs.setAtIndex(F, 0, (float) Math.log(columns));
            double max = 0;
            for (int i = 0; i < columns; i++) {
                max = Math.max(max, xs.getAtIndex(F, i));
            }
            double sum = 0;
            for (int i = 0; i < columns; i++) {
                sum += Math.exp(xs.getAtIndex(F, i) - max);
            }
            Tensor p = Tensor.allocate(shape, arena);
            Tensor logp = Tensor.allocate(shape, arena);
            onednn.softmax(x, p);
            onednn.logSoftmax(x, logp);
            double worstRelative = 0;
            double worstLogExcess = 0;
            for (int i = 0; i < columns; i++) {
                double shifted = xs.getAtIndex(F, i) - max;
                double exact = Math.exp(shifted) / sum;
                worstRelative = Math.max(worstRelative, Math.abs(p.segment().getAtIndex(F, i) - exact) / exact);
                double exactLog = shifted - Math.log(sum);
                double logError = Math.abs(logp.segment().getAtIndex(F, i) - exactLog);
                worstLogExcess = Math.max(worstLogExcess, logError - 2 * U * Math.abs(exactLog));
            }
            assertThat(worstRelative).as("worst relative error of a probability").isLessThan(4 * U);
            assertThat(worstLogExcess).as("worst log-probability error beyond 2 ulps").isLessThan(1e-7);
        }
    }

    @Test
    void softmaxBackwardOverALongRowMatchesTheDoubleReference() {
        int columns = (1 << 22) + 17;
        Shape shape = Shape.of(1, columns);
        try (Arena arena = Arena.ofShared()) {
            Tensor p = Tensor.allocate(shape, arena);
            Tensor dy = Tensor.allocate(shape, arena);
            Random random = new Random(9);
            for (int i = 0; i < columns; i++) {
                p.segment().setAtIndex(F, i, 1f / columns);
                dy.segment().setAtIndex(F, i, random.nextFloat());
            }
            double dot = 0;
            double magnitude = 0;
            for (int i = 0; i < columns; i++) {
                dot += (double) p.segment().getAtIndex(F, i) * dy.segment().getAtIndex(F, i);
            }
            Tensor dx = Tensor.allocate(shape, arena);
            onednn.softmaxBackward(p, dy, dx);
            double worst = 0;
            for (int i = 0; i < columns; i++) {
                double pi = p.segment().getAtIndex(F, i);
                double g = dy.segment().getAtIndex(F, i);
                double exact = pi * (g - dot);
                magnitude = Math.max(magnitude, pi * (Math.abs(g) + Math.abs(dot)));
                worst = Math.max(worst, Math.abs(dx.segment().getAtIndex(F, i) - exact));
            }
            assertThat(worst).as("worst absolute error").isLessThan(4 * U * magnitude);
        }
    }

    @Test
    void logSoftmaxOfLogitsWithin120IsAccurateNearZero() {
        int rows = 256;
        int classes = 10;
        Shape shape = Shape.of(rows, classes);
        try (Arena arena = Arena.ofShared()) {
            Tensor x = Tensor.allocate(shape, arena);
            Random random = new Random(11);
            float[] values = new float[rows * classes];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextFloat() * 240 - 120;
            }
            System.arraycopy(new float[] {120f, 111.3f, -120f, 0f, 3f, -7f, 119.9f - 11f, 1f, 2f, -3f}, 0, values, 0,
                    classes);
            x.copyFrom(values);
            Tensor y = Tensor.allocate(shape, arena);
            onednn.logSoftmax(x, y);
            float[] actual = y.toArray();
            double worstExcess = 0;
            for (int r = 0; r < rows; r++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < classes; c++) {
                    max = Math.max(max, values[r * classes + c]);
                }
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    sum += Math.exp(values[r * classes + c] - max);
                }
                for (int c = 0; c < classes; c++) {
                    double exact = values[r * classes + c] - max - Math.log(sum);
                    worstExcess = Math.max(worstExcess,
                            Math.abs(actual[r * classes + c] - exact) - 2 * U * Math.abs(exact));
                }
            }
            assertThat(worstExcess).as("worst error beyond 2 ulps of the result").isLessThan(2.5e-7);
        }
    }
}
