package dev.jdnn.onednn;

import dev.jdnn.Layout;
import dev.jdnn.Padding;
import dev.jdnn.Pool2d;
import dev.jdnn.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which NHWC max-pooling inputs take {@link VectorNhwcMaxPool}: the 2x2 window on two threads only,
 * small and large inputs alike (LeNet-5's second pooling layer at batch 64 and at its evaluation
 * batch of 500, pool_cifar); the padded 3x3 window on any number of threads.
 */
class UnrolledMaxPoolWindowTest {
    @ParameterizedTest
    @CsvSource({"64, 16, 10, 1", "500, 16, 10, 1", "64, 64, 32, 1", "64, 16, 10, 2", "500, 16, 10, 2",
        "64, 64, 32, 2"})
    void twoByTwoTakesTwoOrMoreThreadsAtAnySize(int images, int channels, int size, int threads) {
        Shape input = Shape.nchw(images, channels, size, size);
        assertThat(UnrolledMaxPoolWindow.of(Pool2d.max(2, 2), input, Layout.NHWC, 16, threads))
                .isEqualTo(threads > 1 ? UnrolledMaxPoolWindow.TWO_BY_TWO : null);
    }

    @ParameterizedTest
    @CsvSource({"1", "2"})
    void paddedThreeByThreeTakesAnyThreadCount(int threads) {
        Pool2d op = Pool2d.max(3, 2).padding(new Padding(1, 1, 1, 1));
        assertThat(UnrolledMaxPoolWindow.of(op, Shape.nchw(16, 64, 112, 112), Layout.NHWC, 16, threads))
                .isEqualTo(UnrolledMaxPoolWindow.THREE_BY_THREE);
    }
}
