package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

class VectorExpTest {
    private static final int LANES = VectorWidth.SPECIES.length();

    private static float[] exp(float[] x) {
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i += LANES) {
            VectorExp.exp(FloatVector.fromArray(VectorWidth.SPECIES, x, i)).intoArray(out, i);
        }
        return out;
    }

    /** Distance in units in the last place, counting subnormal steps as ulps too. */
    private static long ulps(float actual, float expected) {
        return Math.abs((long) Float.floatToIntBits(actual) - Float.floatToIntBits(expected));
    }

    @Test
    void isWithinTwoUlpOfMathExpOnAMillionValuesAcrossTheFloatRange() {
        int count = 1 << 20;
        float[] x = new float[count];
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < count; i++) {
            x[i] = (float) (random.nextDouble() * 220 - 110);
        }
        float[] special = {88f, 88.72f, 88.7228f, -88f, -87.33f, -88.72f, 104f, -104f, -103.97f, -100f, -95f, 0f, -0f,
            Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, 1e-30f, -1e-30f, 1e-7f, 0.3465736f, -0.3465736f,
            Float.MAX_VALUE, -Float.MAX_VALUE};
        System.arraycopy(special, 0, x, 0, special.length);
        float[] actual = exp(x);
        long worst = 0;
        for (int i = 0; i < count; i++) {
            float expected = (float) Math.exp(x[i]);
            long distance = ulps(actual[i], expected);
            assertThat(distance).as("exp(%s) = %s, Math.exp gives %s", x[i], actual[i], expected).isLessThanOrEqualTo(2);
            worst = Math.max(worst, distance);
        }
        assertThat(worst).isLessThanOrEqualTo(2);
    }

    @Test
    void givesNaNForNaNAndTheLimitsForInfinities() {
        float[] x = new float[Math.max(LANES, 4)];
        x[0] = Float.NaN;
        x[1] = Float.POSITIVE_INFINITY;
        x[2] = Float.NEGATIVE_INFINITY;
        x[3] = 89f;
        float[] actual = exp(x);
        assertThat(actual[0]).isNaN();
        assertThat(actual[1]).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(actual[2]).isEqualTo(0f);
        assertThat(actual[3]).isEqualTo(Float.POSITIVE_INFINITY);
    }
}
