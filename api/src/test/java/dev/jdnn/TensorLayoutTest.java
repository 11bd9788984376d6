package dev.jdnn;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TensorLayoutTest {
    @Test
    void getAndSetUseLogicalIndicesWhileTheArrayIsInMemoryOrder() {
        try (Tensor t = Tensor.allocate(Shape.nchw(1, 2, 2, 3), Layout.NHWC)) {
            assertThat(t.layout()).isEqualTo(Layout.NHWC);
            assertThat(t.shape()).isEqualTo(Shape.nchw(1, 2, 2, 3));
            t.set(7f, 0, 1, 0, 2);
            float[] memory = t.toArray();
            // pixel (0, 2) comes third in row 0; its channel 1 is the second float of that pixel
            assertThat(memory[2 * 2 + 1]).isEqualTo(7f);
            assertThat(t.get(0, 1, 0, 2)).isEqualTo(7f);
            memory[0] = 5f;
            t.copyFrom(memory);
            assertThat(t.get(0, 0, 0, 0)).isEqualTo(5f);
        }
    }

    @Test
    void everyLogicalIndexLandsWhereTheLayoutPutsIt() {
        Shape shape = Shape.nchw(2, 3, 4, 5);
        for (Layout layout : Layout.values()) {
            try (Tensor t = Tensor.allocate(shape, layout)) {
                for (int n = 0; n < 2; n++) {
                    for (int c = 0; c < 3; c++) {
                        for (int h = 0; h < 4; h++) {
                            for (int w = 0; w < 5; w++) {
                                t.set(1000 * n + 100 * c + 10 * h + w, n, c, h, w);
                            }
                        }
                    }
                }
                float[] memory = t.toArray();
                for (int n = 0; n < 2; n++) {
                    for (int c = 0; c < 3; c++) {
                        for (int h = 0; h < 4; h++) {
                            for (int w = 0; w < 5; w++) {
                                assertThat(memory[(int) layout.index(shape, n, c, h, w)])
                                        .isEqualTo(1000 * n + 100 * c + 10 * h + w);
                                assertThat(t.get(n, c, h, w)).isEqualTo(1000 * n + 100 * c + 10 * h + w);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void anNhwcTensorKeepsItsLayoutOrFlattensButNeverChangesItsFourDimensions() {
        try (Tensor t = Tensor.allocate(Shape.nchw(1, 2, 3, 4), Layout.NHWC)) {
            t.set(7f, 0, 1, 0, 0);
            Tensor same = t.reshape(Shape.nchw(1, 2, 3, 4));
            assertThat(same.layout()).isEqualTo(Layout.NHWC);
            assertThat(same.get(0, 1, 0, 0)).isEqualTo(7f);
            assertThatThrownBy(() -> t.reshape(Shape.nchw(1, 6, 2, 2))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Tensor.reshape: shape: expected [1, 2, 3, 4]")
                    .hasMessageContaining("Backend.reorder it to NCHW first");
            assertThat(t.reshape(Shape.of(1, 24)).layout()).isEqualTo(Layout.NCHW);
        }
    }

    @Test
    void tensorsAreNchwUnlessMadeOtherwise() {
        try (Tensor t = Tensor.allocate(Shape.of(3, 4)); Arena arena = Arena.ofShared()) {
            assertThat(t.layout()).isEqualTo(Layout.NCHW);
            Tensor wrapped = Tensor.wrap(arena.allocate(4 * 24), Shape.nchw(1, 2, 3, 4), Layout.NHWC);
            assertThat(wrapped.layout()).isEqualTo(Layout.NHWC);
            assertThat(Tensor.allocate(Shape.nchw(1, 2, 3, 4), Layout.NHWC, arena).layout()).isEqualTo(Layout.NHWC);
            assertThat(wrapped.toString()).contains("NHWC");
        }
    }

    @Test
    void aReshapedViewIsRowMajorOverTheSameMemoryOrder() {
        try (Tensor t = Tensor.allocate(Shape.nchw(1, 2, 1, 2), Layout.NHWC)) {
            t.set(1f, 0, 0, 0, 0);
            t.set(2f, 0, 1, 0, 0);
            t.set(3f, 0, 0, 0, 1);
            Tensor flat = t.reshape(Shape.of(1, 4));
            assertThat(flat.layout()).isEqualTo(Layout.NCHW);
            assertThat(flat.toArray()).containsExactly(1f, 2f, 3f, 0f);
        }
    }

    @Test
    void channelsLastNeedsRankFourAndALayout() {
        assertThatThrownBy(() -> Tensor.allocate(Shape.of(2, 3), Layout.NHWC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Tensor.allocate: layout: expected NCHW (row-major) for a tensor of rank 2 [2, 3], got NHWC,"
                        + " which needs rank 4 [n, c, h, w]");
        assertThatThrownBy(() -> Tensor.allocate(Shape.of(2, 3), (Layout) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Tensor.allocate: layout: expected a Layout (NCHW or NHWC), got null");
        try (Arena arena = Arena.ofShared()) {
            assertThatThrownBy(() -> Tensor.wrap(arena.allocate(64), Shape.of(4), Layout.NHWC))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Tensor.wrap: layout");
        }
    }
}
