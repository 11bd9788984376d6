package dev.jdnn.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceCheckTest {
    private final ReferenceCheck check = new ReferenceCheck("test conv.fwd on s");

    @Test
    void acceptsEveryImageEqualToTheReferenceUpToRounding() {
        float[] image = {1f, -2f, 3f};
        float[] batch = {1f, -2f, 3f, 1.000001f, -2f, 2.999999f};
        assertThatCode(() -> check.requireEveryImage("y", batch, image)).doesNotThrowAnyException();
    }

    @Test
    void rejectsABatchWhoseLaterImageIsMissing() {
        float[] image = {1f, -2f, 3f};
        float[] batch = {1f, -2f, 3f, 0f, 0f, 0f};
        assertThatThrownBy(() -> check.requireEveryImage("y", batch, image))
                .isInstanceOf(ReferenceMismatchException.class)
                .hasMessageContaining("test conv.fwd on s differs from naive")
                .hasMessageContaining("y[3] = 0.0, naive gives 1.0");
    }

    @Test
    void rejectsNaN() {
        assertThatThrownBy(() -> check.requireEveryImage("y", new float[] {Float.NaN}, new float[] {1f}))
                .isInstanceOf(ReferenceMismatchException.class);
    }

    @Test
    void gradientOfEqualImagesMustBeTheBatchSizeTimesNaivesForOne() {
        float[] one = {0.5f, -1f};
        assertThatCode(() -> check.requireScaled("dw", new float[] {2f, -4f}, one, 4)).doesNotThrowAnyException();
        assertThatThrownBy(() -> check.requireScaled("dw", new float[] {0.5f, -1f}, one, 4))
                .isInstanceOf(ReferenceMismatchException.class).hasMessageContaining("dw[0]");
    }
}
