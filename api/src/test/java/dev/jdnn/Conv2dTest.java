package dev.jdnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Conv2dTest {
    @Test
    void outputSizeFollowsTheFloorFormula() {
        // (56 + 1 + 1 - 1*(3-1) - 1) / 2 + 1 = 28
        Conv2d op = Conv2d.of(128, 128, 3).stride(2).padding(1);
        assertThat(op.outputShape(Shape.nchw(16, 128, 56, 56))).isEqualTo(Shape.nchw(16, 128, 28, 28));
    }

    @Test
    void outputSizeHonoursAsymmetricPaddingAndDilation() {
        // height: (10 + 0 + 2 - 2*(3-1) - 1) / 1 + 1 = 8; width: (7 + 1 + 0 - 2*2 - 1) / 2 + 1 = 2
        Conv2d op = new Conv2d(4, 6, 3, 3, 1, 2, new Padding(0, 1, 2, 0), 2, 2, 2, false);
        assertThat(op.outputShape(Shape.nchw(1, 4, 10, 7))).isEqualTo(Shape.nchw(1, 6, 8, 2));
    }

    @Test
    void shapesOfWeightsAndBias() {
        Conv2d op = Conv2d.of(128, 128, 3).groups(128);
        assertThat(op.weightShape()).isEqualTo(Shape.of(128, 1, 3, 3));
        assertThat(op.biasShape()).isEqualTo(Shape.of(128));
        assertThat(op.isDepthwise()).isTrue();
        assertThat(Conv2d.of(4, 8, 3).groups(2).isDepthwise()).isFalse();
    }

    @Test
    void rejectsChannelsNotDivisibleByGroups() {
        assertThatThrownBy(() -> Conv2d.of(6, 8, 3).groups(4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inChannels").hasMessageContaining("groups=4").hasMessageContaining("got 6");
    }

    @Test
    void rejectsNonPositiveSizes() {
        assertThatThrownBy(() -> Conv2d.of(3, 8, 3).stride(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strideH").hasMessageContaining(">= 1").hasMessageContaining("got 0");
        assertThatThrownBy(() -> Conv2d.of(0, 8, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inChannels").hasMessageContaining("got 0");
    }

    @Test
    void rejectsInputWithWrongRankOrChannels() {
        Conv2d op = Conv2d.of(3, 8, 3);
        assertThatThrownBy(() -> op.outputShape(Shape.of(3, 8, 8))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input").hasMessageContaining("rank 4").hasMessageContaining("[3, 8, 8]");
        assertThatThrownBy(() -> op.outputShape(Shape.nchw(1, 4, 8, 8))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 3 channels").hasMessageContaining("got 4");
    }

    @Test
    void rejectsPaddedSizesBeyondIntRangeInsteadOfWrappingAround() {
        Conv2d op = Conv2d.of(1, 1, 1).padding(new Padding(Integer.MAX_VALUE, 0, Integer.MAX_VALUE, 0));
        assertThatThrownBy(() -> op.outputShape(Shape.nchw(1, 1, 3, 1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Conv2d: input").hasMessageContaining("<= 2147483647")
                .hasMessageContaining("got 4294967297");
    }

    @Test
    void rejectsInputSmallerThanTheDilatedKernel() {
        Conv2d op = Conv2d.of(1, 1, 3).dilation(3);
        assertThatThrownBy(() -> op.outputShape(Shape.nchw(1, 1, 6, 6))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("extent 7").hasMessageContaining("got 6");
    }
}
