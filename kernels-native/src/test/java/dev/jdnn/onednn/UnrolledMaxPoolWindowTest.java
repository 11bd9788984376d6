package dev.jdnn.onednn;

import dev.jdnn.Layout;
import dev.jdnn.Pool2d;
import dev.jdnn.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which 2x2 max-pooling inputs take {@link VectorNhwcMaxPool}: all on two threads, on one thread
 * only those of more than {@link UnrolledMaxPoolWindow#ONE_THREAD_MIN_BYTES} (64 channels of 32x32
 * are 256 KiB an image, so 8 images are exactly 2 MiB).
 */
class UnrolledMaxPoolWindowTest {
    @ParameterizedTest
    @CsvSource({"8, 1, false", "9, 1, true", "64, 1, true", "1, 2, true", "8, 2, true"})
    void twoByTwoTakesOneThreadOnlyAboveTheCut(int images, int threads, boolean taken) {
        Shape input = Shape.nchw(images, 64, 32, 32);
        assertThat(UnrolledMaxPoolWindow.of(Pool2d.max(2, 2), input, Layout.NHWC, 16, threads))
                .isEqualTo(taken ? UnrolledMaxPoolWindow.TWO_BY_TWO : null);
    }

    @ParameterizedTest
    @CsvSource({"1", "2"})
    void lenetSecondPoolingLayerTakesTheWindowOnTwoThreadsOnly(int threads) {
        Shape input = Shape.nchw(64, 16, 8, 8);
        assertThat(UnrolledMaxPoolWindow.of(Pool2d.max(2, 2), input, Layout.NHWC, 16, threads))
                .isEqualTo(threads > 1 ? UnrolledMaxPoolWindow.TWO_BY_TWO : null);
    }
}
