package dev.jdnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShapeTest {
    @Test
    void nchwHasFourDimensionsInOrder() {
        Shape s = Shape.nchw(16, 64, 56, 56);
        assertThat(s.rank()).isEqualTo(4);
        assertThat(s.dims()).containsExactly(16, 64, 56, 56);
        assertThat(s.elementCount()).isEqualTo(16L * 64 * 56 * 56);
        assertThat(s).hasToString("[16, 64, 56, 56]");
    }

    @Test
    void equalityIsByValue() {
        assertThat(Shape.of(2, 3)).isEqualTo(Shape.of(2, 3)).hasSameHashCodeAs(Shape.of(2, 3));
        assertThat(Shape.of(2, 3)).isNotEqualTo(Shape.of(3, 2));
    }

    @Test
    void elementCountIsLongForHugeShapes() {
        assertThat(Shape.of(65536, 65536).elementCount()).isEqualTo(1L << 32);
    }

    @Test
    void rejectsElementCountBeyondLongWithIllegalArgument() {
        int max = Integer.MAX_VALUE;
        assertThatThrownBy(() -> Shape.of(max, max, max)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Shape.of").hasMessageContaining("element count")
                .hasMessageContaining("[2147483647, 2147483647, 2147483647]");
    }

    @Test
    void dimsReturnsACopy() {
        Shape s = Shape.of(2, 3);
        s.dims()[0] = 99;
        assertThat(s.dim(0)).isEqualTo(2);
    }

    @Test
    void rejectsNonPositiveDimensionNamingIndexAndValue() {
        assertThatThrownBy(() -> Shape.of(2, 0, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dims[1]").hasMessageContaining(">= 1").hasMessageContaining("got 0");
    }

    @Test
    void rejectsEmptyDimensions() {
        assertThatThrownBy(Shape::of).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one dimension");
    }

    @Test
    void dimOutOfRangeNamesTheRange() {
        assertThatThrownBy(() -> Shape.of(2, 3).dim(2)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("0..1").hasMessageContaining("got 2");
    }
}
