package dev.jdnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DenseTest {
    @Test
    void shapesFollowTheRowMajorConvention() {
        Dense op = Dense.of(400, 120);
        assertThat(op.inputShape(64)).isEqualTo(Shape.of(64, 400));
        assertThat(op.outputShape(64)).isEqualTo(Shape.of(64, 120));
        assertThat(op.weightShape()).isEqualTo(Shape.of(120, 400));
        assertThat(op.biasShape()).isEqualTo(Shape.of(120));
    }

    @Test
    void rejectsNonPositiveSizes() {
        assertThatThrownBy(() -> new Dense(0, 3, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inFeatures").hasMessageContaining("got 0");
        assertThatThrownBy(() -> Dense.of(3, 3).outputShape(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch").hasMessageContaining("got 0");
    }
}
