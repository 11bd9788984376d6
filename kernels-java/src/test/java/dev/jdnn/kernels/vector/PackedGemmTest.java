package dev.jdnn.kernels.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.jdnn.Activation;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PackedGemmTest {
    private static final int[] EDGES = {1, 15, 17, 31, 33, 63, 65, 97};
    /** First bias element of a product whose epilogue does not start at the bias's element 0. */
    private static final int BIAS_SHIFT = 3;

    static Stream<Arguments> kernels() {
        return Stream.of(Arguments.of(new GemmMicroKernel512()), Arguments.of(new GemmMicroKernel256()),
                Arguments.of(new GemmMicroKernel128()));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void matchesTripleLoopOnEveryEdgeTileAndTranspose(GemmMicroKernel kernel) {
        PackedGemm gemm = new PackedGemm(kernel);
        GemmWorkspace ws = gemm.workspace(97, 97, 400);
        SplittableRandom random = new SplittableRandom(kernel.bits());
        for (int m : EDGES) {
            for (int n : EDGES) {
                for (int k : new int[] {1, 17, 400}) {
                    for (int t = 0; t < 4; t++) {
                        check(gemm, ws, m, n, k, (t & 1) != 0, (t & 2) != 0, t == 3, random);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void plainRowsOfAGiveTheBitsOfInterleavedPanels(GemmMicroKernel kernel) {
        PackedGemm gemm = new PackedGemm(kernel);
        // Sized for a depth of a whole KC block, a workspace takes a row-major A as plain rows; sized
        // for less, it interleaves A into MR-tall panels. Same products, same order, same bits.
        GemmWorkspace plain = gemm.workspace(PackedGemm.MC, 97, PackedGemm.KC);
        SplittableRandom random = new SplittableRandom(9);
        // One row; one full MR panel and a ragged one; two row blocks, the second 77 rows (ragged).
        for (int m : new int[] {1, kernel.rows() + 1, PackedGemm.MC + 77}) {
            // Sized for this m at depth 400, a workspace holds every block's interleaved panels but not
            // its KC-long plain rows (one sized for more rows would take short blocks as plain rows,
            // and the comparison could not fail).
            GemmWorkspace interleaved = gemm.workspace(m, 97, 400);
            for (int ic = 0; ic < m; ic += PackedGemm.MC) {
                int mc = Math.min(PackedGemm.MC, m - ic);
                assertThat(gemm.takesPlainRows(plain, mc, false)).as("plain rows for %d of %d rows", mc, m).isTrue();
                assertThat(gemm.takesPlainRows(interleaved, mc, false)).as("panels for %d of %d rows", mc, m).isFalse();
            }
            for (int n : new int[] {17, 65}) {
                for (boolean accumulate : new boolean[] {false, true}) {
                    Problem p = Problem.random(m, n, 400, false, true, random);
                    gemm.multiply(plain, m, n, 400, p.a, 0, p.lda, false, p.b, 0, p.ldb, true, p.c, 0, n, accumulate);
                    float[] fromRows = p.c.toArray(ValueLayout.JAVA_FLOAT);
                    assertClose(p.c, p.expected(accumulate), 400);
                    MemorySegment.copy(p.cValues, 0, p.c, ValueLayout.JAVA_FLOAT, 0, p.cValues.length);
                    gemm.multiply(interleaved, m, n, 400, p.a, 0, p.lda, false, p.b, 0, p.ldb, true, p.c, 0, n,
                            accumulate);
                    assertThat(p.c.toArray(ValueLayout.JAVA_FLOAT)).as("%dx%d, accumulate %s", m, n, accumulate)
                            .containsExactly(fromRows);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void aReadInPlaceGivesTheBitsOfCopiedRows(GemmMicroKernel kernel) {
        PackedGemm gemm = new PackedGemm(kernel);
        int k = PackedGemm.KC + 9;
        GemmWorkspace ws = gemm.workspace(PackedGemm.MC, kernel.columns() + 1, k);
        SplittableRandom random = new SplittableRandom(11);
        // Whole tiles only, a short last tile, two row blocks; one column, a part panel, a whole
        // panel (read in place), and more than a panel (copied as before); two depth blocks.
        for (int m : new int[] {kernel.rows(), 2 * kernel.rows() + 3, PackedGemm.MC + 5}) {
            for (int n : new int[] {1, kernel.columns() - 3, kernel.columns(), kernel.columns() + 1}) {
                for (boolean accumulate : new boolean[] {false, true}) {
                    Problem p = Problem.random(m, n, k, false, true, random);
                    gemm.multiply(ws, m, n, k, p.a, 0, p.lda, false, p.b, 0, p.ldb, true, p.c, 0, n, accumulate);
                    float[] copied = p.c.toArray(ValueLayout.JAVA_FLOAT);
                    MemorySegment.copy(p.cValues, 0, p.c, ValueLayout.JAVA_FLOAT, 0, p.cValues.length);
                    gemm.multiplyReadingAInPlace(ws, m, n, k, p.a, 0, p.lda, p.b, 0, p.ldb, true, p.c, 0, n,
                            accumulate);
                    assertThat(p.c.toArray(ValueLayout.JAVA_FLOAT)).as("%dx%d, accumulate %s", m, n, accumulate)
                            .containsExactly(copied);
                    assertClose(p.c, p.expected(accumulate), k);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void panelMajorWithAInPlaceGivesTheBitsOfMultiply(GemmMicroKernel kernel) {
        PackedGemm gemm = new PackedGemm(kernel);
        int mr = kernel.rows();
        int nr = kernel.columns();
        int k = PackedGemm.KC + 9;
        GemmWorkspace ws = gemm.workspace(2 * PackedGemm.MC + mr, 3 * nr + 5, k);
        SplittableRandom random = new SplittableRandom(12);
        // One row (a short tile alone), whole tiles and a short one, one and more row blocks; one
        // column, a part panel, a panel and one more column, several panels; one depth block and
        // two (the second short). C= and C+=, B as stored and transposed, with and without an
        // epilogue (bias per row or per column).
        for (int m : new int[] {1, 2 * mr + 3, PackedGemm.MC + 5, 2 * PackedGemm.MC + mr}) {
            for (int n : new int[] {1, nr - 3, nr + 1, 3 * nr + 5}) {
                for (int depth : new int[] {17, k}) {
                    for (int t = 0; t < 8; t++) {
                        boolean transB = (t & 1) != 0;
                        boolean accumulate = (t & 2) != 0;
                        GemmEpilogue epilogue = null;
                        if ((t & 4) != 0) {
                            epilogue = new GemmEpilogue(transB, Activation.RELU);
                            float[] bias = new float[BIAS_SHIFT + Math.max(m, n)];
                            for (int j = 0; j < bias.length; j++) {
                                bias[j] = (float) random.nextDouble(-1, 1);
                            }
                            epilogue.set(MemorySegment.ofArray(bias));
                        }
                        Problem p = Problem.random(m, n, depth, false, transB, random);
                        gemm.multiply(ws, m, n, depth, p.a, 0, p.lda, false, p.b, 0, p.ldb, transB, p.c, 0, n,
                                accumulate, epilogue, BIAS_SHIFT);
                        float[] packed = p.c.toArray(ValueLayout.JAVA_FLOAT);
                        if (epilogue == null && depth == k && m == PackedGemm.MC + 5 && n == 3 * nr + 5) {
                            assertClose(p.c, p.expected(accumulate), depth);
                        }
                        MemorySegment.copy(p.cValues, 0, p.c, ValueLayout.JAVA_FLOAT, 0, p.cValues.length);
                        gemm.multiplyPanelMajorReadingA(ws, m, n, depth, p.a, 0, p.lda, p.b, 0, p.ldb, transB, p.c, 0,
                                n, accumulate, epilogue, BIAS_SHIFT);
                        assertThat(p.c.toArray(ValueLayout.JAVA_FLOAT)).as("%dx%dx%d, case %d", m, n, depth, t)
                                .isEqualTo(packed);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void oneThreadRoutesLargeOverwritingProductsInPanelOrderWithTheSameBits(GemmMicroKernel kernel) {
        PackedGemm gemm = new PackedGemm(kernel);
        int mr = kernel.rows();
        SplittableRandom random = new SplittableRandom(13);
        // Past the route's threshold: a short last tile, two depth blocks (the second short); more
        // columns than one block at a shallow depth, B transposed.
        int n0 = ParallelGemm.MIN_PANEL_MAJOR_B / PackedGemm.KC + kernel.columns() / 2 + 3;
        int[][] shapes = {{PackedGemm.MC + 2 * mr + 3, n0, PackedGemm.KC + 9, 0},
            {PackedGemm.MC + 1, PackedGemm.NC + 37, 200, 1}};
        for (int[] shape : shapes) {
            int m = shape[0];
            int n = shape[1];
            int k = shape[2];
            boolean transB = shape[3] == 1;
            assertThat(ParallelGemm.inPanelOrder(m, n, k, false)).as("%dx%dx%d", m, n, k).isTrue();
            Problem p = Problem.random(m, n, k, false, transB, random);
            gemm.multiply(gemm.workspace(m, n, k), m, n, k, p.a, 0, p.lda, false, p.b, 0, p.ldb, transB, p.c, 0, n,
                    false);
            float[] packed = p.c.toArray(ValueLayout.JAVA_FLOAT);
            assertClose(p.c, p.expected(false), k);
            MemorySegment.copy(p.cValues, 0, p.c, ValueLayout.JAVA_FLOAT, 0, p.cValues.length);
            try (WorkerPool pool = new WorkerPool(1)) {
                new ParallelGemm(gemm, pool, m, n, k).multiply(m, n, k, p.a, 0, p.lda, false, p.b, 0, p.ldb, transB,
                        p.c, 0, n, false);
            }
            assertThat(p.c.toArray(ValueLayout.JAVA_FLOAT)).as("%dx%dx%d", m, n, k).isEqualTo(packed);
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void coversMoreColumnsThanOneBlock(GemmMicroKernel kernel) {
        PackedGemm gemm = new PackedGemm(kernel);
        int n = PackedGemm.NC + 37;
        check(gemm, gemm.workspace(7, n, 3), 7, n, 3, false, false, false, new SplittableRandom(3));
        check(gemm, gemm.workspace(7, n, 3), 7, n, 3, true, true, true, new SplittableRandom(4));
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void splitsRowsAndColumnsOverTwoWorkers(GemmMicroKernel kernel) {
        PackedGemm gemm = new PackedGemm(kernel);
        try (WorkerPool pool = new WorkerPool(2)) {
            ParallelGemm parallel = new ParallelGemm(gemm, pool, 130, 130, 70);
            SplittableRandom random = new SplittableRandom(5);
            for (int[] mnk : List.of(new int[] {130, 9, 70}, new int[] {9, 130, 70}, new int[] {1, 1, 1},
                    new int[] {65, 63, 33})) {
                for (int t = 0; t < 4; t++) {
                    boolean transA = (t & 1) != 0;
                    boolean transB = (t & 2) != 0;
                    Problem p = Problem.random(mnk[0], mnk[1], mnk[2], transA, transB, random);
                    parallel.multiply(p.m, p.n, p.k, p.a, 0, p.lda, transA, p.b, 0, p.ldb, transB, p.c, 0, p.n, false);
                    assertClose(p.c, p.expected(false), p.k);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void slabsClaimedByAnyMemberGiveTheBitsOfOneThread(GemmMicroKernel kernel) {
        PackedGemm gemm = new PackedGemm(kernel);
        SplittableRandom random = new SplittableRandom(6);
        // Wide enough in each direction to be cut into several slabs of rows, then of columns.
        for (int[] mnk : List.of(new int[] {4 * ParallelGemm.MIN_SLAB + 5, 19, 37},
                new int[] {21, 4 * ParallelGemm.MIN_SLAB + 7, 37})) {
            Problem p = Problem.random(mnk[0], mnk[1], mnk[2], true, false, random);
            float[] bias = new float[p.n];
            for (int j = 0; j < bias.length; j++) {
                bias[j] = (float) random.nextDouble(-1, 1);
            }
            GemmEpilogue epilogue = new GemmEpilogue(false, Activation.RELU);
            epilogue.set(MemorySegment.ofArray(bias));
            float[] one;
            try (WorkerPool pool = new WorkerPool(1)) {
                new ParallelGemm(gemm, pool, p.m, p.n, p.k).multiply(p.m, p.n, p.k, p.a, 0, p.lda, true, p.b, 0,
                        p.ldb, false, p.c, 0, p.n, false, epilogue, 0);
                one = p.c.toArray(ValueLayout.JAVA_FLOAT);
            }
            try (WorkerPool pool = new WorkerPool(2)) {
                ParallelGemm two = new ParallelGemm(gemm, pool, p.m, p.n, p.k);
                // The tiles ParallelGemm cuts along the larger dimension, from this kernel's MR or NR.
                boolean byRows = p.m >= p.n;
                int tile = byRows ? kernel.rows() : kernel.columns();
                int tiles = ((byRows ? p.m : p.n) + tile - 1) / tile;
                assertThat(ParallelGemm.slabs(Math.max(p.m, p.n), tiles, pool)).isGreaterThan(2);
                for (int run = 0; run < 3; run++) {
                    p.c.fill((byte) 0);
                    two.multiply(p.m, p.n, p.k, p.a, 0, p.lda, true, p.b, 0, p.ldb, false, p.c, 0, p.n, false,
                            epilogue, 0);
                    assertThat(p.c.toArray(ValueLayout.JAVA_FLOAT)).as("run %d, %dx%dx%d", run, p.m, p.n, p.k)
                            .containsExactly(one);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kernels")
    void sharedPackedBGivesTheBitsOfOneThread(GemmMicroKernel kernel) {
        PackedGemm gemm = new PackedGemm(kernel);
        SplittableRandom random = new SplittableRandom(8);
        // Several row blocks, two panels (the second ragged) and two depth blocks; then more columns
        // than one shared block holds, at a shallow depth; then enough columns for column slabs
        // (the last ragged). The route's threshold is lowered to these sizes so that the test stays
        // cheap.
        int mr = kernel.rows();
        int nr = kernel.columns();
        int sharedN = ParallelGemm.SHARED_NC + nr / 2 + 3;
        int slabN = ParallelGemm.SHARED_NC * ParallelGemm.SHARED_CHUNKS_PER_MEMBER * 2 + nr / 2 + 3;
        int[][] shapes = {{2 * PackedGemm.MC + 3 * mr + 1, nr + nr / 2 + 3, PackedGemm.KC + 7},
            {sharedN + 2 * mr + 1, sharedN, 20}, {slabN + mr + 1, slabN, 20}};
        assertThat(ParallelGemm.sharesB(1024, 1024, 1024, 2, ParallelGemm.MIN_SHARED_B)).isTrue();
        assertThat(ParallelGemm.packsBPerColumnSlab(sharedN, 2)).isFalse();
        assertThat(ParallelGemm.packsBPerColumnSlab(slabN, 2)).isTrue();
        assertThat(ParallelGemm.packsBPerColumnSlab(1024, 2)).isTrue();
        for (int shape = 0; shape < 2 * shapes.length; shape++) {
            int m = shapes[shape / 2][0];
            int n = shapes[shape / 2][1];
            int k = shapes[shape / 2][2];
            int minSharedB = Math.min(n, k);
            assertThat(ParallelGemm.sharesB(m, n, k, 2, minSharedB)).isTrue();
            boolean transposed = shape % 2 == 1;
            Problem p = Problem.random(m, n, k, transposed, !transposed, random);
            // Transposed: bias per column, accumulating. Plain: bias per row (a convolution's output
            // channel, multiplyRowRange's other index), starting at element BIAS_SHIFT, overwriting.
            boolean perRow = !transposed;
            float[] bias = new float[perRow ? BIAS_SHIFT + m : n];
            for (int j = 0; j < bias.length; j++) {
                bias[j] = (float) random.nextDouble(-1, 1);
            }
            GemmEpilogue epilogue = new GemmEpilogue(perRow, Activation.RELU);
            epilogue.set(MemorySegment.ofArray(bias));
            long biasIndex = perRow ? BIAS_SHIFT : 0;
            float[] one;
            try (WorkerPool pool = new WorkerPool(1)) {
                new ParallelGemm(gemm, pool, m, n, k, minSharedB).multiply(m, n, k, p.a, 0, p.lda, transposed, p.b, 0,
                        p.ldb, !transposed, p.c, 0, n, transposed, epilogue, biasIndex);
                one = p.c.toArray(ValueLayout.JAVA_FLOAT);
            }
            if (perRow) {
                float[] expected = p.expected(false);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        expected[i * n + j] = Math.max(0f, expected[i * n + j] + bias[BIAS_SHIFT + i]);
                    }
                }
                assertClose(p.c, expected, k);
            }
            try (WorkerPool pool = new WorkerPool(2)) {
                ParallelGemm two = new ParallelGemm(gemm, pool, m, n, k, minSharedB);
                assertThat(two.preparedSharedB()).isTrue();
                for (int run = 0; run < 2; run++) {
                    MemorySegment.copy(p.cValues, 0, p.c, ValueLayout.JAVA_FLOAT, 0, p.cValues.length);
                    two.multiply(m, n, k, p.a, 0, p.lda, transposed, p.b, 0, p.ldb, !transposed, p.c, 0, n,
                            transposed, epilogue, biasIndex);
                    // isEqualTo compares float arrays bit for bit in one pass (containsExactly's diff
                    // is quadratic on a miss and slow on 270k elements).
                    assertThat(p.c.toArray(ValueLayout.JAVA_FLOAT)).as("run %d, %dx%dx%d, transposed %s", run, m, n, k,
                            transposed).isEqualTo(one);
                }
            }
        }
    }

    private static void check(PackedGemm gemm, GemmWorkspace ws, int m, int n, int k, boolean transA, boolean transB,
            boolean accumulate, SplittableRandom random) {
        Problem p = Problem.random(m, n, k, transA, transB, random);
        float[] expected = p.expected(accumulate);
        gemm.multiply(ws, m, n, k, p.a, 0, p.lda, transA, p.b, 0, p.ldb, transB, p.c, 0, n, accumulate);
        assertClose(p.c, expected, k);
    }

    private static void assertClose(MemorySegment c, float[] expected, int k) {
        float[] actual = c.toArray(ValueLayout.JAVA_FLOAT);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i],
                    offset(1e-5f * k + 1e-5f));
        }
    }

    /** Random operands in the stored layout, C pre-filled so that overwrite vs accumulate shows. */
    private record Problem(int m, int n, int k, boolean transA, boolean transB, MemorySegment a, int lda,
            MemorySegment b, int ldb, MemorySegment c, float[] aValues, float[] bValues, float[] cValues) {

        static Problem random(int m, int n, int k, boolean transA, boolean transB, SplittableRandom random) {
            float[] av = values(m * k, random);
            float[] bv = values(k * n, random);
            float[] cv = values(m * n, random);
            return new Problem(m, n, k, transA, transB, MemorySegment.ofArray(av.clone()), transA ? m : k,
                    MemorySegment.ofArray(bv.clone()), transB ? k : n, MemorySegment.ofArray(cv.clone()), av, bv, cv);
        }

        private static float[] values(int count, SplittableRandom random) {
            float[] v = new float[count];
            for (int i = 0; i < count; i++) {
                v[i] = (float) (random.nextDouble() * 2 - 1);
            }
            return v;
        }

        float[] expected(boolean accumulate) {
            float[] out = new float[m * n];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = accumulate ? cValues[i * n + j] : 0;
                    for (int p = 0; p < k; p++) {
                        float x = transA ? aValues[p * m + i] : aValues[i * k + p];
                        float y = transB ? bValues[j * k + p] : bValues[p * n + j];
                        sum += (double) x * y;
                    }
                    out[i * n + j] = (float) sum;
                }
            }
            return out;
        }
    }
}
