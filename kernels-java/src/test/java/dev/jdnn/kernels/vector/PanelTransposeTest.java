package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

class PanelTransposeTest {
    @Test
    void packsEveryColumnAndDepthTailAndZeroesColumnsPastTheSource() {
        int ld = 77;
        for (int nr : new int[] {8, 16, 64}) {
            for (int cols : new int[] {1, 15, 16, 17, 33, 64}) {
                if (cols > nr) {
                    continue;
                }
                for (int kc : new int[] {1, 15, 16, 17, 31, 33, 48}) {
                    float[] source = new float[3 + cols * ld];
                    for (int i = 0; i < source.length; i++) {
                        source[i] = i * 0.5f + 1;
                    }
                    float[] panel = new float[5 + kc * nr];
                    java.util.Arrays.fill(panel, Float.NaN);
                    PanelTranspose.pack(MemorySegment.ofArray(source), 3, ld, cols, kc, nr,
                            MemorySegment.ofArray(panel), 5);
                    for (int p = 0; p < kc; p++) {
                        for (int j = 0; j < nr; j++) {
                            float expected = j < cols ? source[3 + j * ld + p] : 0f;
                            assertThat(panel[5 + p * nr + j]).as("nr %d cols %d kc %d p %d j %d", nr, cols, kc, p, j)
                                    .isEqualTo(expected);
                        }
                    }
                    assertThat(panel[0]).isNaN();
                }
            }
        }
    }

    @Test
    void readsANativeSourceIntoANativePanel() {
        try (var arena = java.lang.foreign.Arena.ofConfined()) {
            int cols = 40;
            int kc = 50;
            int nr = 64;
            MemorySegment source = arena.allocate((long) cols * kc * Float.BYTES, 64);
            for (int i = 0; i < cols * kc; i++) {
                source.setAtIndex(ValueLayout.JAVA_FLOAT, i, i);
            }
            MemorySegment panel = arena.allocate((long) kc * nr * Float.BYTES, 64);
            PanelTranspose.pack(source, 0, kc, cols, kc, nr, panel, 0);
            for (int p = 0; p < kc; p++) {
                for (int j = 0; j < nr; j++) {
                    assertThat(panel.getAtIndex(ValueLayout.JAVA_FLOAT, (long) p * nr + j))
                            .isEqualTo(j < cols ? (float) (j * kc + p) : 0f);
                }
            }
        }
    }
}
