package dev.jdnn.kernels.naive;

import dev.jdnn.Backend;
import dev.jdnn.Backends;
import dev.jdnn.Layout;
import dev.jdnn.Shape;
import dev.jdnn.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;

import static org.assertj.core.api.Assertions.assertThat;

/** Naive reorder against a hand-written NHWC memory order, and the same-layout copies. */
class NaiveReorderTest {
    private final Backend backend = Backends.open("naive");
    private final Arena arena = Arena.ofShared();

    @AfterEach
    void close() {
        arena.close();
        backend.close();
    }

    /** {@code [1, 2, 2, 3]}: channel 0 holds 0..5, channel 1 holds 10..15; NHWC interleaves them per pixel. */
    @Test
    void nchwToNhwcInterleavesTheChannelsOfEachPixelAndBack() {
        Shape shape = Shape.nchw(1, 2, 2, 3);
        Tensor nchw = Tensor.allocate(shape, arena);
        nchw.copyFrom(new float[] {0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15});
        Tensor nhwc = Tensor.allocate(shape, Layout.NHWC, arena);
        backend.reorder(nchw, nhwc);
        assertThat(nhwc.toArray()).containsExactly(0, 10, 1, 11, 2, 12, 3, 13, 4, 14, 5, 15);
        assertThat(nhwc.get(0, 1, 1, 2)).isEqualTo(15);
        Tensor back = Tensor.allocate(shape, arena);
        backend.reorder(nhwc, back);
        assertThat(back.toArray()).containsExactly(nchw.toArray());
    }

    @Test
    void sameLayoutAndOtherRanksAreCopies() {
        Tensor a = Tensor.allocate(Shape.of(2, 3), arena);
        a.copyFrom(new float[] {1, 2, 3, 4, 5, 6});
        Tensor b = Tensor.allocate(Shape.of(2, 3), arena);
        backend.reorder(a, b);
        assertThat(b.toArray()).containsExactly(1, 2, 3, 4, 5, 6);
        Shape shape = Shape.nchw(2, 2, 1, 2);
        Tensor c = Tensor.allocate(shape, Layout.NHWC, arena);
        c.copyFrom(new float[] {1, 2, 3, 4, 5, 6, 7, 8});
        Tensor d = Tensor.allocate(shape, Layout.NHWC, arena);
        backend.reorder(c, d);
        assertThat(d.toArray()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }
}
