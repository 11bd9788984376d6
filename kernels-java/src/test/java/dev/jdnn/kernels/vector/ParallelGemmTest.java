package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@link ParallelGemm} settles when it is built: the shared-B route's invariant on the
 * kernel's panel width, and its one buffer allocated then rather than inside a product. (The bits
 * of its routes are compared in {@link PackedGemmTest}.)
 */
class ParallelGemmTest {

    @ParameterizedTest
    @MethodSource("dev.jdnn.kernels.vector.PackedGemmTest#kernels")
    void everyKernelsPanelsTileTheSharedBlock(GemmMicroKernel kernel) {
        assertThat(ParallelGemm.SHARED_NC % kernel.columns()).isZero();
        try (WorkerPool pool = new WorkerPool(2)) {
            assertThat(new ParallelGemm(new PackedGemm(kernel), pool, 8, 8, 8).gemm().kernel()).isSameAs(kernel);
        }
    }

    @Test
    void oneThreadGoesPanelMajorOnlyForLargeOverwritingProducts() {
        int mc = PackedGemm.MC;
        assertThat(ParallelGemm.inPanelOrder(1024, 1024, 1024, false)).isTrue();
        // Adding into C would send every tile through the edge tile.
        assertThat(ParallelGemm.inPanelOrder(1024, 1024, 1024, true)).isFalse();
        // One row block: multiply already meets each panel once.
        assertThat(ParallelGemm.inPanelOrder(mc, 1024, 1024, false)).isFalse();
        assertThat(ParallelGemm.inPanelOrder(mc + 1, 1024, 1024, false)).isTrue();
        // A packed B block of at most 1 MiB stays in L2; depth counts up to one block, columns up to NC.
        assertThat(ParallelGemm.inPanelOrder(1024, 256, 1024, false)).isFalse();
        assertThat(ParallelGemm.inPanelOrder(1024, 256, 4 * PackedGemm.KC, false)).isFalse();
        assertThat(ParallelGemm.inPanelOrder(1024, 257, 1024, false)).isTrue();
        assertThat(ParallelGemm.inPanelOrder(1024, 4 * PackedGemm.NC, 128, false)).isFalse();
        assertThat(ParallelGemm.inPanelOrder(1024, 4 * PackedGemm.NC, 129, false)).isTrue();
    }

    @Test
    void refusesAKernelWhosePanelsWouldEndASharedBlockInAPartialPanel() {
        // 256 columns are 5 1/3 panels of 48: the last would go through the edge tile (other bits
        // than the single-thread route) and its packing would run past the shared block.
        try (WorkerPool pool = new WorkerPool(2)) {
            PackedGemm gemm = new PackedGemm(new PanelWidthOnly(48));
            assertThatThrownBy(() -> new ParallelGemm(gemm, pool, 1024, 1024, 1024))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NR 48")
                    .hasMessageContaining(String.valueOf(ParallelGemm.SHARED_NC));
        }
    }

    @Test
    void allocatesTheSharedBlockWhenBuiltWhereverTheRouteIsReachable() {
        PackedGemm gemm = new PackedGemm(new GemmMicroKernel128());
        int min = ParallelGemm.MIN_SHARED_B;
        try (WorkerPool two = new WorkerPool(2); WorkerPool one = new WorkerPool(1)) {
            // Before any product: a plan never allocates it in a run.
            assertThat(new ParallelGemm(gemm, two, min, min, min).preparedSharedB()).isTrue();
            assertThat(new ParallelGemm(gemm, two, 4 * min, 4 * min, 4 * min).preparedSharedB()).isTrue();
            // Where no product within the maxima takes the route, no megabyte is spent on it.
            assertThat(new ParallelGemm(gemm, one, 4 * min, 4 * min, 4 * min).preparedSharedB()).isFalse();
            assertThat(new ParallelGemm(gemm, two, min - 1, 4 * min, 4 * min).preparedSharedB()).isFalse();
            assertThat(new ParallelGemm(gemm, two, 4 * min, min - 1, 4 * min).preparedSharedB()).isFalse();
            assertThat(new ParallelGemm(gemm, two, 4 * min, 4 * min, min - 1).preparedSharedB()).isFalse();
            // The test threshold moves the boundary with it.
            assertThat(new ParallelGemm(gemm, two, 40, 40, 40, 40).preparedSharedB()).isTrue();
            assertThat(new ParallelGemm(gemm, two, 40, 39, 40, 40).preparedSharedB()).isFalse();
        }
    }

    @Test
    void aPlansSmallestDimensionDecidesTheSharedBlock() {
        PackedGemm gemm = new PackedGemm(new GemmMicroKernel128());
        int min = ParallelGemm.MIN_SHARED_B;
        try (WorkerPool two = new WorkerPool(2)) {
            // fc_big's maxima (4096) with batch 64 in every product: no product can share B.
            assertThat(ParallelGemm.forPlan(gemm, two, 4096, 4096, 4096, 64).preparedSharedB()).isFalse();
            assertThat(ParallelGemm.forPlan(gemm, two, 4096, 4096, 4096, min - 1).preparedSharedB()).isFalse();
            assertThat(ParallelGemm.forPlan(gemm, two, 4096, 4096, 4096, min).preparedSharedB()).isTrue();
            // A smallest dimension above the maxima is bounded by them.
            assertThat(ParallelGemm.forPlan(gemm, two, min - 1, 4096, 4096, 4096).preparedSharedB()).isFalse();
        }
    }

    /** A kernel that only reports a panel width: the constructor must refuse it before any product. */
    private record PanelWidthOnly(int columns) implements GemmMicroKernel {
        @Override
        public int rows() {
            return 4;
        }

        @Override
        public int bits() {
            return 512;
        }

        @Override
        public void multiply(int kc, float[] a, int aOffset, MemorySegment b, long bByteOffset, MemorySegment c,
                long cByteOffset, long cRowBytes) {
            throw new UnsupportedOperationException("no product reaches this kernel");
        }

        @Override
        public void multiplyAdd(int kc, float[] a, int aOffset, MemorySegment b, long bByteOffset, MemorySegment c,
                long cByteOffset, long cRowBytes) {
            throw new UnsupportedOperationException("no product reaches this kernel");
        }

        @Override
        public void multiplyRows(int kc, float[] a, int aOffset, MemorySegment b, long bByteOffset, MemorySegment c,
                long cByteOffset, long cRowBytes) {
            throw new UnsupportedOperationException("no product reaches this kernel");
        }

        @Override
        public void multiplyAddRows(int kc, float[] a, int aOffset, MemorySegment b, long bByteOffset,
                MemorySegment c, long cByteOffset, long cRowBytes) {
            throw new UnsupportedOperationException("no product reaches this kernel");
        }

        @Override
        public void multiplyRowsFrom(int kc, MemorySegment a, long aByteOffset, long aRowBytes, MemorySegment b,
                long bByteOffset, MemorySegment c, long cByteOffset, long cRowBytes) {
            throw new UnsupportedOperationException("no product reaches this kernel");
        }

        @Override
        public void packPanel(int kc, MemorySegment b, long bByteOffset, long bRowBytes, MemorySegment dst,
                long dstByteOffset) {
            throw new UnsupportedOperationException("no product reaches this kernel");
        }
    }
}
