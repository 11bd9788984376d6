package dev.jdnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class TensorTest {
    @Test
    void allocateIsZeroedAndAligned() {
        try (Tensor t = Tensor.allocate(Shape.of(3, 5))) {
            assertThat(t.toArray()).containsOnly(0f).hasSize(15);
            assertThat(t.segment().address() % Tensor.ALIGNMENT).isZero();
            assertThat(t.segment().byteSize()).isEqualTo(60);
        }
    }

    @Test
    void getAndSetUseRowMajorIndices() {
        try (Tensor t = Tensor.of(Shape.of(2, 3), 0, 1, 2, 3, 4, 5)) {
            assertThat(t.get(1, 2)).isEqualTo(5f);
            t.set(-7f, 0, 1);
            assertThat(t.toArray()).containsExactly(0, -7, 2, 3, 4, 5);
        }
    }

    @Test
    void getRejectsIndexOutsideShape() {
        try (Tensor t = Tensor.allocate(Shape.of(2, 3))) {
            assertThatThrownBy(() -> t.get(2, 0)).isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessageContaining("index[0]").hasMessageContaining("0..1").hasMessageContaining("got 2");
            assertThatThrownBy(() -> t.get(1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected 2 indices").hasMessageContaining("got 1");
        }
    }

    @Test
    void copyFromAndFillOverwriteEverything() {
        try (Tensor t = Tensor.allocate(Shape.of(4))) {
            t.copyFrom(new float[] {1, 2, 3, 4});
            assertThat(t.toArray()).containsExactly(1, 2, 3, 4);
            t.fill(2.5f);
            assertThat(t.toArray()).containsExactly(2.5f, 2.5f, 2.5f, 2.5f);
            t.fill(0f);
            assertThat(t.toArray()).containsOnly(0f);
        }
    }

    @Test
    void copyFromRejectsWrongLengthAndWritesNothing() {
        try (Tensor t = Tensor.of(Shape.of(3), 1, 2, 3)) {
            assertThatThrownBy(() -> t.copyFrom(new float[] {9, 9})).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("values").hasMessageContaining("expected 3").hasMessageContaining("got 2");
            assertThat(t.toArray()).containsExactly(1, 2, 3);
        }
    }

    @Test
    void ofRejectsWrongValueCount() {
        assertThatThrownBy(() -> Tensor.of(Shape.of(2, 2), 1, 2, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 4").hasMessageContaining("got 3");
    }

    @Test
    void useAfterCloseThrows() {
        Tensor t = Tensor.allocate(Shape.of(2));
        t.close();
        t.close();
        assertThat(t.isClosed()).isTrue();
        assertThatThrownBy(t::segment).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> t.get(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(t::toArray).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reshapeSharesMemoryAndDiesWithItsOwner() {
        Tensor t = Tensor.of(Shape.of(2, 2), 1, 2, 3, 4);
        Tensor flat = t.reshape(Shape.of(4));
        flat.set(9f, 3);
        assertThat(t.get(1, 1)).isEqualTo(9f);
        t.close();
        assertThat(flat.isClosed()).isTrue();
        assertThatThrownBy(flat::segment).isInstanceOf(IllegalStateException.class).hasMessageContaining("freed");
    }

    @Test
    void reshapeRejectsOtherElementCount() {
        try (Tensor t = Tensor.allocate(Shape.of(2, 3))) {
            assertThatThrownBy(() -> t.reshape(Shape.of(5))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected 6").hasMessageContaining("[5]");
        }
    }

    @Test
    void wrapViewsCallerMemoryWithoutOwningIt() {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment seg = arena.allocate(64);
            Tensor t = Tensor.wrap(seg, Shape.of(2, 2));
            t.set(3f, 1, 0);
            t.close();
            assertThat(seg.scope().isAlive()).isTrue();
            assertThat(seg.getAtIndex(java.lang.foreign.ValueLayout.JAVA_FLOAT, 2)).isEqualTo(3f);
        }
    }

    @Test
    void wrapRejectsTooSmallOrHeapOrMisalignedSegments() {
        try (Arena arena = Arena.ofShared()) {
            MemorySegment seg = arena.allocate(64, 64);
            assertThatThrownBy(() -> Tensor.wrap(seg.asSlice(0, 8), Shape.of(3)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 12").hasMessageContaining("got 8");
            assertThatThrownBy(() -> Tensor.wrap(MemorySegment.ofArray(new float[4]), Shape.of(4)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("native");
            assertThatThrownBy(() -> Tensor.wrap(seg.asSlice(2), Shape.of(2)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("aligned");
        }
    }

    @Test
    void wrapOfAClosedArenasSegmentFailsAtOnce() {
        Arena arena = Arena.ofShared();
        MemorySegment seg = arena.allocate(64, 64);
        arena.close();
        assertThatThrownBy(() -> Tensor.wrap(seg, Shape.of(4))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Tensor.wrap").hasMessageContaining("segment").hasMessageContaining("closed");
    }

    @Test
    void allocateRejectsAByteSizeBeyondLongWithIllegalArgument() {
        int max = Integer.MAX_VALUE;
        Shape huge = Shape.of(max, max, 2);
        assertThatThrownBy(() -> Tensor.allocate(huge)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Tensor.allocate").hasMessageContaining("shape").hasMessageContaining(huge.toString());
        try (Arena arena = Arena.ofShared()) {
            assertThatThrownBy(() -> Tensor.allocate(huge, arena)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Tensor.allocate");
            MemorySegment seg = arena.allocate(64);
            assertThatThrownBy(() -> Tensor.wrap(seg, huge)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Tensor.wrap");
        }
    }

    @Test
    void copyToFillsTheWholeArrayInMemoryOrder() {
        try (Tensor t = Tensor.of(Shape.of(2, 3), 0, 1, 2, 3, 4, 5)) {
            float[] out = new float[6];
            t.copyTo(out);
            assertThat(out).containsExactly(0, 1, 2, 3, 4, 5);
            assertThatThrownBy(() -> t.copyTo(new float[5])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Tensor.copyTo").hasMessageContaining("expected 6").hasMessageContaining("got 5");
            assertThatThrownBy(() -> t.copyTo(null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("values");
        }
    }

    @Test
    void offsetCopiesMoveOnlyTheGivenRange() {
        try (Tensor t = Tensor.of(Shape.of(2, 3), 0, 1, 2, 3, 4, 5)) {
            t.copyFrom(new float[] {9, 8, 7, 6}, 1, 2, 3);
            assertThat(t.toArray()).containsExactly(0, 1, 8, 7, 6, 5);
            float[] out = {-1, -1, -1, -1};
            t.copyTo(3, out, 1, 2);
            assertThat(out).containsExactly(-1, 7, 6, -1);
            t.copyFrom(new float[0], 0, 6, 0);
            t.copyTo(6, out, 4, 0);
            assertThat(t.toArray()).containsExactly(0, 1, 8, 7, 6, 5);
        }
    }

    @Test
    void offsetCopiesRejectRangesOutsideArrayOrTensorAndWriteNothing() {
        try (Tensor t = Tensor.of(Shape.of(2, 3), 0, 1, 2, 3, 4, 5)) {
            float[] src = {9, 9, 9};
            assertThatThrownBy(() -> t.copyFrom(src, 0, 4, 3)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Tensor.copyFrom: offset").hasMessageContaining("0..3").hasMessageContaining("got 4");
            assertThatThrownBy(() -> t.copyFrom(src, 1, 0, 3)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("valuesOffset").hasMessageContaining("0..0").hasMessageContaining("got 1");
            assertThatThrownBy(() -> t.copyFrom(src, 0, -1, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("offset").hasMessageContaining("got -1");
            assertThatThrownBy(() -> t.copyFrom(src, 0, 0, -1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("length").hasMessageContaining("got -1");
            assertThat(t.toArray()).containsExactly(0, 1, 2, 3, 4, 5);
            float[] out = new float[2];
            assertThatThrownBy(() -> t.copyTo(5, out, 0, 2)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Tensor.copyTo: offset").hasMessageContaining("got 5");
            assertThatThrownBy(() -> t.copyTo(0, out, -1, 1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("valuesOffset").hasMessageContaining("got -1");
            assertThat(out).containsExactly(0, 0);
        }
        Tensor closed = Tensor.allocate(Shape.of(2));
        closed.close();
        assertThatThrownBy(() -> closed.copyTo(new float[2])).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> closed.copyFrom(new float[2], 0, 0, 2)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void fillWithNegativeZeroKeepsTheSign() {
        try (Tensor t = Tensor.allocate(Shape.of(3))) {
            t.fill(-0f);
            assertThat(Float.floatToRawIntBits(t.get(1))).isEqualTo(Float.floatToRawIntBits(-0f));
        }
    }

    @Test
    void closingAPinnedTensorThrowsAndKeepsTheMemory() {
        Tensor t = Tensor.of(Shape.of(2), 1, 2);
        Tensor view = t.reshape(Shape.of(2, 1));
        view.pin("conv2d forward");
        assertThatThrownBy(t::close).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Tensor.close").hasMessageContaining("1 in progress");
        assertThat(t.toArray()).containsExactly(1, 2);
        view.unpin();
        t.close();
        assertThat(view.isClosed()).isTrue();
        assertThatThrownBy(() -> view.pin("conv2d forward")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("conv2d forward");
    }

    @Test
    void rejectsMemoryConfinedToOneThreadOrReadOnly() {
        try (Arena confined = Arena.ofConfined(); Arena shared = Arena.ofShared()) {
            assertThatThrownBy(() -> Tensor.allocate(Shape.of(4), confined)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("arena").hasMessageContaining("confined to one thread");
            assertThatThrownBy(() -> Tensor.wrap(confined.allocate(16, 4), Shape.of(4)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("confined to one thread");
            assertThatThrownBy(() -> Tensor.wrap(shared.allocate(16, 4).asReadOnly(), Shape.of(4)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read-only");
        }
    }

    @Test
    void arenaAllocatedTensorLivesWithTheArena() {
        Tensor t;
        try (Arena arena = Arena.ofShared()) {
            t = Tensor.allocate(Shape.of(4), arena);
            t.fill(1f);
            assertThat(t.toArray()).containsOnly(1f);
        }
        assertThat(t.isClosed()).isTrue();
    }

    @Test
    void allocatingAndClosingManyTensorsDoesNotGrowNativeMemory() throws IOException {
        Shape shape = Shape.of(64, 64); // 16 KiB each: a leak of 100k would be 1.6 GiB
        for (int i = 0; i < 10_000; i++) {
            Tensor.allocate(shape).close();
        }
        long before = residentKiB();
        for (int i = 0; i < 100_000; i++) {
            try (Tensor t = Tensor.allocate(shape)) {
                t.set(1f, i % 64, 0);
            }
        }
        long growth = residentKiB() - before;
        assertThat(growth).as("RSS growth in KiB after 100k allocate/close of 16 KiB tensors").isLessThan(64 * 1024);
    }

    private static long residentKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("VmRSS not found in /proc/self/status");
    }
}
