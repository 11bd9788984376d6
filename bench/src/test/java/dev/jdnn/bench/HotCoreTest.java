package dev.jdnn.bench;

import dev.jdnn.Shape;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class HotCoreTest {

    @Test
    void readsEveryRowOfTheThreeTablesInFileOrder() {
        assertThat(HotCore.convShapes()).hasSize(11);
        assertThat(HotCore.convShapes().getFirst().id()).isEqualTo("lenet_c1");
        assertThat(HotCore.poolShapes()).extracting(PoolShape::id).containsExactly("pool_cifar", "pool_stem", "pool_lenet");
        assertThat(HotCore.denseShapes()).extracting(DenseShape::id).containsExactly("fc_lenet", "fc_big", "fc_b1");
    }

    @Test
    void keepsNotesThatContainCommas() {
        assertThat(HotCore.conv("cifar_c1").note()).isEqualTo("seed CIFAR-10 model conv1 (5x5x3x64, SAME)");
    }

    @Test
    void convGflopColumnAgreesWithTheOpBuiltFromTheRow() {
        for (ConvShape s : HotCore.convShapes()) {
            Shape out = s.op().outputShape(s.input());
            double gflop = 2.0 * s.n() * s.k() * out.dim(2) * out.dim(3) * (s.c() / s.groups()) * s.r() * s.s() / 1e9;
            assertThat(s.gflop()).as(s.id()).isCloseTo(gflop, within(1e-4));
        }
    }

    @Test
    void denseGflopColumnAgreesWithTheRow() {
        for (DenseShape s : HotCore.denseShapes()) {
            assertThat(s.gflop()).as(s.id()).isCloseTo(2.0 * s.n() * s.in() * s.out() / 1e9, within(1e-4));
        }
    }

    @Test
    void poolRowsBuildTheirOpWithKindWindowAndPadding() {
        PoolShape stem = HotCore.pool("pool_stem");
        assertThat(stem.op().outputShape(stem.input())).isEqualTo(Shape.nchw(16, 64, 56, 56));
        assertThat(HotCore.pool("pool_lenet").op().kind()).isEqualTo(dev.jdnn.Pool2d.Kind.AVG);
    }

    @Test
    void unknownIdIsRejectedWithTheKnownOnes() {
        assertThatThrownBy(() -> HotCore.conv("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lenet_c1");
    }
}
