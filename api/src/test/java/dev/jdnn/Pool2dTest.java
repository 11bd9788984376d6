package dev.jdnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Pool2dTest {
    @Test
    void floorModeDropsThePartialWindow() {
        // (6 - 3) / 2 + 1 = 2
        assertThat(Pool2d.max(3, 2).outputShape(Shape.nchw(1, 1, 6, 6))).isEqualTo(Shape.nchw(1, 1, 2, 2));
    }

    @Test
    void ceilModeKeepsThePartialWindow() {
        // ceil((6 - 3) / 2) + 1 = 3, and the last window starts at 4 < 6: kept
        assertThat(Pool2d.max(3, 2).ceilMode(true).outputShape(Shape.nchw(1, 1, 6, 6))).isEqualTo(Shape.nchw(1, 1, 3, 3));
    }

    @Test
    void ceilModeDropsAWindowStartingInTheTrailingPadding() {
        // in 5, pad 1, kernel 2, stride 2: ceil((7 - 2) / 2) + 1 = 4, but window 3 starts at 6 >= 5 + 1: 3
        Pool2d op = Pool2d.max(2, 2).padding(1).ceilMode(true);
        assertThat(op.outputShape(Shape.nchw(1, 1, 5, 5))).isEqualTo(Shape.nchw(1, 1, 3, 3));
    }

    @Test
    void resnetStemPoolHalvesTheImage() {
        assertThat(Pool2d.max(3, 2).padding(1).outputShape(Shape.nchw(16, 64, 112, 112)))
                .isEqualTo(Shape.nchw(16, 64, 56, 56));
    }

    @Test
    void rejectsPaddingAsLargeAsTheKernel() {
        assertThatThrownBy(() -> Pool2d.max(2, 2).padding(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("padding.top").hasMessageContaining("< kernelH (2)").hasMessageContaining("got 2");
        assertThatThrownBy(() -> Pool2d.avg(3, 1).kernel(3, 2).padding(new Padding(0, 0, 0, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("padding.right")
                .hasMessageContaining("< kernelW (2)").hasMessageContaining("got 2");
    }

    @Test
    void acceptsAsymmetricPaddingOverHalfTheKernel() {
        // The held-out golden case of issue #12 item 8, rejected before as "expected <= half the kernel".
        Pool2d op = Pool2d.avg(3, 1).padding(new Padding(1, 0, 2, 1));
        assertThat(op.outputShape(Shape.nchw(1, 1, 4, 5))).isEqualTo(Shape.nchw(1, 1, 5, 4));
        assertThat(Pool2d.max(3, 2).padding(new Padding(2, 2, 2, 2)).ceilMode(true).outputShape(Shape.nchw(1, 1, 5, 5)))
                .isEqualTo(Shape.nchw(1, 1, 4, 4));
    }

    @Test
    void rejectsInputSmallerThanTheWindow() {
        assertThatThrownBy(() -> Pool2d.avg(3, 1).outputShape(Shape.nchw(1, 1, 2, 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kernel 3").hasMessageContaining("got 2");
    }
}
