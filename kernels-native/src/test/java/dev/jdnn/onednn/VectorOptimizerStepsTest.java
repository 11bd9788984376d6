package dev.jdnn.onednn;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link VectorOptimizerSteps#sgd} against the scalar loop of {@link JavaTrainingSteps#sgd} written
 * out here: the same bits for every element, with and without momentum, at lengths with no whole
 * vector, whole vectors only, and whole vectors plus a tail (so that a JVM with or without the
 * Vector module trains the same weights). {@link VectorOptimizerSteps#adam} bit for bit against its
 * own fused arithmetic per element: it is split into a whole-vector loop and a tail of three
 * methods so that C1 compiles every part, and the split must not change a bit.
 */
class VectorOptimizerStepsTest {
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT;
    private static final float LR = 0.01f;
    private static final float MOMENTUM = 0.9f;
    private static final float DECAY = 5e-4f;

    @ParameterizedTest
    @ValueSource(ints = {1, 7, 16, 64, 100, 1003})
    void sgdWithMomentumGivesTheScalarLoopsBits(int count) {
        try (Arena arena = Arena.ofConfined()) {
            Random random = new Random(count);
            float[] w = floats(random, count);
            float[] g = floats(random, count);
            float[] v = floats(random, count);
            MemorySegment ws = segment(arena, w);
            MemorySegment gs = segment(arena, g);
            MemorySegment vs = segment(arena, v);
            MemorySegment scalarW = segment(arena, w);
            MemorySegment scalarV = segment(arena, v);
            for (int step = 0; step < 2; step++) {
                VectorOptimizerSteps.sgd(ws, gs, vs, count, LR, MOMENTUM, DECAY);
                JavaTrainingSteps.sgdScalar(scalarW, gs, scalarV, count, LR, MOMENTUM, DECAY);
            }
            assertThat(vs.toArray(F)).as("velocity").containsExactly(scalarV.toArray(F));
            assertThat(ws.toArray(F)).as("weights").containsExactly(scalarW.toArray(F));
            assertThat(gs.toArray(F)).as("gradient, read only").containsExactly(g);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 15, 32, 1003})
    void sgdWithoutMomentumGivesTheScalarLoopsBits(int count) {
        try (Arena arena = Arena.ofConfined()) {
            Random random = new Random(-count);
            float[] w = floats(random, count);
            float[] g = floats(random, count);
            MemorySegment ws = segment(arena, w);
            MemorySegment gs = segment(arena, g);
            MemorySegment scalarW = segment(arena, w);
            VectorOptimizerSteps.sgd(ws, gs, null, count, LR, 0f, DECAY);
            JavaTrainingSteps.sgdScalar(scalarW, gs, null, count, LR, 0f, DECAY);
            assertThat(ws.toArray(F)).containsExactly(scalarW.toArray(F));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 15, 16, 17, 33, 64, 150, 1003, 1024, 2100, 4096})
    void adamGivesTheBitsOfItsArithmeticPerElement(int count) {
        float stepSize = LR / (1 - 0.9f * 0.9f);
        float invCorrection2Sqrt = (float) (1 / Math.sqrt(1 - Math.pow(0.999, 2)));
        float beta1 = 0.9f;
        float beta2 = 0.999f;
        float eps = 1e-8f;
        Random random = new Random(31L * count);
        float[] w = floats(random, count);
        float[] g = floats(random, count);
        float[] m = floats(random, count);
        float[] v = floats(random, count);
        for (int i = 0; i < count; i++) {
            v[i] = Math.abs(v[i]);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ws = segment(arena, w);
            MemorySegment ms = segment(arena, m);
            MemorySegment vs = segment(arena, v);
            VectorOptimizerSteps.adam(ws, segment(arena, g), ms, vs, count, stepSize, invCorrection2Sqrt, beta1, beta2,
                    eps, DECAY);
            for (int i = 0; i < count; i++) {
                // Each lane of a vector fma, sqrt and division is one IEEE operation: the same bits.
                float gi = Math.fma(w[i], DECAY, g[i]);
                float mi = Math.fma(m[i], beta1, gi * (1f - beta1));
                float vi = Math.fma(v[i], beta2, gi * gi * (1f - beta2));
                float wi = w[i] - mi * stepSize / Math.fma((float) Math.sqrt(vi), invCorrection2Sqrt, eps);
                assertThat(new int[] {bits(ms, i), bits(vs, i), bits(ws, i)}).as("m, v, w [%d] of %d", i, count)
                        .containsExactly(Float.floatToRawIntBits(mi), Float.floatToRawIntBits(vi),
                                Float.floatToRawIntBits(wi));
            }
        }
    }

    private static int bits(MemorySegment s, int i) {
        return Float.floatToRawIntBits(s.getAtIndex(F, i));
    }

    private static float[] floats(Random random, int count) {
        float[] a = new float[count];
        for (int i = 0; i < count; i++) {
            a[i] = (float) random.nextGaussian();
        }
        return a;
    }

    private static MemorySegment segment(Arena arena, float[] values) {
        // Exactly the data's size: a masked tail that reached past the count would throw.
        MemorySegment s = arena.allocate((long) values.length * Float.BYTES, 64);
        MemorySegment.copy(values, 0, s, F, 0, values.length);
        return s;
    }
}
