package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link TrainingStepKernels#adam} bit for bit against its arithmetic written out per element
 * (each lane of a fused multiply-add, square root and division is one IEEE operation, so the
 * scalar {@code Math.fma} chain gives the same bits): Adam is split into a whole-vector loop and a
 * tail of three methods so that C1 compiles every part, and the split must not change a bit. Lengths
 * with no whole vector, whole vectors only and both, at every width CI runs.
 */
class TrainingStepKernelsAdamTest {
    private static final ValueLayout.OfFloat F = ValueLayout.JAVA_FLOAT;
    private static final float STEP_SIZE = 1e-3f / (1 - 0.9f * 0.9f * 0.9f);
    private static final float INV_CORRECTION2_SQRT = (float) (1 / Math.sqrt(1 - Math.pow(0.999, 3)));
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-8f;
    private static final float DECAY = 5e-4f;

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 8, 15, 16, 17, 31, 32, 33, 64, 150, 1003, 1024, 2100, 4096})
    void givesTheBitsOfItsArithmeticPerElement(int count) {
        Random random = new Random(count);
        float[] w = gaussian(random, count);
        float[] g = gaussian(random, count);
        float[] m = gaussian(random, count);
        float[] v = gaussian(random, count);
        for (int i = 0; i < count; i++) {
            v[i] *= v[i];
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ws = segment(arena, w);
            MemorySegment ms = segment(arena, m);
            MemorySegment vs = segment(arena, v);
            TrainingStepKernels.adam(ws, segment(arena, g), ms, vs, count, STEP_SIZE, INV_CORRECTION2_SQRT, BETA1,
                    BETA2, EPS, DECAY);
            for (int i = 0; i < count; i++) {
                float gi = Math.fma(w[i], DECAY, g[i]);
                float mi = Math.fma(m[i], BETA1, gi * (1f - BETA1));
                float vi = Math.fma(v[i], BETA2, gi * gi * (1f - BETA2));
                float wi = w[i] - mi * STEP_SIZE / Math.fma((float) Math.sqrt(vi), INV_CORRECTION2_SQRT, EPS);
                assertThat(Float.floatToRawIntBits(ms.getAtIndex(F, i))).as("m[%d] of %d", i, count)
                        .isEqualTo(Float.floatToRawIntBits(mi));
                assertThat(Float.floatToRawIntBits(vs.getAtIndex(F, i))).as("v[%d] of %d", i, count)
                        .isEqualTo(Float.floatToRawIntBits(vi));
                assertThat(Float.floatToRawIntBits(ws.getAtIndex(F, i))).as("w[%d] of %d", i, count)
                        .isEqualTo(Float.floatToRawIntBits(wi));
            }
        }
    }

    private static float[] gaussian(Random random, int count) {
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
