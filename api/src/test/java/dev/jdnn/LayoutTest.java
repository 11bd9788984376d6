package dev.jdnn;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LayoutTest {
    private static final Shape SHAPE = Shape.nchw(2, 3, 4, 5);

    @Test
    void nchwIsRowMajorOverTheLogicalShape() {
        assertThat(Layout.NCHW.index(SHAPE, 1, 2, 3, 4)).isEqualTo(((1 * 3 + 2) * 4 + 3) * 5 + 4);
        assertThat(Layout.NCHW.memoryShape(SHAPE)).isEqualTo(SHAPE);
    }

    @Test
    void nhwcKeepsOnePixelsChannelsTogether() {
        assertThat(Layout.NHWC.index(SHAPE, 1, 2, 3, 4)).isEqualTo(((1 * 4 + 3) * 5 + 4) * 3 + 2);
        assertThat(Layout.NHWC.index(SHAPE, 0, 1, 0, 0) - Layout.NHWC.index(SHAPE, 0, 0, 0, 0)).isEqualTo(1);
        assertThat(Layout.NHWC.memoryShape(SHAPE)).isEqualTo(Shape.of(2, 4, 5, 3));
    }

    @Test
    void everyElementHasItsOwnPlaceInBothLayouts() {
        for (Layout layout : Layout.values()) {
            boolean[] seen = new boolean[(int) SHAPE.elementCount()];
            for (int n = 0; n < 2; n++) {
                for (int c = 0; c < 3; c++) {
                    for (int h = 0; h < 4; h++) {
                        for (int w = 0; w < 5; w++) {
                            int i = (int) layout.index(SHAPE, n, c, h, w);
                            assertThat(seen[i]).as("%s index %d", layout, i).isFalse();
                            seen[i] = true;
                        }
                    }
                }
            }
        }
    }

    @Test
    void onlyRankFourShapesHaveALayout() {
        assertThatThrownBy(() -> Layout.NHWC.index(Shape.of(2, 3), 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected rank 4");
        assertThatThrownBy(() -> Layout.NHWC.memoryShape(Shape.of(2, 3, 4)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Layout.memoryShape: logical: expected rank 4 [n, c, h, w], got [2, 3, 4]");
    }
}
