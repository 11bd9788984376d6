package dev.jdnn.kernels.naive;

import dev.jdnn.Layout;
import dev.jdnn.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The strides read off {@link Layout#index} give {@code Layout.index} itself at every logical index. */
class ElementIndexTest {
    @ParameterizedTest
    @EnumSource(Layout.class)
    void agreesWithLayoutIndexEverywhere(Layout layout) {
        for (Shape shape : new Shape[] {Shape.nchw(1, 1, 1, 1), Shape.nchw(2, 3, 4, 5), Shape.nchw(3, 1, 7, 2),
                Shape.nchw(1, 17, 1, 3)}) {
            ElementIndex index = ElementIndex.of(layout, shape);
            for (int n = 0; n < shape.dim(0); n++) {
                for (int c = 0; c < shape.dim(1); c++) {
                    for (int h = 0; h < shape.dim(2); h++) {
                        for (int w = 0; w < shape.dim(3); w++) {
                            assertThat(index.of(n, c, h, w)).as("%s %s (%d, %d, %d, %d)", layout, shape, n, c, h, w)
                                    .isEqualTo(layout.index(shape, n, c, h, w));
                        }
                    }
                }
            }
        }
    }
}
