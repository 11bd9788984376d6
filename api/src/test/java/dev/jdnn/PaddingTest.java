package dev.jdnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PaddingTest {
    @Test
    void sameWithOddTotalPutsTheExtraCellAfter() {
        // in 4, kernel 3, stride 2: out = ceil(4/2) = 2, total = (2-1)*2 + 3 - 4 = 1 -> before 0, after 1
        assertThat(Padding.same(4, 4, 3, 3, 2, 2)).isEqualTo(new Padding(0, 0, 1, 1));
    }

    @Test
    void sameKeepsSizeAtStrideOne() {
        // 5x5 kernel at stride 1: total 4, split 2 / 2 (the seed CIFAR model's SAME conv)
        assertThat(Padding.same(32, 32, 5, 5, 1, 1)).isEqualTo(Padding.of(2));
    }

    @Test
    void sameAccountsForDilation() {
        // kernel 3 dilated by 2 spans 5: total 4 at stride 1
        assertThat(Padding.same(10, 10, 3, 3, 1, 1, 2, 2)).isEqualTo(Padding.of(2));
    }

    @Test
    void sameNeverPadsNegatively() {
        // in 5, kernel 1, stride 2: out 3, total = 2*2 + 1 - 5 = 0
        assertThat(Padding.same(5, 5, 1, 1, 2, 2)).isEqualTo(Padding.NONE);
    }

    @Test
    void rejectsNegativeSideNamingIt() {
        assertThatThrownBy(() -> new Padding(0, -1, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("left").hasMessageContaining(">= 0").hasMessageContaining("got -1");
    }
}
